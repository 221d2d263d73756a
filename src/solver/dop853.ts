// DOP853: explicit Runge–Kutta 8(5,3) with 7th-order dense output and stiffness detection (non-stiff path of 'auto').
// The hot functions copy the tableau's numbers into locals (a module binding costs a context load per access in V8).
import * as T from './dop853-tableau.ts';
import type { Counters, Recorder } from './recorder.ts';
import type { RunEnd } from './rodas5.ts';
import { failAt, guardedRun } from './run-guard.ts';
import { firstNonFinite, initialStep } from './step-control.ts';
import type { NormalizedOptions } from './validate.ts';
import type { RhsFn, SolveFailure } from './types.ts';

const EPS = 2.220446049250313e-16;
/** Step-size controller (Hairer's DOP853 defaults): h_new = h / clamp(err^(1/8) / SAFE, 1/FAC_UP, 1/FAC_DOWN). */
const SAFE = 0.9;
const FAC_DOWN = 0.333;
const FAC_UP = 6;
/**
 * Stiffness test (Hairer & Wanner II, Sec. IV.2): after every accepted step h·ρ ≈ |h|·‖k13 − k12‖ / ‖y1 − Y12‖
 * (stages 12 and 13 share c = 1). STIFF_HITS values above STIFF_HRHO (6.1, the stability boundary on the
 * negative real axis) with no NON_STIFF_RESET consecutive values below it in between mean the step size is
 * bounded by stability, not accuracy: the problem is stiff there.
 */
const STIFF_HITS = 15;
const NON_STIFF_RESET = 6;
/**
 * Discontinuity guard. Hairer's 5(3) combination err = h‖e₅‖·φ, φ = ‖e₅‖/√(‖e₅‖² + 0.01‖e₃‖²), assumes
 * e₃ ≫ e₅ because e₃ is of lower order; across a jump of f inside a step both are O(1) per unit jump and φ
 * (0.01–0.03 there, as on smooth steps at rtol 1e-6) makes the estimate up to ~30× smaller than the true
 * error (y′ = −y + square wave: one accepted step with 5000× the tolerance at rtol 1e-6). Two signs that f is
 * not smooth inside a trial step, each read from both estimates, h‖e₃‖ (smooth: ∝ h⁴) and h‖e₅‖ (smooth: ∝ h⁶):
 * (a) a retry after a rejection (same t and y, smaller h) whose ‖e₃‖ and ‖e₅‖ both fell slower than
 * h^ROUGH_ORDER (smooth: h³ and h⁵); (b) h‖e₃‖ above 1 and ROUGH_JUMP times the last accepted step's (scaled by
 * (h/h_last)⁴), and h‖e₅‖ ROUGH_JUMP times its own (scaled by (h/h_last)⁶). A jump moves both estimates; one
 * estimate alone passes through zero as h varies on problems with one component (or one that carries the error),
 * and read alone it put 15–158 trial steps of y′ = cos(t)·y under the order-3 test at rtol 1e-4 … 1e-10, tripling
 * the cost (2 668 evaluations at rtol 1e-8 against 788 with both; scipy's DOP853 takes 842; test/solver/dop853.test.ts).
 * Then this trial, and every step until t has passed its end, must also pass the order-3 estimate h‖e₃‖ (at
 * a jump of f the true error of the step is at most 4.3× that, over all positions of the jump in the step).
 * Measured (3 Dec 2026, against the guard that read e₃ alone): the square wave's worst local error (against the
 * exact flow) is the same, 0.96–2.3× the tolerance at rtol 1e-4 … 1e-10 and phases 0, 0.3, 0.77, and 3.1× for
 * phase 0.77 at 1e-4, with the same evaluation counts but one (2 733 against 2 971); on Arenstorf and Pleiades at
 * rtol 1e-4 … 1e-10 the guard no longer fires (it did once, Pleiades at 1e-4: 1 077 evaluations, now 997).
 */
