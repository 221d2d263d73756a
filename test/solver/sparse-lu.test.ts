// The sparse LU (src/solver/sparse-lu.ts) against the dense LU on random sparse matrices: plain, needing
// pivoting, refactored on the kept pattern, refactorisations that fail their pivot check, and singular ones.
import { describe, expect, it } from 'vitest';
import { luFactor, luSolve } from '../../src/solver/dense-lu.ts';
import { buildDenseW } from '../../src/solver/rodas5-linear.ts';
import { SparseLu } from '../../src/solver/sparse-lu.ts';
import { SparsePattern, validateSparsity } from '../../src/solver/sparse-pattern.ts';
import { mulberry32 } from '../../src/data/synthetic.ts';

const rng = mulberry32;

/** A random pattern (each off-diagonal entry with probability `density`; the diagonal when `diag`) and values. */
function randomJacobian(n: number, density: number, seed: number, diag: boolean): { pat: SparsePattern; jac: Float64Array; dense: Float64Array } {
  const r = rng(seed);
  const rowPtr = [0];
  const colIdx: number[] = [];
  const vals: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if ((i === j && diag) || (i !== j && r() < density)) {
        colIdx.push(j);
        vals.push(2 * r() - 1);
      }
    }
    rowPtr.push(colIdx.length);
  }
  const pat = validateSparsity({ rowPtr, colIdx }, n);
  const jac = Float64Array.from(vals);
  return { pat, jac, dense: toDense(pat, jac) };
}

function toDense(pat: SparsePattern, jac: Float64Array): Float64Array {
  const { n, rowPtr, colIdx } = pat;
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) d[i * n + colIdx[k]] = jac[k];
  return d;
}

/** Solve diag(w)(dγ I − J) x = diag(w) b both ways; @returns the largest relative difference of the solutions. */
function compare(lu: SparseLu, pat: SparsePattern, jac: Float64Array, dense: Float64Array, dgamma: number, weight: Float64Array, seed: number): number {
  const n = pat.n;
  expect(lu.factor(jac, dgamma, weight)).toBe(-1);
  const a = new Float64Array(n * n);
  buildDenseW(dense, a, n, dgamma, weight);
  const piv = new Int32Array(n);
  expect(luFactor(a, n, piv, new Float64Array(n))).toBe(-1);
  const r = rng(seed);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) b[i] = (2 * r() - 1) * weight[i];
  const xs = Float64Array.from(b);
  const xd = Float64Array.from(b);
  lu.solve(xs, 0);
  luSolve(a, n, piv, xd, 0);
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(xd[i]));
  let d = 0;
  for (let i = 0; i < n; i++) d = Math.max(d, Math.abs(xs[i] - xd[i]) / scale);
  return d;
}

