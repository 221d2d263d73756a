// Rodas5 step logic: adaptive, L-stable Rosenbrock integration with dense output, allocation-free per step.
import { bandFactor, bandSolve, bandUpperWidth } from './band-lu.ts';
import { luFactor, luSolve } from './dense-lu.ts';
import { bandJacobianFd, buildBandW } from './rodas5-band.ts';
import type { NormalizedOptions } from './validate.ts';
import type { Counters, Recorder } from './recorder.ts';
import { denseCoefficients, midpoint } from './rodas5-dense.ts';
import { stageInput } from './rodas5-stages.ts';
import { RODAS5_CT, RODAS5_D, RODAS5_GAMMA, RODAS5_STAGES } from './rodas5-tableau.ts';
import { FAC_MAX, FAC_MIN, SAFETY, errorNorm, firstNonFinite, initialStep, worstComponent } from './step-control.ts';
import { bandSpectralRadius, spectralRadius } from './stiffness.ts';
import { acquireWork, releaseWork, type Rodas5Work } from './rodas5-work.ts';
import type { RhsFn, SolveFailure } from './types.ts';

const S = RODAS5_STAGES;
const EPS = 2.220446049250313e-16;
const STIFF_CHECK_EVERY = 4;
/** (1e-2)^(1/5): the controller's floor on the previous error (Hairer's rodas.f), as a fifth root. */
const P_FLOOR = Math.pow(1e-2, 0.2);
/**
 * Weight of the non-stiff part of the defect estimate: e₂ = z + (DEFECT_WEIGHT − 1)·(I − hγJ)⁻¹z, z = W⁻¹δ.
 * The second solve damps stiff components (there z already is the interpolation error), so the weight acts
 * where f is non-stiff and z ≈ γh·δ understates what a jump of f inside the step does. Measured on
 * y' = −y + square wave on [0, 10] at rtol 1e-4 … 1e-8 (8 tolerances), worst global error along the path in
 * units of the tolerance: 13× at weight 10 (and whether the end error stays below 10× depended on rounding),
 * ≤ 10× at 15, ≤ 7.1× at 20, ≤ 3.7× at 30; HC-4 accepted steps +8–10 % at 20 against 10, +15–20 % at 30.
 */
const DEFECT_WEIGHT = 20;

/** Why a run stopped: reached tEnd, asked to hand over to the non-stiff method, or failed. */
export type RunEnd = 'done' | 'switch' | 'failed';

/** Why the last trial step was rejected (named in the failure when the step size then underflows). */
const enum Reject { None, Error, NonFiniteStage, NonFiniteState, NonFiniteJacobian, Singular }

