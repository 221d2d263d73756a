// The sparse pattern's pieces: column colouring, the grouped finite-difference Jacobian, the orderings, validation.
import { describe, expect, it } from 'vitest';
import { bruss2d } from '../../benchmarks/problems/bruss2d.ts';
import { solveIvp } from '../../src/solver/index.ts';
import { evaluateDerivatives } from '../../src/solver/rodas5-derivatives.ts';
import { sparseJacobianFd } from '../../src/solver/sparse-jacobian.ts';
import { minimumDegree, reverseCuthillMcKee, symbolicFill, symmetricGraph } from '../../src/solver/sparse-order.ts';
import { validateSparsity, type SparsePattern } from '../../src/solver/sparse-pattern.ts';
import { validateOptions } from '../../src/solver/validate.ts';
import type { SolveIvpOptions } from '../../src/solver/types.ts';

/** Checks that every column is in exactly one group and no two columns of a group share a row. */
function checkColouring(pat: SparsePattern): number {
  const { n, rowPtr, colIdx } = pat;
  const { count, groupPtr, groupCols } = pat.colouring();
  const group = new Int32Array(n).fill(-1);
  for (let g = 0; g < count; g++) {
    for (let c = groupPtr[g]; c < groupPtr[g + 1]; c++) {
      expect(group[groupCols[c]]).toBe(-1);
      group[groupCols[c]] = g;
    }
  }
  expect(group.every((g) => g >= 0)).toBe(true);
  for (let i = 0; i < n; i++) {
    const seen = new Set<number>();
    for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
      const g = group[colIdx[k]];
      expect(seen.has(g)).toBe(false);
      seen.add(g);
    }
  }
  return count;
}

