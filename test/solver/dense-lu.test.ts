// The in-place LU against ml-matrix's LuDecomposition, and its pivot-size check.
import { describe, expect, it } from 'vitest';
import { LuDecomposition, Matrix } from 'ml-matrix';
import { luFactor, luSolve } from '../../src/solver/dense-lu.ts';

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  };
}

describe('dense LU', () => {
  it('solves like ml-matrix on random systems', () => {
    const rnd = random(7);
    for (const n of [1, 2, 4, 8, 20]) {
      const rows = Array.from({ length: n }, () => Array.from({ length: n }, rnd));
      const b = Array.from({ length: n }, rnd);
      const a = Float64Array.from(rows.flat());
      const piv = new Int32Array(n);
      expect(luFactor(a, n, piv, new Float64Array(n))).toBe(-1);
      const x = Float64Array.from(b);
      luSolve(a, n, piv, x);
      const ref = new LuDecomposition(new Matrix(rows)).solve(Matrix.columnVector(b)).to1DArray();
      for (let i = 0; i < n; i++) expect(x[i]).toBeCloseTo(ref[i], 9);
    }
  });

  it('solves at an offset inside a larger array', () => {
    const a = Float64Array.from([2, 1, 1, 3]);
    const piv = new Int32Array(2);
    luFactor(a, 2, piv, new Float64Array(2));
    const b = Float64Array.from([9, 3, 5, 9]);
    luSolve(a, 2, piv, b, 1);
    expect(b[0]).toBe(9);
    expect(b[3]).toBe(9);
    expect(2 * b[1] + b[2]).toBeCloseTo(3, 12);
    expect(b[1] + 3 * b[2]).toBeCloseTo(5, 12);
  });

  it('flags numerically singular matrices that ml-matrix passes as non-singular', () => {
    const rows = [[1, 2, 3], [4, 5, 6], [7, 8, 9 + 1e-15]];
    expect(new LuDecomposition(new Matrix(rows)).isSingular()).toBe(false);
    expect(luFactor(Float64Array.from(rows.flat()), 3, new Int32Array(3), new Float64Array(3))).toBe(2);
  });

  it('keeps a row with nothing right of its diagonal as its own pivot, and still solves exactly', () => {
    // Partial pivoting would pick row 2 (|3| > |1e-20|); row 0 decoupled makes the elimination step exact.
    const rows = [[1e-20, 0, 0], [1, 2, 1], [3, 1, 4]];
    const a = Float64Array.from(rows.flat());
    const piv = new Int32Array(3);
    expect(luFactor(a, 3, piv, new Float64Array(3))).toBe(-1);
    expect(piv[0]).toBe(0);
    const x = Float64Array.from([1e-20, 3, 4]);
    luSolve(a, 3, piv, x);
    expect(x[0]).toBe(1);
    expect(x[1] * 2 + x[2] + 1).toBeCloseTo(3, 14);
    expect(x[1] + 4 * x[2] + 3).toBeCloseTo(4, 14);
  });

  it('n = 4 (its own code path): a decoupled first row, pivoting below it, and a singular case', () => {
    const rows = [[1e-20, 0, 0, 0], [1, 2, 1, 0], [3, 1, 4, 1], [0, 5, 1, 2]];
    const a = Float64Array.from(rows.flat());
    const piv = new Int32Array(4);
    expect(luFactor(a, 4, piv, new Float64Array(4))).toBe(-1);
    expect(piv[0]).toBe(0);
    expect(piv[1]).toBe(3); // |5| is the largest entry of column 1 below the diagonal after step 0
    const b = [1e-20, 4, 9, 8];
    const x = Float64Array.from(b);
    luSolve(a, 4, piv, x);
    const ref = new LuDecomposition(new Matrix(rows)).solve(Matrix.columnVector(b)).to1DArray();
    for (let i = 0; i < 4; i++) expect(x[i]).toBeCloseTo(ref[i], 12);
    expect(luFactor(Float64Array.from([1, 2, 3, 4, 2, 4, 6, 8, 0, 1, 0, 0, 0, 0, 1, 0]), 4, piv, new Float64Array(4))).toBe(3);
  });

  it('flags NaN pivots', () => {
    expect(luFactor(Float64Array.from([Number.NaN, 1, 1, 1]), 2, new Int32Array(2), new Float64Array(2))).toBe(0);
  });
});
