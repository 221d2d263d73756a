// Variable-order (1–5) NDF/BDF integration with quasi-constant step size and a kept Jacobian and Newton matrix.
import { GAMMA, MAX_ORDER, NDF_KAPPA, STRIDE, interpolate, orderCoefficients, rescaleDifferences, type OrderCoefficients } from './bdf-coefficients.ts';
import { BdfLinear } from './bdf-linear.ts';
import { BdfWork, CONVERGED, correct, differenceNorm, predict } from './bdf-newton.ts';
import type { Counters, Recorder } from './recorder.ts';
import { errorWeights } from './rodas5-linear.ts';
import { Reject, underflowFailure } from './rodas5-failure.ts';
import type { RunEnd } from './rodas5.ts';
import { failAt, guardedRun } from './run-guard.ts';
import { firstNonFinite, initialStep } from './step-control.ts';
import type { NormalizedOptions } from './validate.ts';
import type { RhsFn, SolveFailure } from './types.ts';

const EPS = 2.220446049250313e-16;
/** Re-form and factor the Newton matrix when c = h/((1 − κ)γ_k) has moved by more than this fraction (CVODE: 0.3). */
const C_CHANGE = 0.3;
/** Refresh the Jacobian after this many accepted steps even while Newton converges (CVODE: 51). */
const JAC_MAX_AGE = 50;
/** Change h only for a gain of at least this factor (or when a rejection forces it). */
/**
 * Error estimates are multiplied by this before the test ≤ 1 (the steps aim at a third of the tolerance). With
 * the plain estimate the end errors on the test set at rtol 1e-6 were 2–4× CVODE's (BDF, same rtol and atol):
 * BRUSS-50/100/200 8.4, 6.1, 6.1 against 2.3, 2.3, 3.5, HIRES 16 against 6.6; with 3 every stiff problem of
 * the set but HIRES (8.6 against 6.6) ends below CVODE's error (BRUSS 1.4–1.5), for ~18 % more steps.
 */
const ERR_SCALE = 3;
const STEP_UP = 1.2;

/**
 * BDF integrator in the backward-difference form of Shampine & Reichelt (bdf-coefficients.ts), by default with
 * the NDF variant of ode15s, orders 1–5. Quasi-constant step size: h and the order change only when the
 * estimates promise a gain of STEP_UP, and not before k + 2 steps at the current h and k (Shampine &
 * Reichelt's rule), so the Newton matrix I/c − J is re-factored rarely: only when c has moved by C_CHANGE,
 * after a failed Newton iteration, or with a new Jacobian. The Jacobian is evaluated at an accepted state and
 * kept across steps; it is refreshed when Newton fails with a Jacobian from an earlier state, and after
 * JAC_MAX_AGE steps. Error per step: (κγ_k + 1/(k + 1))·‖d‖ in the solver's RMS norm (atol_i + rtol·|y_i|),
 * accepted at ≤ 1; estimates at k ± 1 from the neighbouring differences choose the order.
 *
 * Failure contract as rodas5's: NaN/Inf in f at a Newton iterate, or a non-finite Jacobian, rejects the step
 * with h/4 (a bad Jacobian is never kept: the previous one stays); a status names the kind, component, t and
 * h only when h reaches rounding level; a throwing rhs ends the run with kind 'other' at the current t and h.
 */
export class Bdf {
  readonly n: number;
  t = 0;
  h = 0;
  failure: SolveFailure | null = null;
  /** Accepted steps (for 'auto' bookkeeping). */
  steps = 0;
  readonly y: Float64Array;

  private readonly rhs: RhsFn;
  private readonly opt: NormalizedOptions;
  private readonly cnt: Counters;
  private readonly rec: Recorder;
  private readonly wk: BdfWork;
  private readonly lin: BdfLinear;
  private readonly coef: OrderCoefficients;

  /** @param kappa κ_k per order: NDF_KAPPA (default) or zeros for the plain BDFs. */
  constructor(rhs: RhsFn, n: number, options: NormalizedOptions, counters: Counters, recorder: Recorder, kappa: readonly number[] = NDF_KAPPA) {
    this.rhs = rhs;
    this.n = n;
    this.opt = options;
    this.cnt = counters;
    this.rec = recorder;
    this.wk = new BdfWork(n, GAMMA, options.atol, options.rtol);
    this.lin = new BdfLinear(n, options.band, options.sparse);
    this.coef = orderCoefficients(kappa);
    this.y = this.wk.y;
  }

