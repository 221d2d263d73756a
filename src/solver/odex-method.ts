// Wraps the odex npm package (Hairer's GBS extrapolation code, non-stiff) behind the solver front.
import { Outcome, Solver } from 'odex';
import type { Counters, Recorder } from './recorder.ts';
import type { RunEnd } from './rodas5.ts';
import type { NormalizedOptions } from './validate.ts';
import type { RhsFn, SolveFailure } from './types.ts';

/** Thrown inside odex's callback when the rhs returns NaN/Infinity; caught in OdexMethod.run. */
class NonFiniteRhs extends Error {}

/**
 * Relative level of the gross-error check (simpsonResidual). Measured at rtol 1e-6: Arenstorf costs 1461
 * evaluations without the check, 1540 at 0.5, 1629 at 0.1, 2350 at 0.01 (the Hermite midpoint is crude on
 * odex's long steps, so a tighter level flags smooth steps); the relay case is caught at every level.
 */
const GROSS_RTOL = 0.5;
/**
 * Jump test of the same residual at the caller's tolerance (the guard dop853.ts uses on its own estimate): a
 * step is also redone when its Simpson residual, scaled by atol_i + rtol·|y_i|, is above 1 and ROUGH_JUMP times
 * the last accepted step's (that one scaled by (h/h_last)⁵, the residual's order on smooth solutions). On a
 * smooth solution the residual changes by small factors from step to step and the test stays silent; where f
 * switches inside the step the residual is O(h·jump) against O(h⁵) before it. Measured (3 Dec): on Arenstorf,
 * Pleiades and HIRES at rtol 1e-4 … 1e-10 the ratio stays below 10⁴ on every step whose residual is above the
 * tolerance (above 100: 38 steps of HIRES at 1e-4, one of Arenstorf at 1e-4), so the test never fires there
 * (counts unchanged; at 100 it moved HIRES's end error at 1e-4 from 0.05× to 11×); on the relay
 * y′ = (y < 1 ? 1 : −1) it is ≥ 10⁹. The relay went through the loose check alone with end errors of 61×, 760×
 * and 7e5× the tolerance at rtol 1e-4, 1e-6, 1e-8; with the jump test 0.13×, 0.20×, 0.06×.
 */
const ROUGH_JUMP = 1e4;

/**
 * odex 2.x driver. Tolerances are passed as odex's absoluteTolerance (per component) and
 * relativeTolerance, which odex applies as atol_i + rtol·max(|y_i|, |y_i,new|), the same meaning as rodas5.
 *
 * odex's API works on plain arrays and allocates per step internally (its own slices and its dense
 * closure); that cost is inside the library. This wrapper reuses one Float64Array for the user's rhs
 * and one number[] for odex's derivative output.
 */
export class OdexMethod {
  t = 0;
  h = 0;
  readonly y: Float64Array;
  failure: SolveFailure | null = null;
  steps = 0;
  private readonly rhs: RhsFn;
  private readonly n: number;
  private readonly opt: NormalizedOptions;
  private readonly cnt: Counters;
  private readonly rec: Recorder;
  private readonly yIn: Float64Array;
  private readonly dy: Float64Array;
  private readonly dyOut: number[];
  private readonly yDense: Float64Array;
  private fStart: Float64Array;
  private fEnd: Float64Array;
  private haveF0 = false;
  /** Tolerance-scaled Simpson residual and size of the last accepted step (the jump test's reference). */
  private lastTight = -1;
  private lastH = 0;

  constructor(rhs: RhsFn, n: number, options: NormalizedOptions, counters: Counters, recorder: Recorder) {
    this.rhs = rhs;
    this.n = n;
    this.opt = options;
    this.cnt = counters;
    this.rec = recorder;
    this.y = new Float64Array(n);
    this.yIn = new Float64Array(n);
    this.dy = new Float64Array(n);
    this.dyOut = new Array<number>(n).fill(0);
    this.yDense = new Float64Array(n);
    this.fStart = new Float64Array(n);
    this.fEnd = new Float64Array(n);
  }

