// Checks solveIvp's inputs before solving and normalises them; bad input throws a descriptive Error.
import { validateSparsity, type SparsePattern } from './sparse-pattern.ts';
import type { JacobianFn, MethodName, RhsFn, SolveIvpOptions } from './types.ts';

export const METHOD_NAMES: readonly MethodName[] = ['odex', 'dop853', 'rodas5', 'seulex', 'bdf', 'auto'];

/** Options after validation: every field present, tolerances as one Float64Array per component. */
export interface NormalizedOptions {
  method: MethodName;
  rtol: number;
  atol: Float64Array;
  jacobian: JacobianFn | undefined;
  /**
   * The tEval grid as numbers: a view of the first m entries of one m·(n + 1) array whose remaining m·n entries
   * the Recorder takes for the output columns (one allocation for the grid, the result's t and its y).
   */
  tEval: Float64Array | null;
  /** That m·(n + 1) array (null without tEval). */
  tEvalStore: Float64Array | null;
  maxSteps: number;
  firstStep: number;
  maxStep: number;
  autonomous: boolean;
  /** Jacobian bandwidths when declared banded, else null. */
  band: { lower: number; upper: number } | null;
  /** The Jacobian's sparsity pattern (jacobianSparsity), else null. */
  sparse: SparsePattern | null;
}

function fail(option: string, value: unknown, allowed: string): never {
  let shown: string;
  try {
    shown = typeof value === 'number' ? String(value) : JSON.stringify(value) ?? String(value);
  } catch {
    shown = String(value);
  }
  if (shown.length > 80) shown = shown.slice(0, 77) + '...';
  throw new Error(`solveIvp: invalid option '${option}' = ${shown}; ${allowed}`);
}

/**
 * Validate the problem and options; throws naming the option, its value and what is allowed.
 * @returns the normalised options (defaults filled in).
 */
