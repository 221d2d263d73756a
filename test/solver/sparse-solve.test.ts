// Solves with jacobianSparsity: BRUSS-2D with rodas5, bdf and auto against the band and dense solutions; the
// dense and band paths still give main's results bit for bit; failures name the sparse entry.
import { describe, expect, it } from 'vitest';
import { BRUSS2D_T1, bruss2d } from '../../benchmarks/problems/bruss2d.ts';
import { TEST_SET } from '../../benchmarks/problems/test-set.ts';
import { errors, loadTestSetReference } from '../../benchmarks/test-set-bench.ts';
import { solveIvpGlobal } from '../../src/solver/global-error.ts';
import { solveIvp } from '../../src/solver/index.ts';
import type { MethodName, SolveIvpOptions } from '../../src/solver/types.ts';

const p = bruss2d(8);
const RTOL = 1e-6;
const ATOL = 1e-9;

function solve(method: MethodName, extra: SolveIvpOptions) {
  return solveIvp(p.rhs, [0, BRUSS2D_T1], p.y0, { method, rtol: RTOL, atol: ATOL, autonomous: true, tEval: [BRUSS2D_T1], ...extra });
}

/** Largest |a − b| / (atol + rtol·|b|) over the end states. */
function scaledDiff(a: Float64Array[], b: Float64Array[]): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i][0] - b[i][0]) / (ATOL + RTOL * Math.abs(b[i][0])));
  return m;
}

