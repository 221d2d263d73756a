// SEULEX: linearly implicit Euler extrapolation with order and step-size control, allocation-free per step.
import type { NormalizedOptions } from './validate.ts';
import type { Counters, Recorder } from './recorder.ts';
import { derivativeName, evaluateDerivatives } from './rodas5-derivatives.ts';
import { Reject, underflowFailure } from './rodas5-failure.ts';
import { errorWeights } from './rodas5-linear.ts';
import { KMAX, SEQ, hopeless, initialRows, nextOrder, proposedStep, workTable } from './seulex-control.ts';
import { RowEnd, extrapolatePair, extrapolationFactors, linearlyImplicitRow, type RowWork } from './seulex-row.ts';
import { luSolve } from './dense-lu.ts';
import { errorNorm, firstNonFinite, initialStep } from './step-control.ts';
import { spectralRadius } from './stiffness.ts';
import type { RhsFn, SolveFailure } from './types.ts';
import type { RunEnd } from './rodas5.ts';
import { failAt, guardedRun } from './run-guard.ts';

const EPS = 2.220446049250313e-16;
/**
 * Bound on the defect check's scaled estimate (see integrate). The check guards what the rows never sample;
 * the error estimate of the tableau does the accuracy control. At 1 it rejected smooth HC-4 steps often
 * enough to cost 1.5× the evaluations; at 10 the square-wave forcing of test/solver/error-control.test.ts
 * stays within 4.4× its tolerance at rtol 1e-4 … 1e-10 (without the check: 4e3 … 2e7×).
 */
const DEFECT_LIMIT = 10;
/**
 * The tableau's estimate ‖T_jj − T_j,j−1‖ is the error of T_j,j−1, and T_jj is returned, which the theory
 * expects to be better. On stiff stretches it is not: redoing every accepted step from its start at rtol 1e-13
 * (benchmarks/local-error.ts) put the true error of T_jj at a median 1.3–2.3× the estimate on OREGO's steps whose
 * last two estimates contract by ρ = 0.2–0.3 (up to 5.6× at ρ = 0.3–0.5), and seulex returned OREGO at 11× its tolerance at rtol 1e-4.
 * The acceptance test and the step proposal read twice the estimate: OREGO 11 → 5.6×, every stiff test-set
 * problem ≤ 5.6× at rtol 1e-4 … 1e-8, for +5 … 9 % evaluations on HC-4 at rtol 1e-6 … 1e-10 (3 Dec 2026).
 */
const ERR_SAFETY = 2;
const STIFF_CHECK_EVERY = 4;
const FACTORS = extrapolationFactors(SEQ);

/**
 * SEULEX (Deuflhard 1985; Hairer & Wanner II, Sec. IV.9). A step of size H from (t, y) computes rows
 * j = 1, 2, … of linearly implicit Euler substeps (n_j = j of them, J and ∂f/∂t frozen at (t, y); seulex-row.ts)
 * and extrapolates them (Aitken–Neville, polynomial in the substep): T_{j,j} has order j, and
 * err_j = ‖T_{j,j} − T_{j,j−1}‖ estimates the error of T_{j,j−1}. Aimed at row k, the step checks rows k − 1,
 * k and k + 1: it is accepted (with the value T_{j,j}) at the first of them whose estimate is ≤ 1, and rejected
 * as soon as the convergence monitor (seulex-control.ts) says row k + 1 cannot get there. The next k and H
 * minimise the work per unit step (seulex-control.ts).
 *
 * A defect check covers what the rows cannot see: they evaluate f at t + i·H/n_j, i < n_j, so the last
 * 1/jc of the step is never sampled and a jump of f there (a switch in t, a relay) passes the tableau's
 * estimate unseen (4e3 … 2e7× the tolerance on a square-wave forcing). The end slopes of the rows are
 * extrapolated like the values; f(t + H, T_{jc,jc}), which the next step needs anyway, is compared with that
 * slope through the last row's W (≈ H·(f − ẏ) in non-stiff components, filtered in stiff ones, as rodas5's
 * defect estimate is) and the step rejected when that exceeds DEFECT_LIMIT.
 *
 * The same failure contract as rodas5: a non-finite value in a row, at the new state (f there) or in the
 * Jacobian there, a singular I/h_j − J, or a row whose increments grow (the stability check) rejects the
 * step and shrinks H; when H falls to rounding level the status names why (rodas5-failure.ts). J is
 * evaluated at each accepted state before acceptance and reused across rejections.
 *
 * Output: every accepted step, or with tEval the steps are cut to end on each output time (no dense output;
 * the value there is the extrapolated T_{j,j}). This suits a few output times (HC-4 has 9); with many, the
 * cut steps cost more than rodas5's interpolation.
 *
 * Dense Jacobians only (validate.ts refuses jacobianBand with 'seulex'; 'auto' does not pick it then).
 */
