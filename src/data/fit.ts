// Fit a few model parameters to measured carrier temperatures: bounded Nelder–Mead on χ² (or the sum of squared
// residuals), then 1σ uncertainties from a finite-difference Hessian. Pure engine code: no node APIs.

import { build } from '../model/derive.ts';
import { PARAMS, formatLimit, type NumericParamKey } from '../model/params.ts';
import { simulate } from '../model/simulate.ts';
import type { SimulationInput, SimulationResult } from '../model/types.ts';
import { InputError, normalizeInput, type InputIssue } from '../model/validate.ts';
import { resolveFree, type FreeParameter, type FreeRange, type Resolved } from './fit-params.ts';
import { modelTcAt, type MeasuredSeries } from './measured.ts';
import { hessian, inverseSpd, nelderMeadBox } from './optimize.ts';

export { fittableInputKeys, MAX_FREE_PARAMETERS, type FreeParameter } from './fit-params.ts';

export interface FitOptions {
  /** Cap on simulations spent by the optimiser (the Hessian's are extra, at most 2·(2k + 2k(k−1))). Default 400. */
  maxSimulations?: number;
  /** Output points of each trial simulation (log-spaced over the data window). Default 100. */
  nPoints?: number;
  /**
   * Optimiser runs (1–20): the first from the given start, the others from a Halton sequence over the search box.
   * `maxSimulations` applies to each run. Default 1.
   */
  starts?: number;
}

/** Where one optimiser run began and ended. */
export interface FitStart {
  start: number[];
  end: number[];
  objective: number;
  converged: boolean;
  simulations: number;
}

export interface FittedParameter extends FreeRange {
  /** As given: "nPerNc", "materialOverrides.loLifetimePs". */
  key: string;
  value: number;
  /** Approximate 1σ uncertainty (same unit); null when the Hessian gave none (see `FitResult.uncertainty.reason`). */
  sigma: number | null;
  /** The best value lies at (within 0.1 % of the range of) a bound. */
  atBound: boolean;
}

export type FitStatus = 'converged' | 'max-simulations' | 'failed';

export interface FitResult {
  parameters: FittedParameter[];
  /** The base input with the fitted values (trial window and nPoints). */
  input: SimulationInput;
  /** The best-fit simulation (its Tc curve); null when no trial succeeded. */
  best: SimulationResult | null;
  /** χ² when the data give σ, else Σ (model − measured)² in K². */
  objective: number;
  objectiveKind: 'chi2' | 'sum-squares-K2';
  startObjective: number;
  /** Measured points compared (inside the model window), degrees of freedom n − k, points not compared. */
  n: number;
  dof: number;
  outsideWindow: number;
  windowPs: [number, number];
  rmsK: number | null;
  /** χ²/(n − k) when the data give σ, else null. */
  chi2PerDof: number | null;
  /** Simulations run in all (optimiser, Hessian and the start), and the optimiser's cap. */
  nSimulations: number;
  maxSimulations: number;
  status: FitStatus;
  message: string;
  /** Every optimiser run, in order (one unless `starts` > 1). */
  starts: FitStart[];
  /**
   * Set when another run ended elsewhere (more than 5 % of a search range away) with an objective within
   * max(1, 1 % of the best) of it: the data do not single out one optimum. Null otherwise.
   */
  ambiguity: string | null;
  /** Runs that ended at the best optimum (within 5 % of each search range and max(1, 1 %) in the objective), itself included. */
  agreeingRuns: number;
  uncertainty: {
    /** Why there are no uncertainties, or null when there are. */
    reason: string | null;
    /** True when σ was absent: the covariance is scaled by the residual variance Σr²/(n − k). */
    scaledByResidual: boolean;
    /** Correlation matrix of the fitted parameters (in the optimiser's coordinates), null without uncertainties. */
    correlation: number[][] | null;
  };
}

/** Most optimiser runs one fit may make (`FitOptions.starts`). */
export const MAX_STARTS = 20;
const TRIAL_RTOL = 1e-8;
const issue = (param: string, value: unknown, message: string): InputIssue => ({ param, value, message });