describe('sparse Jacobian solves', () => {
  it('BRUSS-2D (N = 8, n = 128): rodas5, bdf and auto with the sparse Jacobian match the band and dense solves', () => {
    for (const method of ['rodas5', 'bdf', 'auto'] as const) {
      const sparse = solve(method, { jacobian: p.sparseJacobian, jacobianSparsity: p.sparsity });
      const band = solve(method, { jacobian: p.bandJacobian, jacobianBand: p.band });
      const dense = solve(method, { jacobian: p.jacobian });
      for (const r of [sparse, band, dense]) expect(r.status, `${method}: ${r.message}`).toBe(0);
      // Same Jacobian, same steps: the three LUs differ in rounding only.
      expect(scaledDiff(sparse.y, band.y), method).toBeLessThan(1e-3);
      expect(scaledDiff(sparse.y, dense.y), method).toBeLessThan(1e-3);
      expect(Math.abs(sparse.nAccepted - band.nAccepted)).toBeLessThanOrEqual(2);
      if (method === 'auto') expect(sparse.methodsUsed?.bdfSteps).toBe(sparse.nAccepted);
    }
  });

  it('without an analytic Jacobian: one evaluation per column group (8 for BRUSS-2D, not n = 128), same solution within tolerance', () => {
    for (const method of ['rodas5', 'bdf'] as const) {
      const fd = solve(method, { jacobianSparsity: p.sparsity });
      const exact = solve(method, { jacobian: p.sparseJacobian, jacobianSparsity: p.sparsity });
      expect(fd.status).toBe(0);
      expect(scaledDiff(fd.y, exact.y), method).toBeLessThan(2);
      const perStep = method === 'rodas5' ? 9 : 0;
      // rodas5: 9 evaluations per attempted step besides the Jacobian's; bdf: the Jacobians' share is at most 8 each.
      if (method === 'rodas5') expect(fd.nfev - perStep * (fd.nAccepted + fd.nRejected)).toBeLessThanOrEqual(8 * fd.njev + 2);
      else expect(fd.nfev - exact.nfev).toBeLessThan(p.n * fd.njev / 4);
    }
  });

  it('dense and band solves give main\'s results bit for bit (counters and end values recorded on main c5f7206)', () => {
    const golden = [
      { name: 'BRUSS-50', method: 'rodas5', banded: true, counters: [80, 4, 836, 80, 84], y: [0.949241121891852, 3.064032058399814, 3.0652753735826663] },
      { name: 'BRUSS-50', method: 'bdf', banded: true, counters: [252, 8, 298, 6, 26], y: [0.9492411339711243, 3.064032451541449, 3.0652757112964855] },
      { name: 'BRUSS-50', method: 'auto', banded: true, counters: [252, 8, 298, 7, 26], y: [0.9492411339711243, 3.064032451541449, 3.0652757112964855] },
      { name: 'HEAT-50', method: 'bdf', banded: false, counters: [75, 0, 89, 2, 9], y: [0.022964469506504385, 0.045841431215356054, 0.022964469506504374] },
      { name: 'POLLU', method: 'auto', banded: false, counters: [225, 2, 327, 7, 33], y: [0.056462578436041744, 0.13424838819162369, 0.00005682960536401749] },
      { name: 'POLLU', method: 'rodas5', banded: false, counters: [54, 0, 542, 54, 54], y: [0.05646255437766167, 0.13424841344839575, 0.00005682944743065958] },
    ] as const;
    for (const g of golden) {
      const q = TEST_SET.find((x) => x.name === g.name)!;
      const r = solveIvp(q.rhs, [0, q.t1], q.y0, {
        method: g.method, rtol: 1e-6, atol: q.atol, jacobian: g.banded ? q.bandJacobian : q.jacobian, jacobianBand: g.banded ? q.band : undefined, tEval: [q.t1],
      });
      expect([r.nAccepted, r.nRejected, r.nfev, r.njev, r.nlu], `${g.name} ${g.method}`).toEqual(g.counters);
      [0, 1, q.n - 1].forEach((i, j) => expect(Math.abs(r.y[i][0] - g.y[j])).toBeLessThanOrEqual(1e-12 * Math.abs(g.y[j])));
    }
  });

  it('end error against the reference at rtol 1e-6: rodas5 within 10× the tolerance; bdf and auto within 100× (BDF\'s global error grows along the oscillation: CVODE BDF + KLU measured 45× on BRUSS2D-8)', () => {
    const ref = loadTestSetReference()['BRUSS2D-8'].y_end;
    for (const [method, bound] of [['rodas5', 10], ['bdf', 100], ['auto', 100]] as const) {
      const r = solve(method, { jacobian: p.sparseJacobian, jacobianSparsity: p.sparsity });
      expect(errors(r.y.map((c) => c[0]), ref, ATOL, RTOL).scaled, method).toBeLessThan(bound);
    }
  });

  it('bdf on BRUSS2D-8: every 10th step\'s true local error is within the tolerance in the error test\'s norm while the end error is > 10× (global accumulation, benchmarks/bruss2d-error.ts)', () => {
    const sp = { jacobian: p.sparseJacobian, jacobianSparsity: p.sparsity };
    const st = solveIvp(p.rhs, [0, BRUSS2D_T1], p.y0, { method: 'bdf', rtol: RTOL, atol: ATOL, autonomous: true, ...sp });
    let worst = 0;
    for (let m = 0; m + 1 < st.t.length; m += 10) {
      const y0 = st.y.map((c) => c[m]);
      const e = solveIvp(p.rhs, [st.t[m], st.t[m + 1]], y0, { method: 'rodas5', rtol: 1e-12, atol: 1e-15, autonomous: true, ...sp });
      let s2 = 0;
      for (let i = 0; i < p.n; i++) {
        const y1 = st.y[i][m + 1];
        const q = (y1 - e.y[i][e.y[i].length - 1]) / (ATOL + RTOL * Math.max(Math.abs(y0[i]), Math.abs(y1)));
        s2 += q * q;
      }
      worst = Math.max(worst, Math.sqrt(s2 / p.n));
    }
    expect(worst).toBeLessThan(1);
    const ref = loadTestSetReference()['BRUSS2D-8'].y_end;
    expect(errors(st.y.map((c) => c[c.length - 1]), ref, ATOL, RTOL).scaled).toBeGreaterThan(10);
  });

  it('bdf with solveIvpGlobal on BRUSS2D-8 ends within the tolerance, its estimate above the true error', () => {
    const r = solveIvpGlobal(p.rhs, [0, BRUSS2D_T1], p.y0, { method: 'bdf', rtol: RTOL, atol: ATOL, autonomous: true, tEval: [BRUSS2D_T1], jacobian: p.sparseJacobian, jacobianSparsity: p.sparsity });
    expect(r.status).toBe(0);
    const err = errors(r.y.map((c) => c[0]), loadTestSetReference()['BRUSS2D-8'].y_end, ATOL, RTOL).scaled;
    expect(err).toBeLessThan(1);
    expect(r.globalError.estimate!).toBeGreaterThan(err);
  });

  it('a non-finite sparse Jacobian entry is named by row, column and storage index', () => {
    const bad = (t: number, y: Float64Array, J: Float64Array) => {
      p.sparseJacobian(t, y, J);
      J[5] = Number.NaN;
    };
    const i = [...p.sparsity.rowPtr].findIndex((s, r) => s <= 5 && p.sparsity.rowPtr[r + 1] > 5);
    for (const method of ['rodas5', 'bdf'] as const) {
      const r = solve(method, { jacobian: bad, jacobianSparsity: p.sparsity });
      expect(r.status).toBe(-1);
      expect(r.failure?.kind).toBe('non-finite-jacobian');
      expect(r.message).toContain(`the Jacobian entry (${i}, ${p.sparsity.colIdx[5]}) (sparse storage index 5)`);
    }
  });
});