export function validateOptions(
  rhs: RhsFn,
  tSpan: readonly [number, number],
  y0: ArrayLike<number>,
  options: SolveIvpOptions,
): NormalizedOptions {
  if (typeof rhs !== 'function') fail('rhs', typeof rhs, 'expected a function (t, y, dydt) => void');
  if (!Array.isArray(tSpan) && !(tSpan && typeof tSpan === 'object' && 'length' in tSpan)) {
    fail('tSpan', tSpan, 'expected [t0, t1]');
  }
  if (tSpan.length !== 2) fail('tSpan', tSpan, 'expected exactly two numbers [t0, t1]');
  const [t0, t1] = tSpan;
  if (typeof t0 !== 'number' || !Number.isFinite(t0)) fail('tSpan[0]', t0, 'expected a finite number');
  if (typeof t1 !== 'number' || !Number.isFinite(t1)) fail('tSpan[1]', t1, 'expected a finite number');
  if (t1 === t0) fail('tSpan', tSpan, 't1 must differ from t0');
  const n = y0?.length ?? 0;
  if (!(n >= 1)) fail('y0', y0, 'expected a non-empty array of numbers');
  for (let i = 0; i < n; i++) {
    if (typeof y0[i] !== 'number' || !Number.isFinite(y0[i])) fail(`y0[${i}]`, y0[i], 'expected a finite number');
  }
  const method = options.method ?? 'auto';
  if (!METHOD_NAMES.includes(method)) fail('method', method, `allowed: ${METHOD_NAMES.map((m) => `'${m}'`).join(', ')}`);
  const rtol = options.rtol ?? 1e-6;
  if (typeof rtol !== 'number' || !(rtol > 0) || !Number.isFinite(rtol)) {
    fail('rtol', rtol, 'expected a finite number > 0');
  }
  if (rtol < 1e-14) fail('rtol', rtol, 'expected rtol ≥ 1e-14 (below that, rounding error dominates)');
  const atolIn = options.atol ?? 1e-9;
  const atol = new Float64Array(n);
  if (typeof atolIn === 'number') {
    if (!(atolIn >= 0) || !Number.isFinite(atolIn)) fail('atol', atolIn, 'expected a finite number ≥ 0');
    atol.fill(atolIn);
  } else {
    if (atolIn == null || atolIn.length !== n) {
      fail('atol', atolIn, `expected a number or an array of length ${n} (one per component)`);
    }
    for (let i = 0; i < n; i++) {
      const a = atolIn[i];
      if (typeof a !== 'number' || !(a >= 0) || !Number.isFinite(a)) fail(`atol[${i}]`, a, 'expected a finite number ≥ 0');
      atol[i] = a;
    }
  }
  const jacobian = options.jacobian;
  if (jacobian !== undefined && typeof jacobian !== 'function') {
    fail('jacobian', typeof jacobian, 'expected a function (t, y, jac) => void or undefined');
  }
  const dir = Math.sign(t1 - t0);
  let tEval: Float64Array | null = null;
  let tEvalStore: Float64Array | null = null;
  if (options.tEval !== undefined) {
    const te = options.tEval;
    if (te == null || typeof te.length !== 'number') fail('tEval', te, 'expected an array of times');
    // One array for the grid and the output columns: an array of more than 64 bytes lives outside V8's heap,
    // and each such allocation costs about as much as a few rhs evaluations of a small problem.
    const m = te.length > 0 ? Math.floor(te.length) : 0; // ToLength, as Float64Array.from reads it
    const store = new Float64Array(m * (n + 1));
    for (let k = 0; k < m; k++) store[k] = te[k];
    tEval = new Float64Array(store.buffer, 0, m); // a plain view: subarray() goes through the species constructor
    tEvalStore = store;
    const lo = Math.min(t0, t1);
    const hi = Math.max(t0, t1);
    for (let k = 0; k < tEval.length; k++) {
      const t = tEval[k];
      if (!Number.isFinite(t) || t < lo || t > hi) fail(`tEval[${k}]`, t, `expected a time within [${lo}, ${hi}]`);
      if (k > 0 && (t - tEval[k - 1]) * dir < 0) {
        fail(`tEval[${k}]`, t, `tEval must be sorted in the direction of integration (${dir > 0 ? 'ascending' : 'descending'})`);
      }
    }
  }
  const maxSteps = options.maxSteps ?? 100_000;
  if (typeof maxSteps !== 'number' || !Number.isInteger(maxSteps) || maxSteps < 1) {
    fail('maxSteps', maxSteps, 'expected an integer ≥ 1');
  }
  const span = Math.abs(t1 - t0);
  const maxStep = options.maxStep ?? span;
  if (typeof maxStep !== 'number' || !(maxStep > 0) || Number.isNaN(maxStep)) fail('maxStep', maxStep, 'expected a number > 0');
  const firstStep = options.firstStep ?? 0;
  if (options.firstStep !== undefined && (typeof firstStep !== 'number' || !(firstStep > 0) || !(firstStep <= span))) {
    fail('firstStep', firstStep, `expected a number in (0, ${span}]`);
  }
  const autonomous = options.autonomous ?? false;
  if (typeof autonomous !== 'boolean') fail('autonomous', autonomous, 'expected true or false');
  let band: NormalizedOptions['band'] = null;
  if (options.jacobianBand !== undefined) {
    const b = options.jacobianBand;
    if (b === null || typeof b !== 'object') fail('jacobianBand', b, 'expected { lower, upper } (bandwidths below and above the diagonal)');
    for (const side of ['lower', 'upper'] as const) {
      const v = b[side];
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > n - 1) {
        fail(`jacobianBand.${side}`, v, `expected an integer in [0, ${n - 1}] (n − 1 for n = ${n} components)`);
      }
    }
    if (method === 'seulex') fail('jacobianBand', b, "method 'seulex' takes dense Jacobians only; use 'rodas5' or 'auto' with a banded Jacobian");
    band = { lower: b.lower, upper: b.upper };
  }
  let sparse: SparsePattern | null = null;
  if (options.jacobianSparsity !== undefined) {
    const s = options.jacobianSparsity;
    if (band) fail('jacobianSparsity', s, 'not together with jacobianBand: declare the Jacobian banded or sparse, not both');
    if (method === 'seulex') fail('jacobianSparsity', s, "method 'seulex' takes dense Jacobians only; use 'rodas5', 'bdf' or 'auto' with a sparse Jacobian");
    sparse = validateSparsity(s, n);
  }
  return { method, rtol, atol, jacobian, tEval, tEvalStore, maxSteps, firstStep, maxStep: Math.min(maxStep, span), autonomous, band, sparse };
}
