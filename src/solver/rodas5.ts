// Rodas5 step logic: adaptive, L-stable Rosenbrock integration with dense output, allocation-free per step.
import { luFactor, luSolve } from './dense-lu.ts';
import type { NormalizedOptions } from './validate.ts';
import type { Counters, Recorder } from './recorder.ts';
import { RODAS5_A, RODAS5_C, RODAS5_CT, RODAS5_D, RODAS5_GAMMA, RODAS5_H, RODAS5_STAGES } from './rodas5-tableau.ts';
import { FAC_MAX, FAC_MIN, SAFETY, errorNorm, initialStep } from './step-control.ts';
import { spectralRadius } from './stiffness.ts';
import type { RhsFn, SolveFailure } from './types.ts';

const S = RODAS5_STAGES;
const EPS = 2.220446049250313e-16;
const STIFF_CHECK_EVERY = 4;

/** Why a run stopped: reached tEnd, asked to hand over to the non-stiff method, or failed. */
export type RunEnd = 'done' | 'switch' | 'failed';

/**
 * Rodas5 integrator (Hairer & Wanner II, Sec. IV.7; tableau in rodas5-tableau.ts).
 *
 * All work space is allocated once in the constructor: the state, 8 stage increments, the Jacobian and
 * the W = I/(hγ) − J matrix with its in-place LU (dense-lu.ts). The Jacobian and ∂f/∂t are computed once
 * per accepted step and reused across rejected steps; only W is refactored with the new h.
 * Step-size control: Gustafsson's predictive controller as in Hairer's rodas.f, error estimate = the last
 * stage increment (embedded order 4), measured per component against atol_i + rtol·|y_i|.
 */
export class Rodas5 {
  readonly n: number;
  /** Current time, step size and state (valid after run()). */
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
  private readonly f0: Float64Array;
  private readonly fs: Float64Array;
  private readonly ys: Float64Array;
  private readonly dfdt: Float64Array;
  private readonly u: Float64Array; // S × n stage increments
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

  constructor(rhs: RhsFn, n: number, options: NormalizedOptions, counters: Counters, recorder: Recorder) {
    this.rhs = rhs;
    this.n = n;
    this.opt = options;
    this.cnt = counters;
    this.rec = recorder;
    this.y = new Float64Array(n);
    this.yNew = new Float64Array(n);
    this.f0 = new Float64Array(n);
    this.fs = new Float64Array(n);
    this.ys = new Float64Array(n);
    this.dfdt = new Float64Array(n);
    this.u = new Float64Array(S * n);
    this.jac = new Float64Array(n * n);
    this.w = new Float64Array(n * n);
    this.piv = new Int32Array(n);
    this.colScale = new Float64Array(n);
    this.weight = new Float64Array(n);
    this.k1 = new Float64Array(n);
    this.k2 = new Float64Array(n);
    this.k3 = new Float64Array(n);
    this.dense = new Float64Array(n);
    this.pv = new Float64Array(n);
    this.pw = new Float64Array(n);
  }