const ROUGH_ORDER = 1;
const ROUGH_JUMP = 100;
/**
 * Guard against an estimate that passes through zero. On smooth steps Hairer's combination is ≈ 10·h‖e₅‖²/‖e₃‖,
 * so its ratio to the order-3 estimate, q = err/(h‖e₃‖), scales like h⁵ and moves slowly from step to step. When
 * e₅ passes near zero (one component carrying the error: y′ = cos(ωt)·y), err falls far below the true local error
 * while e₃ does not; the step is then judged by err ≥ h‖e₃‖·max(q₁, q₂)·(h/h₁)⁵ / ZERO_GUARD, q₁, q₂ the ratios of
 * the last two accepted smooth steps (two, so that one accidental zero does not set the floor). Measured (3 Dec
 * 2026, 40 problems y′ = cos(ωt)·y, ω = 0.5 … 3.2, [0, 20], atol 1e-12; benchmarks are in docs/solvers.md): at
 * rtol 1e-6 the share of accepted steps whose true local error is above the tolerance falls from 5.6 % to 1.3 %
 * (largest 483× → 19×) and the end error's median from 12.9× to 1.75× (largest 596× → 19×), for 673 instead of
 * 720 evaluations per solve; at 1e-8 the largest end error 36× → 5.8×. ZERO_GUARD = 20 left end errors of up to
 * 30× at 1e-6 and 54× at 1e-8 (the floor binds too late), and a floor from the last err scaled by (h/h₁)⁹ instead held the step size
 * back (the square wave ×3 the evaluations): e₃ at the current h carries the solution's own change.
 */
const ZERO_GUARD = 10;

const enum Reject { None, Error, NonFiniteStage, NonFiniteState }

/**
 * DOP853 integrator (coefficients and references in dop853-tableau.ts). 12 stages per step plus the first
 * stage of the next (FSAL: f at the new state, which must be finite for the step to be accepted); the 3 extra
 * stages of the dense output only on steps that contain a tEval point. Error: Hairer's combination of the
 * order-5 and order-3 estimators, err = ‖e₅‖² / √(‖e₅‖² + 0.01‖e₃‖²) (scaled RMS norms, atol_i + rtol·max(|y_i|,
 * |y1_i|)), which behaves like an order-8 estimate for small h and like the robust order-5 one for large h.
 * A NaN or Infinity in a stage or at the new state rejects the step with h/4; only when h reaches rounding
 * level does the failure name it. All work space is allocated once per solve.
 */
export class Dop853 {
  readonly n: number;
  t = 0;
  h = 0;
  readonly y: Float64Array;
  failure: SolveFailure | null = null;
  /** Accepted steps (for 'auto' bookkeeping). */
  steps = 0;
  /** When true ('auto'), run() returns 'switch' once the stiffness test fires. */
  detectStiffness = false;
  /** Set when the stiffness test fired (plain 'dop853' keeps going and names it in a max-steps failure). */
  stiffSeen = false;

  private readonly rhs: RhsFn;
  private readonly opt: NormalizedOptions;
  private readonly cnt: Counters;
  private readonly rec: Recorder;
  private readonly yNew: Float64Array;
  private readonly ys: Float64Array;
  private readonly y12: Float64Array;
  private readonly out: Float64Array;
  private readonly k: Float64Array[];
  /** Dense-output coefficients r1 … r8 of the last accepted step (8 × n). */
  private readonly r: Float64Array;

  constructor(rhs: RhsFn, n: number, options: NormalizedOptions, counters: Counters, recorder: Recorder) {
    this.rhs = rhs;
    this.n = n;
    this.opt = options;
    this.cnt = counters;
    this.rec = recorder;
    const buf = new Float64Array(n * (5 + 17 + 8));
    let o = 0;
    const take = (): Float64Array => buf.subarray(o, (o += n));
    this.y = take();
    this.yNew = take();
    this.ys = take();
    this.y12 = take();
    this.out = take();
    this.k = [];
    for (let i = 0; i <= 16; i++) this.k.push(take()); // k[1] … k[16]; k[0] unused
    this.r = buf.subarray(o, o + 8 * n);
  }

  private fail(kind: SolveFailure['kind'], t: number, h: number, cause: string): RunEnd {
    return failAt(this, kind, t, h, cause);
  }

  /**
   * Integrate from (t0, y0) towards tEnd; output to the recorder (every accepted step, or tEval points through
   * the dense output). A throwing rhs ends the run with kind 'other' at the t and h of the step it threw in.
   * @param h0 signed initial step, or 0 to choose one (Hairer's initial-step algorithm for order 8).
   */
  run(t0: number, y0: Float64Array, tEnd: number, h0: number): RunEnd {
    return guardedRun(this, t0, h0, () => this.integrate(t0, y0, tEnd, h0), 'the right-hand side');
  }

