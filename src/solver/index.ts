// The solver front: solveIvp(rhs, [t0, t1], y0, options) with methods 'odex', 'dop853', 'rodas5', 'seulex', 'bdf' and 'auto'.
import { runAuto } from './auto.ts';
import { Bdf } from './bdf.ts';
import { Dop853 } from './dop853.ts';
import { OdexMethod } from './odex-method.ts';
import { Recorder, newCounters, type Counters } from './recorder.ts';
import { Rodas5 } from './rodas5.ts';
import { Seulex } from './seulex.ts';
import { validateOptions, type NormalizedOptions } from './validate.ts';
import type { MethodName, RhsFn, SolveFailure, SolveIvpOptions, SolveIvpResult } from './types.ts';

export type * from './types.ts';
export { METHOD_NAMES } from './validate.ts';

interface MethodOutcome {
  failure: SolveFailure | null;
  methodsUsed?: SolveIvpResult['methodsUsed'];
}

type MethodRunner = (
  rhs: RhsFn, n: number, opt: NormalizedOptions, cnt: Counters, rec: Recorder, t0: number, y0: Float64Array, t1: number,
) => MethodOutcome;

/** Methods by name. */
const METHODS: Record<MethodName, MethodRunner> = {
  odex(rhs, n, opt, cnt, rec, t0, y0, t1) {
    const m = new OdexMethod(rhs, n, opt, cnt, rec);
    return { failure: m.run(t0, y0, t1, opt.firstStep) === 'failed' ? m.failure : null };
  },
  dop853(rhs, n, opt, cnt, rec, t0, y0, t1) {
    const m = new Dop853(rhs, n, opt, cnt, rec);
    const h0 = opt.firstStep > 0 ? opt.firstStep * Math.sign(t1 - t0) : 0;
    return { failure: m.run(t0, y0, t1, h0) === 'failed' ? m.failure : null };
  },
  rodas5(rhs, n, opt, cnt, rec, t0, y0, t1) {
    const m = new Rodas5(rhs, n, opt, cnt, rec);
    const h0 = opt.firstStep > 0 ? opt.firstStep * Math.sign(t1 - t0) : 0;
    try {
      return { failure: m.run(t0, y0, t1, h0) === 'failed' ? m.failure : null };
    } finally {
      m.release();
    }
  },
  seulex(rhs, n, opt, cnt, rec, t0, y0, t1) {
    const m = new Seulex(rhs, n, opt, cnt, rec);
    const h0 = opt.firstStep > 0 ? opt.firstStep * Math.sign(t1 - t0) : 0;
    return { failure: m.run(t0, y0, t1, h0) === 'failed' ? m.failure : null };
  },
  bdf(rhs, n, opt, cnt, rec, t0, y0, t1) {
    const m = new Bdf(rhs, n, opt, cnt, rec);
    const h0 = opt.firstStep > 0 ? opt.firstStep * Math.sign(t1 - t0) : 0;
    return { failure: m.run(t0, y0, t1, h0) === 'failed' ? m.failure : null };
  },
  auto: runAuto,
};

/** The success message, kept for the last (method, t1): a sweep of solves to one t1 formats it once. */
let lastMethod: MethodName | null = null;
let lastT1 = 0;
let lastMessage = '';
function reachedMessage(method: MethodName, t1: number): string {
  if (method !== lastMethod || t1 !== lastT1) {
    lastMethod = method;
    lastT1 = t1;
    lastMessage = `${method}: reached t1 = ${t1}`;
  }
  return lastMessage;
}

/**
 * Solve the initial value problem y' = f(t, y), y(t0) = y0 on [t0, t1] (t1 < t0 integrates backwards).
 *
 * @param rhs writes f(t, y) into its third argument.
 * @param tSpan [t0, t1].
 * @param y0 initial state.
 * @param options method ('auto' default), rtol, atol, jacobian, tEval, maxSteps, firstStep, maxStep, autonomous.
 * @returns one result shape for every method; runtime failures come back as status -1 with `failure`.
 * @throws Error for invalid input (naming the option, its value and what is allowed), before any solving.
 */
export function solveIvp(
  rhs: RhsFn, tSpan: readonly [number, number], y0: ArrayLike<number>, options: SolveIvpOptions = {},
): SolveIvpResult {
  const opt = validateOptions(rhs, tSpan, y0, options);
  const [t0, t1] = tSpan;
  const n = y0.length;
  const y = new Float64Array(n); // not Float64Array.from: that goes through y0's iterator
  for (let i = 0; i < n; i++) y[i] = y0[i];
  const cnt = newCounters();
  const rec = new Recorder(n, opt.tEval, opt.tEvalStore);
  if (opt.tEval) {
    while (rec.next < opt.tEval.length && opt.tEval[rec.next] === t0) rec.pushEval(y);
  } else {
    rec.push(t0, y);
  }
  let outcome: MethodOutcome;
  try {
    outcome = METHODS[opt.method](rhs, n, opt, cnt, rec, t0, y, t1);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    outcome = { failure: { kind: 'other', t: Number.NaN, h: Number.NaN, cause: `the right-hand side or Jacobian threw: ${msg}` } };
  }
  const { t, y: cols } = rec.finish();
  const failure = outcome.failure;
  const result: SolveIvpResult = {
    t,
    y: cols,
    status: failure ? -1 : 0,
    message: failure
      ? `${opt.method}: ${failure.kind} at t = ${failure.t} (h = ${failure.h}): ${failure.cause}`
      : reachedMessage(opt.method, t1),
    success: !failure,
    method: opt.method,
    // the counters one by one (same keys, same order): an object spread costs more than the rest of the result
    nfev: cnt.nfev,
    njev: cnt.njev,
    nlu: cnt.nlu,
    nAccepted: cnt.nAccepted,
    nRejected: cnt.nRejected,
  };
  if (failure) result.failure = failure;
  if (outcome.methodsUsed) result.methodsUsed = outcome.methodsUsed;
  return result;
}
