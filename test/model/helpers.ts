// Shared helpers for the engine tests: build a model for an input and compare Jacobians.

import { build } from '../../src/model/derive.ts';
import { CoolingModel } from '../../src/model/rhs.ts';
import { normalizeInput } from '../../src/model/validate.ts';
import type { SimulationInput } from '../../src/model/types.ts';
import { S } from '../../src/model/state.ts';

/** Temperature components (K): a difference step of at least 10 mK, so that rounding in rows of O(1e3 K ps^-1)
 *  terms (the e − h difference rows) does not swamp the step. */
const KELVIN = new Set<number>([S.tc, S.tcMulti, S.ta, S.dtc, S.dtcMulti]);

export function modelFor(input: SimulationInput): CoolingModel {
  return new CoolingModel(build(normalizeInput(input)).coefficients);
}

/** Largest relative mismatch between the analytic Jacobian and central differences of the rhs. */
export function jacobianMismatch(model: CoolingModel, t: number, y: Float64Array, physical = true): number {
  // The solver-facing system leaves out the ΔT pair when electrons and holes are alike and the unused LO bins
  // (rhs.ts, solverIndex).
  const n = physical ? model.size : model.solverSize;
  if (!physical) y = model.toSolver(y);
  const jac = new Float64Array(n * n);
  const rhs = (tt: number, yy: Float64Array, out: Float64Array) => (physical ? model.rhsPhysical(tt, yy, out) : model.rhs(tt, yy, out));
  if (physical) model.jacobianPhysical(t, y, jac);
  else model.jacobian(t, y, jac);
  const fp = new Float64Array(n);
  const fm = new Float64Array(n);
  // Row scale: the largest magnitude in each row, so that tiny entries are judged against their row.
  const rowScale = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) rowScale[i] = Math.max(rowScale[i], Math.abs(jac[i * n + j]) * Math.max(Math.abs(y[j]), 1e-30));
  let worst = 0;
  // Each entry is judged by the better of two central differences (steps 1e-5 and 1e-4 of the value): round-off
  // dominates the smaller step where a row is a near-cancelling difference (the electron–hole rows), truncation the
  // larger one where an entry curves; an error in the analytic entry shows at both.
  const err = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    err.fill(Infinity);
    for (const rel of [1e-5, 1e-4]) {
      const h = Math.max(Math.abs(y[j]) * rel, KELVIN.has(j) ? 1e-2 * (rel / 1e-5) : 1e-9);
      const yp = Float64Array.from(y);
      const ym = Float64Array.from(y);
      yp[j] += h;
      ym[j] -= h;
      rhs(t, yp, fp);
      rhs(t, ym, fm);
      for (let i = 0; i < n; i++) {
        const fd = (fp[i] - fm[i]) / (2 * h);
        const an = jac[i * n + j];
        const scale = Math.max(Math.abs(fd), Math.abs(an), rowScale[i] / Math.max(Math.abs(y[j]), 1e-30) * 1e-8, 1e-300);
        err[i] = Math.min(err[i], Math.abs(fd - an) / scale);
      }
    }
    for (let i = 0; i < n; i++) worst = Math.max(worst, err[i]);
  }
  return worst;
}
