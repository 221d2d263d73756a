// Rodas5 step logic: adaptive, L-stable Rosenbrock integration with dense output, allocation-free per step.
import type { NormalizedOptions } from './validate.ts';
import type { Counters, Recorder } from './recorder.ts';
import { writeDenseOutput } from './rodas5-dense.ts';
import { midpointDefect } from './rodas5-defect.ts';
import { derivativeName, evaluateDerivatives } from './rodas5-derivatives.ts';
import { Reject, underflowFailure } from './rodas5-failure.ts';
import { errorWeights, factorW, solveW } from './rodas5-linear.ts';
import { luSolve4 } from './dense-lu.ts';
import { stageInput } from './rodas5-stages.ts';
import { stages4Autonomous } from './rodas5-stages4.ts';
import { RODAS5_CT, RODAS5_D, RODAS5_GAMMA, RODAS5_STAGES } from './rodas5-tableau.ts';
import { FAC_MAX, FAC_MIN, SAFETY, firstNonFinite, initialStep } from './step-control.ts';
import { bandSpectralRadius, spectralRadius } from './stiffness.ts';
import { sparseSpectralRadius } from './sparse-jacobian.ts';
import { acquireWork, releaseWork, type Rodas5Work } from './rodas5-work.ts';
import type { RhsFn, RunEnd, SolveFailure } from './types.ts';
import { failAt, guardedRun } from './run-guard.ts';

const S = RODAS5_STAGES;
const EPS = 2.220446049250313e-16;
const STIFF_CHECK_EVERY = 4;
/** (1e-2)^(1/5): the controller's floor on the previous error (Hairer's rodas.f), as a fifth root. */
const P_FLOOR = Math.pow(1e-2, 0.2);

export type { RunEnd } from './types.ts';

/**
 * Rodas5 integrator (Hairer & Wanner II, Sec. IV.7; tableau in rodas5-tableau.ts): the step loop and its
 * error and step-size control. The derivatives are in rodas5-derivatives.ts, W's factorisation and solves in
 * rodas5-linear.ts, the stage arithmetic in rodas5-stages.ts, the dense output in rodas5-dense.ts and the
 * failure texts in rodas5-failure.ts.
 *
 * All work space comes from a pool in the constructor (rodas5-work.ts) and goes back with release(). The Jacobian and ∂f/∂t are evaluated at each accepted
 * state (before the step is accepted, so a non-finite value there rejects the step) and reused across rejected
 * steps; only W = I/(hγ) − J is refactored with the new h.
 *
 * Error control sees every stage. Rodas5's embedded estimate (the last stage increment) is built from stages
 * 6–8, which all sit at t + h: with a small or zero Jacobian it cannot see what stages 1–5 saw (a pulse, a
 * switch in f inside the step). A second estimate covers the interior: the defect of the dense-output
 * polynomial at θ = ½, δ = f(t + h/2, y(½)) − ẏ(½) (one extra evaluation), filtered through the factored W:
 * z = W⁻¹δ is ≈ γh·δ where f is non-stiff and ≈ the midpoint interpolation error in stiff components
 * (W⁻¹ ≈ −J⁻¹ there); e₂ = z + (DEFECT_WEIGHT − 1)(I − hγJ)⁻¹z weights the non-stiff part up. Both terms are
 * O(h⁵) on smooth problems, like the embedded estimate (the polynomial's slope is O(h⁴) accurate inside the
 * step, not at its ends, so θ = 0 and 1 are no use). This is residual (defect) control of the continuous
 * extension in the sense of Enright's defect-control methods, used here as a second check beside the
 * embedded estimate. A step is accepted when max(err₁, err₂) ≤ 1 and f (and the Jacobian) at the new state
 * are finite; the step size follows Gustafsson's predictive controller (Hairer's rodas.f) on that maximum.
 */
export class Rodas5 {
  readonly n: number;
  /** Current time, step size and state (valid after run(); t and h also while it runs, for failure reports). */
  t = 0;
  h = 0;
  readonly y: Float64Array;
  failure: SolveFailure | null = null;
  /** Accepted steps taken by this integrator (for 'auto' bookkeeping). */
  steps = 0;
  /** When true, run() returns 'switch' after `nonStiffLimit` consecutive steps with h·ρ(J) < nonStiffBound. */
  monitorStiffness = false;
  nonStiffLimit = 20;
  nonStiffBound = 0.25;

