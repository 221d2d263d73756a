// The NDF/BDF formulas in backward-difference form: coefficients, the step-size change of the differences, interpolation.
/**
 * Formulation of Shampine & Reichelt ("The MATLAB ODE Suite", SIAM J. Sci. Comput. 18, 1997, Sec. 2), written
 * afresh here. With ∇^j y_n the backward differences at the current step size h and order k, the predictor is
 * y⁽⁰⁾ = y_n + Σ_{j=1..k} ∇^j y_n, and the corrector solves for d = y_{n+1} − y⁽⁰⁾ (which is ∇^{k+1} y_{n+1}):
 *   (1 − κ_k) γ_k d + Σ_{j=1..k} γ_j ∇^j y_n − h f(t_{n+1}, y⁽⁰⁾ + d) = 0,   γ_k = Σ_{j=1..k} 1/j,
 * κ_k = 0 giving BDF_k, the κ below the numerical differentiation formulas NDF_k (same stability angles within
 * a few degrees up to order 4, error constants 26 % smaller at orders 1–4; NDF5 = BDF5). The local error is
 * estimated by (κ_k γ_k + 1/(k + 1)) · ‖d‖.
 */
export const MAX_ORDER = 5;

/** NDF κ_k for k = 1 … 5 (Shampine & Reichelt, Table 1). */
export const NDF_KAPPA: readonly number[] = [-0.185, -1 / 9, -0.0823, -0.0415, 0];

/** γ_k = Σ_{j=1..k} 1/j. */
export const GAMMA: readonly number[] = [1, 3 / 2, 11 / 6, 25 / 12, 137 / 60];

/** Per-order constants for a choice of κ: index k − 1. */
export interface OrderCoefficients {
  /** 1 / ((1 − κ_k) γ_k): the corrector's step coefficient is c = h · this. */
  readonly invGa: Float64Array;
  /** κ_k γ_k + 1/(k + 1): error estimate = this · ‖∇^{k+1} y_{n+1}‖. */
  readonly errConst: Float64Array;
}

export function orderCoefficients(kappa: readonly number[]): OrderCoefficients {
  const invGa = new Float64Array(MAX_ORDER);
  const errConst = new Float64Array(MAX_ORDER);
  for (let k = 1; k <= MAX_ORDER; k++) {
    invGa[k - 1] = 1 / ((1 - kappa[k - 1]) * GAMMA[k - 1]);
    errConst[k - 1] = kappa[k - 1] * GAMMA[k - 1] + 1 / (k + 1);
  }
  return { invGa, errConst };
}

/** Differences per component in the interleaved layout: ∇^j y_n, j = 1 … MAX_ORDER + 2, at D[i·STRIDE + j − 1]. */
export const STRIDE = MAX_ORDER + 2;

/**
 * Change the step size of the first `k` differences from h to ρh in place. The differences are those of the
 * polynomial through y at t_n, t_n − h, …; at the new spacing they are D·(R(ρ)·U) with
 * R_ij = Π_{m=1..i} (m − 1 − jρ)/m and U = R(1) (so U² = I; Shampine & Reichelt, Sec. 2.2), exact for
 * that polynomial, so successive changes compose.
 * @param D differences (layout of STRIDE).
 * @param ru scratch of 3·MAX_ORDER², tmp of MAX_ORDER.
 */
export function rescaleDifferences(D: Float64Array, n: number, k: number, rho: number, ru: Float64Array, tmp: Float64Array): void {
  // R(ρ) at ru[k²…], U at ru[2k²…], by their recurrence R_{i+1,j} = R_{i,j}·(i − jρ)/(i + 1); then ru[0…] = R·U.
  const r0 = k * k;
  const u0 = 2 * k * k;
  for (let j = 0; j < k; j++) {
    let pr = 1;
    let pu = 1;
    for (let i = 0; i < k; i++) {
      pr *= (i - (j + 1) * rho) / (i + 1);
      pu *= (i - (j + 1)) / (i + 1);
      ru[r0 + i * k + j] = pr;
      ru[u0 + i * k + j] = pu;
    }
  }
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += ru[r0 + i * k + l] * ru[u0 + l * k + j];
      ru[i * k + j] = s;
    }
  }
  if (k === 5) {
    rescale5(D, n, ru);
    return;
  }
  for (let c = 0; c < n; c++) {
    const b = c * STRIDE;
    for (let i = 0; i < k; i++) tmp[i] = D[b + i];
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let i = 0; i < k; i++) s += tmp[i] * ru[i * k + j];
      D[b + j] = s;
    }
  }
}

/** rescaleDifferences' last loop at k = 5 written out: the same sums in the same order (bit-identical). */
function rescale5(D: Float64Array, n: number, m: Float64Array): void {
  const m00 = m[0]; const m01 = m[1]; const m02 = m[2]; const m03 = m[3]; const m04 = m[4];
  const m10 = m[5]; const m11 = m[6]; const m12 = m[7]; const m13 = m[8]; const m14 = m[9];
  const m20 = m[10]; const m21 = m[11]; const m22 = m[12]; const m23 = m[13]; const m24 = m[14];
  const m30 = m[15]; const m31 = m[16]; const m32 = m[17]; const m33 = m[18]; const m34 = m[19];
  const m40 = m[20]; const m41 = m[21]; const m42 = m[22]; const m43 = m[23]; const m44 = m[24];
  for (let c = 0; c < n; c++) {
    const b = c * STRIDE;
    const t0 = D[b];
    const t1 = D[b + 1];
    const t2 = D[b + 2];
    const t3 = D[b + 3];
    const t4 = D[b + 4];
    D[b] = 0 + t0 * m00 + t1 * m10 + t2 * m20 + t3 * m30 + t4 * m40;
    D[b + 1] = 0 + t0 * m01 + t1 * m11 + t2 * m21 + t3 * m31 + t4 * m41;
    D[b + 2] = 0 + t0 * m02 + t1 * m12 + t2 * m22 + t3 * m32 + t4 * m42;
    D[b + 3] = 0 + t0 * m03 + t1 * m13 + t2 * m23 + t3 * m33 + t4 * m43;
    D[b + 4] = 0 + t0 * m04 + t1 * m14 + t2 * m24 + t3 * m34 + t4 * m44;
  }
}

/**
 * The interpolating polynomial of order k at t_n + s·h (s ≤ 0 inside the last step), from y_n and its
 * differences: y_n + Σ_{j=1..k} ∇^j y_n · Π_{m=0..j−1} (s + m)/(m + 1). Writes it into `out`.
 * @param coef scratch of MAX_ORDER.
 */
export function interpolate(D: Float64Array, y: Float64Array, n: number, k: number, s: number, out: Float64Array, coef: Float64Array): void {
  let c = 1;
  for (let j = 0; j < k; j++) {
    c *= (s + j) / (j + 1);
    coef[j] = c;
  }
  for (let i = 0; i < n; i++) {
    const b = i * STRIDE;
    let v = y[i];
    for (let j = 0; j < k; j++) v += coef[j] * D[b + j];
    out[i] = v;
  }
}
