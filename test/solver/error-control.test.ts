// Discontinuous and pulse-like right-hand sides: the right answer within tolerance or a failure status, never a wrong success.
import { describe, expect, it } from 'vitest';
import { solveIvp, type MethodName } from '../../src/solver/index.ts';
import type { RhsFn } from '../../src/solver/types.ts';

const RTOL = 1e-6;

/** y' = (y < 1 ? 1 : −1), y(0) = 0: y = t up to t = 1, then y stays at 1 (f switches sign at y = 1). */
const relay: RhsFn = (_t, y, f) => {
  f[0] = y[0] < 1 ? 1 : -1;
};

/** y' = 1e9·exp(−1e9 t), y(0) = 0 on [0, 1e-6]: y = 1 − exp(−1e9 t) → 1 within the first 1 % of the span. */
const pulse: RhsFn = (t, _y, f) => {
  f[0] = 1e9 * Math.exp(-1e9 * t);
};

/** y' = −y + s(t), s = 1 on [2k, 2k+1), 0 on [2k+1, 2k+2): a square wave switched in time. */
const square = (t: number) => (Math.floor(t) % 2 === 0 ? 1 : 0);
const squareRhs: RhsFn = (t, y, f) => {
  f[0] = -y[0] + square(t);
};
/** Exact solution of squareRhs from y(0) = 0, piecewise exponential relaxation. */
function squareExact(t: number): number {
  let y = 0;
  let k = 0;
  for (; k + 1 <= t; k++) {
    const s = square(k + 0.5);
    y = s + (y - s) * Math.exp(-1);
  }
  const s = square(t);
  return s + (y - s) * Math.exp(-(t - k));
}

/** Status ok must mean an end error within 10× the tolerance; otherwise the status must say it failed. */
function rightOrFailed(r: ReturnType<typeof solveIvp>, exact: number, atol: number) {
  const yEnd = r.y[0][r.t.length - 1];
  if (r.status === 0) expect(Math.abs(yEnd - exact) / (atol + RTOL * Math.abs(exact)), r.message).toBeLessThan(10);
  else expect(r.failure!.cause.length).toBeGreaterThan(10);
}

describe('error control sees every stage (rodas5)', () => {
  it('relay y′ = (y < 1 ? 1 : −1): no step jumps over the switch; right answer or a failure', () => {
    const r = solveIvp(relay, [0, 3], [0], { method: 'rodas5', rtol: RTOL, maxSteps: 20_000 });
    rightOrFailed(r, 1, 1e-9);
    // Wherever it stopped, the solution it reports follows y = min(t, 1).
    for (let k = 0; k < r.t.length; k++) expect(Math.abs(r.y[0][k] - Math.min(r.t[k], 1))).toBeLessThan(1e-4);
  });

  it('pulse y′ = 1e9·exp(−1e9 t) on [0, 1e-6] reaches 1 within tolerance', () => {
    const r = solveIvp(pulse, [0, 1e-6], [0], { method: 'rodas5', rtol: RTOL });
    expect(r.status, r.message).toBe(0);
    rightOrFailed(r, 1, 1e-9);
    expect(r.nAccepted).toBeGreaterThan(5);
  });

  it('square-wave forcing: end error within 10× the tolerance, and within 20× along the whole path', () => {
    const atol = 1e-9;
    const r = solveIvp(squareRhs, [0, 10], [0], { method: 'rodas5', rtol: RTOL, atol });
    expect(r.status, r.message).toBe(0);
    let worst = 0;
    for (let k = 0; k < r.t.length; k++) {
      const ex = squareExact(r.t[k]);
      worst = Math.max(worst, Math.abs(r.y[0][k] - ex) / (atol + RTOL * Math.abs(ex)));
    }
    expect(worst).toBeLessThan(20);
    rightOrFailed(r, squareExact(10), atol);
  });

  it('the first step guess scales with the span when y0 = 0 (pulse on a 1e-6 span starts far below it)', () => {
    const r = solveIvp(pulse, [0, 1e-6], [0], { method: 'rodas5', rtol: RTOL });
    expect(r.t[1]).toBeLessThan(1e-9);
  });
});

describe('pulse and square wave with the other methods', () => {
  for (const method of ['auto', 'dop853', 'odex', 'seulex'] as MethodName[]) {
    it(`${method}: pulse and square wave right within 10× tolerance`, () => {
      rightOrFailed(solveIvp(pulse, [0, 1e-6], [0], { method, rtol: RTOL }), 1, 1e-9);
      rightOrFailed(solveIvp(squareRhs, [0, 10], [0], { method, rtol: RTOL, atol: 1e-9 }), squareExact(10), 1e-9);
    });
  }
});

describe('DOP853 and odex across jumps of f', () => {
  for (const method of ['auto', 'dop853', 'odex'] as MethodName[]) {
    it(`${method} on the relay: the right answer or a failure at the switch, never a wrong success`, () => {
      const r = solveIvp(relay, [0, 3], [0], { method, rtol: RTOL, maxSteps: 20_000 });
      rightOrFailed(r, 1, 1e-9);
      if (r.status !== 0) expect(r.failure!.t).toBeLessThan(1.2);
      for (let k = 0; k < r.t.length; k++) expect(Math.abs(r.y[0][k] - Math.min(r.t[k], 1))).toBeLessThan(1e-4);
    });
  }

  it('odex with dense output (a tEval grid) on the relay: the right answer or a failure, and the grid follows y = min(t, 1)', () => {
    const tEval = Array.from({ length: 31 }, (_, k) => k * 0.1);
    for (const rtol of [1e-4, 1e-6, 1e-8]) {
      const r = solveIvp(relay, [0, 3], [0], { method: 'odex', rtol, atol: 1e-9, tEval, maxSteps: 20_000 });
      if (r.status === 0) expect(Math.abs(r.y[0][r.t.length - 1] - 1) / (1e-9 + rtol)).toBeLessThan(10);
      else expect(r.failure!.kind).toBe('max-steps');
      for (let k = 0; k < r.t.length; k++) expect(Math.abs(r.y[0][k] - Math.min(r.t[k], 1)) / (1e-9 + rtol)).toBeLessThan(10);
    }
  });

  it('square wave at five phases and rtol 1e-4 … 1e-10: every output point within 10× the tolerance', () => {
    // Hairer's 5(3) estimate alone accepted a step across a jump with 5000× the tolerance here (dop853.ts).
    for (const phase of [0, 0.137, 0.31, 0.5, 0.77]) {
      const s = (t: number) => (Math.floor(t + phase) % 2 === 0 ? 1 : 0);
      const exact = (tb: number) => {
        let t = 0;
        let y = 0;
        while (t < tb) {
          const tn = Math.min(tb, Math.floor(t + phase) + 1 - phase);
          const v = s(t);
          y = v + (y - v) * Math.exp(-(tn - t));
          t = tn;
        }
        return y;
      };
      for (const rtol of [1e-4, 1e-6, 1e-8, 1e-10]) {
        const r = solveIvp((t, y, f) => { f[0] = -y[0] + s(t); }, [0, 10], [0], { method: 'dop853', rtol, atol: 1e-9 });
        expect(r.status, r.message).toBe(0);
        for (let k = 0; k < r.t.length; k++) {
          const ex = exact(r.t[k]);
          expect(Math.abs(r.y[0][k] - ex) / (1e-9 + rtol * Math.abs(ex)), `phase ${phase}, rtol ${rtol}, t ${r.t[k]}`).toBeLessThan(10);
        }
      }
    }
  });
});
