// In-place dense LU factorisation with partial pivoting on preallocated storage, and its solve.
/**
 * Why not ml-matrix's `LuDecomposition` on the hot path: it allocates a new matrix and pivot array per
 * factorisation and only reports exactly-zero pivots. The stiff integrators factor the W matrix
 * every step, so they use these two allocation-free routines on a row-major Float64Array instead;
 * ml-matrix's LU is the independent cross-check in the tests (test/solver/dense-lu.test.ts).
 */

/**
 * Factor the n × n row-major matrix `a` in place (L unit-lower, U upper), recording row swaps in `piv`.
 *
 * With `rowWeight` (w_i > 0) the pivot search and the singularity test run on the equilibrated matrix
 * diag(w) · a · diag(1/w) instead of `a`: at column k the pivot row maximises w_i·|a_ik| (scaled partial
 * pivoting), and the test compares weighted magnitudes. The stored factors are those of `a` itself (the
 * equilibration is implicit: in exact arithmetic, and bitwise when every w_i is a power of two, they equal the
 * LU of the equilibrated matrix scaled back), so `luSolve` is unchanged and costs nothing extra. The stiff
 * integrators pass w_i = 1/(atol_i + rtol·|y_i|), which makes the factorisation invariant under a diagonal
 * rescaling of the state that atol follows; plain partial pivoting is not (a row scaled by 1e17 wins every
 * pivot search and leaves pivots that look negligible next to it, see test/solver/scaling.test.ts).
 * Reference: Golub & Van Loan, Matrix Computations, 4th ed., Sec. 3.5.2 (scaling); Hairer & Wanner II,
 * Sec. IV.8 (W is only ever used through the weighted error norm).
 *
 * @param a row-major n × n storage, overwritten by L and U.
 * @param n dimension.
 * @param piv receives the pivot row chosen at each column.
 * @param colScale work array of length n (receives the weighted max |entry| of each original column).
 * @param rowWeight optional positive row weights w_i (length n); omitted means all ones (plain partial pivoting).
 *   Permuted in place along with the rows (on return rowWeight[i] belongs to the row stored at i), so pass a
 *   scratch copy when the weights are reused.
 * @param pivotTol a pivot whose weighted magnitude is ≤ pivotTol × (largest weighted |entry| of its original
 *   column) counts as singular. 1e-14 catches numerically singular matrices that an exact-zero test misses.
 * @returns -1 on success, else the column index whose pivot was too small.
 */
export function luFactor(
  a: Float64Array, n: number, piv: Int32Array, colScale: Float64Array, rowWeight?: Float64Array | null, pivotTol = 1e-14,
): number {
  const rw = rowWeight ?? null;
  for (let j = 0; j < n; j++) {
    let m = 0;
    if (rw === null) {
      for (let i = 0; i < n; i++) {
        const v = Math.abs(a[i * n + j]);
        if (v > m) m = v;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const v = Math.abs(a[i * n + j]) * rw[i];
        if (v > m) m = v;
      }
    }
    colScale[j] = m;
  }
  for (let k = 0; k < n; k++) {
    let p = k;
    let best: number;
    if (rw === null) {
      best = Math.abs(a[k * n + k]);
      for (let i = k + 1; i < n; i++) {
        const v = Math.abs(a[i * n + k]);
        if (v > best) {
          best = v;
          p = i;
        }
      }
    } else {
      best = Math.abs(a[k * n + k]) * rw[k];
      for (let i = k + 1; i < n; i++) {
        const v = Math.abs(a[i * n + k]) * rw[i];
        if (v > best) {
          best = v;
          p = i;
        }
      }
    }
    piv[k] = p;
    if (!(best > pivotTol * colScale[k]) || best === 0) return k;
    if (p !== k) {
      const rp = p * n;
      const rk = k * n;
      for (let j = 0; j < n; j++) {
        const t = a[rk + j];
        a[rk + j] = a[rp + j];
        a[rp + j] = t;
      }
      if (rw !== null) {
        const t = rw[k];
        rw[k] = rw[p];
        rw[p] = t;
      }
    }
    const rk = k * n;
    const inv = 1 / a[rk + k];
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const l = a[ri + k] * inv;
      a[ri + k] = l;
      if (l !== 0) for (let j = k + 1; j < n; j++) a[ri + j] -= l * a[rk + j];
    }
  }
  return -1;
}

/**
 * Solve (LU) x = b in place, using the factors and pivots from `luFactor`.
 * @param b holds the right-hand side at b[off .. off + n) and receives x there (an offset instead of a
 *   subarray view, so the caller allocates nothing).
 */
export function luSolve(a: Float64Array, n: number, piv: Int32Array, b: Float64Array, off = 0): void {
  for (let k = 0; k < n; k++) {
    const p = piv[k];
    if (p !== k) {
      const t = b[off + k];
      b[off + k] = b[off + p];
      b[off + p] = t;
    }
  }
  for (let i = 1; i < n; i++) {
    const ri = i * n;
    let s = b[off + i];
    for (let j = 0; j < i; j++) s -= a[ri + j] * b[off + j];
    b[off + i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    const ri = i * n;
    let s = b[off + i];
    for (let j = i + 1; j < n; j++) s -= a[ri + j] * b[off + j];
    b[off + i] = s / a[ri + i];
  }
}