  /**
   * Integrate from (t0, y0) to tEnd with odex.
   * A NaN or Infinity from the rhs inside a step (odex cannot reject on it) aborts that odex run; the step is
   * counted as rejected and odex restarts from the last accepted state on a bridge of four quarter-size steps
   * (odex's step capped there), down to rounding level, where the failure names the component, t and h. A
   * throwing rhs ends the run with kind 'other' at the last accepted t and h. ('auto' uses DOP853, not odex, for
   * its non-stiff stretches.)
   * @param h0 initial step (0: odex's default).
   */
  run(t0: number, y0: Float64Array, tEnd: number, h0: number): RunEnd {
    const n = this.n;
    const cnt = this.cnt;
    const rec = this.rec;
    this.failure = null;
    let tLast = t0;
    let hLast = h0;
    let grossHit = false;
    this.lastTight = -1;
    let hRetry = 0;
    let rejectedEnd = 0;
    let accepted = 0;
    // After a rejected step or a NaN, odex is restarted on a bridge up to where the rejected step ended, with
    // its step size capped: odex itself never starts below 1e-4 (Solver.solve), so a smaller initial step alone
    // would only repeat the rejected step.
    let capH = 0;
    let capUntil = tEnd;
    const dir = tEnd >= t0 ? 1 : -1;
    const yIn = this.yIn;
    const dy = this.dy;
    const dyOut = this.dyOut;
    const rhs = this.rhs;
    const f = (x: number, y: number[]): number[] => {
      for (let i = 0; i < n; i++) yIn[i] = y[i];
      rhs(x, yIn, dy);
      cnt.nfev++;
      for (let i = 0; i < n; i++) {
        const v = dy[i];
        if (v - v !== 0) throw new NonFiniteRhs(`component ${i} = ${v} at t = ${x}`);
        dyOut[i] = v;
      }
      return dyOut;
    };
    const y = this.y;
    for (let i = 0; i < n; i++) y[i] = y0[i];
    const solOut = (nr: number, xOld: number, x: number, yOut: number[], dense?: (c: number, x: number) => number) => {
      if (nr === 1) return true;
      if (x !== xOld && this.simpsonResidual(xOld, x, yOut) > 1) {
        cnt.nRejected++;
        hRetry = 0.25 * Math.abs(x - xOld);
        rejectedEnd = x;
        grossHit = true;
        return false;
      }
      cnt.nAccepted++;
      this.steps++;
      accepted++;
      for (let i = 0; i < n; i++) y[i] = yOut[i];
      tLast = x;
      hLast = x - xOld;
      const tE = rec.tEval;
      if (tE === null) rec.push(x, y);
      else {
        const dir = x > xOld ? 1 : -1;
        while (rec.next < tE.length && (tE[rec.next] - x) * dir <= 0) {
          const te = tE[rec.next];
          if (te === x) rec.pushEval(y);
          else {
            for (let i = 0; i < n; i++) this.yDense[i] = dense!(i, te);
            rec.pushEval(this.yDense);
          }
        }
      }
      return true;
    };
    // odex forms atol_i + rtol·max(|y_i|, |y_i,new|) and divides by it: keep it > 0 for atol_i = 0 on a zero component.
    const atol = Array.from(this.opt.atol, (a) => (a > 0 ? a : Number.MIN_VALUE));
    let hTry = h0 !== 0 ? Math.abs(h0) : this.opt.firstStep;
    for (;;) {
      const solver = new Solver(n);
      solver.absoluteTolerance = atol;
      solver.relativeTolerance = this.opt.rtol;
      solver.maxSteps = Math.max(1, this.opt.maxSteps - cnt.nAccepted - cnt.nRejected);
      const capped = capH > 0 && (capUntil - tLast) * dir > 0;
      const target = capped ? capUntil : tEnd;
      solver.maxStepSize = capped ? Math.min(this.opt.maxStep, capH) : this.opt.maxStep;
      if (hTry > 0) solver.initialStepSize = hTry;
      solver.denseOutput = rec.tEval !== null;
      grossHit = false;
      this.haveF0 = false;
      const tStart = tLast;
      accepted = 0;
      let result: ReturnType<Solver['solve']>;
      try {
        result = solver.solve(f, tStart, Array.from(y), target, solOut);
      } catch (e) {
        this.t = tLast;
        this.h = hLast;
        if (!(e instanceof NonFiniteRhs)) {
          const msg = e instanceof Error ? e.message : String(e);
          return this.fail('other', `the right-hand side threw: ${msg}`);
        }
        cnt.nRejected++;
        const base = accepted > 0 ? Math.abs(hLast) : hTry > 0 ? hTry : Math.abs(tEnd - tLast) * 1e-6;
        hTry = 0.25 * base;
        capH = hTry;
        capUntil = Math.abs(tEnd - tLast) > 4 * hTry ? tLast + dir * 4 * hTry : tEnd;
        if (hTry <= 1e-14 * Math.max(Math.abs(tLast), Math.abs(tEnd - tLast) * 1e-6, 1e-300)) {
          return this.fail('non-finite-rhs', `the right-hand side returned NaN or Infinity (${e.message}) at every trial step down to h = ${hTry}; check the model for division by zero, log/sqrt of negative values or overflow`);
        }
        if (cnt.nAccepted + cnt.nRejected >= this.opt.maxSteps) {
          return this.fail('max-steps', `reached maxSteps = ${this.opt.maxSteps} before t1 while retrying steps on which the right-hand side returned NaN or Infinity`);
        }
        continue;
      }
      cnt.nRejected += result.nReject;
      this.t = tLast;
      this.h = hLast;
      if (result.outcome === Outcome.MaxStepsExceeded) {
        return this.fail('max-steps', `reached maxSteps = ${this.opt.maxSteps} before t1; the problem may be stiff: try method 'auto' or 'rodas5'`);
      }
      if (result.outcome === Outcome.EarlyReturn && grossHit) {
        // The step's end state contradicts f along the step (see simpsonResidual): redo it from its start, smaller.
        hTry = hRetry;
        capH = hRetry;
        capUntil = rejectedEnd;
        this.h = dir * hTry;
        if (hTry <= 1e-14 * Math.max(Math.abs(tLast), 1e-300)) {
          return this.fail('step-size-underflow', `the step size fell below rounding level: odex's steps contradict f along the step (a discontinuity in f near t?)`);
        }
        if (cnt.nAccepted + cnt.nRejected >= this.opt.maxSteps) {
          return this.fail('max-steps', `reached maxSteps = ${this.opt.maxSteps} before t1 while redoing steps whose end state contradicts f along the step (a discontinuity in f near t?)`);
        }
        continue;
      }
      for (let i = 0; i < n; i++) y[i] = result.y[i];
      if (target !== tEnd) {
        // The bridge is done: go on uncapped from its end, starting with the capped step size.
        tLast = target;
        capH = 0;
        hTry = Math.abs(hLast);
        continue;
      }
      this.t = tEnd;
      return 'done';
    }
  }