/** The delay window the trials cover: the base's tStartPs/tEndPs when given, else the data's positive delays. */
function dataWindow(base: SimulationInput, data: MeasuredSeries): [number, number] {
  const positive = Array.from(data.tPs).filter((t) => t > 0);
  const clamp = (v: number, k: NumericParamKey) => Math.min(PARAMS[k].max, Math.max(PARAMS[k].min, v));
  const start = base.tStartPs ?? clamp(positive.length > 0 ? positive[0] : PARAMS.tStartPs.default, 'tStartPs');
  let end = base.tEndPs ?? clamp(positive.length > 0 ? positive[positive.length - 1] : PARAMS.tEndPs.default, 'tEndPs');
  if (end <= start && base.tEndPs === undefined) end = Math.min(PARAMS.tEndPs.max, start * 10);
  return [start, end];
}

function checkOptions(options: FitOptions): { maxSimulations: number; nPoints: number; starts: number } {
  const maxSimulations = options.maxSimulations ?? 400;
  const nPoints = options.nPoints ?? 100;
  const starts = options.starts ?? 1;
  const issues: InputIssue[] = [];
  if (!Number.isInteger(starts) || starts < 1 || starts > MAX_STARTS) {
    issues.push(issue('starts', starts, `starts = ${starts} is not allowed; allowed: a whole number from 1 to ${MAX_STARTS}`));
  }
  if (!Number.isInteger(maxSimulations) || maxSimulations < 10 || maxSimulations > 100000) {
    issues.push(issue('maxSimulations', maxSimulations, `maxSimulations = ${maxSimulations} is not allowed; allowed: a whole number from 10 to 100000`));
  }
  if (!Number.isInteger(nPoints) || nPoints < PARAMS.nPoints.min || nPoints > PARAMS.nPoints.max) {
    issues.push(issue('nPoints', nPoints, `nPoints = ${nPoints} is not allowed; allowed: a whole number from ${PARAMS.nPoints.min} to ${PARAMS.nPoints.max}`));
  }
  if (issues.length > 0) throw new InputError(issues);
  return { maxSimulations, nPoints, starts };
}

/** Point `index` (≥ 1) of the Halton sequence in `k` dimensions (bases 2, 3, 5, 7), squeezed into [0.05, 0.95]. */
export function haltonPoint(index: number, k: number): number[] {
  const bases = [2, 3, 5, 7];
  return Array.from({ length: k }, (_, d) => {
    let f = 1;
    let r = 0;
    for (let i = index; i > 0; i = Math.floor(i / bases[d])) {
      f /= bases[d];
      r += f * (i % bases[d]);
    }
    return 0.05 + 0.9 * r;
  });
}

/**
 * Fit free parameters of the model to measured carrier temperatures.
 *
 * Objective: χ² = Σ((model − measured)/σ)² when the data give σ, else Σ(model − measured)² (K²), over the measured
 * points inside the model window (model interpolated in log t as in compareWithModel). Trials cover the data's
 * delays (the base's tStartPs/tEndPs when given), with `nPoints` output points and rtol 1e-8 unless the base sets
 * rtol; a trial that throws or fails counts as +∞. Optimiser: `nelderMeadBox` in coordinates scaled to [0, 1]
 * between the bounds (log for log-scale and material parameters), restarted once at its optimum; with `starts` > 1
 * it runs again from Halton points over the box, keeps the best, and reports other runs that end elsewhere about as well.
 * Uncertainties: covariance 2·H⁻¹ of the objective's Hessian (central differences, in the optimiser's
 * coordinates, step re-chosen at ≈ 1σ), times Σr²/(n − k) when σ is absent; null with a reason when the Hessian is
 * not positive definite or a parameter sits at a bound.
 *
 * @throws InputError for a bad base input, bad free-parameter specs, or fewer than k + 1 points in the window
 */
