// Global error control by reintegration: solve again at tighter tolerances until two successive solutions agree
// within the caller's tolerance, and return the finer one with the estimate.
//
// Every method here controls the local error of each step; the global error is that, propagated and amplified by
// the problem: on orbits with close approaches (Arenstorf, Pleiades) it ends 1e2–1e7× above the tolerance for
// every solver (ours, CVODE, scipy). Reintegration is the classical remedy (Shampine, "Global error estimation
// with one-step methods", Comput. Math. Appl. 12A, 885 (1986), doi:10.1016/0898-1221(86)90032-6; Skeel, "Thirteen
// ways to estimate global error", Numer. Math. 48, 1 (1986), doi:10.1007/BF01389440): with tolerance
// proportionality (global error ∝ tol^p, p ≈ 1 for error-per-step control), the difference between the solutions
// at tol and at tol/ρ estimates the error of the first to within a factor 1 ± ρ^(−p).
//
// Here: S_0 at the caller's (rtol, atol), then S_{k+1} at (rtol, atol)/ρ_k. E_k = max over output points and
// components of |S_k − S_{k+1}| / (atol_i + rtol·|S_{k+1}|), in the caller's tolerance, divided by 1 − ρ_k^(−p) (if
// err_{k+1} = err_k ρ^(−p), the difference is err_k (1 − ρ^(−p)); p the order observed so far, 1 at first). The first E_k ≤ 1
// certifies S_k; S_{k+1}, whose error is smaller still, is returned with `globalError.estimate` = E_k (an upper
// estimate of its own error). ρ_k is chosen from the observed order so that S_{k+1} is predicted to meet the
// tolerance with a margin of 2, at least ×10 (so the estimate is sharp) and at most ×1e4. Without a certificate
// after MAX_SOLVES solves or at the solvers' rtol floor the result is a failure (kind 'global-error') that names
// the estimate: a chaotic problem over a long span, whose error no tolerance bounds, fails instead of succeeding.
import { solveIvp } from './index.ts';
import type { RhsFn, SolveIvpOptions, SolveIvpResult } from './types.ts';

/** Tightening of the second solve before any order is observed. */
const FIRST_TIGHTENING = 100;
/** Bounds on one tightening: ≥ 10 keeps the estimate sharp (the correction below is ≤ 1.11 for p = 1); ≤ 1e4 keeps
 *  one solve's cost bounded. Near the rtol floor a tightening down to FLOOR_TIGHTENING is accepted. */
const MIN_TIGHTENING = 10;
const FLOOR_TIGHTENING = 4;
const MAX_TIGHTENING = 1e4;
/** Margin on the predicted error of the next solve. */
const MARGIN = 2;
/** Observed orders are clamped to this range (tolerance proportionality is only approximate). */
const ORDER_RANGE: readonly [number, number] = [0.5, 2];
/** The solvers refuse rtol below 1e-14 (validate.ts). */
const RTOL_FLOOR = 1e-14;
export const MAX_SOLVES_DEFAULT = 6;

export interface GlobalErrorOptions {
  /** Most solves before giving up (2 … 12). Default 6. */
  maxSolves?: number;
}

export interface GlobalErrorReport {
  /**
   * Estimated largest scaled error of the returned solution, |y − y_exact| / (atol + rtol·|y|): ≤ 1 on success, the
   * last difference on a failure to certify, null when a solve itself failed before any comparison.
   */
  estimate: number | null;
  /** Relative tolerance of each solve, in order (the last is the returned solution's). */
  rtols: number[];
  /** E_k for each solve but the last: its scaled difference from the next. */
  differences: number[];
}

export type GlobalErrorResult = SolveIvpResult & { globalError: GlobalErrorReport };

function checkOptions(g: GlobalErrorOptions): number {
  const maxSolves = g.maxSolves ?? MAX_SOLVES_DEFAULT;
  if (!Number.isInteger(maxSolves) || maxSolves < 2 || maxSolves > 12) {
    throw new Error(`solveIvpGlobal: invalid option 'maxSolves' = ${String(maxSolves)}; expected an integer in [2, 12] (solves, the first at the caller's tolerance)`);
  }
  return maxSolves;
}

/** Largest scaled difference of two solutions on the same output grid (with tEval) or at t1 (without). */
export function scaledDifference(a: SolveIvpResult, b: SolveIvpResult, rtol: number, atol: number | ArrayLike<number>, onGrid: boolean): number {
  const n = a.y.length;
  const ka = onGrid ? 0 : a.t.length - 1;
  const kb = onGrid ? 0 : b.t.length - 1;
  const points = onGrid ? a.t.length : 1;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    const at = typeof atol === 'number' ? atol : atol[i];
    for (let p = 0; p < points; p++) {
      const ref = b.y[i][kb + p];
      const d = Math.abs(a.y[i][ka + p] - ref) / (at + rtol * Math.abs(ref));
      if (Number.isNaN(d)) return Number.NaN; // a failure to certify, never a pass
      if (d > worst) worst = d;
    }
  }
  return worst;
}

