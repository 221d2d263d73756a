// BDF's corrector: the predictor and the modified Newton iteration with a kept (possibly stale) iteration matrix.
import { STRIDE } from './bdf-coefficients.ts';
import type { BdfLinear } from './bdf-linear.ts';
import type { Counters } from './recorder.ts';
import type { RhsFn } from './types.ts';

/** Newton outcome codes (a value ≥ 0 is the first component where f was not finite). */
export const CONVERGED = -1;
export const DIVERGED = -2;

/** At most this many corrections per attempt (as CVODE's default). */
const MAX_ITERS = 3;
/** Converged when the estimated remaining iteration error, in the error norm (1 = at the tolerance), is below this. */
const NEWTON_TOL = 0.2;
/** Diverging when a correction is larger than this times the previous one. */
const DIVERGE = 2;

/** The vectors of one BDF integration, views of one buffer. */
export class BdfWork {
  readonly n: number;
  readonly y: Float64Array;
  readonly yNew: Float64Array;
  /** Predictor y⁽⁰⁾ and ψ = (Σ_j γ_j ∇^j y_n)/((1 − κ)γ_k). */
  readonly yp: Float64Array;
  readonly psi: Float64Array;
  /** d = y_{n+1} − y⁽⁰⁾ (the Newton unknown), and the correction. */
  readonly d: Float64Array;
  readonly del: Float64Array;
  readonly fs: Float64Array;
  readonly f0: Float64Array;
  readonly ys: Float64Array;
  readonly tmp: Float64Array;
  /** 1/(atol + rtol·|y_n|) (1 where that is 0): the Newton norm and W's row weights. */
  readonly weight: Float64Array;
  /** Differences ∇^j y_n, j = 1 … MAX_ORDER + 2, at D[i·STRIDE + j − 1] (bdf-coefficients.ts). */
  readonly D: Float64Array;
  readonly ru = new Float64Array(75);
  readonly rtmp = new Float64Array(5);
  readonly gamma: Float64Array;
  readonly atol: Float64Array;
  readonly rtol: number;
  /** Convergence-rate estimate, kept across steps while the iteration matrix is (reset to 1 on a new one). */
  rate = 1;
  /** The error norm of d (errorNorm's, step-control.ts) after the last correction. */
  dNorm = 0;

  constructor(n: number, gamma: readonly number[], atol: Float64Array, rtol: number) {
    this.n = n;
    this.gamma = Float64Array.from(gamma);
    this.atol = atol;
    this.rtol = rtol;
    const buf = new Float64Array((11 + STRIDE) * n);
    let off = 0;
    const take = (len: number) => buf.subarray(off, (off += len));
    this.y = take(n);
    this.yNew = take(n);
    this.yp = take(n);
    this.psi = take(n);
    this.d = take(n);
    this.del = take(n);
    this.fs = take(n);
    this.f0 = take(n);
    this.ys = take(n);
    this.tmp = take(n);
    this.weight = take(n);
    this.D = take(STRIDE * n);
  }
}

/**
 * Predictor and ψ for order k from the differences (invGa = 1/((1 − κ_k)γ_k)), in one pass; also starts the
 * iteration (d = 0, yNew = y⁽⁰⁾). @returns the RMS of y⁽⁰⁾ in the Newton weights.
 */
export function predict(wk: BdfWork, k: number, invGa: number): number {
  if (k === 5) return predict5(wk, invGa);
  const { n, y, D, yp, psi, d, yNew, weight, gamma } = wk;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const b = i * STRIDE;
    let p = y[i];
    let q = 0;
    for (let j = 0; j < k; j++) {
      const v = D[b + j];
      p += v;
      q += gamma[j] * v;
    }
    yp[i] = p;
    yNew[i] = p;
    psi[i] = q * invGa;
    d[i] = 0;
    const a = p * weight[i];
    s2 += a * a;
  }
  return Math.sqrt(s2 / n);
}

/** predict() at order 5 written out: the same operations in the same order (bit-identical), without the inner loop. */
function predict5(wk: BdfWork, invGa: number): number {
  const { n, y, D, yp, psi, d, yNew, weight, gamma } = wk;
  const g0 = gamma[0];
  const g1 = gamma[1];
  const g2 = gamma[2];
  const g3 = gamma[3];
  const g4 = gamma[4];
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const b = i * STRIDE;
    const v0 = D[b];
    const v1 = D[b + 1];
    const v2 = D[b + 2];
    const v3 = D[b + 3];
    const v4 = D[b + 4];
    const p = y[i] + v0 + v1 + v2 + v3 + v4;
    const q = 0 + g0 * v0 + g1 * v1 + g2 * v2 + g3 * v3 + g4 * v4;
    yp[i] = p;
    yNew[i] = p;
    psi[i] = q * invGa;
    d[i] = 0;
    const a = p * weight[i];
    s2 += a * a;
  }
  return Math.sqrt(s2 / n);
}

