// SEULEX: the extrapolation's order, accuracy against the HC-4 reference, output at tEval, and its failure statuses.
import { describe, expect, it } from 'vitest';
import { solveIvp } from '../../src/solver/index.ts';
import { RowEnd, extrapolate, extrapolatePair, extrapolationFactors, linearlyImplicitRow, type RowWork } from '../../src/solver/seulex-row.ts';
import { luFactor, luSolve } from '../../src/solver/dense-lu.ts';
import { SEQ } from '../../src/solver/seulex-control.ts';
import type { RhsFn } from '../../src/solver/types.ts';
import { HC4_T_END, hc4Atol, hc4Jacobian, hc4Rhs, hc4Y0 } from '../../benchmarks/problems/hc4.ts';
import { loadHc4Reference } from '../../benchmarks/problems/reference.ts';
import { TEST_SET } from '../../benchmarks/problems/test-set.ts';
import { loadTestSetReference } from '../../benchmarks/test-set-bench.ts';
import { endState, growth, oscillator, scaledError } from './helpers.ts';

/** Linear stiff-ish test problem y′ = A y, A = [[−1, 10], [−10, −1]] + a fast mode: exact solution known. */
const A = [-1, 10, 0, -10, -1, 0, 0, 0, -1000];
const linear: RhsFn = (_t, y, f) => {
  for (let i = 0; i < 3; i++) f[i] = A[3 * i] * y[0] + A[3 * i + 1] * y[1] + A[3 * i + 2] * y[2];
};
function linearExact(t: number): number[] {
  const e = Math.exp(-t);
  return [e * Math.cos(10 * t), -e * Math.sin(10 * t), Math.exp(-1000 * t)];
}

/** N fixed steps of T_{k,k} (rows 1 … k of the harmonic sequence) over [0, 1] on `linear`, from y(0) = [1, 0, 1]. */
function fixedOrder(k: number, N: number): number[] {
  const n = 3;
  const wk: RowWork = {
    n, jac: Float64Array.from(A), dfdt: new Float64Array(n), weight: new Float64Array(n).fill(1), w: new Float64Array(n * n),
    piv: new Int32Array(n), colScale: new Float64Array(n), yi: new Float64Array(n), del: new Float64Array(n), fi: new Float64Array(n), bad: -1,
  };
  const tab = new Float64Array((k + 1) * n);
  const dtab = new Float64Array((k + 1) * n);
  const y = Float64Array.from([1, 0, 1]);
  const f0 = new Float64Array(n);
  const H = 1 / N;
  for (let s = 0; s < N; s++) {
    linear(s * H, y, f0);
    for (let j = 1; j <= k; j++) {
      expect(linearlyImplicitRow(linear, wk, s * H, y, f0, H, SEQ[j - 1], false, tab, dtab, (j - 1) * n)).toBe(RowEnd.Ok);
      extrapolate(tab, j, n, SEQ);
    }
    for (let i = 0; i < n; i++) y[i] = tab[i];
  }
  return Array.from(y);
}

describe('seulex extrapolation order', () => {
  it('T_kk has order k on a linear problem (log2 of the error ratio when H halves), k = 1 … 5', () => {
    const ex = linearExact(1);
    const err = (k: number, N: number) => Math.max(...fixedOrder(k, N).map((v, i) => Math.abs(v - ex[i])));
    for (let k = 1; k <= 5; k++) {
      const order = Math.log2(err(k, 40) / err(k, 80));
      expect(order, `k = ${k}`).toBeGreaterThan(k - 0.35);
      expect(order, `k = ${k}`).toBeLessThan(k + 0.6);
    }
  });

  it('the adaptive method meets the tolerance on the oscillator and on a non-autonomous problem', () => {
    for (const rtol of [1e-4, 1e-7, 1e-10]) {
      const r = solveIvp(oscillator, [0, 10], [1, 0], { method: 'seulex', rtol, atol: rtol });
      expect(r.status, r.message).toBe(0);
      expect(scaledError(endState(r.y), [Math.cos(10), -Math.sin(10)], rtol, rtol)).toBeLessThan(20);
      const g = solveIvp(growth, [0, 2], [1], { method: 'seulex', rtol, atol: 1e-12 });
      expect(g.status, g.message).toBe(0);
      expect(scaledError(endState(g.y), [Math.exp(2)], rtol, 1e-12)).toBeLessThan(20);
    }
  });

  it('goes up in order as rtol falls (fewer steps per digit)', () => {
    const steps = [1e-4, 1e-7, 1e-10].map((rtol) => solveIvp(linear, [0, 10], [1, 0, 1], { method: 'seulex', rtol, atol: 1e-12 }).nAccepted);
    // An order-5 method would need 10^(3/6) ≈ 3.2× the steps per 3 digits; extrapolation at order 6–9 needs fewer.
    expect(steps[1] / steps[0]).toBeLessThan(3.2);
    expect(steps[2] / steps[1]).toBeLessThan(3.2);
  });
});

