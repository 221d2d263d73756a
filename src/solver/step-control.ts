// Small pure helpers for adaptive stepping: the error norm, the step-size factor and the first step.
import type { RhsFn } from './types.ts';

/** Smallest/largest factor by which one step may change h (Hairer & Wanner, rodas.f defaults). */
export const FAC_MIN = 0.2;
export const FAC_MAX = 6;
export const SAFETY = 0.9;

/**
 * Scaled RMS norm of an error vector (stored at e[eOff .. eOff + n)): sqrt(mean((e_i / (atol_i + rtol · max(|y_i|, |yNew_i|)))²)).
 */
export function errorNorm(
  e: Float64Array, y: Float64Array, yNew: Float64Array, atol: Float64Array, rtol: number, n: number, eOff = 0,
): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(y[i]);
    const b = Math.abs(yNew[i]);
    const r = e[eOff + i] / (atol[i] + rtol * (a > b ? a : b));
    s += r * r;
  }
  return Math.sqrt(s / n);
}

/**
 * Initial step size (Hairer, Nørsett & Wanner I, Sec. II.4, "HINIT"), costing one rhs evaluation.
 * @param f0 f(t0, y0), already evaluated.
 * @param work1 / work2 scratch vectors of length n.
 * @returns a signed step size in the direction `dir`, at most hMax in magnitude.
 */
export function initialStep(
  rhs: RhsFn, t0: number, y0: Float64Array, f0: Float64Array, dir: number, order: number,
  atol: Float64Array, rtol: number, hMax: number, work1: Float64Array, work2: Float64Array, n: number,
): number {
  let d0 = 0;
  let d1 = 0;
  for (let i = 0; i < n; i++) {
    const sc = atol[i] + rtol * Math.abs(y0[i]);
    d0 += (y0[i] / sc) ** 2;
    d1 += (f0[i] / sc) ** 2;
  }
  d0 = Math.sqrt(d0 / n);
  d1 = Math.sqrt(d1 / n);
  let h0 = d0 < 1e-5 || d1 < 1e-5 ? 1e-6 : 0.01 * (d0 / d1);
  h0 = Math.min(h0, hMax);
  for (let i = 0; i < n; i++) work1[i] = y0[i] + dir * h0 * f0[i];
  rhs(t0 + dir * h0, work1, work2);
  let d2 = 0;
  for (let i = 0; i < n; i++) {
    const sc = atol[i] + rtol * Math.abs(y0[i]);
    d2 += ((work2[i] - f0[i]) / sc) ** 2;
  }
  d2 = Math.sqrt(d2 / n) / h0;
  const dm = Math.max(d1, d2);
  const h1 = dm <= 1e-15 || !Number.isFinite(dm) ? Math.max(1e-6, h0 * 1e-3) : Math.pow(0.01 / dm, 1 / (order + 1));
  const h = Math.min(100 * h0, h1, hMax);
  return dir * (Number.isFinite(h) && h > 0 ? h : Math.min(1e-6, hMax));
}