  private readonly rhs: RhsFn;
  private readonly opt: NormalizedOptions;
  private readonly cnt: Counters;
  private readonly rec: Recorder;
  private readonly yNew: Float64Array;
  /** f at the step's start and at its trial end (swapped on acceptance). */
  private f0: Float64Array;
  private f1: Float64Array;
  private readonly u: Float64Array; // S × n stage increments (kept as a field for the underflow message)
  private readonly jac: Float64Array;
  private jacBad = -1;

  private readonly work: Rodas5Work;
  /** Jacobian bandwidths (jacobianBand), or −1 for a dense Jacobian. */
  private readonly kl: number;
  private readonly ku: number;

  constructor(rhs: RhsFn, n: number, options: NormalizedOptions, counters: Counters, recorder: Recorder) {
    this.rhs = rhs;
    this.n = n;
    this.opt = options;
    this.cnt = counters;
    this.rec = recorder;
    const wk = acquireWork(n, options.band, options.sparse);
    this.kl = options.band ? options.band.lower : -1;
    this.ku = options.band ? options.band.upper : -1;
    this.work = wk;
    this.y = wk.y;
    this.yNew = wk.yNew;
    this.f0 = wk.f0;
    this.f1 = wk.f1;
    this.u = wk.u;
    this.jac = wk.jac;
    // A pooled set holds the last solve's values: ∂f/∂t must read 0 for an autonomous problem, and the
    // stiffness monitor's warm start must not depend on an earlier, unrelated solve.
    wk.dfdt.fill(0);
    wk.pv.fill(0);
    // Likewise the Jacobian: one that writes its nonzero entries only must see zeros elsewhere, as in a fresh set.
    wk.jac.fill(0);
  }

  /**
   * The Jacobian array (dense, or band layout with jacobianBand) as scratch for a caller between runs ('auto''s
   * stiffness tests): run() evaluates the Jacobian into it at its start before reading it.
   */
  get jacobianScratch(): Float64Array {
    return this.jac;
  }

  /** Hand the work space back to the pool; the integrator (and its `y`) must not be used afterwards. */
  release(): void {
    releaseWork(this.work);
  }

  /** Jacobian and ∂f/∂t at (t, y) (f0 = f(t, y)); @returns true when every entry is finite (else `jacBad` names the first bad one). */
  private derivatives(t: number, y: Float64Array, f0: Float64Array, h: number): boolean {
    this.jacBad = evaluateDerivatives(this.rhs, this.opt, this.cnt, this.work, this.kl, this.ku, t, y, f0, h);
    return this.jacBad < 0;
  }

  private jacBadText(): string {
    return derivativeName(this.jacBad, this.jac.length, this.n, this.kl, this.ku, this.opt.sparse);
  }

  private fail(kind: SolveFailure['kind'], t: number, h: number, cause: string): RunEnd {
    return failAt(this, kind, t, h, cause);
  }