export class Seulex {
  readonly n: number;
  t = 0;
  h = 0;
  readonly y: Float64Array;
  failure: SolveFailure | null = null;
  /** Accepted steps taken by this integrator (for 'auto' bookkeeping). */
  steps = 0;
  /** As Rodas5's: run() returns 'switch' after nonStiffLimit consecutive steps with h·ρ(J) < nonStiffBound. */
  monitorStiffness = false;
  nonStiffLimit = 20;
  nonStiffBound = 0.25;
  /**
   * When > 0, run() also returns 'switch' (with lowOrder set) after this many consecutive accepted steps
   * at order ≤ 3: extrapolation is not paying there, and 'auto' hands the problem to rodas5.
   */
  lowOrderLimit = 0;
  lowOrder = false;

  private readonly rhs: RhsFn;
  private readonly opt: NormalizedOptions;
  private readonly cnt: Counters;
  private readonly rec: Recorder;
  private readonly rw: RowWork;
  private readonly dw: { n: number; jac: Float64Array; ys: Float64Array; fs: Float64Array; e3: Float64Array; dfdt: Float64Array };
  private f0: Float64Array;
  private f1: Float64Array;
  /** KMAX + 1 tableau slots of n (seulex-row.ts, extrapolate). */
  private readonly tab: Float64Array;
  /** The same tableau for the end slopes (seulex-row.ts), for the defect check. */
  private readonly dtab: Float64Array;
  private readonly e: Float64Array;
  private readonly pv: Float64Array;
  private readonly pw: Float64Array;
  private readonly errs = new Float64Array(KMAX + 2);
  private readonly work: Float64Array;
  private readonly choice = new Float64Array(2);
  private jacBad = -1;

  constructor(rhs: RhsFn, n: number, options: NormalizedOptions, counters: Counters, recorder: Recorder) {
    this.rhs = rhs;
    this.n = n;
    this.opt = options;
    this.cnt = counters;
    this.rec = recorder;
    // y f0 f1 e pv pw, dfdt weight colScale yi del fi, ys fs e3: 15 vectors of n, the two tableaux, jac and w.
    const vectors = 15 + 2 * (KMAX + 1);
    const buf = new Float64Array(vectors * n + 2 * n * n);
    let off = 0;
    const take = (len: number) => buf.subarray(off, (off += len));
    this.y = take(n);
    this.f0 = take(n);
    this.f1 = take(n);
    this.e = take(n);
    this.pv = take(n);
    this.pw = take(n);
    this.tab = take((KMAX + 1) * n);
    this.dtab = take((KMAX + 1) * n);
    const jac = take(n * n);
    const dfdt = take(n);
    this.rw = {
      n, jac, dfdt, weight: take(n), w: take(n * n), piv: new Int32Array(n), colScale: take(n),
      yi: take(n), del: take(n), fi: take(n), bad: -1,
    };
    this.dw = { n, jac, dfdt, ys: take(n), fs: take(n), e3: take(n) };
    if (off !== buf.length) throw new Error(`seulex: work buffer laid out wrong (${off} of ${buf.length} entries)`);
    const jacCost = (options.jacobian ? 1 : n) + (options.autonomous ? 0 : 1);
    this.work = workTable(jacCost, n);
  }