describe('seulex row, n = 4 path', () => {
  // A non-autonomous 4-dim rhs whose W needs row swaps (J's first column small on the diagonal).
  const J = Float64Array.from([0.3, -2, 0.5, 0.1, 40, -3, 1, 0, -7, 2, -50, 4, 1, 0.5, 3, -200]);
  const rhs: RhsFn = (t, y, f) => {
    f[0] = 0.3 * y[0] - 2 * y[1] + 0.5 * y[2] + 0.1 * y[3] + Math.sin(3 * t);
    f[1] = 40 * y[0] - 3 * y[1] + y[2] + y[0] * y[1] * 0.01;
    f[2] = -7 * y[0] + 2 * y[1] - 50 * y[2] + 4 * y[3] + t * t;
    f[3] = y[0] + 0.5 * y[1] + 3 * y[2] - 200 * y[3] + Math.cos(t);
  };
  /** The general substep loop, written out: W = diag(weight)(I/hs − J), W Δ = diag(weight)(f + hs·∂f/∂t). */
  function reference(t0: number, y0: Float64Array, f0: Float64Array, H: number, m: number, weight: Float64Array, dfdt: Float64Array) {
    const n = 4;
    const hs = H / m;
    const W = new Float64Array(16);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) W[i * n + j] = -J[i * n + j] * weight[i] + (i === j ? (1 / hs) * weight[i] : 0);
    const piv = new Int32Array(n);
    expect(luFactor(W, n, piv, new Float64Array(n))).toBe(-1);
    const y = Float64Array.from(y0);
    const f = new Float64Array(n);
    const d = new Float64Array(n);
    for (let s = 0; s < m; s++) {
      if (s > 0) rhs(t0 + s * hs, y, f);
      const src = s === 0 ? f0 : f;
      for (let i = 0; i < n; i++) d[i] = (src[i] + hs * dfdt[i]) * weight[i];
      luSolve(W, n, piv, d, 0);
      for (let i = 0; i < n; i++) y[i] += d[i];
    }
    return { y: Array.from(y), slope: Array.from(d, (v) => v * (1 / hs)), piv: Array.from(piv) };
  }
  it('gives the general loop\'s end value and end slope bit for bit (with row swaps, weights and ∂f/∂t)', () => {
    const n = 4;
    const weight = Float64Array.from([1e-2, 1e3, 0.7, 2.5]);
    const dfdt = Float64Array.from([3, 0, 2e-3, -1]);
    const wk: RowWork = {
      n, jac: J, dfdt, weight, w: new Float64Array(16), piv: new Int32Array(n), colScale: new Float64Array(n),
      yi: new Float64Array(n), del: new Float64Array(n), fi: new Float64Array(n), bad: -1,
    };
    const y0 = Float64Array.from([0.2, -1, 3, 0.5]);
    const f0 = new Float64Array(n);
    rhs(0.1, y0, f0);
    const out = new Float64Array(8);
    const dOut = new Float64Array(8);
    for (const [H, m] of [[0.01, 1], [0.01, 2], [0.05, 5], [0.3, 7]] as const) {
      expect(linearlyImplicitRow(rhs, wk, 0.1, y0, f0, H, m, false, out, dOut, 4)).toBe(RowEnd.Ok);
      const r = reference(0.1, y0, f0, H, m, weight, dfdt);
      expect(Array.from(out.subarray(4))).toEqual(r.y);
      expect(Array.from(dOut.subarray(4))).toEqual(r.slope);
    }
    expect(reference(0.1, y0, f0, 0.3, 7, weight, dfdt).piv).not.toEqual([0, 1, 2, 3]);
  });
  it('extrapolatePair updates both tableaux as two extrapolate calls do', () => {
    const fac = extrapolationFactors(SEQ);
    for (const n of [4, 3]) {
      const a = Float64Array.from({ length: 10 * n }, (_, i) => Math.sin(i + 1));
      const b = Float64Array.from({ length: 10 * n }, (_, i) => Math.cos(3 * i));
      const a2 = Float64Array.from(a);
      const b2 = Float64Array.from(b);
      for (let j = 1; j <= 10; j++) {
        extrapolatePair(a, b, j, n, fac, SEQ.length);
        extrapolate(a2, j, n, SEQ);
        extrapolate(b2, j, n, SEQ);
      }
      expect(Array.from(a)).toEqual(Array.from(a2));
      expect(Array.from(b)).toEqual(Array.from(b2));
    }
  });
});

