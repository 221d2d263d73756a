// Global fit over several measured Tc(t) series (a fluence series): shared material parameters, each file with its
// own excitation, an optional time-zero offset and Gaussian instrument response applied to the model; the joint
// χ² minimised with the same bounded Nelder–Mead and Hessian uncertainties as the single-file fit.

import { build } from '../model/derive.ts';
import { formatLimit } from '../model/params.ts';
import { simulate } from '../model/simulate.ts';
import type { SimulationInput, SimulationResult } from '../model/types.ts';
import { InputError, normalizeInput } from '../model/validate.ts';
import { haltonPoint, MAX_STARTS } from './fit.ts';
import { resolveFree, type FreeParameter, type Resolved } from './fit-params.ts';
import { modelTcAt, type MeasuredSeries } from './measured.ts';
import { hessian, inverseSpd, nelderMeadBox } from './optimize.ts';

export const EXCITATION_KEYS = ['densityCm3', 'nPerNc', 'fluenceUJcm2'] as const;
export type Excitation = Partial<Record<(typeof EXCITATION_KEYS)[number], number>>;

export interface GlobalDataset {
  series: MeasuredSeries;
  excitation: Excitation;
}

/** Instrument parameters that may be freed beside the model's: time-zero offset (ps) and IRF FWHM (fs). */
export const INSTRUMENT_KEYS = { t0Ps: { label: 'time-zero offset', unit: 'ps', min: -2, max: 2, start: 0 }, irfFwhmFs: { label: 'instrument response FWHM', unit: 'fs', min: 10, max: 2000, start: 150 } } as const;
export type InstrumentKey = keyof typeof INSTRUMENT_KEYS;

export interface GlobalParameter {
  key: string;
  label: string;
  unit: string;
  value: number;
  sigma: number | null;
  min: number;
  max: number;
  start: number;
  atBound: boolean;
}

export interface GlobalFitResult {
  parameters: GlobalParameter[];
  perFile: { name: string; excitation: Excitation; n: number; chi2: number; chi2PerPoint: number; rmsK: number }[];
  n: number;
  dof: number;
  chi2: number;
  chi2PerDof: number;
  correlation: number[][] | null;
  uncertaintyReason: string | null;
  nSimulations: number;
  starts: { start: number[]; end: number[]; objective: number; converged: boolean }[];
  converged: boolean;
  /** The best model curve of each file (for plots). */
  best: (SimulationResult | null)[];
}

/** Gaussian-IRF view of the model at delay t: the bleach-weighted (∝ n) average of Tc over the response centred at t − t0. */
export function observedTcAt(r: SimulationResult, tPs: number, t0Ps: number, irfFwhmFs: number): number | null {
  const at = tPs - t0Ps;
  if (!(irfFwhmFs > 0)) return modelTcAt(r, at);
  const sigma = irfFwhmFs / 1000 / (2 * Math.sqrt(2 * Math.log(2)));
  let w = 0;
  let s = 0;
  let pts = 0;
  for (let k = 0; k < r.tPs.length; k++) {
    const d = at - r.tPs[k];
    if (Math.abs(d) > 4 * sigma) continue;
    const dt = (r.tPs[Math.min(k + 1, r.tPs.length - 1)] - r.tPs[Math.max(k - 1, 0)]) / 2;
    const g = Math.exp(-0.5 * (d / sigma) ** 2) * r.nCm3[k] * dt;
    w += g;
    s += g * r.tcK[k];
    pts++;
  }
  // a response narrower than the model grid there: read the curve itself
  if (pts < 5 || !(w > 0)) return modelTcAt(r, at);
  return s / w;
}

/**
 * Fit shared parameters (`free`: material fields or non-excitation inputs, plus t0Ps / irfFwhmFs) to every dataset
 * at once. Each trial runs one simulation per dataset (its excitation over the shared base) over the union of the
 * data's delays; objective Σ_files Σ ((model − measured)/σ)²; every dataset must carry σ.
 */