  /** Integrate from (t0, y0) to tEnd (output to the recorder); @param h0 signed first step, or 0 to choose one. */
  run(t0: number, y0: Float64Array, tEnd: number, h0: number): RunEnd {
    this.failure = null;
    return guardedRun(this, t0, h0, () => this.integrate(t0, y0, tEnd, h0));
  }

  private fail(kind: SolveFailure['kind'], t: number, h: number, cause: string): RunEnd {
    return failAt(this, kind, t, h, cause);
  }

  private integrate(t0: number, y0: Float64Array, tEnd: number, h0: number): RunEnd {
    const n = this.n;
    const { rtol, atol, maxSteps, maxStep } = this.opt;
    const { rhs, cnt, rec, wk, lin, opt } = this;
    const { y, yNew, d, D, f0, fs, ys, tmp, weight, ru, rtmp } = wk;
    const { invGa, errConst } = this.coef;
    const dir = tEnd > t0 ? 1 : -1;
    for (let i = 0; i < n; i++) y[i] = y0[i];
    let t = t0;
    rhs(t, y, f0);
    cnt.nfev++;
    const bad0 = firstNonFinite(f0, n);
    if (bad0 >= 0) return this.fail('non-finite-rhs', t, 0, `the right-hand side returned ${f0[bad0]} in component ${bad0} at the start state`);
    errorWeights(weight, y, atol, rtol, n);
    let h = h0;
    if (h === 0) {
      h = initialStep(rhs, t, y, f0, dir, 1, atol, rtol, maxStep, Math.abs(tEnd - t0), ys, fs, n);
      cnt.nfev++;
    }
    this.h = h;
    if (!lin.evaluate(rhs, opt, cnt, t, y, f0, ys, fs, tmp)) {
      return this.fail('non-finite-jacobian', t, h, `${lin.entryName(lin.bad)} is not finite at the start state`);
    }
    D.fill(0);
    for (let i = 0; i < n; i++) D[i * STRIDE] = h * f0[i];
    let hD = h; // the step size the differences are scaled to
    let k = 1;
    let nconhk = 0; // accepted steps at the current h and k
    let haveM = false;
    let cM = 0;
    let jacCurrent = true; // J was evaluated at the current y
    let jacAge = 0;
    let nfails = 0;
    let why = Reject.None;
    let newtonFail = false;
    let badComp = -1;
    let singularRun = 0;
    for (;;) {
      if (cnt.nAccepted + cnt.nRejected >= maxSteps) {
        return this.fail('max-steps', t, h, `reached maxSteps = ${maxSteps} before t1; raise maxSteps or loosen rtol`);
      }
      if (Math.abs(h) > maxStep) h = dir * maxStep;
      let last = false;
      const rest = tEnd - t;
      // Take the end within 10 % of a step, so no sliver of a step is left.
      if ((h * 1.1 - rest) * dir >= 0 || Math.abs(rest - h) <= 1e-12 * Math.abs(tEnd)) {
        h = rest;
        last = true;
      }
      this.t = t;
      this.h = h;
      if (Math.abs(h) <= 10 * EPS * Math.max(Math.abs(t), Math.abs(rest) * 1e-8, 1e-300)) return this.underflow(t, h, why, newtonFail, badComp);
      if (h !== hD) {
        rescaleDifferences(D, n, k, h / hD, ru, rtmp);
        hD = h;
        nconhk = 0;
      }
      const c = h * invGa[k - 1];
      if (!haveM || Math.abs(c / cM - 1) > C_CHANGE) {
        const bad = lin.factor(c, weight);
        cnt.nlu++;
        if (bad >= 0) {
          haveM = false;
          cnt.nRejected++;
          why = Reject.Singular;
          badComp = bad;
          // An iteration matrix that stays singular as h shrinks by 4^8 will not recover.
          if (++singularRun > 8) return this.underflow(t, h, why, false, badComp);
          h *= 0.25;
          continue;
        }
        singularRun = 0;
        haveM = true;
        cM = c;
        wk.rate = 1;
      }
      const ypNorm = predict(wk, k, invGa[k - 1]);
      const tNew = last ? tEnd : t + h;
      const res = correct(rhs, cnt, wk, lin, tNew, c, cM, ypNorm);
      if (res !== CONVERGED) {
        cnt.nRejected++;
        if (res >= 0) {
          why = Reject.NonFiniteStage;
          newtonFail = false;
          badComp = res;
          h *= 0.25;
          continue;
        }
        if (!jacCurrent) {
          // Newton failed with a Jacobian from an earlier state: refresh it and retry the same h.
          if (!opt.jacobian) {
            rhs(t, y, f0);
            cnt.nfev++;
          }
          if (lin.evaluate(rhs, opt, cnt, t, y, f0, ys, fs, tmp)) {
            jacCurrent = true;
            jacAge = 0;
            haveM = false;
            continue;
          }
          why = Reject.NonFiniteJacobian;
        } else why = Reject.Error;
        newtonFail = true;
        badComp = -1;
        h *= 0.25;
        continue;
      }
      const err = ERR_SCALE * errConst[k - 1] * wk.dNorm;
      if (err <= 1 && last) {
        // The end state is returned as it is: its f must be finite too.
        rhs(tNew, yNew, fs);
        cnt.nfev++;
        const b = firstNonFinite(fs, n);
        if (b >= 0) {
          cnt.nRejected++;
          why = Reject.NonFiniteState;
          newtonFail = false;
          badComp = b;
          h *= 0.25;
          continue;
        }
      }
      if (!(err <= 1)) {
        cnt.nRejected++;
        why = Reject.Error;
        newtonFail = false;
        badComp = -1;
        nfails++;
        if (nfails === 1) {
          let fac = Math.max(0.1, 0.833 * Math.pow(err, -1 / (k + 1)));
          if (k > 1) {
            const fk1 = Math.max(0.1, 0.769 * Math.pow(this.lowerOrderError(k), -1 / k));
            if (fk1 > fac) {
              fac = Math.min(1, fk1);
              k--;
            }
          }
          h *= fac;
        } else if (nfails === 2) h *= Math.max(0.1, Math.min(0.5, 0.833 * Math.pow(err, -1 / (k + 1))));
        else {
          k = 1;
          h *= 0.25;
        }
        continue;
      }
      // Accepted. Order and step size for the next step, from the estimates at k − 1, k, k + 1 (before D moves on).
      cnt.nAccepted++;
      this.steps++;
      why = Reject.None;
      newtonFail = false;
      nfails = 0;
      let kNew = k;
      let hNew = h;
      // Step-size factors 1.2, 1.3, 1.4 for the orders k, k − 1, k + 1 as in ode15s (a bias towards keeping k).
      if (nconhk >= k + 1) {
        let best = 1 / Math.max(1.2 * Math.pow(err, 1 / (k + 1)), 0.1);
        let kb = k;
        if (k > 1) {
          const fm = 1 / Math.max(1.3 * Math.pow(this.lowerOrderError(k), 1 / k), 0.1);
          if (fm > best) {
            best = fm;
            kb = k - 1;
          }
        }
        if (k < MAX_ORDER) {
          const fp = 1 / Math.max(1.4 * Math.pow(ERR_SCALE * errConst[k] * differenceNorm(wk, k, -1), 1 / (k + 2)), 0.1);
          if (fp > best) {
            best = fp;
            kb = k + 1;
          }
        }
        if (best >= STEP_UP) {
          hNew = h * best;
          kNew = kb;
        }
      }
      // Differences of the new point: ∇^{k+2} = d − ∇^{k+1}_old, ∇^{k+1} = d, then ∇^j += ∇^{j+1} downwards.
      // One pass: the differences, y and the weights of the new point.
      for (let i = 0; i < n; i++) {
        const b = i * STRIDE;
        const di = d[i];
        D[b + k + 1] = di - D[b + k];
        D[b + k] = di;
        // ∇^j += ∇^{j+1} for j = k − 1 … 0, written out.
        if (k > 4) D[b + 4] += D[b + 5];
        if (k > 3) D[b + 3] += D[b + 4];
        if (k > 2) D[b + 2] += D[b + 3];
        if (k > 1) D[b + 1] += D[b + 2];
        D[b] += D[b + 1];
        const yi = yNew[i];
        y[i] = yi;
        const sc = atol[i] + rtol * (yi < 0 ? -yi : yi);
        weight[i] = sc > 0 ? 1 / sc : 1;
      }
      t = tNew;
      nconhk++;
      this.output(t, h, k, last, dir);
      if (last) {
        this.t = t;
        this.h = h;
        return 'done';
      }
      jacCurrent = false;
      if (++jacAge >= JAC_MAX_AGE) {
        if (!opt.jacobian) {
          rhs(t, y, f0);
          cnt.nfev++;
        }
        // A non-finite Jacobian here is not kept (evaluate() leaves the last good one); the next refresh retries.
        if (lin.evaluate(rhs, opt, cnt, t, y, f0, ys, fs, tmp)) {
          jacCurrent = true;
          haveM = false;
        }
        jacAge = 0;
      }
      if (kNew !== k || hNew !== h) {
        k = kNew;
        h = hNew;
        nconhk = 0;
      }
    }
  }