describe('sparse LU', () => {
  it('solves like the dense LU on random sparse matrices (n = 5 … 120, unit and varied row weights)', () => {
    for (const [n, density, seed] of [[5, 0.3, 1], [30, 0.1, 2], [60, 0.05, 3], [120, 0.03, 4]]) {
      const { pat, jac, dense } = randomJacobian(n, density, seed, true);
      const lu = new SparseLu(pat);
      const w = new Float64Array(n).fill(1);
      expect(compare(lu, pat, jac, dense, 3, w, seed + 10)).toBeLessThan(1e-12);
      for (let i = 0; i < n; i++) w[i] = Math.pow(10, (i % 7) - 3);
      expect(compare(lu, pat, jac, dense, 0.5, w, seed + 20)).toBeLessThan(1e-10);
    }
  });

  it('pivots when the diagonal is zero or small (dγ = 0, J without a diagonal)', () => {
    for (const [n, seed] of [[8, 5], [40, 6], [100, 7]]) {
      // J = a random sparse matrix plus a cyclic shift (so it is nonsingular with a zero diagonal).
      const r = rng(seed);
      const rowPtr = [0];
      const colIdx: number[] = [];
      const vals: number[] = [];
      for (let i = 0; i < n; i++) {
        const cols = new Set<number>([(i + 1) % n]);
        for (let j = 0; j < n; j++) if (j !== i && r() < 0.05) cols.add(j);
        for (const j of [...cols].sort((p, q) => p - q)) {
          colIdx.push(j);
          vals.push(j === (i + 1) % n ? 2 + r() : 0.3 * (2 * r() - 1));
        }
        rowPtr.push(colIdx.length);
      }
      const pat = validateSparsity({ rowPtr, colIdx }, n);
      const jac = Float64Array.from(vals);
      const lu = new SparseLu(pat);
      expect(compare(lu, pat, jac, toDense(pat, jac), 0, new Float64Array(n).fill(1), seed)).toBeLessThan(1e-11);
      // A tiny diagonal (dγ = 1e-9): the threshold rule must pivot off it, not divide by it.
      expect(compare(lu, pat, jac, toDense(pat, jac), 1e-9, new Float64Array(n).fill(1), seed + 1)).toBeLessThan(1e-10);
    }
  });

  it('refactors on the kept pattern, and redoes a factorisation with pivoting when a kept pivot becomes too small', () => {
    const { pat, jac, dense } = randomJacobian(50, 0.08, 11, true);
    const lu = new SparseLu(pat);
    const w = new Float64Array(50).fill(1);
    expect(compare(lu, pat, jac, dense, 100, w, 1)).toBeLessThan(1e-13);
    expect(compare(lu, pat, jac, dense, 20, w, 2)).toBeLessThan(1e-13);
    expect([lu.full, lu.refactors]).toEqual([1, 1]);
    // dγ = J_00 makes W's first diagonal entry exactly 0: the kept pivot order fails its check.
    const dg = jac[pat.rowPtr[0] + pat.colIdx.subarray(pat.rowPtr[0], pat.rowPtr[1]).indexOf(0)];
    expect(compare(lu, pat, jac, dense, dg, w, 3)).toBeLessThan(1e-9);
    expect(lu.full).toBe(2);
    // A new LU on the same pattern (the next solve's) starts from the kept pivot order: it refactors at once when
    // that order suits its matrix, and pivots afresh when not (the kept order has an off-diagonal pivot for dγ = J_00).
    const next = new SparseLu(pat);
    expect(compare(next, pat, jac, dense, dg, w, 4)).toBeLessThan(1e-9);
    expect([next.full, next.refactors]).toEqual([0, 1]);
    expect(compare(next, pat, jac, dense, 100, w, 5)).toBeLessThan(1e-13);
    expect(next.full + next.refactors).toBe(2);
  });

  it('reports a singular matrix (structurally and numerically) with the failing component, like the dense LU', () => {
    // Structurally singular: column 2 of J is empty and dγ = 0.
    const pat = validateSparsity({ rowPtr: [0, 2, 4, 5], colIdx: [0, 1, 0, 1, 2] }, 3);
    const lu = new SparseLu(pat);
    const one = new Float64Array(3).fill(1);
    expect(lu.factor(Float64Array.from([1, 2, 3, 4, 0]), 0, one)).toBe(2);
    // Numerically singular: rows 0 and 1 of W proportional.
    expect(lu.factor(Float64Array.from([1, 2, 2, 4, 1]), 0, one)).toBeGreaterThanOrEqual(0);
    // NaN entries fail, then a finite matrix factors again.
    expect(lu.factor(Float64Array.from([Number.NaN, 2, 3, 4, 1]), 0, one)).toBeGreaterThanOrEqual(0);
    expect(lu.factor(Float64Array.from([1, 2, 3, 4, 1]), 0, one)).toBe(-1);
    const b = Float64Array.from([1, 1, 1]);
    lu.solve(b, 0);
    // (−J) x = b for J = [[1, 2, 0], [3, 4, 0], [0, 0, 1]].
    expect(b[2]).toBeCloseTo(-1, 14);
    expect(-(1 * b[0] + 2 * b[1])).toBeCloseTo(1, 14);
    expect(-(3 * b[0] + 4 * b[1])).toBeCloseTo(1, 14);
  });
});
