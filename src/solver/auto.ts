// Method 'auto': LSODA-style switching between DOP853 (non-stiff) and rodas5 (stiff) by stiffness estimates; BDF for larger stiff problems.
import { Bdf } from './bdf.ts';
import { Dop853 } from './dop853.ts';
import type { Counters, Recorder } from './recorder.ts';
import { Rodas5, type RunEnd } from './rodas5.ts';
import { Seulex } from './seulex.ts';
import { bandSpectralRadius, spectralRadius } from './stiffness.ts';
import { sparseSpectralRadius } from './sparse-jacobian.ts';
import type { NormalizedOptions } from './validate.ts';
import type { RhsFn, SolveFailure } from './types.ts';

/**
 * Stiffness test at the start: the problem counts as stiff when its fastest mode decays much faster than
 * the span, ρ(J(t0, y0)) · |t1 − t0| > START_STIFF.
 * While rodas5 runs: after NON_STIFF_STEPS consecutive steps with h·ρ(J) < NON_STIFF_HRHO it hands over
 * to DOP853. The bound is far inside DOP853's stability interval (h·ρ ≈ 6): a DOP853 step costs 12
 * evaluations against rodas5's 9 + Jacobian + LU, so the explicit method pays when its step can be several
 * times rodas5's; with a bound of 0.05 (tuned for odex earlier) HC-4 stays in rodas5 throughout.
 * While DOP853 runs: its own stiffness test (Hairer–Wanner, h·ρ from two stages at c = 1, 15 times above
 * 6.1, dop853.ts) hands over to rodas5. If ρ(J) at that point cannot explain a stability-bounded step
 * (h·ρ(J) < PIN_HRHO), what the test saw is a switch or kink in f, not a stiff mode: rodas5 (whose defect
 * control handles switches inside a step) then keeps the problem for good.
 * Each switch back to DOP853 doubles NON_STIFF_STEPS to prevent ping-pong; after MAX_SWITCHES it stays in rodas5.
 *
 * The stiff method is SEULEX instead of rodas5 when rtol ≤ SEULEX_RTOL, the Jacobian is dense (no
 * jacobianBand) and n ≤ SEULEX_MAX_N: there its order (6–9 on HC-4 at rtol 1e-9 … 1e-10) beats rodas5's 5.
 * Measured with benchmarks/seulex-crossover.ts (2026-12-02, load 3.5–4): on HC-4 SEULEX's evaluation floor
 * is 1.10× rodas5's at rtol 1e-6, 0.94× at 1e-7, 0.77× at 1e-8, 0.61× at 1e-9, 0.57× at 1e-10; in CPU time on
 * ROBER, HIRES, VDPOL (μ = 1e3, 1e6) and OREGO it is 0.31–0.96× rodas5's at rtol 1e-8 … 1e-10 and 1.06–1.47× at
 * 1e-6; POLLU (n = 20) 1.03× at 1e-8, 0.71–0.86× below. A problem where extrapolation stops paying (the
 * order stays ≤ 3 for SEULEX_LOW_STEPS accepted steps, Seulex.lowOrderLimit) goes to rodas5 for good, and so
 * does a pinned problem (a switch or kink in f, above: rodas5's midpoint defect control is the better guard).
 */
const SEULEX_RTOL = 1e-8;
const SEULEX_MAX_N = 20;
const SEULEX_LOW_STEPS = 40;
const START_STIFF = 500;
const NON_STIFF_STEPS = 20;
const NON_STIFF_HRHO = 0.05;
const PIN_HRHO = 0.5;
const MAX_SWITCHES = 16;
/**
 * BDF rule: a problem found stiff at the start with n ≥ BDF_MIN_N states goes to the BDF method (bdf.ts) for
 * the whole span, with no switching. Measured on the test set at rtol 1e-6 (`npm run bench -- --only=set`,
 * interleaved, CPU time; README, Solvers): BDF is ahead of rodas5 on POLLU (n = 20), HEAT (50–400) and BRUSS
 * (100–400 states), where its ~1.2 evaluations and solves per step with a Jacobian and LU kept over tens of
 * steps beat rodas5's 9 evaluations, 10 solves, Jacobian and LU per step; rodas5 stays ahead on the small
 * stiff problems (ROBER, HIRES, VDPOL, OREGO, HC-4: n ≤ 8), where BDF needs 2.6–4× more steps and the per-step
 * linear algebra is cheap anyway. Problems that start non-stiff keep the DOP853/rodas5 switching.
 */
const BDF_MIN_N = 20;

