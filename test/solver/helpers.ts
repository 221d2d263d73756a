// Shared test helpers: scaled errors against atol + rtol·|ref| and small test problems with exact solutions.
import type { RhsFn } from '../../src/solver/types.ts';

/** max_i |y_i − ref_i| / (atol_i + rtol·|ref_i|): 1 means "exactly at the requested tolerance". */
export function scaledError(y: ArrayLike<number>, ref: ArrayLike<number>, rtol: number, atol: number | ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < ref.length; i++) {
    const a = typeof atol === 'number' ? atol : atol[i];
    m = Math.max(m, Math.abs(y[i] - ref[i]) / (a + rtol * Math.abs(ref[i])));
  }
  return m;
}

/** Last column entry of every component. */
export function endState(y: Float64Array[]): number[] {
  return y.map((c) => c[c.length - 1]);
}

/** Harmonic oscillator y1' = y2, y2' = −y1; exact y = [cos t, −sin t] from [1, 0]. */
export const oscillator: RhsFn = (_t, y, f) => {
  f[0] = y[1];
  f[1] = -y[0];
};

/** Non-autonomous scalar y' = t·y; exact y = exp(t²/2) from y(0) = 1 (exercises ∂f/∂t). */
export const growth: RhsFn = (t, y, f) => {
  f[0] = t * y[0];
};
