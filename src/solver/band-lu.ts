// Banded LU with partial pivoting on preallocated storage (row-major band layout), its solve and a band mat-vec.
/**
 * Layouts (all row-major, zero-based; kl = lower, ku = upper bandwidth):
 * - band matrix B (a Jacobian or W): B[i·(kl + ku + 1) + (j − i + kl)] = a_ij for i − kl ≤ j ≤ i + ku.
 * - factor storage F: width kl + ku + kl + 1 per row (row interchanges widen U's upper band to ku + kl),
 *   F[i·wf + (j − i + kl)] for i − kl ≤ j ≤ i + ku + kl; U's diagonal is stored as 1/u_kk.
 * - multipliers M: M[k·kl + (i − k − 1)] = l_ik for k < i ≤ k + kl (kept per elimination step, as LINPACK's
 *   dgbfa does, so the solve applies interchange k and then column k of L, step by step).
 * Work and storage are O(n·kl·(kl + ku)) instead of the dense O(n³) and O(n²).
 */

/** Width of a band row and of a factor row. */
export function bandWidth(kl: number, ku: number): number {
  return kl + ku + 1;
}
export function factorWidth(kl: number, ku: number): number {
  return 2 * kl + ku + 1;
}

/**
 * Factor the band matrix held in F (filled by the caller: entries j − i + kl in 0 … kl + ku of each row,
 * the extra kl columns of each row zero) in place.
 * @param colScale scratch of length n (largest |entry| of each original column, for the pivot test).
 * @param pivotTol a pivot ≤ pivotTol × its column's largest |entry| counts as singular (as in luFactor).
 * @returns -1 on success, else the column whose pivot was too small.
 */
export function bandFactor(
  F: Float64Array, M: Float64Array, n: number, kl: number, ku: number, piv: Int32Array, colScale: Float64Array, pivotTol = 1e-14,
): number {
  const wf = 2 * kl + ku + 1;
  colScale.fill(0, 0, n);
  for (let i = 0; i < n; i++) {
    const r = i * wf - i + kl;
    const j0 = i - kl > 0 ? i - kl : 0;
    const j1 = i + ku < n - 1 ? i + ku : n - 1;
    for (let j = j0; j <= j1; j++) {
      const v = Math.abs(F[r + j]);
      if (v > colScale[j]) colScale[j] = v;
    }
  }
  // reach = the largest original row swapped in so far: U's row k (and so every update it makes) ends at column
  // reach + ku or before, which is k + ku when no row was swapped (most W matrices): no work on the fill columns.
  let reach = 0;
  for (let k = 0; k < n; k++) {
    const iEnd = k + kl < n - 1 ? k + kl : n - 1;
    let p = k;
    let best = Math.abs(F[k * wf + kl]);
    for (let i = k + 1; i <= iEnd; i++) {
      const v = Math.abs(F[i * wf + k - i + kl]);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    piv[k] = p;
    if (!(best > pivotTol * colScale[k]) || best === 0) return k;
    if (p > reach) reach = p;
    const jEnd = reach + ku < n - 1 ? reach + ku : n - 1;
    const rk = k * wf - k + kl;
    if (p !== k) {
      const rp = p * wf - p + kl;
      for (let j = k; j <= jEnd; j++) {
        const t = F[rk + j];
        F[rk + j] = F[rp + j];
        F[rp + j] = t;
      }
    }
    const inv = 1 / F[rk + k];
    F[rk + k] = inv;
    for (let i = k + 1; i <= iEnd; i++) {
      const ri = i * wf - i + kl;
      const l = F[ri + k] * inv;
      M[k * kl + (i - k - 1)] = l;
      F[ri + k] = 0;
      if (l !== 0) for (let j = k + 1; j <= jEnd; j++) F[ri + j] -= l * F[rk + j];
    }
  }
  return -1;
}

/**
 * Upper bandwidth of U after bandFactor: ku plus the largest row interchange distance (ku when nothing was
 * swapped). Row k of U ends at column k + this or before; bandSolve skips the columns beyond.
 */
export function bandUpperWidth(piv: Int32Array, n: number, ku: number): number {
  let fill = 0;
  for (let k = 0; k < n; k++) if (piv[k] - k > fill) fill = piv[k] - k;
  return ku + fill;
}

/**
 * Solve with the factors of bandFactor, in place on b[off .. off + n).
 * @param uw U's upper bandwidth (bandUpperWidth), at most ku + kl (the default).
 */
export function bandSolve(
  F: Float64Array, M: Float64Array, n: number, kl: number, ku: number, piv: Int32Array, b: Float64Array, off = 0,
  uw = ku + kl,
): void {
  const wf = 2 * kl + ku + 1;
  for (let k = 0; k < n; k++) {
    const p = piv[k];
    let bk = b[off + k];
    if (p !== k) {
      const t = b[off + p];
      b[off + p] = bk;
      bk = t;
      b[off + k] = bk;
    }
    if (bk !== 0) {
      const iEnd = k + kl < n - 1 ? k + kl : n - 1;
      const mk = k * kl - k - 1;
      for (let i = k + 1; i <= iEnd; i++) b[off + i] -= M[mk + i] * bk;
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * wf - i + kl;
    const jEnd = i + uw < n - 1 ? i + uw : n - 1;
    let s = b[off + i];
    for (let j = i + 1; j <= jEnd; j++) s -= F[ri + j] * b[off + j];
    b[off + i] = s * F[ri + i];
  }
}

/** out = B·v for a band matrix B (layout above). */
export function bandMatVec(B: Float64Array, n: number, kl: number, ku: number, v: Float64Array, out: Float64Array): void {
  const wb = kl + ku + 1;
  for (let i = 0; i < n; i++) {
    const r = i * wb - i + kl;
    const j0 = i - kl > 0 ? i - kl : 0;
    const j1 = i + ku < n - 1 ? i + ku : n - 1;
    let s = 0;
    for (let j = j0; j <= j1; j++) s += B[r + j] * v[j];
    out[i] = s;
  }
}