  /**
   * Gross-error check of one odex step from (x0, y) to (x1, y1), two evaluations (f at the end is kept for the
   * next step's start): the Simpson residual ρ = y1 − y0 − h/6 (f0 + 4 f(xm, ym) + f1), ym the cubic Hermite
   * midpoint (y0 + y1)/2 + h (f0 − f1)/8. On smooth solutions ρ = O(h⁵) and far below the threshold; it is large
   * when the extrapolation tableau agreed on a wrong answer because f switched inside the step (a relay
   * y′ = (y < 1 ? 1 : −1), where every midpoint-rule row oscillates across the switch and lands where it
   * started), which odex's own estimate, built from the same substeps, cannot see.
   * Measured as ‖ρ_i / (atol_i + GROSS_RTOL·|y_i|)‖ (rtol if larger): a consistency check for gross errors
   * only, so that it does not compete with odex's step-size control on smooth problems; beside it the jump test
   * (ROUGH_JUMP) compares the residual at the caller's tolerance with the last accepted step's. Either one
   * rejects the step (returns Infinity for the jump test), and run() redoes it on a capped bridge.
   */
  private simpsonResidual(x0: number, x1: number, y1: number[]): number {
    const n = this.n;
    const h = x1 - x0;
    const y0 = this.y;
    const f0 = this.fStart;
    const f1 = this.fEnd;
    const ym = this.yIn;
    const fm = this.dy;
    if (!this.haveF0) {
      this.rhs(x0, y0, f0);
      this.cnt.nfev++;
    }
    for (let i = 0; i < n; i++) this.yDense[i] = y1[i];
    this.rhs(x1, this.yDense, f1);
    for (let i = 0; i < n; i++) ym[i] = 0.5 * (y0[i] + y1[i]) + 0.125 * h * (f0[i] - f1[i]);
    this.rhs(x0 + 0.5 * h, ym, fm);
    this.cnt.nfev += 2;
    const { atol, rtol } = this.opt;
    const r = Math.max(rtol, GROSS_RTOL);
    let s = 0;
    let sTight = 0;
    for (let i = 0; i < n; i++) {
      const rho = y1[i] - y0[i] - (h / 6) * (f0[i] + 4 * fm[i] + f1[i]);
      const mag = Math.max(Math.abs(y0[i]), Math.abs(y1[i]));
      const sc = atol[i] + r * mag;
      const e = rho / (sc > 0 ? sc : Number.MIN_VALUE);
      s += e * e;
      const scT = atol[i] + rtol * mag;
      const eT = rho / (scT > 0 ? scT : Number.MIN_VALUE);
      sTight += eT * eT;
    }
    const err = Math.sqrt(s / n);
    const tight = Math.sqrt(sTight / n);
    let jump = false;
    if (tight > 1 && this.lastTight >= 0) {
      const grow = (h / this.lastH) ** 5;
      jump = tight > ROUGH_JUMP * this.lastTight * (grow > 1 ? grow : 1);
    }
    const ok = err <= 1 && !jump;
    if (ok) {
      this.fStart = f1;
      this.fEnd = f0;
      this.haveF0 = true;
      this.lastTight = tight;
      this.lastH = h;
    }
    if (jump) return Infinity;
    return err === err ? err : Infinity;
  }

  private fail(kind: SolveFailure['kind'], cause: string): RunEnd {
    this.failure = { kind, t: this.t, h: this.h, cause };
    return 'failed';
  }
}
