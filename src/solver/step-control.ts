// Small pure helpers for adaptive stepping: the error norm, the step-size factor and the first step.
import type { RhsFn } from './types.ts';

/** Smallest/largest factor by which one step may change h (Hairer & Wanner, rodas.f defaults). */
export const FAC_MIN = 0.2;
export const FAC_MAX = 6;
export const SAFETY = 0.9;

/**
 * Scaled RMS norm of an error vector (stored at e[eOff .. eOff + n)): sqrt(mean((e_i / (atol_i + rtol · max(|y_i|, |yNew_i|)))²)).
 * A component whose scale is 0 (atol_i = 0 and y_i = yNew_i = 0) adds nothing when its error is 0 and makes the
 * norm +Infinity otherwise (no step can satisfy it), instead of the 0/0 = NaN that would read as a non-finite f.
 */
export function errorNorm(
  e: Float64Array, y: Float64Array, yNew: Float64Array, atol: Float64Array, rtol: number, n: number, eOff = 0,
): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    const a = Math.abs(y[i]);
    const b = Math.abs(yNew[i]);
    const sc = atol[i] + rtol * (a > b ? a : b);
    const ei = e[eOff + i];
    if (sc > 0) {
      const r = ei / sc;
      s += r * r;
    } else if (ei !== 0) {
      s += ei === ei ? Infinity : Number.NaN;
    }
  }
  return Math.sqrt(s / n);
}

/** Index of the component with the largest |e_i| / (atol_i + rtol · max(|y_i|, |yNew_i|)) (a zero scale counts as infinite). */
export function worstComponent(
  e: Float64Array, eOff: number, y: Float64Array, yNew: Float64Array, atol: Float64Array, rtol: number, n: number,
): number {
  let best = -1;
  let worst = -1;
  for (let i = 0; i < n; i++) {
    const sc = atol[i] + rtol * Math.max(Math.abs(y[i]), Math.abs(yNew[i]));
    const ei = Math.abs(e[eOff + i]);
    const r = sc > 0 ? ei / sc : ei > 0 ? Infinity : 0;
    if (r > worst) {
      worst = r;
      best = i;
    }
  }
  return best;
}

/** Index of the first NaN or ±Infinity in v[0 .. n), or −1. */
export function firstNonFinite(v: Float64Array, n: number): number {
  for (let i = 0; i < n; i++) {
    const x = v[i];
    if (x - x !== 0) return i;
  }
  return -1;
}

/**
 * Initial step size (Hairer, Nørsett & Wanner I, Sec. II.4, "HINIT"), costing one rhs evaluation.
 * d0 = ‖y0‖, d1 = ‖f0‖ (scaled norms); a trial h0 = 0.01·d0/d1 gives d2 ≈ ‖f′‖ from one explicit Euler
 * step, and h = min(100·h0, (0.01 / max(d1, d2))^(1/(order+1)), hMax).
 * The one change from the textbook: where d0 or d1 is too small to define a scale (y0 = 0, or f0 ≈ 0),
 * the trial step is 1e-6 of the span instead of an absolute 1e-6, so the guess scales with the problem's
 * time unit (a pulse over [0, 1e-6] s starts near 1e-12, not at the whole span).
 * @param f0 f(t0, y0), already evaluated.
 * @param span |t1 − t0|.
 * @param work1 / work2 scratch vectors of length n.
 * @returns a signed step size in the direction `dir`, at most hMax in magnitude.
 */
export function initialStep(
  rhs: RhsFn, t0: number, y0: Float64Array, f0: Float64Array, dir: number, order: number,
  atol: Float64Array, rtol: number, hMax: number, span: number, work1: Float64Array, work2: Float64Array, n: number,
): number {
  let d0 = 0;
  let d1 = 0;
  for (let i = 0; i < n; i++) {
    const a = atol[i] + rtol * Math.abs(y0[i]);
    const sc = a > 0 ? a : 1;
    const q0 = y0[i] / sc;
    const q1 = f0[i] / sc;
    d0 += q0 * q0; // not ** 2: V8's pow gives x·x for y = 2 (fdlibm), through a call
    d1 += q1 * q1;
  }
  d0 = Math.sqrt(d0 / n);
  d1 = Math.sqrt(d1 / n);
  const tiny = 1e-6 * span;
  let h0 = d0 < 1e-5 || d1 < 1e-5 ? tiny : 0.01 * (d0 / d1);
  h0 = Math.min(h0, hMax);
  for (let i = 0; i < n; i++) work1[i] = y0[i] + dir * h0 * f0[i];
  rhs(t0 + dir * h0, work1, work2);
  let d2 = 0;
  for (let i = 0; i < n; i++) {
    const a = atol[i] + rtol * Math.abs(y0[i]);
    const sc = a > 0 ? a : 1;
    const q2 = (work2[i] - f0[i]) / sc;
    d2 += q2 * q2;
  }
  d2 = Math.sqrt(d2 / n) / h0;
  const dm = Math.max(d1, d2);
  const h1 = dm <= 1e-15 || !Number.isFinite(dm) ? Math.max(tiny, h0 * 1e-3) : Math.pow(0.01 / dm, 1 / (order + 1));
  const h = Math.min(100 * h0, h1, hMax);
  return dir * (Number.isFinite(h) && h > 0 ? h : Math.min(tiny, hMax));
}
