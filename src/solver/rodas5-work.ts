// Rodas5's work space (vectors, stage increments, Jacobian, W), kept in a small pool so a solve allocates none of it.
import { SparseLu } from './sparse-lu.ts';
import type { SparsePattern } from './sparse-pattern.ts';
import { RODAS5_STAGES } from './rodas5-tableau.ts';

/**
 * Every array one Rodas5 integration needs, for state size n. One Float64Array holds all of them (views into
 * it), so a fresh set costs one allocation; sets of released integrators are reused (see acquireWork).
 */
export class Rodas5Work {
  readonly n: number;
  readonly y: Float64Array;
  readonly yNew: Float64Array;
  readonly f0: Float64Array;
  readonly f1: Float64Array;
  readonly fs: Float64Array;
  readonly ys: Float64Array;
  readonly dfdt: Float64Array;
  /** S × n stage increments. */
  readonly u: Float64Array;
  readonly e2: Float64Array;
  readonly e3: Float64Array;
  readonly colScale: Float64Array;
  readonly weight: Float64Array;
  readonly k1: Float64Array;
  readonly k2: Float64Array;
  readonly k3: Float64Array;
  readonly dense: Float64Array;
  readonly pv: Float64Array;
  readonly pw: Float64Array;
  readonly jac: Float64Array;
  readonly w: Float64Array;
  readonly piv: Int32Array;
  /** Bandwidths when the Jacobian is banded (jac, w in band layouts of band-lu.ts; m the multipliers), else null. */
  readonly band: { lower: number; upper: number } | null;
  readonly m: Float64Array;
  /** U's upper bandwidth after the last band factorisation (rodas5-linear.ts). */
  uw = 0;
  /** The sparse LU when the Jacobian is sparse (jac in the pattern's CSR order, w unused), else null. */
  readonly sparse: SparseLu | null;

  constructor(n: number, band: { lower: number; upper: number } | null = null, pattern: SparsePattern | null = null) {
    this.n = n;
    this.band = band;
    this.sparse = pattern ? new SparseLu(pattern) : null;
    const vectors = 18 + RODAS5_STAGES;
    const jacLen = pattern ? pattern.nnz : band ? n * (band.lower + band.upper + 1) : n * n;
    const wLen = pattern ? 1 : band ? n * (2 * band.lower + band.upper + 1) : n * n;
    const mLen = band ? n * band.lower : 0;
    const buf = new Float64Array(vectors * n + jacLen + wLen + mLen);
    let off = 0;
    const take = (len: number) => {
      const v = buf.subarray(off, off + len);
      off += len;
      return v;
    };
    this.y = take(n);
    this.yNew = take(n);
    this.f0 = take(n);
    this.f1 = take(n);
    this.fs = take(n);
    this.ys = take(n);
    this.dfdt = take(n);
    this.u = take(RODAS5_STAGES * n);
    this.e2 = take(n);
    this.e3 = take(n);
    this.colScale = take(n);
    this.weight = take(n);
    this.k1 = take(n);
    this.k2 = take(n);
    this.k3 = take(n);
    this.dense = take(n);
    this.pv = take(n);
    this.pw = take(n);
    this.jac = take(jacLen);
    this.w = take(wLen);
    this.m = take(mLen);
    this.piv = new Int32Array(n);
  }
}

/** Pool limits: sets are kept for n ≤ POOL_MAX_N only (small problems, where set-up is a visible share of a solve). */
const POOL_MAX_N = 64;
const POOL_PER_N = 4;
const pool = new Map<number, Rodas5Work[]>();

/**
 * A work set for size n: a released one when available (its contents are stale; Rodas5 initialises what it
 * reads). Banded sets are not pooled (they serve large problems, where set-up is a small share).
 */
export function acquireWork(n: number, band: { lower: number; upper: number } | null = null, pattern: SparsePattern | null = null): Rodas5Work {
  if (band || pattern) return new Rodas5Work(n, band, pattern);
  const free = pool.get(n);
  const w = free?.pop();
  if (w) return w;
  return new Rodas5Work(n);
}

/** Return a set to the pool; the caller must not use it (or any view of it) afterwards. */
export function releaseWork(w: Rodas5Work): void {
  if (w.n > POOL_MAX_N || w.band || w.sparse) return;
  let free = pool.get(w.n);
  if (!free) {
    free = [];
    pool.set(w.n, free);
  }
  if (free.length < POOL_PER_N) free.push(w);
}