  /** Error estimate at order k − 1 for the current trial: errConst_{k−1}·‖∇^k y_n + d‖ (∇^k of the new point). */
  private lowerOrderError(k: number): number {
    return ERR_SCALE * this.coef.errConst[k - 2] * differenceNorm(this.wk, k - 1, 1);
  }

  /** Record the accepted point, or the tEval points in (t − h, t] from the interpolating polynomial of order k. */
  private output(t: number, h: number, k: number, last: boolean, dir: number): void {
    const rec = this.rec;
    const { n, y, D, tmp, rtmp } = this.wk;
    if (!rec.tEval) {
      rec.push(t, y);
      return;
    }
    const tEval = rec.tEval;
    while (rec.next < tEval.length) {
      const te = tEval[rec.next];
      const past = (te - t) * dir;
      if (past > 0 && !last) break;
      if (past >= 0) rec.pushEval(y);
      else {
        interpolate(D, y, n, k, (te - t) / h, tmp, rtmp);
        rec.pushEval(tmp);
      }
    }
  }

  /** The failure when h has fallen to rounding level at t, naming what the last rejection saw. */
  private underflow(t: number, h: number, why: Reject, newton: boolean, comp: number): RunEnd {
    const at = `at t = ${t} (h = ${h})`;
    if (why === Reject.Singular) {
      return this.fail('singular-matrix', t, h, `the BDF iteration matrix I − cJ is singular to working precision (pivot ${comp}) for every h tried ${at}; check the Jacobian for an algebraic (non-ODE) component`);
    }
    if (newton && why === Reject.Error) {
      return this.fail('step-size-underflow', t, h, `the BDF corrector's Newton iteration did not converge, even with a Jacobian at the current state, down to h = ${h} ${at}; check the Jacobian, or f for a discontinuity near t`);
    }
    const { atol, rtol } = this.opt;
    const wk = this.wk;
    if (why === Reject.NonFiniteStage) {
      // Every trial failed on NaN/Infinity down to rounding level: is it the accepted state itself? The corrector
      // never evaluates f at the states it accepts, so one within the tolerance but outside f's domain is only seen now.
      this.rhs(t, wk.y, wk.fs);
      this.cnt.nfev++;
      const b = firstNonFinite(wk.fs, this.n);
      if (b >= 0) {
        return this.fail('non-finite-rhs', t, h, `the right-hand side is ${wk.fs[b]} in component ${b} at the state bdf accepted ${at} (y[${b}] = ${wk.y[b]}, within the tolerance of the step that reached it): bdf's corrector does not evaluate f at the states it accepts, so it cannot step back from there; use method 'auto' or 'rodas5' (they check f at every new state), or keep f finite just outside its domain (for example for slightly negative values)`);
      }
    }
    this.failure = underflowFailure(t, h, {
      why, comp, jacobianEntry: () => this.lin.entryName(this.lin.bad), e: wk.d, eOff: 0, y: wk.y, yNew: wk.yNew, atol, rtol, n: this.n,
    });
    this.t = t;
    this.h = h;
    return 'failed';
  }
}
