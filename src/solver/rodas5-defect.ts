// Rodas5's second error estimate: the defect of its dense output at the step's midpoint, filtered through W.
import { denseMidpoint } from './rodas5-dense.ts';
import { solveW } from './rodas5-linear.ts';
import { luSolve4 } from './dense-lu.ts';
import type { Rodas5Work } from './rodas5-work.ts';
import type { RhsFn } from './types.ts';

/**
 * Weight of the non-stiff part of the defect estimate: e₂ = z + (DEFECT_WEIGHT − 1)·(I − hγJ)⁻¹z, z = W⁻¹δ.
 * The second solve damps stiff components (there z already is the interpolation error), so the weight acts
 * where f is non-stiff and z ≈ γh·δ understates what a jump of f inside the step does. Measured on
 * y' = −y + square wave on [0, 10] at rtol 1e-4 … 1e-8 (8 tolerances), worst global error along the path in
 * units of the tolerance: 13× at weight 10 (and whether the end error stays below 10× depended on rounding),
 * ≤ 10× at 15, ≤ 7.1× at 20, ≤ 3.7× at 30; HC-4 accepted steps +8–10 % at 20 against 10, +15–20 % at 30.
 */
const DEFECT_WEIGHT = 20;

/**
 * The defect of the dense-output polynomial at θ = ½, δ = f(t + h/2, y(½)) − ẏ(½) (one rhs evaluation, not
 * counted here), filtered through the factored W: z = W⁻¹δ is ≈ γh·δ where f is non-stiff and ≈ the midpoint
 * interpolation error in stiff components; e₂ = z + (DEFECT_WEIGHT − 1)(I − hγJ)⁻¹z. Leaves the dense-output
 * coefficients in wk.k1 … k3 (for writeDenseOutput) and f at the midpoint in wk.fs.
 * @returns the scaled RMS norm of e₂ (NaN when f at the midpoint is not finite).
 */
export function midpointDefect(
  rhs: RhsFn, wk: Rodas5Work, kl: number, ku: number, t: number, h: number, dgamma: number,
  y: Float64Array, yNew: Float64Array, atol: Float64Array, rtol: number,
): number {
  const { n, u, k1, k2, k3, ys, fs, e2, e3, weight } = wk;
  const invH = 1 / h;
  denseMidpoint(u, n, k1, k2, k3, y, yNew, ys, e2);
  rhs(t + 0.5 * h, ys, fs);
  for (let i = 0; i < n; i++) e2[i] = (fs[i] - e2[i] * invH) * weight[i];
  const w4 = kl < 0 && n === 4;
  if (w4) luSolve4(wk.w, wk.piv, e2, 0);
  else solveW(wk, kl, ku, e2, 0);
  for (let i = 0; i < n; i++) e3[i] = e2[i] * weight[i] * dgamma;
  if (w4) luSolve4(wk.w, wk.piv, e3, 0);
  else solveW(wk, kl, ku, e3, 0);
  // e₂ += (DEFECT_WEIGHT − 1)·e₃ and errorNorm(e2, y, yNew, atol, rtol, n) of the result in the same pass.
  let ss = 0;
  for (let i = 0; i < n; i++) {
    const ei = e2[i] + (DEFECT_WEIGHT - 1) * e3[i];
    e2[i] = ei;
    const a = Math.abs(y[i]);
    const b = Math.abs(yNew[i]);
    const sc = atol[i] + rtol * (a > b ? a : b);
    if (sc > 0) {
      const r = ei / sc;
      ss += r * r;
    } else if (ei !== 0) {
      ss += ei === ei ? Infinity : Number.NaN;
    }
  }
  return Math.sqrt(ss / n);
}