  private integrate(t0: number, y0: Float64Array, tEnd: number, h0: number): RunEnd {
    const { A101, A104, A105, A106, A107, A108, A109, A111, A1110, A114, A115, A116, A117, A118, A119, A121,
      A1210, A1211, A124, A125, A126, A127, A128, A129, A21, A31, A32, A41, A43, A51, A53, A54, A61, A64,
      A65, A71, A74, A75, A76, A81, A84, A85, A86, A87, A91, A94, A95, A96, A97, A98, B1, B10, B11, B12, B6,
      B7, B8, B9, BHH1, BHH2, BHH3, C10, C11, C2, C3, C4, C5, C6, C7, C8, C9, E5_1, E5_10, E5_11, E5_12,
      E5_6, E5_7, E5_8, E5_9, STIFF_HRHO } = T;
    const n = this.n;
    const { rtol, atol, maxSteps, maxStep } = this.opt;
    const cnt = this.cnt;
    const rec = this.rec;
    const rhs = this.rhs;
    const { y, yNew, ys, y12 } = this;
    const k = this.k;
    const k1 = k[1], k2 = k[2], k3 = k[3], k4 = k[4], k5 = k[5], k6 = k[6], k7 = k[7], k8 = k[8];
    const k9 = k[9], k10 = k[10], k11 = k[11], k12 = k[12], k13 = k[13];
    const dir = tEnd > t0 ? 1 : -1;
    this.failure = null;
    this.stiffSeen = false;
    for (let i = 0; i < n; i++) y[i] = y0[i];
    let t = t0;
    rhs(t, y, k1);
    cnt.nfev++;
    const bad0 = firstNonFinite(k1, n);
    if (bad0 >= 0) {
      return this.fail('non-finite-rhs', t, 0, `the right-hand side returned ${k1[bad0]} in component ${bad0} at the start state`);
    }
    let h = h0;
    if (h === 0) {
      h = initialStep(rhs, t, y, k1, dir, 8, atol, rtol, maxStep, Math.abs(tEnd - t0), ys, k2, n);
      cnt.nfev++;
    }
    this.h = h;
    let rejectedLast = false;
    let why = Reject.None;
    let badComp = -1;
    let stiffHits = 0;
    let nonStiffRun = 0;
    let roughUntil = Number.NaN;
    let e3Prev = 0;
    let hPrev = 0;
    let e3Acc = 0;
    let hAcc = 0;
    let qAcc = 0;
    let qAcc2 = 0;
    let e5Prev = 0;
    let e5Acc = 0;
    for (;;) {
      if (cnt.nAccepted + cnt.nRejected >= maxSteps) {
        return this.fail('max-steps', t, h, `reached maxSteps = ${maxSteps} before t1; ${this.stiffSeen
          ? "DOP853's stiffness test fired (its step is bounded by stability, not accuracy): the problem is stiff there, use method 'auto' or 'rodas5'"
          : 'raise maxSteps or loosen rtol'}`);
      }
      if (Math.abs(h) > maxStep) h = dir * maxStep;
      let last = false;
      if ((t + h - tEnd) * dir >= 0 || Math.abs(tEnd - t - h) <= 1e-12 * Math.abs(tEnd)) {
        h = tEnd - t;
        last = true;
      }
      this.t = t;
      this.h = h;
      if (Math.abs(h) <= 10 * EPS * Math.max(Math.abs(t), Math.abs(tEnd - t) * 1e-8, 1e-300)) {
        return this.underflow(t, h, why, badComp);
      }
      // The 12 stages of the order-8 solution.
      for (let i = 0; i < n; i++) ys[i] = y[i] + h * A21 * k1[i];
      rhs(t + C2 * h, ys, k2);
      for (let i = 0; i < n; i++) ys[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
      rhs(t + C3 * h, ys, k3);
      for (let i = 0; i < n; i++) ys[i] = y[i] + h * (A41 * k1[i] + A43 * k3[i]);
      rhs(t + C4 * h, ys, k4);
      for (let i = 0; i < n; i++) ys[i] = y[i] + h * (A51 * k1[i] + A53 * k3[i] + A54 * k4[i]);
      rhs(t + C5 * h, ys, k5);
      for (let i = 0; i < n; i++) ys[i] = y[i] + h * (A61 * k1[i] + A64 * k4[i] + A65 * k5[i]);
      rhs(t + C6 * h, ys, k6);
      for (let i = 0; i < n; i++) ys[i] = y[i] + h * (A71 * k1[i] + A74 * k4[i] + A75 * k5[i] + A76 * k6[i]);
      rhs(t + C7 * h, ys, k7);
      for (let i = 0; i < n; i++) {
        ys[i] = y[i] + h * (A81 * k1[i] + A84 * k4[i] + A85 * k5[i] + A86 * k6[i] + A87 * k7[i]);
      }
      rhs(t + C8 * h, ys, k8);
      for (let i = 0; i < n; i++) {
        ys[i] = y[i] + h * (A91 * k1[i] + A94 * k4[i] + A95 * k5[i] + A96 * k6[i] + A97 * k7[i] + A98 * k8[i]);
      }
      rhs(t + C9 * h, ys, k9);
      for (let i = 0; i < n; i++) {
        ys[i] = y[i] + h * (A101 * k1[i] + A104 * k4[i] + A105 * k5[i] + A106 * k6[i] + A107 * k7[i]
          + A108 * k8[i] + A109 * k9[i]);
      }
      rhs(t + C10 * h, ys, k10);
      for (let i = 0; i < n; i++) {
        ys[i] = y[i] + h * (A111 * k1[i] + A114 * k4[i] + A115 * k5[i] + A116 * k6[i] + A117 * k7[i]
          + A118 * k8[i] + A119 * k9[i] + A1110 * k10[i]);
      }
      rhs(t + C11 * h, ys, k11);
      const tNew = t + h;
      for (let i = 0; i < n; i++) {
        y12[i] = y[i] + h * (A121 * k1[i] + A124 * k4[i] + A125 * k5[i] + A126 * k6[i] + A127 * k7[i]
          + A128 * k8[i] + A129 * k9[i] + A1210 * k10[i] + A1211 * k11[i]);
      }
      rhs(last ? tEnd : tNew, y12, k12);
      cnt.nfev += 11;
      // Solution and the two error estimates (Hairer's 5(3) combination).
      let s5 = 0;
      let s3 = 0;
      for (let i = 0; i < n; i++) {
        const bk = B1 * k1[i] + B6 * k6[i] + B7 * k7[i] + B8 * k8[i] + B9 * k9[i] + B10 * k10[i]
          + B11 * k11[i] + B12 * k12[i];
        const yi = y[i] + h * bk;
        yNew[i] = yi;
        const e3 = bk - BHH1 * k1[i] - BHH2 * k9[i] - BHH3 * k12[i];
        const e5 = E5_1 * k1[i] + E5_6 * k6[i] + E5_7 * k7[i] + E5_8 * k8[i] + E5_9 * k9[i]
          + E5_10 * k10[i] + E5_11 * k11[i] + E5_12 * k12[i];
        const a = Math.abs(y[i]);
        const b = Math.abs(yi);
        const sc = atol[i] + rtol * (a > b ? a : b);
        if (sc > 0) {
          const r3 = e3 / sc;
          const r5 = e5 / sc;
          s3 += r3 * r3;
          s5 += r5 * r5;
        } else if (e3 !== 0 || e5 !== 0) {
          s5 = Infinity; // atol_i = 0 on a component that is 0: no error in it can pass (no 0/0).
        }
      }
      let deno = s5 + 0.01 * s3;
      if (!(deno > 0)) deno = 1;
      let err = (Math.abs(h) * s5) / Math.sqrt(n * deno);
      if (s5 === Infinity) err = Infinity;
      if (!(err <= 1e300)) {
        const kb = firstNonFinite(yNew, n);
        if (kb >= 0 || err !== err) {
          // NaN or Infinity in a stage: reject with h/4.
          cnt.nRejected++;
          why = Reject.NonFiniteStage;
          badComp = kb;
          h *= 0.25;
          rejectedLast = true;
          continue;
        }
      }
      const e3n = Math.sqrt(s3 / n);
      const e5n = Math.sqrt(s5 / n);
      const err3 = Math.abs(h) * e3n;
      const shrink = why === Reject.Error && e3Prev > 0 ? Math.pow(Math.abs(h / hPrev), ROUGH_ORDER) : 0;
      if (shrink > 0 && e3n > e3Prev * shrink && e5n > e5Prev * shrink) {
        // (a) both estimates of the retry fell slower than h^ROUGH_ORDER.
        roughUntil = t + h;
      } else if (err3 > 1 && hAcc !== 0) {
        // (b) both jumped ROUGH_JUMP-fold against the last accepted step's, scaled as smooth steps scale.
        const r = Math.abs(h / hAcc);
        const r4 = r * r * r * r;
        if (err3 > ROUGH_JUMP * Math.abs(hAcc) * e3Acc * (r4 > 1 ? r4 : 1)
          && Math.abs(h) * e5n > ROUGH_JUMP * Math.abs(hAcc) * e5Acc * (r4 * r * r > 1 ? r4 * r * r : 1)) roughUntil = t + h;
      }
      const errCombined = err;
      const rough = (roughUntil - t) * dir > 0;
      if (rough && err3 > err) err = err3;
      if (!rough && hAcc !== 0 && err3 > 0) {
        const r = Math.abs(h / hAcc);
        const floor = (err3 * (qAcc > qAcc2 ? qAcc : qAcc2) * r * r * r * r * r) / ZERO_GUARD;
        if (floor > err) err = floor;
      }
      const fac11 = Math.pow(err, 0.125);
      if (err <= 1) {
        // FSAL: f at the new state, which must be finite before the step is accepted.
        rhs(last ? tEnd : tNew, yNew, k13);
        cnt.nfev++;
        const kb = firstNonFinite(k13, n);
        if (kb >= 0) {
          cnt.nRejected++;
          why = Reject.NonFiniteState;
          badComp = kb;
          h *= 0.25;
          rejectedLast = true;
          continue;
        }
        cnt.nAccepted++;
        this.steps++;
        why = Reject.None;
        e3Acc = e3n;
        e5Acc = e5n;
        hAcc = h;
        if (!rough && err3 > 0) {
          qAcc2 = qAcc;
          qAcc = errCombined / err3;
        }
        // Stiffness test: h·ρ from the two stages at c = 1.
        let stNum = 0;
        let stDen = 0;
        for (let i = 0; i < n; i++) {
          const a = k13[i] - k12[i];
          const b = yNew[i] - y12[i];
          stNum += a * a;
          stDen += b * b;
        }
        if (stDen > 0 && Math.abs(h) * Math.sqrt(stNum / stDen) > STIFF_HRHO) {
          nonStiffRun = 0;
          if (++stiffHits >= STIFF_HITS) {
            this.stiffSeen = true;
            stiffHits = 0;
          }
        } else if (++nonStiffRun >= NON_STIFF_RESET) {
          stiffHits = 0;
        }
        if (rec.tEval) this.denseOutput(t, h, last);
        let fac = fac11 / SAFE;
        fac = Math.max(1 / FAC_UP, Math.min(1 / FAC_DOWN, fac));
        let hNew = h / fac;
        if (Math.abs(hNew) > maxStep) hNew = dir * maxStep;
        if (rejectedLast && Math.abs(hNew) > Math.abs(h)) hNew = h;
        rejectedLast = false;
        for (let i = 0; i < n; i++) {
          y[i] = yNew[i];
          k1[i] = k13[i];
        }
        t = last ? tEnd : tNew;
        if (!rec.tEval) rec.push(t, y);
        this.t = t;
        this.h = hNew;
        if (last) return 'done';
        if (this.stiffSeen && this.detectStiffness) return 'switch';
        h = hNew;
      } else {
        cnt.nRejected++;
        why = Reject.Error;
        badComp = -1;
        e3Prev = e3n;
        e5Prev = e5n;
        hPrev = h;
        h /= Math.min(1 / FAC_DOWN, fac11 / SAFE);
        rejectedLast = true;
      }
    }
  }

  /** The failure when h has fallen to rounding level, naming what the last rejection saw. */
  private underflow(t: number, h: number, why: Reject, comp: number): RunEnd {
    if (why === Reject.NonFiniteStage || why === Reject.NonFiniteState) {
      return this.fail('non-finite-rhs', t, h, `the right-hand side returned NaN or Infinity${comp >= 0 ? ` in component ${comp}` : ''} at every trial step down to h = ${h}; ${
        why === Reject.NonFiniteState ? 'the state after the step' : 'a stage'} leaves the model's valid range at t = ${t}: check for division by zero, log/sqrt of negative values or overflow`);
    }
    return this.fail('step-size-underflow', t, h, `the step size fell below rounding level at t = ${t} (h = ${h}); the solution may blow up, have a singularity or a discontinuity in f near t, or atol is too small for a component that goes to zero`);
  }

  /**
   * Write every pending tEval point in (t, t + h] with the 7th-order continuous extension (three more stages,
   * evaluated only for steps that contain an output point):
   * y(t + θh) = r1 + θ(r2 + (1−θ)(r3 + θ(r4 + (1−θ)(r5 + θ(r6 + (1−θ)(r7 + θ r8)))))).
   * Called after acceptance, before y and k1 are overwritten (yNew is the new state, k13 = f there).
   */
  private denseOutput(t: number, h: number, last: boolean): void {
    const { A141, A1410, A1411, A1412, A1413, A147, A148, A149, A151, A1511, A1512, A1513, A1514, A156, A157,
      A158, A161, A1613, A1614, A1615, A166, A167, A168, A169, C14, C15, C16, D4, D5, D6, D7, DENSE_STAGES } = T;
    const rec = this.rec;
    const tEval = rec.tEval!;
    const tNew = t + h;
    const dir = h > 0 ? 1 : -1;
    if (rec.next >= tEval.length) return;
    const te0 = tEval[rec.next];
    if (!last && (te0 - tNew) * dir > 0) return;
    const n = this.n;
    const { y, yNew, ys, k, r } = this;
    const rhs = this.rhs;
    const k1 = k[1], k6 = k[6], k7 = k[7], k8 = k[8], k9 = k[9], k10 = k[10], k11 = k[11], k12 = k[12], k13 = k[13];
    const k14 = k[14], k15 = k[15], k16 = k[16];
    for (let i = 0; i < n; i++) {
      ys[i] = y[i] + h * (A141 * k1[i] + A147 * k7[i] + A148 * k8[i] + A149 * k9[i] + A1410 * k10[i]
        + A1411 * k11[i] + A1412 * k12[i] + A1413 * k13[i]);
    }
    rhs(t + C14 * h, ys, k14);
    for (let i = 0; i < n; i++) {
      ys[i] = y[i] + h * (A151 * k1[i] + A156 * k6[i] + A157 * k7[i] + A158 * k8[i] + A1511 * k11[i]
        + A1512 * k12[i] + A1513 * k13[i] + A1514 * k14[i]);
    }
    rhs(t + C15 * h, ys, k15);
    for (let i = 0; i < n; i++) {
      ys[i] = y[i] + h * (A161 * k1[i] + A166 * k6[i] + A167 * k7[i] + A168 * k8[i] + A169 * k9[i]
        + A1613 * k13[i] + A1614 * k14[i] + A1615 * k15[i]);
    }
    rhs(t + C16 * h, ys, k16);
    this.cnt.nfev += 3;
    const st = DENSE_STAGES;
    const rows = [D4, D5, D6, D7];
    for (let i = 0; i < n; i++) {
      const dy = yNew[i] - y[i];
      const bspl = h * k1[i] - dy;
      r[i] = y[i];
      r[n + i] = dy;
      r[2 * n + i] = bspl;
      r[3 * n + i] = dy - h * k13[i] - bspl;
    }
    for (let q = 0; q < 4; q++) {
      const d = rows[q];
      const off = (4 + q) * n;
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < st.length; j++) s += d[j] * k[st[j]][i];
        r[off + i] = h * s;
      }
    }
    const out = this.out;
    while (rec.next < tEval.length) {
      const te = tEval[rec.next];
      if (!last && (te - tNew) * dir > 0) break;
      if ((te - tNew) * dir >= 0) {
        rec.pushEval(yNew); // the step's end (or past it on the last step, where tNew may round short of t1)
        continue;
      }
      const s = (te - t) / h;
      const s1 = 1 - s;
      for (let i = 0; i < n; i++) {
        out[i] = r[i] + s * (r[n + i] + s1 * (r[2 * n + i] + s * (r[3 * n + i] + s1 * (r[4 * n + i]
          + s * (r[5 * n + i] + s1 * (r[6 * n + i] + s * r[7 * n + i]))))));
      }
      rec.pushEval(out);
    }
  }
}
