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
 * Output store. With a tEval grid the storage is sized once; for per-step output the columns grow by
 * doubling (amortised: O(log steps) allocations per solve, none in an ordinary step).
 */
export class Recorder {
  readonly n: number;
  readonly tEval: Float64Array | null;
  /** Index of the next tEval point not yet written. */
  next = 0;
  private count = 0;
  private ts: Float64Array;
  private cols: Float64Array[];

  constructor(n: number, tEval: Float64Array | null) {
    this.n = n;
    this.tEval = tEval;
    const cap = tEval ? tEval.length : 64;
    this.ts = new Float64Array(cap);
    this.cols = [];
    for (let i = 0; i < n; i++) this.cols.push(new Float64Array(cap));
  }

  /** Append (t, y) as an output point (per-step mode, or a tEval point in order). */
  push(t: number, y: Float64Array): void {
    if (this.count === this.ts.length) this.grow();
    const k = this.count++;
    this.ts[k] = t;
    for (let i = 0; i < this.n; i++) this.cols[i][k] = y[i];
    if (this.tEval) this.next++;
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
    for (let i = 0; i < this.n; i++) {
      const c = new Float64Array(cap);
      c.set(this.cols[i]);
      this.cols[i] = c;
    }
  }

  /** The recorded columns, trimmed to the points written (no copy when the storage is exactly full, as with a completed tEval grid). */
  finish(): { t: Float64Array; y: Float64Array[] } {
    const k = this.count;
    if (k === this.ts.length) return { t: this.ts, y: this.cols };
    return { t: this.ts.slice(0, k), y: this.cols.map((c) => c.slice(0, k)) };
  }
}
