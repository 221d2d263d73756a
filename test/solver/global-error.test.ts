// Global error control by reintegration (src/solver/global-error.ts): certified results on the orbit problems where
// local error control ends far above the tolerance, a clear failure where no tolerance helps, and the estimate
// against true errors.
import { describe, expect, it } from 'vitest';
import { solveIvp, solveIvpGlobal } from '../../src/index.ts';
import type { RhsFn } from '../../src/solver/types.ts';
import { TEST_SET } from '../../benchmarks/problems/test-set.ts';
import { loadTestSetReference } from '../../benchmarks/test-set-bench.ts';
import { endState, scaledError } from './helpers.ts';

const problem = (name: string) => TEST_SET.find((p) => p.name === name)!;
const reference = loadTestSetReference();
/** Arenstorf's orbit is periodic, so its exact end state is y0 (the stored DOP853 reference is 1.4e-10 off in y′₁:
 *  0.14× atol); Pleiades has only the stored reference (DOP853 at rtol 1e-13). */
const exactEnd = (name: string) => (name === 'ARENSTORF' ? problem(name).y0! : reference[name].y_end);

describe('solveIvpGlobal on the non-stiff orbit problems', () => {
  for (const [name, method] of [['ARENSTORF', 'auto'], ['ARENSTORF', 'dop853'], ['PLEIADES', 'auto']] as const) {
    it(`${name} (${method}) at rtol 1e-6: plain solve ends far above the tolerance, the controlled one within it`, () => {
      const p = problem(name);
      const y0 = p.y0;
      const opts = { rtol: 1e-6, atol: p.atol, method };
      const plain = solveIvp(p.rhs, [0, p.t1], y0, opts);
      const plainErr = scaledError(endState(plain.y), exactEnd(name), 1e-6, p.atol);
      expect(plainErr).toBeGreaterThan(10); // what the control is for
      const g = solveIvpGlobal(p.rhs, [0, p.t1], y0, opts);
      expect(g.status).toBe(0);
      const err = scaledError(endState(g.y), exactEnd(name), 1e-6, p.atol);
      expect(err).toBeLessThanOrEqual(1);
      // the estimate is an upper estimate of the returned solution's error, and itself within the tolerance
      expect(g.globalError.estimate).not.toBeNull();
      expect(g.globalError.estimate!).toBeLessThanOrEqual(1);
      expect(g.globalError.estimate!).toBeGreaterThanOrEqual(err);
      expect(g.globalError.rtols[0]).toBe(1e-6);
      expect(g.globalError.rtols.length).toBe(g.globalError.differences.length + 1);
      expect(g.nfev).toBeGreaterThan(plain.nfev); // counters summed over every solve
    });
  }
});

describe('the estimate', () => {
  // y' = cos(t) y on [0, 20], y(0) = 1: y = exp(sin t); outputs at 41 times.
  const rhs: RhsFn = (t, y, f) => { f[0] = Math.cos(t) * y[0]; };
  const exact = (t: number) => Math.exp(Math.sin(t));
  const tEval = Array.from({ length: 41 }, (_, k) => k * 0.5);

  it('compares every output time with tEval, and the differences track the true errors of each solve', () => {
    const rtol = 1e-5;
    const atol = 1e-8;
    const g = solveIvpGlobal(rhs, [0, 20], [1], { rtol, atol, tEval, method: 'dop853' }, { maxSolves: 4 });
    expect(g.status).toBe(0);
    let worst = 0;
    for (let k = 0; k < tEval.length; k++) worst = Math.max(worst, Math.abs(g.y[0][k] - exact(tEval[k])) / (atol + rtol * exact(tEval[k])));
    expect(worst).toBeLessThanOrEqual(g.globalError.estimate!);
    // the first difference is the first solve's own error, to within the factor the tightening leaves
    const first = solveIvp(rhs, [0, 20], [1], { rtol, atol, tEval, method: 'dop853' });
    let firstErr = 0;
    for (let k = 0; k < tEval.length; k++) firstErr = Math.max(firstErr, Math.abs(first.y[0][k] - exact(tEval[k])) / (atol + rtol * exact(tEval[k])));
    expect(g.globalError.differences[0] / firstErr).toBeGreaterThan(0.5);
    expect(g.globalError.differences[0] / firstErr).toBeLessThan(2);
  });

  it('stops after one comparison when the first solve is already within the tolerance', () => {
    // a contracting problem: y' = −5 (y − sin t) forgets its local errors, so the global error stays at the local level
    const damped: RhsFn = (t, y, f) => { f[0] = -5 * (y[0] - Math.sin(t)); };
    const g = solveIvpGlobal(damped, [0, 10], [0], { rtol: 1e-6, atol: 1e-9 });
    expect(g.status).toBe(0);
    expect(g.globalError.rtols).toEqual([1e-6, 1e-8]);
  });
});

describe('failures', () => {
  // Lorenz (σ = 10, ρ = 28, β = 8/3) over 60 time units: the largest Lyapunov exponent ~0.9 amplifies any
  // error by ~e^54, so no tolerance above rounding can bound the end state's error.
  const lorenz: RhsFn = (_t, y, f) => {
    f[0] = 10 * (y[1] - y[0]);
    f[1] = y[0] * (28 - y[2]) - y[1];
    f[2] = y[0] * y[1] - (8 / 3) * y[2];
  };

  it('a chaotic problem over a long span is a failure that names the estimate, not a success', () => {
    const g = solveIvpGlobal(lorenz, [0, 60], [1, 1, 1], { rtol: 1e-6, atol: 1e-9 });
    expect(g.status).toBe(-1);
    expect(g.success).toBe(false);
    expect(g.failure?.kind).toBe('global-error');
    expect(g.message).toMatch(/not certified/);
    expect(g.message).not.toMatch(/NaN/);
    expect(g.globalError.estimate!).toBeGreaterThan(1);
  });

  it('a failing solve comes back as that failure, saying which solve', () => {
    const bad: RhsFn = (_t, y, f) => { f[0] = y[0] > 1.5 ? Number.NaN : y[0]; };
    const g = solveIvpGlobal(bad, [0, 2], [1], { rtol: 1e-6 });
    expect(g.status).toBe(-1);
    expect(g.failure?.kind).toBe('non-finite-rhs');
    expect(g.message).toMatch(/solve 1 of the global error control/);
    expect(g.globalError.estimate).toBeNull();
  });

  it('refuses a bad maxSolves, naming it', () => {
    expect(() => solveIvpGlobal(lorenz, [0, 1], [1, 1, 1], {}, { maxSolves: 1 })).toThrow(/'maxSolves' = 1; expected an integer in \[2, 12\]/);
    expect(() => solveIvpGlobal(lorenz, [0, 1], [1, 1, 1], {}, { maxSolves: 2.5 })).toThrow(/maxSolves/);
  });
});