describe('seulex on HC-4', () => {
  const ref = loadHc4Reference();
  for (const rtol of [1e-6, 1e-8, 1e-10]) {
    it(`matches hc4_reference.json within 10× atol + rtol·|ref| at rtol ${rtol} (5 densities × 9 times × 4 components)`, () => {
      for (const c of ref.cases) {
        const atol = hc4Atol(c.n0_cm3);
        const r = solveIvp(hc4Rhs, [0, HC4_T_END], hc4Y0(c.n0_cm3), { method: 'seulex', rtol, atol, jacobian: hc4Jacobian, tEval: ref.times_ps, autonomous: true });
        expect(r.status, r.message).toBe(0);
        expect(Array.from(r.t)).toEqual(ref.times_ps);
        for (let q = 0; q < ref.times_ps.length; q++) {
          expect(scaledError(r.y.map((col) => col[q]), c.y[q], rtol, atol), `n0 ${c.n0_cm3}, t ${ref.times_ps[q]}`).toBeLessThan(10);
        }
      }
    });
  }
});

describe('seulex output and bookkeeping', () => {
  it('ends a step on every tEval point (output is the extrapolated value there, no interpolation)', () => {
    const tEval = [0, 0.3, 0.3, 1.7, 5];
    const r = solveIvp(linear, [0, 5], [1, 0, 1], { method: 'seulex', rtol: 1e-9, atol: 1e-10, tEval });
    expect(r.status, r.message).toBe(0);
    expect(Array.from(r.t)).toEqual(tEval);
    for (let q = 0; q < tEval.length; q++) expect(scaledError(r.y.map((c) => c[q]), linearExact(tEval[q]), 1e-9, 1e-10)).toBeLessThan(20);
    const ref = solveIvp(linear, [0, 0.3], [1, 0, 1], { method: 'seulex', rtol: 1e-9, atol: 1e-10 });
    // The run up to the first output time takes the same steps as a run that ends there.
    expect(r.y[0][1]).toBe(ref.y[0][ref.t.length - 1]);
  });

  it('integrates backwards in time', () => {
    const r = solveIvp(oscillator, [10, 0], [Math.cos(10), -Math.sin(10)], { method: 'seulex', rtol: 1e-9, atol: 1e-9 });
    expect(r.status, r.message).toBe(0);
    expect(scaledError(endState(r.y), [1, 0], 1e-9, 1e-9)).toBeLessThan(20);
  });

  it('solves ROBER to 1e11 to the test-set reference, with one Jacobian per accepted step', () => {
    const p = TEST_SET.find((q) => q.name === 'ROBER')!;
    const r = solveIvp(p.rhs, [0, p.t1], p.y0, { method: 'seulex', rtol: 1e-8, atol: p.atol, jacobian: p.jacobian });
    expect(r.status, r.message).toBe(0);
    expect(scaledError(endState(r.y), loadTestSetReference().ROBER.y_end, 1e-8, p.atol)).toBeLessThan(10);
    expect(r.njev).toBeLessThanOrEqual(r.nAccepted + 1);
  });

  it('refuses jacobianBand (dense Jacobians only)', () => {
    expect(() => solveIvp(oscillator, [0, 1], [1, 0], { method: 'seulex', jacobianBand: { lower: 1, upper: 1 } })).toThrow(/'seulex' takes dense Jacobians only/);
  });
});

