// The sparse Jacobian's nonzero pattern (jacobianSparsity, CSR): its validation, its column view and the
// column groups (colouring) the finite-difference estimate perturbs together.
import { chooseOrdering, type Ordering } from './sparse-order.ts';

/**
 * Layout of a sparse Jacobian (option jacobianSparsity): compressed sparse rows, zero-based. Row i's nonzero
 * columns are colIdx[rowPtr[i] … rowPtr[i + 1] − 1], strictly increasing; the Jacobian writes ∂f_i/∂y_j into
 * jac[k] for the k in that range with colIdx[k] = j (values in pattern order, jac.length = nnz = rowPtr[n]).
 * A diagonal entry missing from the pattern is added to the iteration matrices' pattern (W = I/(hγ) − J needs
 * it), not to the Jacobian's: the Jacobian's layout is exactly the pattern given.
 */
export class SparsePattern {
  readonly n: number;
  readonly nnz: number;
  readonly rowPtr: Int32Array;
  readonly colIdx: Int32Array;
  private cols: { colPtr: Int32Array; colRow: Int32Array; colPos: Int32Array } | null = null;
  private groups: { count: number; groupPtr: Int32Array; groupCols: Int32Array } | null = null;
  private order: Ordering | null = null;
  /**
   * The pivot order and L, U patterns of the last factorisation with pivoting on this pattern (sparse-lu.ts):
   * a new LU (the next solve's, or BDF's after rodas5's) starts by refactoring on them, as KLU keeps its
   * factorisation across CVodeReInit; its pivot check falls back to pivoting when they do not suit.
   */
  luTemplate: { lp: Int32Array; li: Int32Array; up: Int32Array; ui: Int32Array; pinv: Int32Array; bStep: Int32Array; rowPerm: Int32Array } | null = null;

  constructor(n: number, rowPtr: Int32Array, colIdx: Int32Array) {
    this.n = n;
    this.rowPtr = rowPtr;
    this.colIdx = colIdx;
    this.nnz = rowPtr[n];
  }

  /** Row of entry k (binary search on rowPtr; for messages). */
  rowOf(k: number): number {
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.rowPtr[mid] <= k) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The pattern by columns: column j's rows colRow[colPtr[j] …) ascending, colPos the entry's index in CSR order. */
  columns(): { colPtr: Int32Array; colRow: Int32Array; colPos: Int32Array } {
    if (this.cols) return this.cols;
    const { n, nnz, rowPtr, colIdx } = this;
    const colPtr = new Int32Array(n + 1);
    for (let k = 0; k < nnz; k++) colPtr[colIdx[k] + 1]++;
    for (let j = 0; j < n; j++) colPtr[j + 1] += colPtr[j];
    const next = colPtr.slice(0, n);
    const colRow = new Int32Array(nnz);
    const colPos = new Int32Array(nnz);
    for (let i = 0; i < n; i++) {
      for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
        const p = next[colIdx[k]]++;
        colRow[p] = i;
        colPos[p] = k;
      }
    }
    this.cols = { colPtr, colRow, colPos };
    return this.cols;
  }

  /**
   * Column groups for finite differences (Curtis, Powell & Reid 1974): columns in one group share no row, so one
   * perturbed evaluation gives all their columns. Greedy colouring in column order: each column takes the
   * lowest group none of the columns sharing a row with it has (Coleman & Moré 1983, sequential ordering).
   */
  colouring(): { count: number; groupPtr: Int32Array; groupCols: Int32Array } {
    if (this.groups) return this.groups;
    const { n, rowPtr, colIdx } = this;
    const { colPtr, colRow } = this.columns();
    const colour = new Int32Array(n).fill(-1);
    const seenBy = new Int32Array(n + 1).fill(-1); // seenBy[c] = j: group c is taken by a neighbour of column j
    let count = 0;
    for (let j = 0; j < n; j++) {
      for (let p = colPtr[j]; p < colPtr[j + 1]; p++) {
        const i = colRow[p];
        for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
          const c = colour[colIdx[k]];
          if (c >= 0) seenBy[c] = j;
        }
      }
      let c = 0;
      while (seenBy[c] === j) c++;
      colour[j] = c;
      if (c + 1 > count) count = c + 1;
    }
    const groupPtr = new Int32Array(count + 1);
    for (let j = 0; j < n; j++) groupPtr[colour[j] + 1]++;
    for (let c = 0; c < count; c++) groupPtr[c + 1] += groupPtr[c];
    const fillAt = groupPtr.slice(0, count);
    const groupCols = new Int32Array(n);
    for (let j = 0; j < n; j++) groupCols[fillAt[colour[j]]++] = j;
    this.groups = { count, groupPtr, groupCols };
    return this.groups;
  }

  /** The fill-reducing ordering of W's symmetrised pattern, computed on first use (once per solve; sparse-order.ts). */
  ordering(): Ordering {
    return (this.order ??= chooseOrdering(this.n, this.rowPtr, this.colIdx));
  }
}