  /**
   * Integrate from (t0, y0) towards tEnd. Output goes to the recorder (each accepted step, or the
   * tEval points inside each step via the dense-output polynomial). A throwing rhs or Jacobian ends the run
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
    const rhs = this.rhs;
    const y = this.y;
    const yNew = this.yNew;
    const jac = this.jac;
    const wk = this.work;
    const { fs, ys, u, e2, e3, w, dfdt, weight, k1, k2, k3 } = wk;
    const kl = this.kl;
    const ku = this.ku;
    // Local aliases: imported module bindings cost a context load (and hole check) per access in V8.
    const CT = RODAS5_CT;
    const D = RODAS5_D;
    const dir = tEnd > t0 ? 1 : -1;
    const tEv = rec.tEval;
    // A dense 4 × 4 W (HC-4's size) is solved by the unrolled routine directly, without solveW's dispatch.
    const w4 = kl < 0 && n === 4 && !wk.sparse;
    const piv = wk.piv;
    this.failure = null;
    for (let i = 0; i < n; i++) y[i] = y0[i];
    let t = t0;
    let f0 = this.f0;
    rhs(t, y, f0);
    cnt.nfev++;
    const bad0 = firstNonFinite(f0, n);
    if (bad0 >= 0) {
      return this.fail('non-finite-rhs', t, 0, `the right-hand side returned ${f0[bad0]} in component ${bad0} at the start state`);
    }
    errorWeights(weight, y, atol, rtol, n);
    let h = h0 !== 0 ? h0 : initialStep(rhs, t, y, f0, dir, 4, atol, rtol, maxStep, Math.abs(tEnd - t0), ys, fs, n);
    if (h0 === 0) cnt.nfev++;
    this.h = h;
    if (!this.derivatives(t, y, f0, h)) {
      return this.fail('non-finite-jacobian', t, h, `${this.jacBadText()} is ${this.jacBad < jac.length ? jac[this.jacBad] : dfdt[this.jacBad - jac.length]} at the start state`);
    }
    let rejectedLast = false;
    let firstStep = true;
    let hAcc = 0;
    let pAcc = 1;
    let nonStiffRun = 0;
    let rho = 0;
    let why = Reject.None;
    let badComp = -1;
    let needJac = false;
    let singularRun = 0;
    for (;;) {
      if (cnt.nAccepted + cnt.nRejected >= maxSteps) {
        return this.fail('max-steps', t, h, `reached maxSteps = ${maxSteps} before t1; raise maxSteps or loosen rtol`);
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
      if (needJac) {
        // Only after a rejection for a non-finite Jacobian at the trial state: J at (t, y) was overwritten.
        this.derivatives(t, y, f0, h);
        needJac = false;
      }
      // W = I/(hγ) − J, row-equilibrated and factored (factorW).
      const dgamma = 1 / (h * RODAS5_GAMMA);
      const bad = factorW(wk, kl, ku, dgamma);
      cnt.nlu++;
      if (bad < 0 && w[kl < 0 ? 0 : kl] === w[kl < 0 ? 0 : kl]) singularRun = 0;
      else {
        cnt.nRejected++;
        why = Reject.Singular;
        badComp = bad;
        // A W that stays singular as h shrinks by 4^8 will not recover: stop before the steps become useless.
        if (++singularRun > 8) return this.underflow(t, h, why, badComp);
        h *= 0.25;
        continue;
      }
      // Stages: the argument Y_s = y + Σ_j a_sj u_j and the coupling Σ_j c_sj u_j (into e3) from rodas5-stages.ts.
      const invH = 1 / h;
      const auto = this.opt.autonomous;
      if (auto) for (let i = 0; i < n; i++) u[i] = f0[i] * weight[i];
      else {
        const dh = D[0] * h;
        for (let i = 0; i < n; i++) u[i] = (f0[i] + dh * dfdt[i]) * weight[i];
      }
      if (w4) luSolve4(w, piv, u, 0);
      else solveW(wk, kl, ku, u, 0);
      if (w4 && auto) stages4Autonomous(rhs, t, h, y, u, ys, fs, e3, weight, w, piv);
      else for (let s = 1; s < S; s++) {
        const us = s * n;
        stageInput(s, n, y, u, ys, e3);
        rhs(t + CT[s] * h, ys, fs);
        if (auto) for (let i = 0; i < n; i++) u[us + i] = (fs[i] + e3[i] * invH) * weight[i];
        else {
          const dh = D[s] * h;
          for (let i = 0; i < n; i++) u[us + i] = (fs[i] + dh * dfdt[i] + e3[i] * invH) * weight[i];
        }
        if (w4) luSolve4(w, piv, u, us);
        else solveW(wk, kl, ku, u, us);
      }
      cnt.nfev += S - 1;
      const u8 = (S - 1) * n;
      // yNew = Y_8 + u_8, and errorNorm(u, y, yNew, atol, rtol, n, u8) of the embedded estimate u_8 in the same pass.
      let ss = 0;
      for (let i = 0; i < n; i++) {
        const ei = u[u8 + i];
        const yn = ys[i] + ei;
        yNew[i] = yn;
        const a = Math.abs(y[i]);
        const b = Math.abs(yn);
        const sc = atol[i] + rtol * (a > b ? a : b);
        if (sc > 0) {
          const r = ei / sc;
          ss += r * r;
        } else if (ei !== 0) {
          ss += ei === ei ? Infinity : Number.NaN;
        }
      }
      let err = Math.sqrt(ss / n);
      if (!(err <= 1e300)) {
        const k = firstNonFinite(yNew, n);
        if (k >= 0 || err !== err) {
          cnt.nRejected++;
          why = Reject.NonFiniteStage;
          badComp = k;
          h *= 0.25;
          rejectedLast = true;
          continue;
        }
      }
      const tNew = t + h;
      const f1 = this.f1;
      if (err <= 1) {
        // The new state must give a finite f before it is accepted; else retry with h/4.
        rhs(tNew, yNew, f1);
        cnt.nfev++;
        const k = firstNonFinite(f1, n);
        if (k >= 0) {
          cnt.nRejected++;
          why = Reject.NonFiniteState;
          badComp = k;
          h *= 0.25;
          rejectedLast = true;
          continue;
        }
        // Second estimate: the dense output's defect at θ = ½, through W⁻¹ (see the class comment).
        const errMid = midpointDefect(rhs, wk, kl, ku, t, h, dgamma, y, yNew, atol, rtol);
        cnt.nfev++;
        if (errMid !== errMid) {
          cnt.nRejected++;
          why = Reject.NonFiniteStage;
          badComp = firstNonFinite(wk.fs, n);
          h *= 0.25;
          rejectedLast = true;
          continue;
        }
        if (errMid > err) err = errMid;
      }
      if (err <= 1) {
        if (!last && !this.derivatives(tNew, yNew, f1, h)) {
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
        // Dense output only when a tEval point lies in (t, tNew] (or on the last step): most steps hold none.
        if (tEv !== null && rec.next < tEv.length && (last || (tEv[rec.next] - tNew) * dir <= 0)) {
          writeDenseOutput(rec, t, h, tNew, last, y, yNew, k1, k2, k3, n, wk.dense);
        }
        // Gustafsson predictive controller.
        // err^(1/5) once per step: (err²/errPrev)^(1/5) = p²/pAcc, pAcc = max(1e-2, errPrev)^(1/5) kept from the last step.
        const p = Math.exp(0.2 * Math.log(err));
        let fac = Math.min(1 / FAC_MIN, Math.max(1 / FAC_MAX, p / SAFETY));
        if (!firstStep) {
          let facGus = ((hAcc / h) * ((p * p) / pAcc)) / SAFETY;
          facGus = Math.min(1 / FAC_MIN, Math.max(1 / FAC_MAX, facGus));
          if (facGus > fac) fac = facGus;
        }
        hAcc = h;
        pAcc = p > P_FLOOR ? p : P_FLOOR;
        let hNew = h / fac;
        if (rejectedLast && Math.abs(hNew) > Math.abs(h)) hNew = h;
        rejectedLast = false;
        firstStep = false;
        for (let i = 0; i < n; i++) {
          const yi = yNew[i];
          y[i] = yi;
          const sc = atol[i] + rtol * Math.abs(yi);
          weight[i] = sc > 0 ? 1 / sc : 1;
        }
        t = last ? tEnd : tNew;
        if (tEv === null) rec.push(t, y);
        if (last) {
          this.t = t;
          this.h = hNew;
          return 'done';
        }
        this.f1 = f0;
        this.f0 = f1;
        f0 = f1;
        // Stiffness monitor for 'auto': a 3-product power iteration on the step's Jacobian every
        // STIFF_CHECK_EVERY accepted steps (warm-started, so it tracks the dominant mode cheaply).
        if (this.monitorStiffness && this.steps % STIFF_CHECK_EVERY === 0) {
          const sp = this.opt.sparse;
          rho = sp ? sparseSpectralRadius(jac, sp, wk.pv, wk.pw, 3) : kl < 0 ? spectralRadius(jac, n, wk.pv, wk.pw, 3) : bandSpectralRadius(jac, n, kl, ku, wk.pv, wk.pw, 3);
          nonStiffRun = Math.abs(h) * rho < this.nonStiffBound ? nonStiffRun + STIFF_CHECK_EVERY : 0;
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
        const fac = Math.min(1 / FAC_MIN, Math.max(1 / FAC_MAX, Math.pow(err, 0.2) / SAFETY));
        h = firstStep && cnt.nAccepted === 0 && err > 1e3 ? h * 0.1 : h / fac;
        rejectedLast = true;
      }
    }
  }

  /** The failure when h has fallen to rounding level, naming what the last rejection saw. */
  private underflow(t: number, h: number, why: Reject, comp: number): RunEnd {
    const { atol, rtol } = this.opt;
    this.failure = underflowFailure(t, h, {
      why, comp, jacobianEntry: () => this.jacBadText(), e: this.u, eOff: (S - 1) * this.n, y: this.y, yNew: this.yNew, atol, rtol, n: this.n,
    });
    this.t = t;
    this.h = h;
    return 'failed';
  }
}
