// Collects the solution at output times (every accepted step, or the tEval grid) into column arrays.

/** Work counters shared by all methods of one solve. */
export interface Counters {
  nfev: number;
  njev: number;
  nlu: number;
  nAccepted: number;
  nRejected: number;
}

export function newCounters(): Counters {
  return { nfev: 0, njev: 0, nlu: 0, nAccepted: 0, nRejected: 0 };
}

/**
 * Output store, one Float64Array for all components. With a tEval grid it is sized once and written column by
 * column (component i at i·cap + k), and the result's columns are views of it. For per-step output it is
 * written row by row (point k at k·n) and grows by doubling (O(log steps) allocations per solve, none in an
 * ordinary step); finish() transposes it once into one column-major array. Either way a solve allocates a
 * few arrays, not one per component; with a tEval grid, one (shared with the grid, see the constructor).
 */
export class Recorder {
  readonly n: number;
  readonly tEval: Float64Array | null;
  /** Index of the next tEval point not yet written. */
  next = 0;
  private count = 0;
  private ts: Float64Array;
  private buf: Float64Array;
  /** Where the output values start in buf: m with a tEval grid (buf holds the grid first), else 0. */
  private off = 0;

  /**
   * @param tEval the output grid, or null for per-step output.
   * @param store with tEval, the m·(n + 1) array validateOptions made for it (`tEval` is a view of its first m
   *   entries): the rest holds the output columns and `tEval` itself serves as the result's t (a tEval point is
   *   written at its own index with its own value), so the grid and the whole result are one allocation.
   *   Without it (or when its length does not fit), one such array is allocated here.
   */
  constructor(n: number, tEval: Float64Array | null, store: Float64Array | null = null) {
    this.n = n;
    this.tEval = tEval;
    if (tEval) {
      const cap = tEval.length;
      const len = cap * (n + 1);
      if (store && store.length === len) {
        this.ts = tEval;
        this.buf = store;
      } else {
        this.buf = new Float64Array(len);
        this.ts = this.buf.subarray(0, cap);
      }
      this.off = cap;
      return;
    }
    this.ts = new Float64Array(64);
    this.buf = new Float64Array(64 * n);
  }

  /** Append (t, y) as an output point (per-step mode, or a tEval point in order). */
  push(t: number, y: Float64Array): void {
    const n = this.n;
    const buf = this.buf;
    if (this.tEval) {
      const cap = this.off;
      const k = this.count++;
      this.ts[k] = t;
      const o = cap + k;
      for (let i = 0; i < n; i++) buf[o + i * cap] = y[i];
      this.next++;
      return;
    }
    if (this.count === this.ts.length) this.grow();
    const k = this.count++;
    this.ts[k] = t;
    const r = k * n;
    for (let i = 0; i < n; i++) this.buf[r + i] = y[i];
  }

  /** Write component values for the next tEval point directly (used by dense output). */
  pushEval(y: Float64Array): void {
    this.push(this.tEval![this.next], y);
  }

  private grow(): void {
    const cap = this.ts.length * 2;
    const ts = new Float64Array(cap);
    ts.set(this.ts);
    this.ts = ts;
    const buf = new Float64Array(cap * this.n);
    buf.set(this.buf);
    this.buf = buf;
  }

  /** The recorded columns (views of one array), trimmed to the points written. */
  finish(): { t: Float64Array; y: Float64Array[] } {
    const k = this.count;
    const n = this.n;
    const y: Float64Array[] = new Array(n);
    if (this.tEval) {
      const cap = this.off;
      const buffer = this.buf.buffer;
      const off = this.buf.byteOffset + 8 * cap;
      for (let i = 0; i < n; i++) y[i] = new Float64Array(buffer, off + 8 * i * cap, k);
      return { t: k === cap ? this.ts : this.ts.slice(0, k), y };
    }
    const out = new Float64Array(k * n);
    const buf = this.buf;
    for (let i = 0; i < n; i++) {
      const c = i * k;
      for (let j = 0; j < k; j++) out[c + j] = buf[j * n + i];
      y[i] = out.subarray(c, c + k);
    }
    return { t: this.ts.slice(0, k), y };
  }
}
