// The public test set for the solver benchmarks: classic stiff and non-stiff IVPs with their sources.
import type { JacobianFn, RhsFn } from '../../src/solver/types.ts';
import { POLLU_Y0, polluJacobian, polluRhs } from './pollu.ts';
import { STIFF_SET } from './stiff-set.ts';
import { BRUSS2D_T1, bruss2d } from './bruss2d.ts';

/**
 * One problem of the test set. The same equations are written out in benchmarks/scipy/test_set.py (reference
 * solutions and the scipy peers) and benchmarks/cvode/test_set_cvode.c (the CVODE peer); `name` is the key
 * shared by all three and by reference/test-set-reference.json.
 */
export interface TestProblem {
  name: string;
  n: number;
  t1: number;
  y0: number[];
  rhs: RhsFn;
  /** Analytic Jacobian (stiff problems); absent: finite differences where a method needs one. */
  jacobian?: JacobianFn;
  atol: number;
  stiff: boolean;
  source: string;
  /** Bandwidths of the Jacobian when it is banded (the PDE problems), with the analytic Jacobian in band layout. */
  band?: { lower: number; upper: number };
  bandJacobian?: JacobianFn;
  /** The Jacobian's sparsity pattern (CSR, jacobianSparsity) with the analytic Jacobian in that order; the bench then runs ours sparse. */
  sparsity?: { rowPtr: Int32Array; colIdx: Int32Array };
  sparseJacobian?: JacobianFn;
}

/** Writer for a band-layout Jacobian (src/solver/band-lu.ts): entry (i, j) at i·(lower + upper + 1) + j − i + lower. */
const bandIndex = (lower: number, upper: number) => (i: number, j: number) => i * (lower + upper + 1) + j - i + lower;

const stiff = (name: 'HIRES' | 'ROBER' | 'VDPOL') => STIFF_SET.find((p) => p.name === name)!;

/** Van der Pol in Hairer & Wanner's scaled form y1' = y2, y2' = ((1 − y1²) y2 − y1)/ε, ε = 1/μ². */
function vdpolScaled(eps: number): Pick<TestProblem, 'rhs' | 'jacobian'> {
  return {
    rhs: (_t, y, f) => {
      f[0] = y[1];
      f[1] = ((1 - y[0] * y[0]) * y[1] - y[0]) / eps;
    },
    jacobian: (_t, y, J) => {
      J[0] = 0;
      J[1] = 1;
      J[2] = (-2 * y[0] * y[1] - 1) / eps;
      J[3] = (1 - y[0] * y[0]) / eps;
    },
  };
}

const orego: Pick<TestProblem, 'rhs' | 'jacobian'> = {
  rhs: (_t, y, f) => {
    f[0] = 77.27 * (y[1] + y[0] * (1 - 8.375e-6 * y[0] - y[1]));
    f[1] = (y[2] - (1 + y[0]) * y[1]) / 77.27;
    f[2] = 0.161 * (y[0] - y[2]);
  },
  jacobian: (_t, y, J) => {
    J[0] = 77.27 * (1 - 2 * 8.375e-6 * y[0] - y[1]); J[1] = 77.27 * (1 - y[0]); J[2] = 0;
    J[3] = -y[1] / 77.27; J[4] = -(1 + y[0]) / 77.27; J[5] = 1 / 77.27;
    J[6] = 0.161; J[7] = 0; J[8] = -0.161;
  },
};

/** 1-D heat equation u_t = u_xx on (0, 1), u = 0 at both ends, N interior points (second differences). */
function heat(N: number): TestProblem {
  const c = (N + 1) * (N + 1);
  const y0: number[] = [];
  for (let i = 1; i <= N; i++) {
    const x = i / (N + 1);
    y0.push(Math.sin(Math.PI * x) + 0.5 * Math.sin(3 * Math.PI * x));
  }
  return {
    name: `HEAT-${N}`, n: N, t1: 0.1, y0, atol: 1e-9, stiff: true,
    source: 'method of lines for u_t = u_xx (e.g. Hairer & Wanner II, Sec. IV.1); exact solution of the semi-discrete system from its eigenvectors sin(kπx_i), λ_k = 4(N+1)² sin²(kπ/(2(N+1)))',
    rhs: (_t, y, f) => {
      for (let i = 0; i < N; i++) {
        const l = i > 0 ? y[i - 1] : 0;
        const r = i < N - 1 ? y[i + 1] : 0;
        f[i] = c * (l - 2 * y[i] + r);
      }
    },
    band: { lower: 1, upper: 1 },
    bandJacobian: (_t, _y, J) => {
      const at = bandIndex(1, 1);
      for (let i = 0; i < N; i++) {
        J[at(i, i)] = -2 * c;
        if (i > 0) J[at(i, i - 1)] = c;
        if (i < N - 1) J[at(i, i + 1)] = c;
      }
    },
    jacobian: (_t, _y, J) => {
      J.fill(0);
      for (let i = 0; i < N; i++) {
        J[i * N + i] = -2 * c;
        if (i > 0) J[i * N + i - 1] = c;
        if (i < N - 1) J[i * N + i + 1] = c;
      }
    },
  };
}