describe('sparse pattern', () => {
  it('the colouring groups structurally orthogonal columns: 8 groups for BRUSS-2D (n = 128 … 1152), a few for a random pattern', () => {
    for (const N of [8, 16, 24]) {
      const p = bruss2d(N);
      expect(checkColouring(validateSparsity(p.sparsity, p.n))).toBe(8);
    }
    const rowPtr = [0];
    const colIdx: number[] = [];
    let s = 7;
    for (let i = 0; i < 200; i++) {
      for (let j = 0; j < 200; j++) {
        s = (s * 1103515245 + 12345) % 2147483648;
        if (j === i || s / 2147483648 < 0.02) colIdx.push(j);
      }
      rowPtr.push(colIdx.length);
    }
    const count = checkColouring(validateSparsity({ rowPtr, colIdx }, 200));
    expect(count).toBeLessThan(40);
  });

  it('the grouped finite-difference Jacobian equals the dense one on the pattern, and is zero-free elsewhere by construction', () => {
    const p = bruss2d(8);
    const n = p.n;
    const pat = validateSparsity(p.sparsity, n);
    const y = Float64Array.from(p.y0, (v, i) => v + 0.1 * Math.sin(i));
    const f0 = new Float64Array(n);
    p.rhs(2, y, f0);
    const atol = new Float64Array(n).fill(1e-9);
    const jac = new Float64Array(pat.nnz);
    const nfev = sparseJacobianFd(p.rhs, 2, y, f0, pat, atol, jac, new Float64Array(n), new Float64Array(n), new Float64Array(n));
    expect(nfev).toBe(8);
    const opt = validateOptions(p.rhs, [0, 1], p.y0, { atol: 1e-9, autonomous: true });
    const wk = { n, jac: new Float64Array(n * n), ys: new Float64Array(n), fs: new Float64Array(n), e3: new Float64Array(n), dfdt: new Float64Array(n) };
    const cnt = { nfev: 0, njev: 0, nlu: 0, nAccepted: 0, nRejected: 0 };
    evaluateDerivatives(p.rhs, opt, cnt, wk, -1, -1, 2, y, f0, 0.1);
    expect(cnt.nfev).toBe(n);
    let onPattern = 0;
    for (let i = 0; i < n; i++) {
      for (let k = pat.rowPtr[i]; k < pat.rowPtr[i + 1]; k++) {
        expect(jac[k]).toBe(wk.jac[i * n + pat.colIdx[k]]);
        onPattern += Math.abs(wk.jac[i * n + pat.colIdx[k]]);
      }
    }
    let total = 0;
    for (let k = 0; k < n * n; k++) total += Math.abs(wk.jac[k]);
    expect(total).toBe(onPattern);
    // And it is close to the analytic Jacobian.
    const exact = new Float64Array(pat.nnz);
    p.sparseJacobian(2, y, exact);
    for (let k = 0; k < pat.nnz; k++) expect(Math.abs(jac[k] - exact[k])).toBeLessThan(1e-5 * (1 + Math.abs(exact[k])));
  });

  it('orderings: permutations; the fill count matches the elimination; minimum degree beats RCM and natural on the 2-D grid', () => {
    const p = bruss2d(16);
    const pat = validateSparsity(p.sparsity, p.n);
    const adj = symmetricGraph(p.n, pat.rowPtr, pat.colIdx);
    const md = minimumDegree(adj);
    const rcm = reverseCuthillMcKee(adj);
    for (const perm of [md.perm, rcm]) expect([...perm].sort((a, b) => a - b)).toEqual([...Array(p.n).keys()]);
    expect(symbolicFill(adj, md.perm)).toBe(md.fill);
    const natural = Int32Array.from({ length: p.n }, (_, i) => i);
    expect(md.fill).toBeLessThan(symbolicFill(adj, rcm));
    expect(symbolicFill(adj, rcm)).toBeLessThan(symbolicFill(adj, natural));
    expect(pat.ordering().name).toBe('min-degree');
    // A tridiagonal pattern: natural order has no fill, and is kept.
    const tri = validateSparsity({ rowPtr: [0, 2, 5, 8, 10], colIdx: [0, 1, 0, 1, 2, 1, 2, 3, 2, 3] }, 4);
    expect(tri.ordering()).toMatchObject({ name: 'natural', fill: 3 });
  });

  it('validation names the option, the value and what is allowed', () => {
    const rhs = (_t: number, y: Float64Array, f: Float64Array) => { f[0] = -y[0]; f[1] = -y[1]; };
    const bad = (o: SolveIvpOptions, re: RegExp) => expect(() => solveIvp(rhs, [0, 1], [1, 1], o)).toThrow(re);
    const ok = { rowPtr: [0, 1, 2], colIdx: [0, 1] };
    bad({ jacobianSparsity: null as never }, /'jacobianSparsity' = null; expected \{ rowPtr, colIdx \}/);
    bad({ jacobianSparsity: { rowPtr: [0, 1], colIdx: [0] } }, /'jacobianSparsity.rowPtr' = an array of length 2; expected length n \+ 1 = 3/);
    bad({ jacobianSparsity: { rowPtr: [1, 1, 2], colIdx: [0, 1] } }, /'jacobianSparsity.rowPtr\[0\]' = 1; expected 0/);
    bad({ jacobianSparsity: { rowPtr: [0, 2, 1], colIdx: [0, 1] } }, /'jacobianSparsity.rowPtr\[2\]' = 1; expected ≥ rowPtr\[1\] = 2/);
    bad({ jacobianSparsity: { rowPtr: [0, 1, 3], colIdx: [0, 1] } }, /'jacobianSparsity.rowPtr\[2\]' = 3; expected colIdx.length = 2/);
    bad({ jacobianSparsity: { rowPtr: [0, 1, 2], colIdx: [0, 2] } }, /'jacobianSparsity.colIdx\[1\]' = 2; expected a column in \[0, 1\] \(row 1\)/);
    bad({ jacobianSparsity: { rowPtr: [0, 2, 2], colIdx: [1, 0] } }, /'jacobianSparsity.colIdx\[1\]' = 0; expected > colIdx\[0\] = 1: each row's columns sorted/);
    bad({ jacobianSparsity: { rowPtr: [0, 2, 2], colIdx: [1, 1] } }, /without repeats/);
    bad({ jacobianSparsity: { rowPtr: [0, 1, 2], colIdx: [0, 0.5] } }, /'jacobianSparsity.colIdx\[1\]' = 0.5; expected an integer/);
    bad({ jacobianSparsity: { rowPtr: 'x' as never, colIdx: [0, 1] } }, /'jacobianSparsity.rowPtr' = string; expected an array of integers/);
    bad({ jacobianSparsity: ok, jacobianBand: { lower: 0, upper: 0 } }, /'jacobianSparsity' = \{"rowPtr":\[0,1,2\],"colIdx":\[0,1\]\}; not together with jacobianBand/);
    bad({ jacobianSparsity: ok, method: 'seulex' }, /method 'seulex' takes dense Jacobians only/);
    // Valid: Int32Array or number[], a row without entries (diagonal added), typed or not.
    for (const s of [ok, { rowPtr: Int32Array.from([0, 0, 1]), colIdx: Int32Array.from([1]) }]) {
      const r = solveIvp(rhs, [0, 1], [1, 1], { method: 'rodas5', jacobianSparsity: s });
      expect(r.status).toBe(0);
    }
  });
});
