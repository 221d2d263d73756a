// BDF's linear algebra: the kept Jacobian (analytic or finite differences, dense, banded or sparse) and the factored iteration matrix.
import { bandFactor, bandSolve, bandUpperWidth } from './band-lu.ts';
import { luFactor, luSolve } from './dense-lu.ts';
import { bandJacobianFd, buildBandW } from './rodas5-band.ts';
import { buildDenseW } from './rodas5-linear.ts';
import { sparseEntryName, sparseJacobianFd } from './sparse-jacobian.ts';
import { SparseLu } from './sparse-lu.ts';
import type { SparsePattern } from './sparse-pattern.ts';
import type { Counters } from './recorder.ts';
import type { NormalizedOptions } from './validate.ts';
import type { RhsFn } from './types.ts';

/**
 * Holds J (kept across steps: the caller decides when to refresh it) and the factors of the Newton matrix
 * W = I/c − J (c = h/((1 − κ)γ_k)), row-equilibrated as rodas5's W is (rodas5-linear.ts): diag(w)·W is
 * factored with the error weights w of the state at factorisation time, kept in `wM`, so the pivots do not
 * depend on the components' units. A Jacobian is evaluated into a second buffer and kept only when every
 * entry is finite, so a bad one never replaces the last good one.
 */
export class BdfLinear {
  readonly n: number;
  /** Bandwidths, or −1 for dense. */
  readonly kl: number;
  readonly ku: number;
  jac: Float64Array;
  private trial: Float64Array;
  private readonly w: Float64Array;
  private readonly m: Float64Array;
  private readonly piv: Int32Array;
  private readonly colScale: Float64Array;
  /** Row weights the current factors were built with. */
  readonly wM: Float64Array;
  private uw = 0;
  /** Index of the first non-finite entry of the last rejected Jacobian. */
  bad = -1;

  /** The sparse pattern and LU (jacobianSparsity; jac in the pattern's CSR order, w unused), else null. */
  private readonly pattern: SparsePattern | null;
  readonly sparse: SparseLu | null;

  constructor(n: number, band: { lower: number; upper: number } | null, pattern: SparsePattern | null = null) {
    this.n = n;
    this.kl = band ? band.lower : -1;
    this.ku = band ? band.upper : -1;
    this.pattern = pattern;
    this.sparse = pattern ? new SparseLu(pattern) : null;
    const jacLen = pattern ? pattern.nnz : band ? n * (band.lower + band.upper + 1) : n * n;
    this.jac = new Float64Array(jacLen);
    this.trial = new Float64Array(jacLen);
    this.w = new Float64Array(pattern ? 0 : band ? n * (2 * band.lower + band.upper + 1) : n * n);
    this.m = new Float64Array(band ? n * band.lower : 0);
    this.piv = new Int32Array(n);
    this.colScale = new Float64Array(n);
    this.wM = new Float64Array(n);
  }

  /**
   * J at (t, y), f0 = f(t, y) (read by finite differences only). ys, fs, tmp: scratch vectors.
   * @returns true when it is finite (and now kept), false when not (the previous J stays, `bad` names the entry).
   */
  evaluate(
    rhs: RhsFn, opt: NormalizedOptions, cnt: Counters, t: number, y: Float64Array, f0: Float64Array,
    ys: Float64Array, fs: Float64Array, tmp: Float64Array,
  ): boolean {
    const { n, kl, ku } = this;
    const J = this.trial;
    cnt.njev++;
    if (opt.jacobian) opt.jacobian(t, y, J);
    else if (this.pattern) cnt.nfev += sparseJacobianFd(rhs, t, y, f0, this.pattern, opt.atol, J, ys, fs, tmp);
    else if (kl >= 0) cnt.nfev += bandJacobianFd(rhs, t, y, f0, n, kl, ku, opt.atol, J, ys, fs, tmp);
    else {
      const atol = opt.atol;
      for (let i = 0; i < n; i++) ys[i] = y[i];
      for (let j = 0; j < n; j++) {
        const yj = y[j];
        const yp = yj + 1.4901161193847656e-8 * Math.max(Math.abs(yj), atol[j], 1e-8);
        ys[j] = yp;
        rhs(t, ys, fs);
        ys[j] = yj;
        const inv = 1 / (yp - yj);
        for (let i = 0; i < n; i++) J[i * n + j] = (fs[i] - f0[i]) * inv;
      }
      cnt.nfev += n;
    }
    for (let k = 0; k < J.length; k++) {
      const v = J[k];
      if (v - v !== 0) {
        this.bad = k;
        return false;
      }
    }
    this.trial = this.jac;
    this.jac = J;
    return true;
  }

  /** Factor diag(weight)·(I/c − J); @returns −1, or the column of a too-small pivot. */
  factor(c: number, weight: Float64Array): number {
    const { n, kl, ku, jac, w } = this;
    const dgamma = 1 / c;
    this.wM.set(weight);
    if (this.sparse) return this.sparse.factor(jac, dgamma, weight);
    if (kl >= 0) {
      buildBandW(jac, w, n, kl, ku, dgamma, weight);
      const bad = bandFactor(w, this.m, n, kl, ku, this.piv, this.colScale);
      this.uw = bandUpperWidth(this.piv, n, ku);
      return bad;
    }
    buildDenseW(jac, w, n, dgamma, weight);
    return luFactor(w, n, this.piv, this.colScale);
  }

  /** Solve the factored matrix in place on b (already multiplied by wM). */
  solve(b: Float64Array): void {
    if (this.sparse) this.sparse.solve(b, 0);
    else if (this.kl < 0) luSolve(this.w, this.n, this.piv, b, 0);
    else bandSolve(this.w, this.m, this.n, this.kl, this.ku, this.piv, b, 0, this.uw);
  }

  /** Names entry `k` of a Jacobian (dense or band storage). */
  entryName(k: number): string {
    const { n, kl, ku } = this;
    if (this.pattern) return sparseEntryName(k, this.pattern);
    if (kl < 0) return `the Jacobian entry (${Math.floor(k / n)}, ${k % n})`;
    const wb = kl + ku + 1;
    const i = Math.floor(k / wb);
    return `the Jacobian entry (${i}, ${i - kl + (k % wb)}) (band storage index ${k})`;
  }
}
