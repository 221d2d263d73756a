// The sparse Jacobian's pieces shared by rodas5, BDF and 'auto': its finite-difference estimate by column
// groups, the power iteration on it, and the name of an entry for failure messages.
import { normaliseStart } from './stiffness.ts';
import type { SparsePattern } from './sparse-pattern.ts';
import type { RhsFn } from './types.ts';

/**
 * Forward-difference Jacobian in the pattern's CSR order from one evaluation per column group
 * (SparsePattern.colouring: structurally orthogonal columns share a perturbed evaluation). Step per column as
 * in the dense estimate, √ε·max(|y_j|, atol_j, 1e-8), so each entry equals the dense estimate's (row i's f reads
 * no other column of the group).
 * @param ys / fs / delta scratch vectors of length n.
 * @returns the number of rhs evaluations (the number of groups).
 */
export function sparseJacobianFd(
  rhs: RhsFn, t: number, y: Float64Array, f0: Float64Array, pat: SparsePattern, atol: Float64Array,
  jac: Float64Array, ys: Float64Array, fs: Float64Array, delta: Float64Array,
): number {
  const n = pat.n;
  const { count, groupPtr, groupCols } = pat.colouring();
  const { colPtr, colRow, colPos } = pat.columns();
  for (let i = 0; i < n; i++) ys[i] = y[i];
  for (let g = 0; g < count; g++) {
    const g0 = groupPtr[g];
    const g1 = groupPtr[g + 1];
    for (let c = g0; c < g1; c++) {
      const j = groupCols[c];
      const yj = y[j];
      const yp = yj + 1.4901161193847656e-8 * Math.max(Math.abs(yj), atol[j], 1e-8);
      delta[j] = yp - yj;
      ys[j] = yp;
    }
    rhs(t, ys, fs);
    for (let c = g0; c < g1; c++) {
      const j = groupCols[c];
      ys[j] = y[j];
      const inv = 1 / delta[j];
      for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
        const i = colRow[p];
        jac[colPos[p]] = (fs[i] - f0[i]) * inv;
      }
    }
  }
  return count;
}

/** out = J·v for J in the pattern's CSR order. */
export function sparseMatVec(jac: Float64Array, pat: SparsePattern, v: Float64Array, out: Float64Array): void {
  const { n, rowPtr, colIdx } = pat;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) s += jac[k] * v[colIdx[k]];
    out[i] = s;
  }
}

/** spectralRadius (stiffness.ts) for a Jacobian in CSR pattern order: the same power iteration with a sparse product. */
export function sparseSpectralRadius(jac: Float64Array, pat: SparsePattern, v: Float64Array, w: Float64Array, iterations: number): number {
  const n = pat.n;
  normaliseStart(v, n);
  let rho = 0;
  for (let it = 0; it < iterations; it++) {
    sparseMatVec(jac, pat, v, w);
    let s = 0;
    for (let i = 0; i < n; i++) s += w[i] * w[i];
    rho = Math.sqrt(s);
    if (!(rho > 0) || !Number.isFinite(rho)) return rho > 0 ? rho : 0;
    for (let i = 0; i < n; i++) v[i] = w[i] / rho;
  }
  return rho;
}

/** Names entry k of a Jacobian in CSR pattern order. */
export function sparseEntryName(k: number, pat: SparsePattern): string {
  const i = pat.rowOf(k);
  return `the Jacobian entry (${i}, ${pat.colIdx[k]}) (sparse storage index ${k})`;
}