export function fitGlobal(base: SimulationInput, datasets: GlobalDataset[], free: FreeParameter[], options: { starts?: number; maxSimulations?: number } = {}): GlobalFitResult {
  const issues = (param: string, value: unknown, message: string) => new InputError([{ param, value, message }]);
  if (datasets.length < 1) throw issues('data', 0, 'no data files; allowed: one or more Tc(t) files or TA maps');
  for (const d of datasets) if (!d.series.sigmaK) throw issues('data', d.series.name, `data ${d.series.name} has no uncertainty column; allowed: a global fit weighs files by σ, so every file needs one (tc-extract writes it)`);
  const starts = options.starts ?? 1;
  if (!(Number.isInteger(starts) && starts >= 1 && starts <= MAX_STARTS)) throw issues('starts', starts, `starts = ${starts} is not allowed; allowed: a whole number from 1 to ${MAX_STARTS}`);
  const maxSimulations = options.maxSimulations ?? 400;
  const instrument = free.filter((f) => f.key in INSTRUMENT_KEYS);
  const modelFree = free.filter((f) => !(f.key in INSTRUMENT_KEYS));
  for (const f of modelFree) if ((EXCITATION_KEYS as readonly string[]).includes(f.key)) throw issues(f.key, f.key, `free parameter ${f.key} is the excitation, which a global fit takes per file; allowed: a material field or another input, shared by every file`);
  const all = datasets.flatMap((d) => Array.from(d.series.tPs));
  const irfFree = instrument.some((f) => f.key === 'irfFwhmFs');
  const tEnd = Math.max(...all) * 1.05 + (instrument.length ? 2 : 0);
  const tStart = Math.max(1e-3, Math.min(irfFree || instrument.length ? 0.01 : Infinity, ...all.filter((t) => t > 0)) * 0.9);
  const shared: SimulationInput = { ...base, tStartPs: tStart, tEndPs: tEnd, nPoints: 200, rtol: base.rtol ?? 1e-8 };
  for (const k of EXCITATION_KEYS) delete (shared as unknown as Record<string, unknown>)[k];
  const inputs = datasets.map((d) => ({ ...shared, ...d.excitation }));
  const derived = build(normalizeInput(inputs[0])).derived; // validated once; the material is shared
  const resolved: Resolved[] = modelFree.length ? resolveFree(inputs[0], derived, modelFree) : [];
  const inst = instrument.map((f) => {
    const spec = INSTRUMENT_KEYS[f.key as InstrumentKey];
    const min = f.min ?? spec.min;
    const max = f.max ?? spec.max;
    if (!(min < max) || min < spec.min || max > spec.max) throw issues(f.key, [min, max], `free parameter ${f.key}: bounds ${min}–${max} ${spec.unit}; allowed: min < max within ${spec.min}–${spec.max} ${spec.unit}`);
    return { key: f.key as InstrumentKey, label: spec.label, unit: spec.unit, scale: 'linear' as const, min, max, start: Math.min(max, Math.max(min, spec.start)) };
  });
  const params = [...resolved.map((p) => ({ key: p.spec.key, label: p.label, unit: p.unit, scale: p.scale, min: p.min, max: p.max, start: p.start })), ...inst];
  const k = params.length;
  if (k === 0) throw issues('free', 0, 'no free parameters; allowed: at least one --free');
  const nTotal = datasets.reduce((a, d) => a + d.series.tPs.length, 0);
  if (nTotal <= k) throw issues('data', nTotal, `${nTotal} points for ${k} free parameters; allowed: more points than free parameters`);
  const g = (p: (typeof params)[number], x: number) => (p.scale === 'log' ? Math.log(x) : x);
  const fromZ = (z: number[]) => params.map((p, i) => {
    const u = g(p, p.min) + Math.min(1, Math.max(0, z[i])) * (g(p, p.max) - g(p, p.min));
    return p.scale === 'log' ? Math.exp(u) : u;
  });
  const toZ = (x: number[]) => params.map((p, i) => (g(p, x[i]) - g(p, p.min)) / (g(p, p.max) - g(p, p.min)));
  let nSimulations = 0;
  let best: { f: number; x: number[]; results: SimulationResult[] } | null = null;
  const evaluate = (x: number[]) => {
    const t0 = inst.some((p) => p.key === 't0Ps') ? x[resolved.length + inst.findIndex((p) => p.key === 't0Ps')] : 0;
    const irf = inst.some((p) => p.key === 'irfFwhmFs') ? x[resolved.length + inst.findIndex((p) => p.key === 'irfFwhmFs')] : 0;
    const results: SimulationResult[] = [];
    const chi2: number[] = [];
    const sq: number[] = [];
    for (const [i, d] of datasets.entries()) {
      const input: SimulationInput = { ...inputs[i], materialOverrides: { ...(inputs[i].materialOverrides ?? {}) } };
      resolved.forEach((p, j) => p.apply(input, x[j]));
      for (const key of EXCITATION_KEYS) delete (input as unknown as Record<string, unknown>)[key];
      Object.assign(input, d.excitation);
      nSimulations++;
      let r: SimulationResult;
      try { r = simulate(input); } catch { return null; }
      results.push(r);
      let c = 0;
      let s2 = 0;
      for (let m = 0; m < d.series.tPs.length; m++) {
        const model = observedTcAt(r, d.series.tPs[m], t0, irf);
        if (model === null) return null;
        const res = model - d.series.tcK[m];
        c += (res / (d.series.sigmaK as Float64Array)[m]) ** 2;
        s2 += res * res;
      }
      chi2.push(c);
      sq.push(s2);
    }
    return { results, chi2, sq };
  };
  const f = (x: number[]) => {
    const e = evaluate(x);
    if (e === null) return Infinity;
    const total = e.chi2.reduce((a, b) => a + b, 0);
    if (best === null || total < best.f) best = { f: total, x: [...x], results: e.results };
    return total;
  };
  const fz = (z: number[]) => f(fromZ(z));
  const z0 = toZ(params.map((p) => p.start));
  const runs: { start: number[]; end: number[]; objective: number; converged: boolean }[] = [];
  for (let r = 0; r < starts; r++) {
    const zs = r === 0 ? z0 : haltonPoint(r, k);
    let run = nelderMeadBox(fz, zs, 0.1, maxSimulations / datasets.length);
    if (run.converged) run = nelderMeadBox(fz, run.z, 0.02, maxSimulations / datasets.length);
    runs.push({ start: fromZ(zs), end: fromZ(run.z), objective: run.fz, converged: run.converged });
  }
  const found = best as { f: number; x: number[]; results: SimulationResult[] } | null;
  if (found === null) throw issues('free', free.map((p) => p.key).join(','), `no trial simulation succeeded in ${nSimulations} simulations; allowed: bounds where the model runs`);
  const zBest = toZ(found.x);
  const atBound = zBest.map((z) => z < 1e-3 || z > 1 - 1e-3);
  let cov: number[][] | null = null;
  let reason: string | null = null;
  if (atBound.some(Boolean)) reason = `${params.filter((_, i) => atBound[i]).map((p) => p.key).join(', ')} at a bound of the search range: widen it`;
  else {
    let h = zBest.map((z) => Math.min(0.01, z, 1 - z));
    for (let pass = 0; pass < 2 && reason === null; pass++) {
      const inv = inverseSpd(hessian(fz, zBest, found.f, h));
      if (inv === null) { reason = 'the joint χ² Hessian is not positive definite: the data do not constrain these parameters separately'; cov = null; }
      else { cov = inv.map((row) => row.map((v) => 2 * v)); h = zBest.map((z, i) => Math.min(0.01, Math.max(1e-4, Math.sqrt(cov![i][i])), z, 1 - z)); }
    }
  }
  const final = evaluate(found.x)!;
  const dof = nTotal - k;
  return {
    parameters: params.map((p, i) => {
      const sU = cov ? Math.sqrt(cov[i][i]) * (g(p, p.max) - g(p, p.min)) : null;
      return { key: p.key, label: p.label, unit: p.unit, value: found.x[i], sigma: sU === null ? null : p.scale === 'log' ? found.x[i] * sU : sU, min: p.min, max: p.max, start: p.start, atBound: atBound[i] };
    }),
    perFile: datasets.map((d, i) => ({ name: d.series.name, excitation: d.excitation, n: d.series.tPs.length, chi2: final.chi2[i], chi2PerPoint: final.chi2[i] / d.series.tPs.length, rmsK: Math.sqrt(final.sq[i] / d.series.tPs.length) })),
    n: nTotal, dof, chi2: found.f, chi2PerDof: found.f / dof,
    correlation: cov ? cov.map((row, i) => row.map((v, j) => v / Math.sqrt(cov![i][i] * cov![j][j]))) : null,
    uncertaintyReason: reason, nSimulations, starts: runs, converged: runs.some((r) => r.converged), best: found.results,
  };
}

/** "n-per-nc=0.5" etc. for messages. */
export const excitationText = (e: Excitation) => Object.entries(e).map(([k, v]) => `${k} ${formatLimit(v as number)}`).join(', ');