/**
 * Rodas5 integrator (Hairer & Wanner II, Sec. IV.7; tableau in rodas5-tableau.ts).
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
  private f0: Float64Array;
  private f1: Float64Array;
  private readonly fs: Float64Array;
  private readonly ys: Float64Array;
  private readonly dfdt: Float64Array;
  private readonly u: Float64Array; // S × n stage increments
  private readonly e2: Float64Array;
  private readonly e3: Float64Array;
  private readonly jac: Float64Array;
  private readonly w: Float64Array;
  private readonly piv: Int32Array;
  private readonly colScale: Float64Array;
  /** Row weights of W, 1/(atol_i + rtol·|y_i|) at the step's start state (see errorWeights). */
  private readonly weight: Float64Array;
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly dense: Float64Array;
  private readonly pv: Float64Array;
  private readonly pw: Float64Array;
  private jacBad = -1;

  private readonly work: Rodas5Work;
  /** Jacobian bandwidths (jacobianBand), or −1 for a dense Jacobian. */
  private readonly kl: number;
  private readonly ku: number;
  /** Band LU multipliers (band-lu.ts) and U's upper bandwidth after the last factorisation. */
  private readonly mult: Float64Array;
  private uw = 0;

  constructor(rhs: RhsFn, n: number, options: NormalizedOptions, counters: Counters, recorder: Recorder) {
    this.rhs = rhs;
    this.n = n;
    this.opt = options;
    this.cnt = counters;
    this.rec = recorder;
    const wk = acquireWork(n, options.band);
    this.kl = options.band ? options.band.lower : -1;
    this.ku = options.band ? options.band.upper : -1;
    this.mult = wk.m;
    this.work = wk;
    this.y = wk.y;
    this.yNew = wk.yNew;
    this.f0 = wk.f0;
    this.f1 = wk.f1;
    this.fs = wk.fs;
    this.ys = wk.ys;
    this.dfdt = wk.dfdt;
    this.u = wk.u;
    this.e2 = wk.e2;
    this.e3 = wk.e3;
    this.jac = wk.jac;
    this.w = wk.w;
    this.piv = wk.piv;
    this.colScale = wk.colScale;
    this.weight = wk.weight;
    this.k1 = wk.k1;
    this.k2 = wk.k2;
    this.k3 = wk.k3;
    this.dense = wk.dense;
    this.pv = wk.pv;
    this.pw = wk.pw;
    // A pooled set holds the last solve's values: ∂f/∂t must read 0 for an autonomous problem, and the
    // stiffness monitor's warm start must not depend on an earlier, unrelated solve.
    this.dfdt.fill(0);
    this.pv.fill(0);
  }

  /** Hand the work space back to the pool; the integrator (and its `y`) must not be used afterwards. */
  release(): void {
    releaseWork(this.work);
  }

  /**
   * Evaluate the Jacobian and ∂f/∂t at (t, y) (f0 = f(t, y)): analytic Jacobian when given, else forward
   * differences (n evaluations). @returns true when every entry is finite (else `jacBad` names the first bad one).
   */
  private derivatives(t: number, y: Float64Array, f0: Float64Array, h: number): boolean {
    const n = this.n;
    const jac = this.jac;
    if (this.opt.jacobian) {
      this.opt.jacobian(t, y, jac);
      this.cnt.njev++;
    } else if (this.kl >= 0) {
      this.cnt.nfev += bandJacobianFd(this.rhs, t, y, f0, n, this.kl, this.ku, this.opt.atol, jac, this.ys, this.fs, this.e3);
      this.cnt.njev++;
    } else {
      const ys = this.ys;
      const fs = this.fs;
      const atol = this.opt.atol;
      for (let i = 0; i < n; i++) ys[i] = y[i];
      for (let j = 0; j < n; j++) {
        const yj = y[j];
        const scale = Math.max(Math.abs(yj), atol[j], 1e-8);
        const yp = yj + 1.4901161193847656e-8 * scale;
        const delta = yp - yj;
        ys[j] = yp;
        this.rhs(t, ys, fs);
        ys[j] = yj;
        const inv = 1 / delta;
        for (let i = 0; i < n; i++) jac[i * n + j] = (fs[i] - f0[i]) * inv;
      }
      this.cnt.nfev += n;
      this.cnt.njev++;
    }
    let bad = -1;
    const nj = jac.length;
    for (let k = 0; k < nj; k++) {
      const v = jac[k];
      if (v - v !== 0) {
        bad = k;
        break;
      }
    }
    if (!this.opt.autonomous) {
      const tp = t + 1.4901161193847656e-8 * Math.max(Math.abs(t), Math.abs(h), 1e-10);
      const dt = tp - t;
      this.rhs(tp, y, this.fs);
      this.cnt.nfev++;
      for (let i = 0; i < n; i++) {
        const d = (this.fs[i] - f0[i]) / dt;
        this.dfdt[i] = d;
        if (bad < 0 && d - d !== 0) bad = nj + i;
      }
    }
    this.jacBad = bad;
    return bad < 0;
  }

  private jacBadText(): string {
    const nj = this.jac.length;
    const k = this.jacBad;
    if (k >= nj) return `∂f/∂t (finite difference) in component ${k - nj}`;
    if (this.kl < 0) return `the Jacobian entry (${Math.floor(k / this.n)}, ${k % this.n})`;
    const wb = this.kl + this.ku + 1;
    const i = Math.floor(k / wb);
    return `the Jacobian entry (${i}, ${i - this.kl + (k % wb)}) (band storage index ${k})`;
  }

  /**
   * W = I/(hγ) − J (dgamma = 1/(hγ)), equilibrated and factored in place: we factor diag(w)·W and solve
   * diag(w)·W u = diag(w)·b, with w the error weights. Partial pivoting ignores column scaling, so this
   * picks the pivots (and passes the pivot test) of D⁻¹WD, D = diag(atol + rtol·|y|), which does not
   * change when a component's unit changes and atol follows it (test/solver/scaling.test.ts).
   * @returns -1, or the column of a too-small pivot.
   */
  private factorW(dgamma: number): number {
    const { n, kl, w, jac, weight } = this;
    if (kl >= 0) {
      buildBandW(jac, w, n, kl, this.ku, dgamma, weight);
      const bad = bandFactor(w, this.mult, n, kl, this.ku, this.piv, this.colScale);
      this.uw = bandUpperWidth(this.piv, n, this.ku);
      return bad;
    }
    for (let i = 0; i < n; i++) {
      const r = i * n;
      const wi = weight[i];
      for (let j = 0; j < n; j++) w[r + j] = -jac[r + j] * wi;
      w[r + i] += dgamma * wi;
    }
    return luFactor(w, n, this.piv, this.colScale);
  }

  /** Solve the factored W in place on b[off .. off + n) (right-hand side already row-weighted). */
  private solveW(b: Float64Array, off: number): void {
    if (this.kl < 0) luSolve(this.w, this.n, this.piv, b, off);
    else bandSolve(this.w, this.mult, this.n, this.kl, this.ku, this.piv, b, off, this.uw);
  }

  /** Row weights for W at state y: w_i = 1/(atol_i + rtol·|y_i|), or 1 where that scale is 0. */
  private errorWeights(y: Float64Array): void {
    const { atol, rtol } = this.opt;
    const wt = this.weight;
    for (let i = 0; i < this.n; i++) {
      const sc = atol[i] + rtol * Math.abs(y[i]);
      wt[i] = sc > 0 ? 1 / sc : 1;
    }
  }

  private fail(kind: SolveFailure['kind'], t: number, h: number, cause: string): RunEnd {
    this.failure = { kind, t, h, cause };
    this.t = t;
    this.h = h;
    return 'failed';
  }

  /**
   * Integrate from (t0, y0) towards tEnd. Output goes to the recorder (each accepted step, or the
   * tEval points inside each step via the dense-output polynomial). A throwing rhs or Jacobian ends the run
   * with kind 'other' at the t and h of the step it threw in.
   * @param h0 signed initial step, or 0 to choose one.
   */
  run(t0: number, y0: Float64Array, tEnd: number, h0: number): RunEnd {
    this.t = t0;
    this.h = h0;
    try {
      return this.integrate(t0, y0, tEnd, h0);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      return this.fail('other', this.t, this.h, `the right-hand side or Jacobian threw: ${msg}`);
    }
  }

  private integrate(t0: number, y0: Float64Array, tEnd: number, h0: number): RunEnd {
    const n = this.n;
    const { rtol, atol, maxSteps, maxStep } = this.opt;
    const cnt = this.cnt;
    const rec = this.rec;
    const rhs = this.rhs;
    const y = this.y;
    const yNew = this.yNew;
    const fs = this.fs;
    const ys = this.ys;
    const u = this.u;
    const e2 = this.e2;
    const e3 = this.e3;
    const w = this.w;
    const jac = this.jac;
    const dfdt = this.dfdt;
    const piv = this.piv;
    const kl = this.kl;
    const ku = this.ku;
    const weight = this.weight;
    const k1 = this.k1;
    const k2 = this.k2;
    const k3 = this.k3;
    // Local aliases: imported module bindings cost a context load (and hole check) per access in V8.
    const CT = RODAS5_CT;
    const D = RODAS5_D;
    const dir = tEnd > t0 ? 1 : -1;
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
    this.errorWeights(y);
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
        return this.fail('max-steps', t, h, `reached maxSteps = ${maxSteps} before t1; raise maxSteps, loosen rtol, or (if odex was used) try method 'rodas5' or 'auto' — the problem may be stiff`);
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
      const bad = this.factorW(dgamma);
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
      this.solveW(u, 0);
      for (let s = 1; s < S; s++) {
        const us = s * n;
        stageInput(s, n, y, u, ys, e3);
        rhs(t + CT[s] * h, ys, fs);
        if (auto) for (let i = 0; i < n; i++) u[us + i] = (fs[i] + e3[i] * invH) * weight[i];
        else {
          const dh = D[s] * h;
          for (let i = 0; i < n; i++) u[us + i] = (fs[i] + dh * dfdt[i] + e3[i] * invH) * weight[i];
        }
        this.solveW(u, us);
      }
      cnt.nfev += S - 1;
      const u8 = (S - 1) * n;
      for (let i = 0; i < n; i++) yNew[i] = ys[i] + u[u8 + i];
      let err = errorNorm(u, y, yNew, atol, rtol, n, u8);
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
        denseCoefficients(u, n, k1, k2, k3);
        midpoint(y, yNew, k1, k2, k3, n, ys, e2);
        rhs(t + 0.5 * h, ys, fs);
        cnt.nfev++;
        for (let i = 0; i < n; i++) e2[i] = (fs[i] - e2[i] * invH) * weight[i];
        this.solveW(e2, 0);
        for (let i = 0; i < n; i++) e3[i] = e2[i] * weight[i] * dgamma;
        this.solveW(e3, 0);
        for (let i = 0; i < n; i++) e2[i] += (DEFECT_WEIGHT - 1) * e3[i];
        const errMid = errorNorm(e2, y, yNew, atol, rtol, n, 0);
        if (errMid !== errMid) {
          cnt.nRejected++;
          why = Reject.NonFiniteStage;
          badComp = firstNonFinite(fs, n);
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
        if (rec.tEval) this.denseOutput(t, h, tNew, last);
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
        if (!rec.tEval) rec.push(t, y);
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
          rho = kl < 0 ? spectralRadius(jac, n, this.pv, this.pw, 3) : bandSpectralRadius(jac, n, kl, ku, this.pv, this.pw, 3);
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
    const at = `at t = ${t} (h = ${h})`;
    switch (why) {
      case Reject.NonFiniteStage:
      case Reject.NonFiniteState:
        return this.fail('non-finite-rhs', t, h, `the right-hand side returned NaN or Infinity${comp >= 0 ? ` in component ${comp}` : ''} at every trial step down to h = ${h}; ${
          why === Reject.NonFiniteState ? 'the state after the step' : 'a stage'} leaves the model's valid range ${at}: check for division by zero, log/sqrt of negative values or overflow`);
      case Reject.NonFiniteJacobian:
        return this.fail('non-finite-jacobian', t, h, `${this.jacBadText()} is not finite at every trial state down to h = ${h}`);
      case Reject.Singular:
        return this.fail('singular-matrix', t, h, `the Rosenbrock matrix I/(hγ) − J is singular to working precision (pivot ${comp}) for every h tried; check the Jacobian for NaN or an algebraic (non-ODE) component`);
      default: {
        const { atol, rtol } = this.opt;
        const k = worstComponent(this.u, (S - 1) * this.n, this.y, this.yNew, atol, rtol, this.n);
        const zeroScale = k >= 0 && atol[k] === 0 && this.y[k] === 0;
        return this.fail('step-size-underflow', t, h, `the step size fell below rounding level ${at}; the largest scaled error is in component ${k}${
          zeroScale ? `, which is 0 with atol[${k}] = 0, so no error in it is small enough: give atol[${k}] > 0` : ''}; the solution may blow up, have a singularity or a discontinuity in f near t, or atol is too small for a component that goes to zero`);
      }
    }
  }

  /** Write every pending tEval point in (t, tNew] using Rodas5's dense-output polynomial (K1..K3 set by the defect estimate). */
  private denseOutput(t: number, h: number, tNew: number, last: boolean): void {
    const rec = this.rec;
    const tEval = rec.tEval!;
    const n = this.n;
    const dir = h > 0 ? 1 : -1;
    while (rec.next < tEval.length) {
      const te = tEval[rec.next];
      if (!last && (te - tNew) * dir > 0) break;
      const theta = last && (te - tNew) * dir >= 0 ? 1 : (te - t) / h;
      if (theta === 1) {
        rec.pushEval(this.yNew);
        continue;
      }
      const th1 = 1 - theta;
      const out = this.dense;
      for (let i = 0; i < n; i++) {
        out[i] = th1 * this.y[i] + theta * (this.yNew[i] + th1 * (this.k1[i] + theta * (this.k2[i] + theta * this.k3[i])));
      }
      rec.pushEval(out);
    }
  }
}