function fail(option: string, value: unknown, allowed: string): never {
  throw new Error(`solveIvp: invalid option '${option}' = ${String(value)}; ${allowed}`);
}

/** Read an integer array (Int32Array or number[]) as Int32Array, checking each entry is an integer. */
function intArray(name: string, a: unknown): Int32Array {
  if (a == null || typeof a !== 'object' || typeof (a as ArrayLike<number>).length !== 'number') {
    fail(`jacobianSparsity.${name}`, typeof a, 'expected an array of integers (Int32Array or number[])');
  }
  const src = a as ArrayLike<number>;
  const out = new Int32Array(src.length);
  for (let k = 0; k < src.length; k++) {
    const v = src[k];
    if (typeof v !== 'number' || !Number.isInteger(v)) fail(`jacobianSparsity.${name}[${k}]`, v, 'expected an integer');
    out[k] = v;
  }
  return out;
}

/**
 * Patterns by the caller's colIdx array: a solve passing the same arrays with the same contents again reuses the
 * pattern and what it computed (ordering, colouring), as CVODE keeps KLU's symbolic analysis across CVodeReInit.
 */
const cache = new WeakMap<object, SparsePattern>();

function sameEntries(a: Int32Array, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

/** Validate jacobianSparsity for n components: rowPtr of length n + 1 from 0, non-decreasing, rowPtr[n] = colIdx.length; each row's columns in [0, n) and strictly increasing. */
export function validateSparsity(s: unknown, n: number): SparsePattern {
  if (s === null || typeof s !== 'object') {
    fail('jacobianSparsity', s === null ? 'null' : typeof s, 'expected { rowPtr, colIdx } (compressed sparse rows of the Jacobian\'s nonzero pattern)');
  }
  const { rowPtr: rp, colIdx: ci } = s as { rowPtr?: unknown; colIdx?: unknown };
  const known = ci !== null && typeof ci === 'object' ? cache.get(ci) : undefined;
  if (known && known.n === n && sameEntries(known.colIdx, ci as ArrayLike<number>) && sameEntries(known.rowPtr, rp as ArrayLike<number>)) return known;
  const rowPtr = intArray('rowPtr', rp);
  const colIdx = intArray('colIdx', ci);
  if (rowPtr.length !== n + 1) fail('jacobianSparsity.rowPtr', `an array of length ${rowPtr.length}`, `expected length n + 1 = ${n + 1} (one start per row, then the entry count)`);
  if (rowPtr[0] !== 0) fail('jacobianSparsity.rowPtr[0]', rowPtr[0], 'expected 0');
  for (let i = 0; i < n; i++) {
    if (rowPtr[i + 1] < rowPtr[i]) fail(`jacobianSparsity.rowPtr[${i + 1}]`, rowPtr[i + 1], `expected ≥ rowPtr[${i}] = ${rowPtr[i]} (non-decreasing)`);
  }
  if (rowPtr[n] !== colIdx.length) fail(`jacobianSparsity.rowPtr[${n}]`, rowPtr[n], `expected colIdx.length = ${colIdx.length} (the number of entries)`);
  for (let i = 0; i < n; i++) {
    for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
      const j = colIdx[k];
      if (j < 0 || j >= n) fail(`jacobianSparsity.colIdx[${k}]`, j, `expected a column in [0, ${n - 1}] (row ${i})`);
      if (k > rowPtr[i] && j <= colIdx[k - 1]) {
        fail(`jacobianSparsity.colIdx[${k}]`, j, `expected > colIdx[${k - 1}] = ${colIdx[k - 1]}: each row's columns sorted ascending without repeats (row ${i})`);
      }
    }
  }
  const pattern = new SparsePattern(n, rowPtr, colIdx);
  cache.set(ci as object, pattern);
  return pattern;
}
