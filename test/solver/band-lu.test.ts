// The banded LU against the dense LU on random band systems (pivoting included), and its singularity check.
import { describe, expect, it } from 'vitest';
import { bandFactor, bandMatVec, bandSolve, bandUpperWidth, bandWidth, factorWidth } from '../../src/solver/band-lu.ts';
import { luFactor, luSolve } from '../../src/solver/dense-lu.ts';

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  };
}

/** A random n × n matrix with bandwidths (kl, ku), dense and in band layout. */
function bandProblem(n: number, kl: number, ku: number, rnd: () => number, diag = 0) {
  const dense = new Float64Array(n * n);
  const wb = bandWidth(kl, ku);
  const band = new Float64Array(n * wb);
  for (let i = 0; i < n; i++) {
    for (let j = Math.max(0, i - kl); j <= Math.min(n - 1, i + ku); j++) {
      const v = rnd() + (i === j ? diag : 0);
      dense[i * n + j] = v;
      band[i * wb + j - i + kl] = v;
    }
  }
  return { dense, band };
}

function factorStorage(band: Float64Array, n: number, kl: number, ku: number): Float64Array {
  const wb = bandWidth(kl, ku);
  const wf = factorWidth(kl, ku);
  const F = new Float64Array(n * wf);
  for (let i = 0; i < n; i++) for (let c = 0; c < wb; c++) F[i * wf + c] = band[i * wb + c];
  return F;
}

describe('band LU', () => {
  it('solves like the dense LU on random band systems that need row interchanges', () => {
    const rnd = random(3);
    for (const [n, kl, ku] of [[1, 0, 0], [5, 1, 1], [12, 2, 1], [30, 2, 2], [40, 0, 3], [25, 4, 0]]) {
      const { dense, band } = bandProblem(n, kl, ku, rnd);
      const b = Float64Array.from({ length: n }, rnd);
      const F = factorStorage(band, n, kl, ku);
      const M = new Float64Array(Math.max(1, n * kl));
      const piv = new Int32Array(n);
      expect(bandFactor(F, M, n, kl, ku, piv, new Float64Array(n))).toBe(-1);
      const x = Float64Array.from(b);
      bandSolve(F, M, n, kl, ku, piv, x);
      // The narrower back substitution (U's actual upper bandwidth) gives the same solution.
      const uw = bandUpperWidth(piv, n, ku);
      expect(uw).toBeLessThanOrEqual(ku + kl);
      const xu = Float64Array.from(b);
      bandSolve(F, M, n, kl, ku, piv, xu, 0, uw);
      for (let i = 0; i < n; i++) expect(xu[i]).toBe(x[i]);
      const pd = new Int32Array(n);
      expect(luFactor(dense, n, pd, new Float64Array(n))).toBe(-1);
      const xd = Float64Array.from(b);
      luSolve(dense, n, pd, xd);
      // Residual of the band solution against the original matrix, and agreement with the dense solve.
      const r = new Float64Array(n);
      bandMatVec(band, n, kl, ku, x, r);
      for (let i = 0; i < n; i++) {
        expect(Math.abs(r[i] - b[i])).toBeLessThan(1e-8);
        expect(Math.abs(x[i] - xd[i])).toBeLessThan(1e-9 * (1 + Math.abs(xd[i])));
      }
    }
  });

  it('picks a pivot below the diagonal when the diagonal entry is smaller', () => {
    // [[1e-3, 1], [1, 1]]: partial pivoting swaps the rows.
    const band = Float64Array.from([0, 1e-3, 1, 1, 1, 0]);
    const F = factorStorage(band, 2, 1, 1);
    const piv = new Int32Array(2);
    expect(bandFactor(F, new Float64Array(2), 2, 1, 1, piv, new Float64Array(2))).toBe(-1);
    expect(piv[0]).toBe(1);
    expect(bandUpperWidth(piv, 2, 1)).toBe(2);
  });

  it('flags a singular band matrix and NaN pivots', () => {
    // Rows 0 and 1 equal: [[1, 2, 0], [1, 2, 0], [0, 1, 1]] (kl = ku = 1); after the swap at column 1 the last pivot is 0.
    const band = Float64Array.from([0, 1, 2, 1, 2, 0, 1, 1, 0]);
    expect(bandFactor(factorStorage(band, 3, 1, 1), new Float64Array(3), 3, 1, 1, new Int32Array(3), new Float64Array(3))).toBe(2);
    expect(luFactor(Float64Array.from([1, 2, 0, 1, 2, 0, 0, 1, 1]), 3, new Int32Array(3), new Float64Array(3))).toBe(2);
    const nan = Float64Array.from([0, Number.NaN, 1, 1, 1, 0]);
    expect(bandFactor(factorStorage(nan, 2, 1, 1), new Float64Array(2), 2, 1, 1, new Int32Array(2), new Float64Array(2))).toBe(0);
  });
});