/** Exact solution of HEAT-N at t: the two initial modes decay with the semi-discrete eigenvalues. */
export function heatExact(N: number, t: number): number[] {
  const h = 1 / (N + 1);
  const lam = (k: number) => 4 * (N + 1) * (N + 1) * Math.sin((k * Math.PI * h) / 2) ** 2;
  const out: number[] = [];
  for (let i = 1; i <= N; i++) {
    const x = i * h;
    out.push(Math.exp(-lam(1) * t) * Math.sin(Math.PI * x) + 0.5 * Math.exp(-lam(3) * t) * Math.sin(3 * Math.PI * x));
  }
  return out;
}

/** 1-D Brusselator (Hairer & Wanner II, Sec. IV.1, BRUSS), state interleaved [u1, v1, u2, v2, …], α = 1/50. */
function bruss(N: number): TestProblem {
  const a = (N + 1) * (N + 1) / 50;
  const y0: number[] = [];
  for (let i = 1; i <= N; i++) y0.push(1 + Math.sin((2 * Math.PI * i) / (N + 1)), 3);
  const n = 2 * N;
  return {
    name: `BRUSS-${N}`, n, t1: 10, y0, atol: 1e-9, stiff: true,
    source: 'Hairer & Wanner II, Sec. IV.1 (BRUSS, α = 1/50, u = 1 and v = 3 at the boundary); reference: scipy Radau rtol 1e-12',
    rhs: (_t, y, f) => {
      for (let i = 0; i < N; i++) {
        const u = y[2 * i];
        const v = y[2 * i + 1];
        const ul = i > 0 ? y[2 * i - 2] : 1;
        const ur = i < N - 1 ? y[2 * i + 2] : 1;
        const vl = i > 0 ? y[2 * i - 1] : 3;
        const vr = i < N - 1 ? y[2 * i + 3] : 3;
        f[2 * i] = 1 + u * u * v - 4 * u + a * (ul - 2 * u + ur);
        f[2 * i + 1] = 3 * u - u * u * v + a * (vl - 2 * v + vr);
      }
    },
    band: { lower: 2, upper: 2 },
    bandJacobian: (_t, y, J) => {
      const at = bandIndex(2, 2);
      for (let i = 0; i < N; i++) {
        const u = y[2 * i];
        const v = y[2 * i + 1];
        const iu = 2 * i;
        const iv = 2 * i + 1;
        J[at(iu, iu)] = 2 * u * v - 4 - 2 * a;
        J[at(iu, iv)] = u * u;
        J[at(iv, iu)] = 3 - 2 * u * v;
        J[at(iv, iv)] = -u * u - 2 * a;
        if (i > 0) { J[at(iu, iu - 2)] = a; J[at(iv, iv - 2)] = a; }
        if (i < N - 1) { J[at(iu, iu + 2)] = a; J[at(iv, iv + 2)] = a; }
      }
    },
    jacobian: (_t, y, J) => {
      J.fill(0);
      for (let i = 0; i < N; i++) {
        const u = y[2 * i];
        const v = y[2 * i + 1];
        const ru = 2 * i * n;
        const rv = (2 * i + 1) * n;
        J[ru + 2 * i] = 2 * u * v - 4 - 2 * a;
        J[ru + 2 * i + 1] = u * u;
        J[rv + 2 * i] = 3 - 2 * u * v;
        J[rv + 2 * i + 1] = -u * u - 2 * a;
        if (i > 0) { J[ru + 2 * i - 2] = a; J[rv + 2 * i - 1] = a; }
        if (i < N - 1) { J[ru + 2 * i + 2] = a; J[rv + 2 * i + 3] = a; }
      }
    },
  };
}

/** BRUSS-2D on an N × N grid (bruss2d.ts): 2N² states, band 2N, 5-point stencil × 2 species. */
function brussTwoD(N: number): TestProblem {
  const b = bruss2d(N);
  return {
    name: `BRUSS2D-${N}`, n: b.n, t1: BRUSS2D_T1, y0: b.y0, atol: 1e-9, stiff: true,
    source: 'Hairer & Wanner II, Sec. IV.10 (BRUSS-2D, α = 0.1, forcing from t = 1.1), no-flux instead of periodic boundaries; reference: scipy Radau rtol 1e-12 with the sparse Jacobian',
    rhs: b.rhs, jacobian: b.jacobian, band: b.band, bandJacobian: b.bandJacobian, sparsity: b.sparsity, sparseJacobian: b.sparseJacobian,
  };
}