  /** Evaluate the Jacobian at (t, y) into `jac`: analytic when given, else forward differences (n evaluations). */
  private jacobian(t: number, y: Float64Array, f0: Float64Array): void {
    const n = this.n;
    const jac = this.jac;
    if (this.opt.jacobian) {
      this.opt.jacobian(t, y, jac);
      this.cnt.njev++;
      return;
    }
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

  /**
   * Row weights for W at state y: w_i = 1/s_i with s_i = atol_i + rtol·|y_i|, the error norm's scale. A
   * component with s_i = 0 (atol_i = 0 and y_i = 0) has no scale of its own and gets w_i = 1. run() sets them
   * here at its start and, fused into the state update, after every accepted step.
   */
  private errorWeights(y: Float64Array): void {
    const { atol, rtol } = this.opt;
    const wt = this.weight;
    for (let i = 0; i < this.n; i++) {
      const sc = atol[i] + rtol * Math.abs(y[i]);
      wt[i] = sc > 0 ? 1 / sc : 1;
    }
  }

  /** ∂f/∂t at (t, y) by a forward difference (one evaluation); autonomous problems keep the zeros it starts with. */
  private timeDerivative(t: number, y: Float64Array, f0: Float64Array, h: number): void {
    const n = this.n;
    if (this.opt.autonomous) return;
    const tp = t + 1.4901161193847656e-8 * Math.max(Math.abs(t), Math.abs(h), 1e-10);
    const dt = tp - t;
    this.rhs(tp, y, this.fs);
    this.cnt.nfev++;
    for (let i = 0; i < n; i++) this.dfdt[i] = (this.fs[i] - f0[i]) / dt;
  }

  private fail(kind: SolveFailure['kind'], t: number, h: number, cause: string): RunEnd {
    this.failure = { kind, t, h, cause };
    this.t = t;
    this.h = h;
    return 'failed';
  }

  /**
   * Integrate from (t0, y0) towards tEnd. Output goes to the recorder (each accepted step, or the
   * tEval points inside each step via the dense-output polynomial).
   * @param h0 signed initial step, or 0 to choose one.
   */
  run(t0: number, y0: Float64Array, tEnd: number, h0: number): RunEnd {
    const n = this.n;
    const { rtol, atol, maxSteps, maxStep } = this.opt;
    const cnt = this.cnt;
    const rec = this.rec;
    const rhs = this.rhs;
    const y = this.y;
    const yNew = this.yNew;
    const f0 = this.f0;
    const fs = this.fs;
    const ys = this.ys;
    const u = this.u;
    const w = this.w;
    const jac = this.jac;
    const dfdt = this.dfdt;
    const piv = this.piv;
    const weight = this.weight;
    // Local aliases: imported module bindings cost a context load (and hole check) per access in V8.
    const A = RODAS5_A;
    const C = RODAS5_C;
    const CT = RODAS5_CT;
    const D = RODAS5_D;
    const dir = tEnd > t0 ? 1 : -1;
    this.failure = null;
    for (let i = 0; i < n; i++) y[i] = y0[i];
    let t = t0;
    rhs(t, y, f0);
    cnt.nfev++;
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(f0[i])) {
        return this.fail('non-finite-rhs', t, 0, `the right-hand side returned ${f0[i]} in component ${i} at the start state`);
      }
    }
    this.errorWeights(y);
    let h = h0 !== 0 ? h0 : initialStep(rhs, t, y, f0, dir, 4, atol, rtol, maxStep, ys, fs, n);
    if (h0 === 0) cnt.nfev++;
    let needJac = true;
    let rejectedLast = false;
    let firstStep = true;
    let hAcc = 0;
    let errAcc = 1;
    let badTries = 0;
    let nonStiffRun = 0;
    let rho = 0;
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
      if (Math.abs(h) <= 10 * EPS * Math.max(Math.abs(t), Math.abs(tEnd - t) * 1e-8, 1e-300)) {
        return this.fail('step-size-underflow', t, h, 'the step size fell below rounding level; the solution may blow up or have a singularity near t, or atol is too small for a component that goes to zero');
      }
      if (needJac) {
        this.jacobian(t, y, f0);
        this.timeDerivative(t, y, f0, h);
        needJac = false;
      }
      // W = I/(hγ) − J, equilibrated and factored in place: we factor diag(w)·W and solve
      // diag(w)·W u = diag(w)·b, with w the error weights. Partial pivoting ignores column scaling, so this
      // picks the pivots (and passes the pivot test) of D⁻¹WD, D = diag(atol + rtol·|y|), which does not
      // change when a component's unit changes and atol follows it. Plain partial pivoting on W does: a
      // component in tiny units (y_i ~ 1e15, atol_i ~ 1e8) wins every pivot search, and the pivot test
      // then calls a well-conditioned W singular (test/solver/scaling.test.ts).
      const dgamma = 1 / (h * RODAS5_GAMMA);
      for (let i = 0; i < n; i++) {
        const r = i * n;
        const wi = weight[i];
        for (let j = 0; j < n; j++) w[r + j] = -jac[r + j] * wi;
        w[r + i] += dgamma * wi;
      }
      cnt.nlu++;
      const bad = luFactor(w, n, piv, this.colScale);
      if (bad >= 0 || !(w[0] === w[0])) {
        badTries++;
        cnt.nRejected++;
        if (badTries > 8) {
          return this.fail('singular-matrix', t, h, `the Rosenbrock matrix I/(hγ) − J is singular to working precision (pivot ${bad}); check the Jacobian for NaN or an algebraic (non-ODE) component`);
        }
        h *= 0.25;
        continue;
      }
      // Stages.
      const invH = 1 / h;
      for (let s = 0; s < S; s++) {
        const us = s * n;
        if (s === 0) {
          const dh = D[0] * h;
          for (let i = 0; i < n; i++) u[i] = (f0[i] + dh * dfdt[i]) * weight[i];
        } else {
          const ar = s * S;
          for (let i = 0; i < n; i++) {
            let acc = y[i];
            for (let j = 0; j < s; j++) acc += A[ar + j] * u[j * n + i];
            ys[i] = acc;
          }
          rhs(t + CT[s] * h, ys, fs);
          const dh = D[s] * h;
          for (let i = 0; i < n; i++) {
            let acc = 0;
            for (let j = 0; j < s; j++) acc += C[ar + j] * u[j * n + i];
            u[us + i] = (fs[i] + dh * dfdt[i] + acc * invH) * weight[i];
          }
        }
        luSolve(w, n, piv, u, us);
      }
      cnt.nfev += S - 1;
      const u8 = (S - 1) * n;
      for (let i = 0; i < n; i++) yNew[i] = ys[i] + u[u8 + i];
      const err = errorNorm(u, y, yNew, atol, rtol, n, u8);
      if (!Number.isFinite(err)) {
        cnt.nRejected++;
        badTries++;
        if (badTries > 10) {
          return this.fail('non-finite-rhs', t, h, 'the right-hand side returned NaN or Infinity at every trial step near t; check the model for division by zero, log/sqrt of negative values or overflow');
        }
        h *= 0.25;
        rejectedLast = true;
        continue;
      }
      if (err <= 1) {
        cnt.nAccepted++;
        this.steps++;
        badTries = 0;
        const tNew = t + h;
        if (rec.tEval) this.denseOutput(t, h, tNew, last);
        // Gustafsson predictive controller.
        let fac = Math.min(1 / FAC_MIN, Math.max(1 / FAC_MAX, Math.pow(err, 0.2) / SAFETY));
        if (!firstStep) {
          let facGus = (hAcc / h) * Math.pow((err * err) / errAcc, 0.2) / SAFETY;
          facGus = Math.min(1 / FAC_MIN, Math.max(1 / FAC_MAX, facGus));
          if (facGus > fac) fac = facGus;
        }
        hAcc = h;
        errAcc = Math.max(1e-2, err);
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
        rhs(t, y, f0);
        cnt.nfev++;
        for (let i = 0; i < n; i++) {
          if (!Number.isFinite(f0[i])) {
            return this.fail('non-finite-rhs', t, h, `the right-hand side returned ${f0[i]} in component ${i} at an accepted state; the model may leave its valid range here`);
          }
        }
        // Stiffness monitor for 'auto': a 3-product power iteration on the step's Jacobian every
        // STIFF_CHECK_EVERY accepted steps (warm-started, so it tracks the dominant mode cheaply).
        if (this.monitorStiffness && this.steps % STIFF_CHECK_EVERY === 0) {
          rho = spectralRadius(jac, n, this.pv, this.pw, 3);
          nonStiffRun = Math.abs(h) * rho < this.nonStiffBound ? nonStiffRun + STIFF_CHECK_EVERY : 0;
          if (nonStiffRun >= this.nonStiffLimit) {
            this.t = t;
            this.h = hNew;
            return 'switch';
          }
        }
        needJac = true;
        h = hNew;
      } else {
        cnt.nRejected++;
        const fac = Math.min(1 / FAC_MIN, Math.max(1 / FAC_MAX, Math.pow(err, 0.2) / SAFETY));
        h = firstStep && cnt.nAccepted === 0 && err > 1e3 ? h * 0.1 : h / fac;
        rejectedLast = true;
      }
    }
  }

  /** Write every pending tEval point in (t, tNew] using Rodas5's dense-output polynomial. */
  private denseOutput(t: number, h: number, tNew: number, last: boolean): void {
    const rec = this.rec;
    const tEval = rec.tEval!;
    const n = this.n;
    const dir = h > 0 ? 1 : -1;
    let ready = false;
    while (rec.next < tEval.length) {
      const te = tEval[rec.next];
      if (!last && (te - tNew) * dir > 0) break;
      const theta = last && (te - tNew) * dir >= 0 ? 1 : (te - t) / h;
      if (theta === 1) {
        rec.pushEval(this.yNew);
        continue;
      }
      if (!ready) {
        this.denseCoefficients();
        ready = true;
      }
      const th1 = 1 - theta;
      const out = this.dense;
      for (let i = 0; i < n; i++) {
        out[i] = th1 * this.y[i] + theta * (this.yNew[i] + th1 * (this.k1[i] + theta * (this.k2[i] + theta * this.k3[i])));
      }
      rec.pushEval(out);
    }
  }

  private denseCoefficients(): void {
    const n = this.n;
    const u = this.u;
    for (let i = 0; i < n; i++) {
      let a = 0;
      let b = 0;
      let c = 0;
      for (let j = 0; j < S; j++) {
        const uj = u[j * n + i];
        a += RODAS5_H[j] * uj;
        b += RODAS5_H[S + j] * uj;
        c += RODAS5_H[2 * S + j] * uj;
      }
      this.k1[i] = a;
      this.k2[i] = b;
      this.k3[i] = c;
    }
  }
}