/**
 * Modified Newton on d − c·f(t1, y⁽⁰⁾ + d) + ψ = 0 with the factored I/c_M − J of `lin` (a J and c_M possibly
 * from earlier steps): each correction solves (I/c_M − J)δ = f − (ψ + d)/c, scaled by 2r/(1 + r), r = c/c_M (the
 * compromise CVODE uses between the stiff and non-stiff limits of a stale c). Convergence test as CVODE's:
 * ‖δ‖·min(1, rate) ≤ NEWTON_TOL with rate = max(0.3·rate, ‖δ_m‖/‖δ_{m−1}‖) carried across steps (wk.rate).
 * Starts from predict()'s state; on return yNew = y⁽⁰⁾ + d and wk.dNorm = ‖d‖ in the error norm.
 * @param ypNorm predict()'s return value (corrections below 100ε of it count as converged).
 * @returns CONVERGED, DIVERGED, or the first component in which f (or the iterate) was not finite.
 */
export function correct(rhs: RhsFn, cnt: Counters, wk: BdfWork, lin: BdfLinear, t1: number, c: number, cM: number, ypNorm: number): number {
  const { n, y, yp, psi, d, del, fs, yNew, weight, atol, rtol } = wk;
  const wM = lin.wM;
  const invC = 1 / c;
  const r = c / cM;
  const scale = r === 1 ? 1 : (2 * r) / (1 + r);
  const tiny = 100 * 2.220446049250313e-16 * ypNorm;
  let prev = 0;
  for (let m = 0; m < MAX_ITERS; m++) {
    rhs(t1, yNew, fs);
    cnt.nfev++;
    for (let i = 0; i < n; i++) {
      const v = fs[i];
      if (v - v !== 0) return i;
      del[i] = (v - (psi[i] + d[i]) * invC) * wM[i];
    }
    lin.solve(del);
    let s = 0;
    let e2 = 0;
    for (let i = 0; i < n; i++) {
      const dl = del[i] * scale;
      const di = d[i] + dl;
      d[i] = di;
      const yi = yp[i] + di;
      yNew[i] = yi;
      const e = dl * weight[i];
      s += e * e;
      // The error norm of d as errorNorm computes it (scale atol + rtol·max(|y|, |yNew|); a zero scale with d ≠ 0 is ∞).
      const a = y[i] < 0 ? -y[i] : y[i];
      const b = yi < 0 ? -yi : yi;
      const sc = atol[i] + rtol * (a > b ? a : b);
      if (sc > 0) {
        const q = di / sc;
        e2 += q * q;
      } else if (di !== 0) e2 = Infinity;
    }
    const nrm = Math.sqrt(s / n);
    if (!(nrm < Infinity)) {
      for (let i = 0; i < n; i++) if (yNew[i] - yNew[i] !== 0) return i;
      return 0;
    }
    wk.dNorm = Math.sqrt(e2 / n);
    if (m > 0) wk.rate = Math.max(0.3 * wk.rate, nrm / prev);
    if (nrm * Math.min(1, wk.rate) <= NEWTON_TOL || nrm <= tiny) return CONVERGED;
    if (m > 0 && nrm > DIVERGE * prev) return DIVERGED;
    prev = nrm;
  }
  return DIVERGED;
}

/**
 * RMS in errorNorm's scales of D_col + sign·d (the differences of the new point used by the order estimates:
 * ∇^k y_{n+1} = D_k + d, ∇^{k+2} y_{n+1} = d − D_{k+1}); col is the 0-based column (difference col + 1).
 */
export function differenceNorm(wk: BdfWork, col: number, sign: number): number {
  const { n, y, yNew, d, D, atol, rtol } = wk;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const v = D[i * STRIDE + col] + sign * d[i];
    const a = Math.abs(y[i]);
    const b = Math.abs(yNew[i]);
    const sc = atol[i] + rtol * (a > b ? a : b);
    if (sc > 0) {
      const q = v / sc;
      s += q * q;
    } else if (v !== 0) s = Infinity;
  }
  return Math.sqrt(s / n);
}
