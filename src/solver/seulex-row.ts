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
  if (n === 4) return substeps4(rhs, wk, t0, y0, f0, hs, m, checkStability, out, dOut, off);
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
 * The substeps of linearlyImplicitRow for n = 4 (HC-4 and other small kinetic models), W already factored: the
 * state and the increment in locals, the right-hand side, the triangular solves (those of dense-lu.ts's solve4)
 * and the update in one pass per substep. The same operations in the same order as the general loop, so the
 * same results bit for bit; only the loads, stores and loop overhead of the separate passes are gone.
 */
function substeps4(
  rhs: RhsFn, wk: RowWork, t0: number, y0: Float64Array, f0: Float64Array, hs: number, m: number,
  checkStability: boolean, out: Float64Array, dOut: Float64Array, off: number,
): RowEnd {
  const { dfdt, weight, w, piv, yi, fi } = wk;
  const inv = 1 / hs;
  const g0 = weight[0], g1 = weight[1], g2 = weight[2], g3 = weight[3];
  const c0 = dfdt[0], c1 = dfdt[1], c2 = dfdt[2], c3 = dfdt[3];
  const p0 = piv[0], p1 = piv[1], p2 = piv[2];
  const a0 = w[0], a1 = w[1], a2 = w[2], a3 = w[3], a4 = w[4], a5 = w[5], a6 = w[6], a7 = w[7];
  const a8 = w[8], a9 = w[9], a10 = w[10], a11 = w[11], a12 = w[12], a13 = w[13], a14 = w[14], a15 = w[15];
  let u0 = y0[0], u1 = y0[1], u2 = y0[2], u3 = y0[3];
  let x0 = 0, x1 = 0, x2 = 0, x3 = 0;
  let del0 = 0;
  for (let s = 0; s < m; s++) {
    const src = s === 0 ? f0 : fi;
    if (s > 0) {
      yi[0] = u0;
      yi[1] = u1;
      yi[2] = u2;
      yi[3] = u3;
      rhs(t0 + s * hs, yi, fi);
    }
    x0 = (src[0] + hs * c0) * g0;
    x1 = (src[1] + hs * c1) * g1;
    x2 = (src[2] + hs * c2) * g2;
    x3 = (src[3] + hs * c3) * g3;
    if (p0 !== 0) {
      const q = x0;
      if (p0 === 1) { x0 = x1; x1 = q; } else if (p0 === 2) { x0 = x2; x2 = q; } else { x0 = x3; x3 = q; }
    }
    if (p1 !== 1) {
      const q = x1;
      if (p1 === 2) { x1 = x2; x2 = q; } else { x1 = x3; x3 = q; }
    }
    if (p2 !== 2) {
      const q = x2;
      x2 = x3;
      x3 = q;
    }
    x1 = x1 - a4 * x0;
    x2 = x2 - a8 * x0 - a9 * x1;
    x3 = x3 - a12 * x0 - a13 * x1 - a14 * x2;
    x3 *= a15;
    x2 = (x2 - a11 * x3) * a10;
    x1 = (x1 - a6 * x2 - a7 * x3) * a5;
    x0 = (x0 - a1 * x1 - a2 * x2 - a3 * x3) * a0;
    if (checkStability && s < 2) {
      let norm = 0;
      let r = x0 * g0;
      norm += r * r;
      r = x1 * g1;
      norm += r * r;
      r = x2 * g2;
      norm += r * r;
      r = x3 * g3;
      norm += r * r;
      if (s === 0) del0 = norm;
      else if (norm > 4 * del0 && norm > 1 && norm <= 1e300) {
        wk.bad = -1;
        return RowEnd.Unstable;
      }
    }
    u0 += x0;
    u1 += x1;
    u2 += x2;
    u3 += x3;
  }
  dOut[off] = x0 * inv;
  dOut[off + 1] = x1 * inv;
  dOut[off + 2] = x2 * inv;
  dOut[off + 3] = x3 * inv;
  yi[0] = u0;
  yi[1] = u1;
  yi[2] = u2;
  yi[3] = u3;
  for (let i = 0; i < 4; i++) {
    if (yi[i] - yi[i] !== 0) {
      wk.bad = i;
      return RowEnd.NonFinite;
    }
  }
  out[off] = u0;
  out[off + 1] = u1;
  out[off + 2] = u2;
  out[off + 3] = u3;
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

/**
 * The Aitken–Neville factors 1 / (n_j/n_{j−l} − 1) for `seq`, computed as extrapolate computes them, at
 * [j·(len + 1) + l] for j = 1 … len, l = 1 … j − 1 (so a step reads them instead of dividing twice per entry).
 */
export function extrapolationFactors(seq: Int32Array): Float64Array {
  const len = seq.length;
  const c = new Float64Array((len + 1) * (len + 1));
  for (let j = 1; j <= len; j++) for (let l = 1; l < j; l++) c[j * (len + 1) + l] = 1 / (seq[j - 1] / seq[l - 1] - 1);
  return c;
}

/**
 * extrapolate on two tableaux at once (the values and the end slopes), with the factors of
 * extrapolationFactors(seq) for the `seq` of length len: the same arithmetic, one pass of the loops.
 */
export function extrapolatePair(tab: Float64Array, dtab: Float64Array, j: number, n: number, fac: Float64Array, len: number): void {
  const row = j * (len + 1);
  if (n === 4) {
    for (let l = j - 1; l >= 1; l--) {
      const c = fac[row + l];
      const a = (l - 1) * 4;
      const b = a + 4;
      let tb = tab[b];
      tab[a] = tb + (tb - tab[a]) * c;
      tb = tab[b + 1];
      tab[a + 1] = tb + (tb - tab[a + 1]) * c;
      tb = tab[b + 2];
      tab[a + 2] = tb + (tb - tab[a + 2]) * c;
      tb = tab[b + 3];
      tab[a + 3] = tb + (tb - tab[a + 3]) * c;
      let db = dtab[b];
      dtab[a] = db + (db - dtab[a]) * c;
      db = dtab[b + 1];
      dtab[a + 1] = db + (db - dtab[a + 1]) * c;
      db = dtab[b + 2];
      dtab[a + 2] = db + (db - dtab[a + 2]) * c;
      db = dtab[b + 3];
      dtab[a + 3] = db + (db - dtab[a + 3]) * c;
    }
    return;
  }
  for (let l = j - 1; l >= 1; l--) {
    const c = fac[row + l];
    const a = (l - 1) * n;
    const b = l * n;
    for (let i = 0; i < n; i++) {
      const tb = tab[b + i];
      tab[a + i] = tb + (tb - tab[a + i]) * c;
      const db = dtab[b + i];
      dtab[a + i] = db + (db - dtab[a + i]) * c;
    }
  }
}