describe('seulex failure statuses', () => {
  it('step-size underflow near a finite-time blow-up, at t just below 1', () => {
    const r = solveIvp((_t, y, f) => { f[0] = y[0] * y[0]; }, [0, 2], [1], { method: 'seulex' });
    expect(r.status).toBe(-1);
    expect(r.failure!.kind).toBe('step-size-underflow');
    // A linearly implicit step can land just past the pole (y → −∞ there); the status is a failure either way.
    expect(r.failure!.t).toBeGreaterThan(0.99);
    expect(r.failure!.t).toBeLessThan(1.001);
    expect(r.failure!.cause).toContain('component 0');
  });

  it('a singular I/h − J is reported as such', () => {
    const big = 1e30;
    const r = solveIvp(oscillator, [0, 1], [1, 0], {
      method: 'seulex', firstStep: 0.5, jacobian: (_t, _y, J) => { J[0] = big; J[1] = big * 3; J[2] = big / 3; J[3] = big; },
    });
    expect(r.status).toBe(-1);
    expect(r.failure!.kind).toBe('singular-matrix');
    expect(r.failure!.cause).toContain('I/h_j − J');
  });

  it('NaN in the Jacobian at a later state rejects the step and names the entry when h underflows', () => {
    const r = solveIvp((_t, y, f) => { f[0] = -y[0]; }, [0, 2], [1], {
      method: 'seulex', jacobian: (t, _y, J) => { J[0] = t > 0.5 ? Number.NaN : -1; },
    });
    expect(r.status).toBe(-1);
    expect(r.failure!.kind).toBe('non-finite-jacobian');
    expect(r.failure!.t).toBeGreaterThan(0.4);
    expect(r.failure!.t).toBeLessThanOrEqual(0.5);
    expect(r.failure!.cause).toContain('(0, 0)');
  });

  it('square wave at five phases and rtol 1e-4 … 1e-10: every output point within 10× the tolerance', () => {
    for (const phase of [0, 0.137, 0.31, 0.5, 0.77]) {
      const s = (t: number) => (Math.floor(t + phase) % 2 === 0 ? 1 : 0);
      const exact = (tb: number) => {
        let t = 0;
        let y = 0;
        while (t < tb) {
          const tn = Math.min(tb, Math.floor(t + phase) + 1 - phase);
          const v = s(t);
          y = v + (y - v) * Math.exp(-(tn - t));
          t = tn;
        }
        return y;
      };
      for (const rtol of [1e-4, 1e-6, 1e-8, 1e-10]) {
        const r = solveIvp((t, y, f) => { f[0] = -y[0] + s(t); }, [0, 10], [0], { method: 'seulex', rtol, atol: 1e-9 });
        expect(r.status, r.message).toBe(0);
        for (let k = 0; k < r.t.length; k++) {
          const ex = exact(r.t[k]);
          expect(Math.abs(r.y[0][k] - ex) / (1e-9 + rtol * Math.abs(ex)), `phase ${phase}, rtol ${rtol}, t ${r.t[k]}`).toBeLessThan(10);
        }
      }
    }
  });

  it('relay y′ = (y < 1 ? 1 : −1): the right answer or a failure, never a wrong success', () => {
    const r = solveIvp((_t, y, f) => { f[0] = y[0] < 1 ? 1 : -1; }, [0, 3], [0], { method: 'seulex', rtol: 1e-6, maxSteps: 20_000 });
    if (r.status === 0) expect(Math.abs(r.y[0][r.t.length - 1] - 1)).toBeLessThan(10 * (1e-9 + 1e-6));
    else expect(r.failure!.cause.length).toBeGreaterThan(10);
    for (let k = 0; k < r.t.length; k++) expect(Math.abs(r.y[0][k] - Math.min(r.t[k], 1))).toBeLessThan(1e-4);
  });
});
