// HIRES, ROBER (to 1e11), VDPOL (mu = 1000) and HC-4 against the reference solutions; nfev bounds.
import { describe, expect, it } from 'vitest';
import { solveIvp, type MethodName } from '../../src/solver/index.ts';
import { STIFF_SET } from '../../benchmarks/problems/stiff-set.ts';
import { HC4_T_END, hc4Atol, hc4Jacobian, hc4Rhs, hc4Y0 } from '../../benchmarks/problems/hc4.ts';
import { loadHc4Reference, loadStiffReference } from '../../benchmarks/problems/reference.ts';
import { endState, scaledError } from './helpers.ts';

const stiffRef = loadStiffReference();
const RTOL = 1e-6;

/** Upper bounds on rhs evaluations at rtol 1e-6 (measured ~1.4k/1.9k/3.0k with the analytic Jacobian). */
const NFEV_BOUND: Record<string, number> = { HIRES: 2500, ROBER: 3000, VDPOL: 4500 };

describe('stiff test set', () => {
  for (const p of STIFF_SET) {
    for (const method of ['rodas5', 'auto'] as MethodName[]) {
      for (const analytic of [true, false]) {
        it(`${p.name} with ${method}, ${analytic ? 'analytic' : 'finite-difference'} Jacobian`, () => {
          const ref = stiffRef[p.name];
          const r = solveIvp(p.rhs, [0, ref.t_end], ref.y0, {
            method, rtol: RTOL, atol: p.atol, jacobian: analytic ? p.jacobian : undefined,
          });
          expect(r.status, r.message).toBe(0);
          expect(scaledError(endState(r.y), ref.y_end, RTOL, p.atol)).toBeLessThan(5);
          expect(r.nfev).toBeLessThan(NFEV_BOUND[p.name] * (analytic ? 1 : 1.6));
          expect(r.nAccepted + r.nRejected).toBeLessThan(600);
        });
      }
    }
  }
});

describe('HC-4 against hc4_reference.json', () => {
  const ref = loadHc4Reference();
  for (const method of ['rodas5', 'auto', 'odex'] as MethodName[]) {
    it(`${method}: all five densities at the nine reference times`, () => {
      for (const c of ref.cases) {
        const atol = hc4Atol(c.n0_cm3);
        const r = solveIvp(hc4Rhs, [0, HC4_T_END], hc4Y0(c.n0_cm3), {
          method, rtol: RTOL, atol, jacobian: hc4Jacobian, tEval: ref.times_ps, autonomous: true,
        });
        expect(r.status, r.message).toBe(0);
        expect(Array.from(r.t)).toEqual(ref.times_ps);
        for (let k = 0; k < ref.times_ps.length; k++) {
          // odex's global error runs a little higher than the stiff methods' at the same rtol.
          expect(scaledError(r.y.map((col) => col[k]), c.y[k], RTOL, atol)).toBeLessThan(method === 'odex' ? 30 : 10);
        }
        if (method !== 'odex') expect(r.nfev).toBeLessThan(1000);
      }
    });
  }
});