export interface AutoOutcome {
  failure: SolveFailure | null;
  methodsUsed: { odexSteps: number; rodasSteps: number; switches: number; dop853Steps: number; seulexSteps?: number; bdfSteps?: number };
}

/** Whether 'auto' uses SEULEX as its stiff method for these options (see the rule above). */
export function autoPrefersSeulex(opt: NormalizedOptions, n: number): boolean {
  return opt.rtol <= SEULEX_RTOL && !opt.band && !opt.sparse && n <= SEULEX_MAX_N;
}

export function runAuto(
  rhs: RhsFn, n: number, opt: NormalizedOptions, cnt: Counters, rec: Recorder, t0: number, y0: Float64Array, t1: number,
): AutoOutcome {
  if (n < BDF_MIN_N) {
    // Small problems always run rodas5 (or SEULEX) and DOP853: the start test writes into rodas5's pooled Jacobian.
    const rodas = new Rodas5(rhs, n, opt, cnt, rec);
    try {
      return switching(rodas, rhs, n, opt, cnt, rec, t0, y0, t1, rodas.jacobianScratch, null);
    } finally {
      rodas.release();
    }
  }
  // n ≥ BDF_MIN_N: a problem stiff at the start goes to BDF, so rodas5's work space (not pooled when banded or
  // sparse, and with a sparse LU's set-up inside) is built only when the start test finds the problem non-stiff.
  const jac = new Float64Array(opt.sparse ? opt.sparse.nnz : opt.band ? n * (opt.band.lower + opt.band.upper + 1) : n * n);
  const probe = new StiffnessProbe(rhs, n, opt, cnt, jac);
  let stiff: boolean;
  try {
    stiff = probe.radius(t0, y0, 12) * Math.abs(t1 - t0) > START_STIFF;
  } catch (e) {
    return { failure: thrown(e, t0, 0), methodsUsed: { odexSteps: 0, rodasSteps: 0, switches: 0, dop853Steps: 0 } };
  }
  if (stiff) {
    const bdf = new Bdf(rhs, n, opt, cnt, rec);
    const end = bdf.run(t0, y0, t1, opt.firstStep > 0 ? opt.firstStep * Math.sign(t1 - t0) : 0);
    return { failure: end === 'failed' ? bdf.failure : null, methodsUsed: { odexSteps: 0, rodasSteps: 0, switches: 0, dop853Steps: 0, bdfSteps: bdf.steps } };
  }
  const rodas = new Rodas5(rhs, n, opt, cnt, rec);
  try {
    return switching(rodas, rhs, n, opt, cnt, rec, t0, y0, t1, jac, probe);
  } finally {
    rodas.release();
  }
}

function thrown(e: unknown, t: number, h: number): SolveFailure {
  const msg = e instanceof Error ? e.message : String(e);
  return { kind: 'other', t, h, cause: `the right-hand side or Jacobian threw: ${msg}` };
}

/**
 * ρ(J) at (t, y): the analytic Jacobian (written into `jac`) and a power iteration, or without one rhs difference
 * quotients (1 + iters evaluations). The iterate is kept between calls (warm start). A class rather than a closure:
 * a solve builds one, and a closure per solve costs an allocation (and, under tsx's keep-names transform, a
 * property definition) that a 16-step HC-4 solve notices.
 */
class StiffnessProbe {
  private readonly v: Float64Array;
  private readonly w: Float64Array;
  private readonly f0: Float64Array;
  private readonly fp: Float64Array;
  private readonly yp: Float64Array;

  constructor(
    private readonly rhs: RhsFn, private readonly n: number, private readonly opt: NormalizedOptions,
    private readonly cnt: Counters, private readonly jac: Float64Array,
  ) {
    this.v = new Float64Array(n);
    this.w = new Float64Array(n);
    // The difference-quotient vectors are needed without a Jacobian only.
    const dq = !opt.jacobian;
    this.f0 = dq ? new Float64Array(n) : this.v;
    this.fp = dq ? new Float64Array(n) : this.v;
    this.yp = dq ? new Float64Array(n) : this.v;
  }

  radius(t: number, y: Float64Array, iters: number): number {
    const { n, opt, cnt, v, w, jac } = this;
    if (opt.jacobian) {
      opt.jacobian(t, y, jac);
      cnt.njev++;
      if (opt.sparse) return sparseSpectralRadius(jac, opt.sparse, v, w, iters);
      const band = opt.band;
      return band ? bandSpectralRadius(jac, n, band.lower, band.upper, v, w, iters) : spectralRadius(jac, n, v, w, iters);
    }
    const { f0, fp, yp } = this;
    this.rhs(t, y, f0);
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
      this.rhs(t, yp, fp);
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
  }
}

