// In-place dense LU factorisation with partial pivoting on preallocated storage, and its solve.
/**
 * Why not ml-matrix's `LuDecomposition` on the hot path: it allocates a new matrix and pivot array per
 * factorisation and only reports exactly-zero pivots. The stiff integrators factor the W matrix
 * every step, so they use these two allocation-free routines on a row-major Float64Array instead;
 * ml-matrix's LU is the independent cross-check in the tests (test/solver/dense-lu.test.ts).
 */

/**
 * Factor the n × n row-major matrix `a` in place (L unit-lower, U upper), recording row swaps in `piv`.
 * U's diagonal is stored as its reciprocals 1/u_kk, so `luSolve` multiplies instead of dividing (the factor
 * computes them anyway; a division costs several multiplications on the solve's critical path).
 * @param a row-major n × n storage, overwritten by L and U (diagonal of U as 1/u_kk).
 * @param n dimension.
 * @param piv receives the pivot row chosen at each column.
 * @param pivotTol a pivot whose magnitude is ≤ pivotTol × (largest |entry| of its original column)
 *   counts as singular. 1e-14 catches numerically singular matrices that an exact-zero test misses.
 * A row k < n − 1 with nothing right of its nonzero diagonal entry is kept as its own pivot, without search
 * or pivot test: eliminating with it leaves the trailing matrix untouched, so the step is exact whatever the
 * size of the multipliers (only their overflow is refused). Stiff Jacobians often have such rows (a density
 * that only decays, say); the rule depends on structural zeros only, so it keeps the pivot order invariant
 * under row and column scaling, and it spares the row swaps a search would make towards heavily weighted rows.
 * @returns -1 on success, else the column index whose pivot was too small.
 */
export function luFactor(a: Float64Array, n: number, piv: Int32Array, colScale: Float64Array, pivotTol = 1e-14): number {
  if (n === 4) return luFactor4(a, piv, colScale, pivotTol);
  for (let j = 0; j < n; j++) {
    let m = 0;
    for (let i = 0; i < n; i++) {
      const v = Math.abs(a[i * n + j]);
      if (v > m) m = v;
    }
    colScale[j] = m;
  }
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(a[k * n + k]);
    let decoupled = k < n - 1 && best > 0 && Number.isFinite(colScale[k] / best);
    for (let j = k + 1; decoupled && j < n; j++) if (a[k * n + j] !== 0) decoupled = false;
    if (!decoupled) {
      for (let i = k + 1; i < n; i++) {
        const v = Math.abs(a[i * n + k]);
        if (v > best) {
          best = v;
          p = i;
        }
      }
    }
    piv[k] = p;
    if (!decoupled && (!(best > pivotTol * colScale[k]) || best === 0)) return k;
    if (p !== k) {
      const rp = p * n;
      const rk = k * n;
      for (let j = 0; j < n; j++) {
        const t = a[rk + j];
        a[rk + j] = a[rp + j];
        a[rp + j] = t;
      }
    }
    const rk = k * n;
    const inv = 1 / a[rk + k];
    a[rk + k] = inv;
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const l = a[ri + k] * inv;
      a[ri + k] = l;
      if (l !== 0 && !decoupled) for (let j = k + 1; j < n; j++) a[ri + j] -= l * a[rk + j];
    }
  }
  return -1;
}

/**
 * luFactor for n = 4 with the size a constant (bounds known to the compiler); the same operations in the same order.
 * Exported for callers that dispatch on n once (rodas5's step loop), sparing a call level per factorisation.
 */
export function luFactor4(a: Float64Array, piv: Int32Array, colScale: Float64Array, pivotTol: number): number {
  const n = 4;
  for (let j = 0; j < n; j++) {
    let m = 0;
    for (let i = 0; i < n; i++) {
      const v = Math.abs(a[i * n + j]);
      if (v > m) m = v;
    }
    colScale[j] = m;
  }
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(a[k * n + k]);
    let decoupled = k < n - 1 && best > 0 && Number.isFinite(colScale[k] / best);
    for (let j = k + 1; decoupled && j < n; j++) if (a[k * n + j] !== 0) decoupled = false;
    if (!decoupled) {
      for (let i = k + 1; i < n; i++) {
        const v = Math.abs(a[i * n + k]);
        if (v > best) {
          best = v;
          p = i;
        }
      }
    }
    piv[k] = p;
    if (!decoupled && (!(best > pivotTol * colScale[k]) || best === 0)) return k;
    if (p !== k) {
      const rp = p * n;
      const rk = k * n;
      for (let j = 0; j < n; j++) {
        const t = a[rk + j];
        a[rk + j] = a[rp + j];
        a[rp + j] = t;
      }
    }
    const rk = k * n;
    const inv = 1 / a[rk + k];
    a[rk + k] = inv;
    for (let i = k + 1; i < n; i++) {
      const ri = i * n;
      const l = a[ri + k] * inv;
      a[ri + k] = l;
      if (l !== 0 && !decoupled) for (let j = k + 1; j < n; j++) a[ri + j] -= l * a[rk + j];
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
  if (n === 4) {
    luSolve4(a, piv, b, off);
    return;
  }
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
    b[off + i] = s * a[ri + i];
  }
}

/** luSolve for n = 4, unrolled (the size of HC-4 and of many small kinetic models). Same arithmetic order; exported like luFactor4. */
export function luSolve4(a: Float64Array, piv: Int32Array, b: Float64Array, off: number): void {
  let x0 = b[off];
  let x1 = b[off + 1];
  let x2 = b[off + 2];
  let x3 = b[off + 3];
  let p = piv[0];
  if (p !== 0) {
    const t = x0;
    if (p === 1) { x0 = x1; x1 = t; } else if (p === 2) { x0 = x2; x2 = t; } else { x0 = x3; x3 = t; }
  }
  p = piv[1];
  if (p !== 1) {
    const t = x1;
    if (p === 2) { x1 = x2; x2 = t; } else { x1 = x3; x3 = t; }
  }
  if (piv[2] !== 2) {
    const t = x2;
    x2 = x3;
    x3 = t;
  }
  x1 = x1 - a[4] * x0;
  x2 = x2 - a[8] * x0 - a[9] * x1;
  x3 = x3 - a[12] * x0 - a[13] * x1 - a[14] * x2;
  x3 *= a[15];
  x2 = (x2 - a[11] * x3) * a[10];
  x1 = (x1 - a[6] * x2 - a[7] * x3) * a[5];
  x0 = (x0 - a[1] * x1 - a[2] * x2 - a[3] * x3) * a[0];
  b[off] = x0;
  b[off + 1] = x1;
  b[off + 2] = x2;
  b[off + 3] = x3;
}
