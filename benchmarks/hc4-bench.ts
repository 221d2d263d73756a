// HC-4 benchmarks: the standard 20-density sweep and the work–precision series, for our methods.
import { solveIvp, type MethodName } from '../src/solver/index.ts';
import { HC4_T_END, hc4Atol, hc4Densities, hc4Jacobian, hc4Rhs, hc4Y0 } from './problems/hc4.ts';
import { loadHc4Reference, maxRelErr } from './problems/reference.ts';
import { timePerTrajectory, type BenchRow } from './lib/measure.ts';

const reference = loadHc4Reference();
const times = reference.times_ps;

function solveHc4(n0: number, method: MethodName, rtol: number) {
  return solveIvp(hc4Rhs, [0, HC4_T_END], hc4Y0(n0), {
    method, rtol, atol: hc4Atol(n0), jacobian: hc4Jacobian, tEval: times, autonomous: true,
  });
}

/** Largest relative error against the reference over the 5 reference densities × 9 times × 4 components. */
export function hc4Accuracy(method: MethodName, rtol: number): number {
  let err = 0;
  for (const c of reference.cases) {
    const r = solveHc4(c.n0_cm3, method, rtol);
    if (r.status !== 0) return Number.POSITIVE_INFINITY;
    for (let k = 0; k < times.length; k++) err = Math.max(err, maxRelErr(r.y.map((col) => col[k]), c.y[k]));
  }
  return err;
}

/** Time the standard sweep (output at the 9 reference times, analytic Jacobian) for one method and rtol. */
export function hc4Sweep(method: MethodName, rtol: number, repeats: number, benchmark = 'hc4-sweep'): BenchRow {
  const densities = hc4Densities(20);
  let nfev = 0;
  let steps = 0;
  let failed = 0;
  for (const n0 of densities) {
    const r = solveHc4(n0, method, rtol);
    nfev += r.nfev;
    steps += r.nAccepted + r.nRejected;
    if (r.status !== 0) failed++;
  }
  const us = timePerTrajectory(() => {
    for (const n0 of densities) solveHc4(n0, method, rtol);
  }, densities.length, repeats);
  return {
    benchmark, problem: 'HC-4', method, rtol, us_per_traj: us, nfev_per_traj: nfev / densities.length,
    max_rel_err: hc4Accuracy(method, rtol), steps_per_traj: steps / densities.length, failed, jacobian: method === 'odex' ? 'not used' : 'analytic',
  };
}

export const WORK_PRECISION_RTOLS = [1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10];