/**
 * DOP853 ⇄ rodas5/SEULEX switching from (t0, y0). `probe` is the start test's when it already ran (then the
 * problem was found non-stiff), else null and the test runs here with rodas5's Jacobian as its scratch
 * (an n × n array of more than 64 bytes lives outside V8's heap and costs more to allocate than the test).
 */
function switching(
  rodas: Rodas5, rhs: RhsFn, n: number, opt: NormalizedOptions, cnt: Counters, rec: Recorder, t0: number, y0: Float64Array, t1: number,
  jac: Float64Array, probe: StiffnessProbe | null,
): AutoOutcome {
  // DOP853 is built on first use: a problem found stiff at the start may never need it. No closures here (see
  // StiffnessProbe): the lazily built DOP853 is a local, the step counts come from methodsUsed().
  let dop: Dop853 | null = null;
  const stiffness = probe ?? new StiffnessProbe(rhs, n, opt, cnt, jac);

  let seulex: Seulex | null = autoPrefersSeulex(opt, n) ? new Seulex(rhs, n, opt, cnt, rec) : null;
  const seulexUsed = seulex;
  let stiff = false;
  if (!probe) {
    try {
      stiff = stiffness.radius(t0, y0, 12) * Math.abs(t1 - t0) > START_STIFF;
    } catch (e) {
      return { failure: thrown(e, t0, 0), methodsUsed: methodsUsed(rodas, dop, seulexUsed, 0) };
    }
  }
  let switches = 0;
  let pinned = false;
  let t = t0;
  let h = opt.firstStep > 0 ? opt.firstStep * Math.sign(t1 - t0) : 0;
  // The state handed from one method to the next; the first run starts from y0 (each method copies its start).
  let y: Float64Array = y0;
  rodas.nonStiffLimit = NON_STIFF_STEPS;
  rodas.nonStiffBound = NON_STIFF_HRHO;
  if (seulex) {
    seulex.nonStiffLimit = NON_STIFF_STEPS;
    seulex.nonStiffBound = NON_STIFF_HRHO;
    seulex.lowOrderLimit = SEULEX_LOW_STEPS;
  }
  for (;;) {
    if (pinned) seulex = null;
    const stiffMethod = seulex ?? rodas;
    stiffMethod.monitorStiffness = switches < MAX_SWITCHES && !pinned;
    let method: Rodas5 | Seulex | Dop853 = stiffMethod;
    if (!stiff) {
      dop ??= new Dop853(rhs, n, opt, cnt, rec);
      dop.detectStiffness = switches < MAX_SWITCHES;
      method = dop;
    }
    // All three methods catch a throwing rhs themselves and report it at their last t and h.
    const end: RunEnd = method.run(t, y, t1, h);
    if (end === 'failed') return { failure: method.failure, methodsUsed: methodsUsed(rodas, dop, seulexUsed, switches) };
    if (end === 'done') return { failure: null, methodsUsed: methodsUsed(rodas, dop, seulexUsed, switches) };
    t = method.t;
    h = method.h;
    if (y === y0) y = new Float64Array(n);
    y.set(method.y);
    if (stiff && seulex?.lowOrder) {
      // Extrapolation stopped paying: rodas5 takes the stiff stretches from here on (not a stiffness switch).
      rodas.nonStiffLimit = seulex.nonStiffLimit;
      seulex = null;
      continue;
    }
    if (stiff) stiffMethod.nonStiffLimit *= 2;
    else {
      // DOP853 found its step bounded by stability: is there a fast mode in J to explain it?
      let hRho: number;
      try {
        hRho = Math.abs(h) * stiffness.radius(t, y, 6);
      } catch (e) {
        return { failure: thrown(e, t, h), methodsUsed: methodsUsed(rodas, dop, seulexUsed, switches) };
      }
      if (!(hRho >= PIN_HRHO)) pinned = true;
    }
    stiff = !stiff;
    switches++;
  }
}

/** The step counts of the methods a switching run used. */
function methodsUsed(rodas: Rodas5, dop: Dop853 | null, seulex: Seulex | null, switches: number): AutoOutcome['methodsUsed'] {
  const m: AutoOutcome['methodsUsed'] = { odexSteps: 0, rodasSteps: rodas.steps, switches, dop853Steps: dop?.steps ?? 0 };
  if (seulex && seulex.steps > 0) m.seulexSteps = seulex.steps; // not a spread: that costs more than the rest
  return m;
}