export function fitToMeasured(base: SimulationInput, data: MeasuredSeries, free: FreeParameter[], options: FitOptions = {}): FitResult {
  const { maxSimulations, nPoints, starts: nStarts } = checkOptions(options);
  const windowPs = dataWindow(base, data);
  const trialBase: SimulationInput = { ...base, tStartPs: windowPs[0], tEndPs: windowPs[1], nPoints, rtol: base.rtol ?? TRIAL_RTOL };
  // validated and derived once (a bad base case or an unknown composition throws here, naming its parameter)
  const params = resolveFree(trialBase, build(normalizeInput(trialBase)).derived, free);
  const k = params.length;

  const inside: number[] = [];
  for (let i = 0; i < data.tPs.length; i++) if (data.tPs[i] >= windowPs[0] && data.tPs[i] <= windowPs[1]) inside.push(i);
  const window = `${formatLimit(windowPs[0])}–${formatLimit(windowPs[1])} ps`;
  if (inside.length < k + 1) {
    throw new InputError([issue('data', data.name, `data ${data.name}: ${inside.length} of ${data.tPs.length} measured points lie inside the model window ${window}; allowed: at least ${k + 1} points (one more than the ${k} free parameter${k === 1 ? '' : 's'}) with delays inside ${window}`)]);
  }

  const sigma = data.sigmaK;
  const g = (p: Resolved, x: number) => (p.scale === 'log' ? Math.log(x) : x);
  const fromZ = (z: number[]) => params.map((p, i) => {
    const zi = Math.min(1, Math.max(0, z[i]));
    const u = g(p, p.min) + zi * (g(p, p.max) - g(p, p.min));
    return Math.min(p.max, Math.max(p.min, p.scale === 'log' ? Math.exp(u) : u));
  });
  const toZ = (x: number[]) => params.map((p, i) => (g(p, x[i]) - g(p, p.min)) / (g(p, p.max) - g(p, p.min)));
  const inputFor = (x: number[]): SimulationInput => {
    const input: SimulationInput = { ...trialBase, materialOverrides: { ...(trialBase.materialOverrides ?? {}) } };
    params.forEach((p, i) => p.apply(input, x[i]));
    return input;
  };

  let nSimulations = 0;
  let best: { f: number; x: number[]; result: SimulationResult } | null = null;
  const objectiveAt = (x: number[]): number => {
    nSimulations++;
    let result: SimulationResult;
    try {
      result = simulate(inputFor(x));
    } catch {
      return Infinity;
    }
    let sum = 0;
    for (const i of inside) {
      const model = modelTcAt(result, data.tPs[i]);
      if (model === null) return Infinity;
      const r = model - data.tcK[i];
      sum += sigma ? (r / sigma[i]) ** 2 : r * r;
    }
    if (!Number.isFinite(sum)) return Infinity;
    if (best === null || sum < best.f) best = { f: sum, x: [...x], result };
    return sum;
  };
  const fz = (z: number[]) => objectiveAt(fromZ(z));

  const z0 = toZ(params.map((p) => p.start));
  const startObjective = fz(z0);
  const runs: (FitStart & { zEnd: number[] })[] = [];
  for (let r = 0; r < nStarts; r++) {
    const zStart = r === 0 ? z0 : haltonPoint(r, k);
    const before = nSimulations;
    const budget = () => maxSimulations - (nSimulations - before);
    let run = nelderMeadBox(fz, zStart, 0.1, budget());
    if (run.converged && budget() > k + 2) run = nelderMeadBox(fz, run.z, 0.02, budget()); // restart: guards against a collapsed simplex
    runs.push({
      start: fromZ(zStart), end: fromZ(run.z), zEnd: run.z, objective: run.fz, converged: run.converged,
      simulations: nSimulations - before,
    });
  }
  const optimiserSimulations = nSimulations;
  const found = best as { f: number; x: number[]; result: SimulationResult } | null;
  const bestRun = runs.reduce((a, b) => (b.objective < a.objective ? b : a));
  const startsOut: FitStart[] = runs.map(({ zEnd: _z, ...rest }) => rest);
  const asGood = (r: (typeof runs)[number]) => Number.isFinite(r.objective) && r.objective - bestRun.objective <= Math.max(1, 0.01 * bestRun.objective);
  const sameplace = (r: (typeof runs)[number]) => r.zEnd.every((z, i) => Math.abs(z - bestRun.zEnd[i]) <= 0.05);
  const rivals = runs.filter((r) => asGood(r) && !sameplace(r));
  const agreeingRuns = runs.filter((r) => asGood(r) && sameplace(r)).length;
  const ambiguity = rivals.length === 0 ? null
    : `${rivals.length} other run${rivals.length > 1 ? 's' : ''} ended elsewhere with an objective within max(1, 1 %) of the best ` +
      `(e.g. ${params.map((p, i) => `${p.spec.key} ${formatLimit(rivals[0].end[i])}`).join(', ')}): the data do not single out one optimum`;

  const objectiveKind = sigma ? 'chi2' : 'sum-squares-K2';
  const n = inside.length;
  const dof = n - k;
  const outsideWindow = data.tPs.length - n;
  const base0 = { n, dof, outsideWindow, windowPs, objectiveKind, startObjective, maxSimulations } as const;
  if (found === null) {
    return {
      ...base0, parameters: params.map((p) => ({ key: p.spec.key, label: p.label, unit: p.unit, scale: p.scale, min: p.min, max: p.max, start: p.start, value: p.start, sigma: null, atBound: false })),
      input: inputFor(params.map((p) => p.start)), best: null, objective: Infinity, rmsK: null, chi2PerDof: null, nSimulations,
      status: 'failed', message: `no trial simulation succeeded in ${nSimulations} simulations (every one threw or failed)`,
      starts: startsOut, ambiguity: null, agreeingRuns: 0,
      uncertainty: { reason: 'no successful simulation', scaledByResidual: !sigma, correlation: null },
    };
  }
  let sumSq = 0;
  for (const i of inside) sumSq += ((modelTcAt(found.result, data.tPs[i]) as number) - data.tcK[i]) ** 2;
  const zBest = toZ(found.x);
  const atBound = zBest.map((z) => z < 1e-3 || z > 1 - 1e-3);

  // Uncertainties: Hessian in z, first with h = 0.01, then with h ≈ 1σ so the quadratic model is tested where it matters.
  let reason: string | null = null;
  let covZ: number[][] | null = null;
  const scale = sigma ? 2 : (2 * found.f) / dof;
  if (atBound.some(Boolean)) {
    reason = `${params.filter((_, i) => atBound[i]).map((p) => p.spec.key).join(', ')} at a bound of the search range: widen the bounds (or fix the parameter); no uncertainty is defined there`;
  } else {
    let h = zBest.map((z) => Math.min(0.01, z, 1 - z));
    for (let pass = 0; pass < 2 && reason === null; pass++) {
      const inv = inverseSpd(hessian(fz, zBest, found.f, h));
      if (inv === null) {
        reason = `the objective's Hessian at the optimum is not positive definite: the data do not constrain ${k === 1 ? 'this parameter (fix it, or add data it changes)' : 'these parameters separately (fix one, or add data)'}`;
        covZ = null;
      } else {
        covZ = inv.map((row) => row.map((v) => v * scale));
        h = zBest.map((z, i) => Math.min(0.01, Math.max(1e-4, Math.sqrt(covZ![i][i])), z, 1 - z));
      }
    }
  }
  const sigmaOf = (i: number): number | null => {
    if (covZ === null) return null;
    const p = params[i];
    const sU = Math.sqrt(covZ[i][i]) * (g(p, p.max) - g(p, p.min));
    return p.scale === 'log' ? found.x[i] * sU : sU;
  };
  const correlation = covZ === null ? null : covZ.map((row, i) => row.map((v, j) => v / Math.sqrt(covZ![i][i] * covZ![j][j])));
  const status: FitStatus = bestRun.converged ? 'converged' : 'max-simulations';
  const runsText = nStarts > 1 ? ` in ${nStarts} runs, the best kept` : '';
  const message = status === 'converged'
    ? `converged after ${optimiserSimulations} simulations${runsText} (simplex below 1e-4 of each search range)`
    : `stopped at the cap of ${maxSimulations} simulations${nStarts > 1 ? ' per run' : ''} before converging${runsText}; the values are the best found, not an optimum (raise the cap or narrow the bounds)`;
  return {
    ...base0,
    parameters: params.map((p, i) => ({
      key: p.spec.key, label: p.label, unit: p.unit, scale: p.scale, min: p.min, max: p.max, start: p.start,
      value: found.x[i], sigma: sigmaOf(i), atBound: atBound[i],
    })),
    input: inputFor(found.x),
    best: found.result,
    objective: found.f,
    rmsK: Math.sqrt(sumSq / n),
    chi2PerDof: sigma ? found.f / dof : null,
    nSimulations,
    status,
    message,
    starts: startsOut,
    ambiguity,
    agreeingRuns,
    uncertainty: { reason, scaledByResidual: !sigma, correlation },
  };
}