/** Next tightening from the latest difference and the order seen so far. */
function nextTightening(e: number, lastRho: number, order: number): number {
  // S_{k+1} (at tol/lastRho) is predicted at e / lastRho^p; the solve after it should reach 1/MARGIN.
  const predicted = e / lastRho ** order;
  const rho = (MARGIN * predicted) ** (1 / order);
  return Math.min(MAX_TIGHTENING, Math.max(MIN_TIGHTENING, rho));
}

/**
 * solveIvp with global error control by reintegration (see the file comment). Same arguments and result shape as
 * solveIvp, plus `globalError`; the counters (nfev, njev, nlu, nAccepted, nRejected) are summed over all solves,
 * so that a benchmark prices the whole work. With `tEval` the solutions are compared at every output time;
 * without it at t1 only (the step grids differ), and the returned grid is the finest solve's steps.
 */
export function solveIvpGlobal(
  rhs: RhsFn, tSpan: readonly [number, number], y0: ArrayLike<number>, options: SolveIvpOptions = {}, global: GlobalErrorOptions = {},
): GlobalErrorResult {
  const maxSolves = checkOptions(global);
  const rtol = options.rtol ?? 1e-6;
  const atol = options.atol ?? 1e-9;
  const onGrid = options.tEval !== undefined;
  const scale = (f: number): SolveIvpOptions => ({
    ...options,
    rtol: rtol / f,
    atol: typeof atol === 'number' ? atol / f : Array.from(atol, (v) => v / f),
  });
  const totals = { nfev: 0, njev: 0, nlu: 0, nAccepted: 0, nRejected: 0 };
  const add = (r: SolveIvpResult) => {
    totals.nfev += r.nfev; totals.njev += r.njev; totals.nlu += r.nlu; totals.nAccepted += r.nAccepted; totals.nRejected += r.nRejected;
  };
  const rtols: number[] = [];
  const differences: number[] = [];
  const finish = (r: SolveIvpResult, estimate: number | null, failure?: string): GlobalErrorResult => {
    const out: GlobalErrorResult = { ...r, ...totals, globalError: { estimate, rtols, differences } };
    if (failure) {
      out.status = -1;
      out.success = false;
      out.failure = { kind: 'global-error', t: tSpan[1], h: 0, cause: failure }; // every solve reached t1: no step failed
      out.message = `${r.method}: global-error at t = ${tSpan[1]}: ${failure}`;
    }
    return out;
  };

  let factor = 1;
  let prev = solveIvp(rhs, tSpan, y0, scale(factor));
  add(prev);
  rtols.push(rtol);
  if (prev.status !== 0) {
    const out = finish(prev, null);
    out.message += ` (solve 1 of the global error control, at the caller's rtol ${rtol})`;
    return out;
  }
  let rho = FIRST_TIGHTENING;
  let order = 1;
  for (let solves = 1; solves < maxSolves; solves++) {
    if (rtol / (factor * rho) < RTOL_FLOOR) rho = rtol / (factor * RTOL_FLOOR);
    if (rho < FLOOR_TIGHTENING) {
      const last = differences.at(-1);
      return finish(prev, last ?? null, `not certified: rtol ${(rtol / factor).toExponential(1)} is within ×${FLOOR_TIGHTENING} of the solvers' floor ${RTOL_FLOOR}, and the last estimate is ${last?.toPrecision(3) ?? '—'}× the tolerance; the problem amplifies errors beyond what a tighter tolerance can fix (chaos, or close approaches over a long span?)`);
    }
    factor *= rho;
    const next = solveIvp(rhs, tSpan, y0, scale(factor));
    add(next);
    rtols.push(rtol / factor);
    if (next.status !== 0) {
      const out = finish(next, null);
      out.message += ` (solve ${rtols.length} of the global error control, at rtol ${(rtol / factor).toExponential(1)})`;
      return out;
    }
    const e = scaledDifference(prev, next, rtol, atol, onGrid) / (1 - rho ** -order);
    differences.push(e);
    if (e <= 1) return finish(next, e);
    if (!Number.isFinite(e)) return finish(next, null, 'not certified: two successive solutions differ by a non-finite amount');
    if (differences.length >= 2) {
      // differences[k] estimates err_k; the solves k − 1 and k are rtols[k − 1] and rtols[k] apart.
      const k = differences.length - 1;
      const seen = Math.log(differences[k - 1] / e) / Math.log(rtols[k - 1] / rtols[k]);
      order = Number.isFinite(seen) ? Math.min(ORDER_RANGE[1], Math.max(ORDER_RANGE[0], seen)) : ORDER_RANGE[0];
    }
    const lastRho = rho;
    rho = nextTightening(e, lastRho, order);
    prev = next;
  }
  const last = differences.at(-1) as number; // maxSolves ≥ 2: at least one comparison was made
  return finish(prev, last, `not certified after ${maxSolves} solves (rtol ${rtol} … ${rtols.at(-1)?.toExponential(1)}): the last two differ by ${last.toPrecision(3)}× the tolerance`);
}