const MU_A = 0.012277471;
/** Arenstorf orbit (Hairer, Nørsett & Wanner I, Sec. II.0): restricted three-body problem, one period. */
const arenstorf: RhsFn = (_t, y, f) => {
  const m = 1 - MU_A;
  const d1 = Math.pow((y[0] + MU_A) ** 2 + y[1] ** 2, 1.5);
  const d2 = Math.pow((y[0] - m) ** 2 + y[1] ** 2, 1.5);
  f[0] = y[2];
  f[1] = y[3];
  f[2] = y[0] + 2 * y[3] - (m * (y[0] + MU_A)) / d1 - (MU_A * (y[0] - m)) / d2;
  f[3] = y[1] - 2 * y[2] - (m * y[1]) / d1 - (MU_A * y[1]) / d2;
};

/** Pleiades (Hairer, Nørsett & Wanner I, Sec. II.10): 7 bodies, masses 1…7, state [x(7), y(7), x'(7), y'(7)]. */
const pleiades: RhsFn = (_t, q, f) => {
  for (let i = 0; i < 14; i++) f[i] = q[i + 14];
  for (let i = 0; i < 7; i++) {
    let ax = 0;
    let ay = 0;
    for (let j = 0; j < 7; j++) {
      if (j === i) continue;
      const dx = q[j] - q[i];
      const dy = q[7 + j] - q[7 + i];
      const r2 = dx * dx + dy * dy;
      const w = (j + 1) / (r2 * Math.sqrt(r2));
      ax += w * dx;
      ay += w * dy;
    }
    f[14 + i] = ax;
    f[21 + i] = ay;
  }
};

export const TEST_SET: TestProblem[] = [
  { name: 'ROBER', n: 3, t1: 1e11, y0: [1, 0, 0], rhs: stiff('ROBER').rhs, jacobian: stiff('ROBER').jacobian, atol: 1e-10, stiff: true,
    source: 'Robertson (1966); Hairer & Wanner II, Sec. IV.1; IVP test set (Mazzia, Magherini, Bari)' },
  { name: 'HIRES', n: 8, t1: 321.8122, y0: [1, 0, 0, 0, 0, 0, 0, 0.0057], rhs: stiff('HIRES').rhs, jacobian: stiff('HIRES').jacobian, atol: 1e-10, stiff: true,
    source: 'Schäfer (1975); Hairer & Wanner II, Sec. IV.10; IVP test set' },
  { name: 'VDPOL-1e3', n: 2, t1: 2, y0: [2, 0], ...vdpolScaled(1e-6), atol: 1e-9, stiff: true,
    source: 'van der Pol, scaled form, ε = 1e-6 (μ = 1e3); Hairer & Wanner II, Sec. IV.10; IVP test set' },
  { name: 'VDPOL-1e6', n: 2, t1: 2, y0: [2, 0], ...vdpolScaled(1e-12), atol: 1e-9, stiff: true,
    source: 'van der Pol, scaled form, ε = 1e-12 (μ = 1e6)' },
  { name: 'OREGO', n: 3, t1: 360, y0: [1, 2, 3], ...orego, atol: 1e-9, stiff: true,
    source: 'Oregonator (Field & Noyes 1974); Hairer & Wanner II, Sec. IV.1' },
  { name: 'POLLU', n: 20, t1: 60, y0: POLLU_Y0, rhs: polluRhs, jacobian: polluJacobian, atol: 1e-10, stiff: true,
    source: 'Verwer (1994), SIAM J. Sci. Comput. 15, 1243; IVP test set (Mazzia & Magherini, Bari), problem POLLU' },
  ...[50, 100, 200, 400].map(heat),
  ...[50, 100, 200].map(bruss),
  ...[8, 16, 24].map(brussTwoD),
  { name: 'ARENSTORF', n: 4, t1: 17.0652165601579625588917206249, y0: [0.994, 0, 0, -2.00158510637908252240537862224], rhs: arenstorf, atol: 1e-9, stiff: false,
    source: 'Arenstorf (1963); Hairer, Nørsett & Wanner I, Sec. II.0 (one period: y(t1) = y0)' },
  { name: 'PLEIADES', n: 28, t1: 3, rhs: pleiades, atol: 1e-9, stiff: false,
    y0: [3, 3, -1, -3, 2, -2, 2, 3, -3, 2, 0, 0, -4, 4, 0, 0, 0, 0, 0, 1.75, -1.5, 0, 0, 0, -1.25, 1, 0, 0],
    source: 'Hairer, Nørsett & Wanner I, Sec. II.10; IVP test set' },
];
