// Method 'auto': LSODA-style switching between odex (non-stiff) and rodas5 (stiff) by a stiffness estimate.
import { OdexMethod } from './odex-method.ts';
import type { Counters, Recorder } from './recorder.ts';
import { Rodas5, type RunEnd } from './rodas5.ts';
import { bandSpectralRadius, spectralRadius } from './stiffness.ts';
import type { NormalizedOptions } from './validate.ts';
import type { RhsFn, SolveFailure } from './types.ts';

/**
 * Stiffness test at the start: the problem counts as stiff when its fastest mode decays much faster than
 * the span, ρ(J(t0, y0)) · |t1 − t0| > START_STIFF.
 * While rodas5 runs: after NON_STIFF_STEPS consecutive steps with h·ρ(J) < NON_STIFF_HRHO it hands over
 * to odex. The bound is far inside odex's stability interval: an odex step costs ~20–60 evaluations
 * against rodas5's 8 + Jacobian + LU, so odex only pays when its step can be many times rodas5's. Measured on
 * HC-4 (20 densities): with a bound of 0.25, 'auto' handed over at rtol ≤ 1e-8 for 5–60 odex steps that cost
 * 10–15 % more evaluations than staying in rodas5; at 0.05 it stays, and the stiff set is unchanged.
 * While odex runs: every CHECK_EVERY steps, h·ρ > ODEX_STIFF means odex's step is pinned by stability,
 * not accuracy (its extrapolation tableau's real stability bound is a few units of h·ρ), so rodas5 takes over.
 * Each switch back to odex doubles NON_STIFF_STEPS to prevent ping-pong; after MAX_SWITCHES it stays in rodas5.
 */
const START_STIFF = 500;
const NON_STIFF_STEPS = 20;
const NON_STIFF_HRHO = 0.05;
const ODEX_STIFF = 4;
const CHECK_EVERY = 5;
const MAX_SWITCHES = 16;

export interface AutoOutcome {
  failure: SolveFailure | null;
  methodsUsed: { odexSteps: number; rodasSteps: number; switches: number };
}

export function runAuto(
  rhs: RhsFn, n: number, opt: NormalizedOptions, cnt: Counters, rec: Recorder, t0: number, y0: Float64Array, t1: number,
): AutoOutcome {
  const rodas = new Rodas5(rhs, n, opt, cnt, rec);
  try {
    return switching(rodas, rhs, n, opt, cnt, rec, t0, y0, t1);
  } finally {
    rodas.release();
  }
}

function switching(
  rodas: Rodas5, rhs: RhsFn, n: number, opt: NormalizedOptions, cnt: Counters, rec: Recorder, t0: number, y0: Float64Array, t1: number,
): AutoOutcome {
  // odex is built on first use: a problem found stiff at the start may never need it.
  const lazy: { odex: OdexMethod | null } = { odex: null };
  const odexOf = (): OdexMethod => (lazy.odex ??= new OdexMethod(rhs, n, opt, cnt, rec));
  const band = opt.band;
  const jac = new Float64Array(band ? n * (band.lower + band.upper + 1) : n * n);
  const v = new Float64Array(n);
  const w = new Float64Array(n);
  const f0 = new Float64Array(n);
  const fp = new Float64Array(n);
  const yp = new Float64Array(n);

  /** ρ(J) at (t, y): analytic Jacobian + power iteration, or rhs difference quotients (1 + iters evaluations). */
  const radius = (t: number, y: Float64Array, iters: number): number => {
    if (opt.jacobian) {
      opt.jacobian(t, y, jac);
      cnt.njev++;
      return band ? bandSpectralRadius(jac, n, band.lower, band.upper, v, w, iters) : spectralRadius(jac, n, v, w, iters);
    }
    rhs(t, y, f0);
    cnt.nfev++;
    let yNorm = 0;
    for (let i = 0; i < n; i++) yNorm = Math.max(yNorm, Math.abs(y[i]) + opt.atol[i]);
    let rho = 0;
    let vn = 0;
    for (let i = 0; i < n; i++) vn += v[i] * v[i];
    if (!(vn > 0) || !Number.isFinite(vn)) for (let i = 0; i < n; i++) v[i] = 1 + i / n;
    for (let it = 0; it < iters; it++) {
      vn = 0;
      for (let i = 0; i < n; i++) vn += v[i] * v[i];
      vn = Math.sqrt(vn);
      const eps = 1.4901161193847656e-8 * Math.max(yNorm, 1e-8);
      for (let i = 0; i < n; i++) yp[i] = y[i] + (eps * v[i]) / vn;
      rhs(t, yp, fp);
      cnt.nfev++;
      let s = 0;
      for (let i = 0; i < n; i++) {
        const d = (fp[i] - f0[i]) / eps;
        v[i] = d;
        s += d * d;
      }
      rho = Math.sqrt(s);
      if (!(rho > 0) || !Number.isFinite(rho)) return 0;
    }
    return rho;
  };

  let odexSinceCheck = 0;
  const check = (t: number, y: Float64Array, h: number): boolean => {
    if (++odexSinceCheck < CHECK_EVERY) return false;
    odexSinceCheck = 0;
    return Math.abs(h) * radius(t, y, 4) > ODEX_STIFF;
  };

  let stiff: boolean;
  try {
    stiff = radius(t0, y0, 12) * Math.abs(t1 - t0) > START_STIFF;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const failure: SolveFailure = { kind: 'other', t: t0, h: 0, cause: `the right-hand side or Jacobian threw: ${msg}` };
    return { failure, methodsUsed: { odexSteps: 0, rodasSteps: 0, switches: 0 } };
  }
  let switches = 0;
  let pinned = false;
  let t = t0;
  let h = opt.firstStep > 0 ? opt.firstStep * Math.sign(t1 - t0) : 0;
  const y = Float64Array.from(y0);
  rodas.nonStiffLimit = NON_STIFF_STEPS;
  rodas.nonStiffBound = NON_STIFF_HRHO;
  for (;;) {
    const method = stiff ? rodas : odexOf();
    rodas.monitorStiffness = switches < MAX_SWITCHES && !pinned;
    // odex hands over (handOver = true) on a NaN/Infinity inside a step: rodas5 rejects such steps itself.
    // A throw inside the stiffness check escapes odex's run with odex's last accepted t and h.
    let end: RunEnd;
    try {
      end = stiff ? rodas.run(t, y, t1, h) : odexOf().run(t, y, t1, h, switches < MAX_SWITCHES ? check : null, true);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      const failure: SolveFailure = { kind: 'other', t: method.t, h: method.h, cause: `the right-hand side or Jacobian threw: ${msg}` };
      return { failure, methodsUsed: { odexSteps: lazy.odex?.steps ?? 0, rodasSteps: rodas.steps, switches } };
    }
    const methodsUsed = { odexSteps: lazy.odex?.steps ?? 0, rodasSteps: rodas.steps, switches };
    if (end === 'failed') return { failure: method.failure, methodsUsed };
    if (end === 'done') return { failure: null, methodsUsed };
    t = method.t;
    h = method.h;
    y.set(method.y);
    if (stiff) rodas.nonStiffLimit *= 2;
    // odex's steps contradicted f (a switch or pulse inside a step): rodas5's defect control handles that, stay there.
    if (!stiff && odexOf().grossError) pinned = true;
    stiff = !stiff;
    switches++;
    odexSinceCheck = 0;
  }
}
