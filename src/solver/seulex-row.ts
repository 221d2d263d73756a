// SEULEX's building blocks: one row of linearly implicit Euler substeps, and the Aitken–Neville update of the tableau.
import { luFactor, luSolve } from './dense-lu.ts';
import type { RhsFn } from './types.ts';

/** What went wrong in a row (RowEnd.Ok when nothing did). */
export const enum RowEnd { Ok, Singular, NonFinite, Unstable }

/** Scratch a row needs (views owned by the integrator; nothing is allocated here). */
export interface RowWork {
  n: number;
  /** The Jacobian at the step's start (row-major n × n), and ∂f/∂t there (zeros for an autonomous problem). */
  jac: Float64Array;
  dfdt: Float64Array;
  /** Row weights 1/(atol_i + rtol·|y0_i|): W is factored as diag(weight)·(I/h − J), as rodas5 does (rodas5-linear.ts). */
  weight: Float64Array;
  w: Float64Array;
  piv: Int32Array;
  colScale: Float64Array;
  /** The substep state, the increment, and f at the substep state. */
  yi: Float64Array;
  del: Float64Array;
  fi: Float64Array;
  /** Column of the pivot that was too small, or component of the first non-finite value (for the failure text). */
  bad: number;
}

/**
 * One row of the extrapolation tableau: `m` linearly implicit Euler substeps of size hs = H/m from (t0, y0),
 * with J and ∂f/∂t frozen at the step's start (Deuflhard 1985; Hairer & Wanner II, Sec. IV.9):
 *   (I − hs·J) Δ_i = hs·(f(t_i, y_i) + hs·∂f/∂t),  y_{i+1} = y_i + Δ_i,  t_i = t0 + i·hs,
 * the ∂f/∂t term being what the scheme gives for the autonomous system (y, t)′ = (f, 1). f(t0, y0) = f0 is
 * known; the row costs one LU and m − 1 evaluations of f. The end value y_m goes to out[off .. off + n),
 * the last increment over hs to dOut[off .. off + n).
 *
 * Stability check (Hairer & Wanner II, Sec. IV.9): for rows with checkStability, the scaled increments of the
 * first two substeps are compared. Where the linearisation is valid the increments of a decaying or slowly
 * varying solution do not grow; ‖Δ_1‖ > 2‖Δ_0‖ says H is too large for J(y0) to describe the problem on the
 * step (or a mode grows faster than the step can follow), and the row reports RowEnd.Unstable.
 * @returns RowEnd.Ok, or why the row failed (wk.bad names the pivot column or the bad component).
 */
export function linearlyImplicitRow(
  rhs: RhsFn, wk: RowWork, t0: number, y0: Float64Array, f0: Float64Array, H: number, m: number,
  checkStability: boolean, out: Float64Array, dOut: Float64Array, off: number,
): RowEnd {
  const { n, jac, dfdt, weight, w, piv, yi, del, fi } = wk;
  const hs = H / m;
  const inv = 1 / hs;
  for (let i = 0; i < n; i++) {
    const r = i * n;
    const wi = weight[i];
    for (let j = 0; j < n; j++) w[r + j] = -jac[r + j] * wi;
    w[r + i] += inv * wi;
  }
  const p = luFactor(w, n, piv, wk.colScale);
  if (p >= 0 || w[0] !== w[0]) {
    wk.bad = p;
    return RowEnd.Singular;
  }
  // With W = I/hs − J the increment solves W Δ = f + hs·∂f/∂t (the factor hs cancels).
  let del0 = 0;
  for (let i = 0; i < n; i++) yi[i] = y0[i];
  for (let s = 0; s < m; s++) {
    const src = s === 0 ? f0 : fi;
    if (s > 0) rhs(t0 + s * hs, yi, fi);
    for (let i = 0; i < n; i++) del[i] = (src[i] + hs * dfdt[i]) * weight[i];
    luSolve(w, n, piv, del, 0);
    if (checkStability && s < 2) {
      let norm = 0;
      for (let i = 0; i < n; i++) {
        const r = del[i] * weight[i];
        norm += r * r;
      }
      if (s === 0) del0 = norm;
      else if (norm > 4 * del0 && norm > 1 && norm <= 1e300) {
        // ‖Δ_1‖² > 4‖Δ_0‖²: the increments more than double (a non-finite norm is left to the check below).
        wk.bad = -1;
        return RowEnd.Unstable;
      }
    }
    for (let i = 0; i < n; i++) yi[i] += del[i];
  }
  // The last increment over hs, (I − hs·J)⁻¹(f(t_{m−1}, y_{m−1}) + hs·∂f/∂t) = y′(t0 + H) + O(hs): extrapolated
  // like the values, it gives the slope at the step's end that the defect check compares f there with.
  for (let i = 0; i < n; i++) dOut[off + i] = del[i] * inv;
  // A NaN or Infinity anywhere in the row (in f or an increment) reaches the end value.
  for (let i = 0; i < n; i++) {
    if (yi[i] - yi[i] !== 0) {
      wk.bad = i;
      return RowEnd.NonFinite;
    }
  }
  for (let i = 0; i < n; i++) out[off + i] = yi[i];
  return RowEnd.Ok;
}

/**
 * Aitken–Neville update after row j (1-based) of the tableau for the step numbers seq[0 .. j): tab holds, in
 * slots 0 … j − 1 (each n long), T_{j−1,j−1}, …, T_{j−1,1} before, and T_{j,j}, …, T_{j,1} after, with
 * row j's end value already in slot j − 1. The linearly implicit Euler's error has an expansion in powers of
 * the substep (not its square), so T_{j,l+1} = T_{j,l} + (T_{j,l} − T_{j−1,l}) / (n_j/n_{j−l} − 1) has order l + 1.
 */
export function extrapolate(tab: Float64Array, j: number, n: number, seq: Int32Array): void {
  const nj = seq[j - 1];
  for (let l = j - 1; l >= 1; l--) {
    const c = 1 / (nj / seq[l - 1] - 1);
    const a = (l - 1) * n;
    const b = l * n;
    for (let i = 0; i < n; i++) {
      const tb = tab[b + i];
      tab[a + i] = tb + (tb - tab[a + i]) * c;
    }
  }
}
