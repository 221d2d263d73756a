// Discontinuous and pulse-like right-hand sides with their exact solutions: the cases a solver must either get
// right or fail on with a clear status (test/solver/error-control.test.ts, bdf.test.ts, benchmarks/outcomes.ts).
import type { RhsFn } from '../../src/solver/types.ts';

/** y′ = (y < 1 ? 1 : −1), y(0) = 0: y = t up to t = 1, then y stays at 1 (f switches sign at y = 1). */
export const relay: RhsFn = (_t, y, f) => {
  f[0] = y[0] < 1 ? 1 : -1;
};

/** y′ = 1e9·exp(−1e9 t), y(0) = 0 on [0, 1e-6]: y = 1 − exp(−1e9 t) → 1 within the first 1 % of the span. */
export const pulse: RhsFn = (t, _y, f) => {
  f[0] = 1e9 * Math.exp(-1e9 * t);
};

/** y′ = (y < 0 ? NaN : −50y), y(0) = 1: y = exp(−50 t); a step that overshoots below 0 sees NaN. */
export const nanBelowZero: RhsFn = (_t, y, f) => {
  f[0] = y[0] < 0 ? Number.NaN : -50 * y[0];
};

/** s(t) = 1 on [2k − φ, 2k + 1 − φ), else 0: a square wave switched in time, at phase φ. */
export const square = (t: number, phase = 0) => (Math.floor(t + phase) % 2 === 0 ? 1 : 0);

/** y′ = −y + s(t) at phase φ. */
export const squareRhs = (phase = 0): RhsFn => (t, y, f) => {
  f[0] = -y[0] + square(t, phase);
};

/** Exact solution of squareRhs(φ) from y(0) = 0: exponential relaxation between the switches. */
export function squareExact(tEnd: number, phase = 0): number {
  let t = 0;
  let y = 0;
  while (t < tEnd) {
    const tn = Math.min(tEnd, Math.floor(t + phase) + 1 - phase);
    const v = square(t, phase);
    y = v + (y - v) * Math.exp(-(tn - t));
    t = tn;
  }
  return y;
}