  private derivatives(t: number, y: Float64Array, f0: Float64Array, h: number): boolean {
    this.jacBad = evaluateDerivatives(this.rhs, this.opt, this.cnt, this.dw, -1, -1, t, y, f0, h);
    return this.jacBad < 0;
  }

  private fail(kind: SolveFailure['kind'], t: number, h: number, cause: string): RunEnd {
    return failAt(this, kind, t, h, cause);
  }

  /**
   * Integrate from (t0, y0) towards tEnd; output to the recorder. A throwing rhs or Jacobian ends the run
   * with kind 'other' at the t and h of the step it threw in.
   * @param h0 signed initial step, or 0 to choose one.
   */
  run(t0: number, y0: Float64Array, tEnd: number, h0: number): RunEnd {
    return guardedRun(this, t0, h0, () => this.integrate(t0, y0, tEnd, h0));
  }

  private integrate(t0: number, y0: Float64Array, tEnd: number, h0: number): RunEnd {
    const n = this.n;
    const { rtol, atol, maxSteps, maxStep } = this.opt;
    const cnt = this.cnt;
    const rec = this.rec;
    const tEval = rec.tEval;
    const rhs = this.rhs;
    const y = this.y;
    const tab = this.tab;
    const dtab = this.dtab;
    const e = this.e;
    const rw = this.rw;
    const errs = this.errs;
    let rhoLast = 0.2;
    const work = this.work;
    const choice = this.choice;
    const dir = tEnd > t0 ? 1 : -1;
    this.failure = null;
    for (let i = 0; i < n; i++) y[i] = y0[i];
    if (this.opt.autonomous) rw.dfdt.fill(0);
    this.pv.fill(0);
    let t = t0;
    let f0 = this.f0;
    rhs(t, y, f0);
    cnt.nfev++;
    const bad0 = firstNonFinite(f0, n);
    if (bad0 >= 0) {
      return this.fail('non-finite-rhs', t, 0, `the right-hand side returned ${f0[bad0]} in component ${bad0} at the start state`);
    }
    errorWeights(rw.weight, y, atol, rtol, n);
    let k = initialRows(rtol);
    let h = h0;
    if (h === 0) {
      h = initialStep(rhs, t, y, f0, dir, k, atol, rtol, maxStep, Math.abs(tEnd - t0), rw.yi, rw.fi, n);
      cnt.nfev++;
    }
    this.h = h;
    if (!this.derivatives(t, y, f0, h)) {
      const where = derivativeName(this.jacBad, n * n, n, -1, -1);
      return this.fail('non-finite-jacobian', t, h, `${where} is not finite at the start state`);
    }
    let why = Reject.None;
    let badComp = -1;
    let needJac = false;
    let rejectedLast = false;
    let nonStiffRun = 0;
    let lowRun = 0;
    let singularRun = 0;
    this.lowOrder = false;
    for (;;) {
      if (cnt.nAccepted + cnt.nRejected >= maxSteps) {
        return this.fail('max-steps', t, h, `reached maxSteps = ${maxSteps} before t1; raise maxSteps or loosen rtol`);
      }
      if (Math.abs(h) > maxStep) h = dir * maxStep;
      // The step ends at the next output time (tEval) or at tEnd when it would reach past it.
      const tStop = tEval && rec.next < tEval.length ? tEval[rec.next] : tEnd;
      const hPlanned = h;
      let cut = false;
      if ((t + h - tStop) * dir >= 0 || Math.abs(tStop - t - h) <= 1e-12 * Math.abs(tStop)) {
        h = tStop - t;
        cut = true;
      }
      this.t = t;
      this.h = h;
      if (Math.abs(h) <= 10 * EPS * Math.max(Math.abs(t), Math.abs(tEnd - t) * 1e-8, 1e-300)) {
        return this.underflow(t, h, why, badComp);
      }
      if (needJac) {
        this.derivatives(t, y, f0, h);
        needJac = false;
      }
      // Rows 1 … k + 1 until the estimate converges (jc, accepted) or the monitor gives up (jc, rejected).
      let jc = 0;
      let ok = false;
      let rowEnd = RowEnd.Ok;
      let errLast = Infinity;
      for (let j = 1; j <= k + 1; j++) {
        const m = SEQ[j - 1];
        rowEnd = linearlyImplicitRow(rhs, rw, t, y, f0, h, m, j === 2 || j === 3, tab, dtab, (j - 1) * n);
        cnt.nlu++;
        cnt.nfev += m - 1;
        if (rowEnd !== RowEnd.Ok) break;
        extrapolatePair(tab, dtab, j, n, FACTORS, SEQ.length);
        if (j < 2) continue;
        // errorNorm(T_jj − T_j,j−1, y, T_jj) in the same loop that forms the difference (the same arithmetic).
        let sq = 0;
        for (let i = 0; i < n; i++) {
          const ti = tab[i];
          const ei = ti - tab[n + i];
          e[i] = ei;
          const a = Math.abs(y[i]);
          const b = Math.abs(ti);
          const sc = atol[i] + rtol * (a > b ? a : b);
          if (sc > 0) {
            const r = ei / sc;
            sq += r * r;
          } else if (ei !== 0) {
            sq += ei === ei ? Infinity : Number.NaN;
          }
        }
        const err = ERR_SAFETY * Math.sqrt(sq / n);
        errs[j] = err === err ? err : Infinity;
        if (j >= 3) rhoLast = Math.min(1, errs[j] / errs[j - 1]);
        const errPrev = errLast;
        errLast = err;
        if (j >= k - 1) {
          if (err <= 1) {
            jc = j;
            ok = true;
            break;
          }
          if (err !== err || hopeless(err, errPrev, j, k)) {
            jc = j;
            break;
          }
        }
      }
      if (rowEnd !== RowEnd.Ok) {
        cnt.nRejected++;
        why = rowEnd === RowEnd.Singular ? Reject.Singular : rowEnd === RowEnd.NonFinite ? Reject.NonFiniteStage : Reject.Error;
        badComp = rw.bad;
        // As in rodas5: a matrix that stays singular as H shrinks by 4^8 will not recover.
        singularRun = rowEnd === RowEnd.Singular ? singularRun + 1 : 0;
        if (singularRun > 8) return this.underflow(t, h, why, badComp);
        if (rowEnd === RowEnd.Unstable) e.fill(0);
        h *= rowEnd === RowEnd.Unstable ? 0.5 : 0.25;
        rejectedLast = true;
        continue;
      }
      singularRun = 0;
      const tNew = cut ? tStop : t + h;
      const f1 = this.f1;
      if (ok) {
        // The new state must give a finite f (and Jacobian) before it is accepted.
        rhs(tNew, tab, f1);
        cnt.nfev++;
        const kb = firstNonFinite(f1, n);
        if (kb >= 0) {
          cnt.nRejected++;
          why = Reject.NonFiniteState;
          badComp = kb;
          h *= 0.25;
          rejectedLast = true;
          continue;
        }
        // Defect check: f at the new state against the extrapolated end slope, through the last row's W
        // (W⁻¹ ≈ hs where f is non-stiff, ≈ −J⁻¹ in stiff components), times jc: ≈ H·(f − ẏ) where f is non-stiff.
        // The rows evaluate f at t + i·H/n_j only, i < n_j, so the last 1/jc of the step is never sampled: a
        // jump of f there (a switch in t, a relay) is seen here or nowhere.
        for (let i = 0; i < n; i++) e[i] = (f1[i] - dtab[i]) * rw.weight[i];
        luSolve(rw.w, n, rw.piv, e, 0);
        for (let i = 0; i < n; i++) e[i] *= jc;
        const errD = errorNorm(e, y, tab, atol, rtol, n);
        if (!(errD <= DEFECT_LIMIT)) {
          cnt.nRejected++;
          why = Reject.Error;
          badComp = -1;
          h = dir * proposedStep(Math.abs(h), errD === errD ? errD / DEFECT_LIMIT : Infinity, jc);
          rejectedLast = true;
          continue;
        }
        const lastStep = cut && tStop === tEnd;
        if (!lastStep && !this.derivatives(tNew, tab, f1, h)) {
          cnt.nRejected++;
          why = Reject.NonFiniteJacobian;
          needJac = true;
          h *= 0.25;
          rejectedLast = true;
          continue;
        }
        cnt.nAccepted++;
        this.steps++;
        why = Reject.None;
        nextOrder(jc, k, Math.abs(h), errs, rhoLast, work, rejectedLast, choice);
        // At order 2 no contraction is seen; let the last one fade so that the higher order is tried again
        // after ~20 such steps (a stiff stretch where extrapolation did not pay may have ended).
        if (jc === 2) rhoLast *= 0.9;
        let hNew = dir * choice[1];
        if (rejectedLast && Math.abs(hNew) > Math.abs(h)) hNew = h;
        // A step cut short to end on an output time says nothing against the step planned before the cut.
        if (cut && !rejectedLast && Math.abs(hNew) < Math.abs(hPlanned)) hNew = hPlanned;
        k = choice[0];
        rejectedLast = false;
        for (let i = 0; i < n; i++) y[i] = tab[i];
        errorWeights(rw.weight, y, atol, rtol, n);
        t = tNew;
        if (tEval) {
          while (rec.next < tEval.length && (tEval[rec.next] - t) * dir <= 0) rec.pushEval(y);
        } else rec.push(t, y);
        this.f1 = f0;
        this.f0 = f1;
        f0 = f1;
        if (lastStep || t === tEnd) {
          this.t = t;
          this.h = hNew;
          return 'done';
        }
        lowRun = jc <= 3 ? lowRun + 1 : 0;
        if (this.lowOrderLimit > 0 && lowRun >= this.lowOrderLimit) {
          this.lowOrder = true;
          this.t = t;
          this.h = hNew;
          return 'switch';
        }
        if (this.monitorStiffness && this.steps % STIFF_CHECK_EVERY === 0) {
          const rho = spectralRadius(rw.jac, n, this.pv, this.pw, 3);
          nonStiffRun = Math.abs(hNew) * rho < this.nonStiffBound ? nonStiffRun + STIFF_CHECK_EVERY : 0;
          if (nonStiffRun >= this.nonStiffLimit) {
            this.t = t;
            this.h = hNew;
            return 'switch';
          }
        }
        h = hNew;
      } else {
        cnt.nRejected++;
        why = Reject.Error;
        badComp = -1;
        nextOrder(jc, k, Math.abs(h), errs, rhoLast, work, true, choice);
        k = choice[0];
        h = dir * choice[1];
        rejectedLast = true;
      }
    }
  }

  /** The failure when h has fallen to rounding level, naming what the last rejection saw. */
  private underflow(t: number, h: number, why: Reject, comp: number): RunEnd {
    const { atol, rtol } = this.opt;
    const n = this.n;
    this.failure = underflowFailure(t, h, {
      why, comp, jacobianEntry: () => derivativeName(this.jacBad, n * n, n, -1, -1), e: this.e, eOff: 0, y: this.y,
      yNew: this.tab, atol, rtol, n, matrix: 'the linearly implicit Euler matrix I/h_j − J',
    });
    this.t = t;
    this.h = h;
    return 'failed';
  }
}
