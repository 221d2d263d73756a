// `hotcarrier fit` over several files (a fluence series): --data FILE@EXCITATION=VALUE[,UNIT=…] per file, each a
// Tc(t) CSV or a TA map (its Tc(t) extracted first with tc-extract's fit), shared --free parameters, and the report
// per file and joint.

import { fitGlobal, excitationText, INSTRUMENT_KEYS, type Excitation, type GlobalDataset, type GlobalFitResult } from '../src/data/fit-global.ts';
import type { FreeParameter } from '../src/data/fit.ts';
import type { MeasuredSeries } from '../src/data/measured.ts';
import { DEFAULT_MAX_CHI2, extractTc, type TailMethod } from '../src/data/ta-extract.ts';
import { toSpectra, type UnitChoice } from '../src/data/ta-map.ts';
import { TaFileError } from '../src/data/ta-scan.ts';
import { build } from '../src/model/derive.ts';
import { normalizeInput } from '../src/model/validate.ts';
import type { SimulationInput } from '../src/model/types.ts';
import { UsageError, type ParsedArgs } from './args.ts';
import { readMeasuredFile } from './data-file.ts';
import { num, toJson } from './format.ts';
import { readTaFile } from './ta-file.ts';

const EXCITATION_FLAGS: Record<string, keyof Excitation> = { 'n-per-nc': 'nPerNc', density: 'densityCm3', 'fluence-uj-cm2': 'fluenceUJcm2' };
const MAP_KEYS = ['signal-unit', 'delay-unit', 'spectral-unit', 'layout', 'orientation', 'method'];
export const DATA_SPEC_ALLOWED = `FILE@EXCITATION=VALUE with EXCITATION one of ${Object.keys(EXCITATION_FLAGS).join(', ')}; a TA map may add ,${MAP_KEYS.join('=…,')}=…`;

/** Is this fit a global one: several files, a per-file excitation, or an instrument term freed. */
export const isGlobalFit = (args: ParsedArgs) => args.dataAll.length > 1 || args.dataAll.some((d) => d.includes('@')) || args.free.some((f) => /^(t0-ps|irf-fs)(:|$)/.test(f));

function parseSpec(spec: string): { path: string; excitation: Excitation; extra: Map<string, string> } {
  const at = spec.lastIndexOf('@');
  if (at < 0) throw new UsageError(`--data ${spec}: a global fit needs each file's excitation; allowed: ${DATA_SPEC_ALLOWED}`);
  const excitation: Excitation = {};
  const extra = new Map<string, string>();
  for (const part of spec.slice(at + 1).split(',')) {
    const [k, v] = part.split('=').map((x) => x?.trim());
    if (k in EXCITATION_FLAGS) {
      const value = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(v ?? '') ? Number(v) : NaN;
      if (!(value > 0)) throw new UsageError(`--data ${spec}: ${k} = ${JSON.stringify(v ?? '')} is not a positive number; allowed: ${DATA_SPEC_ALLOWED}`);
      excitation[EXCITATION_FLAGS[k]] = value;
    } else if (MAP_KEYS.includes(k) && v) extra.set(k, v);
    else throw new UsageError(`--data ${spec}: ${JSON.stringify(part)} is not understood; allowed: ${DATA_SPEC_ALLOWED}`);
  }
  if (Object.keys(excitation).length !== 1) throw new UsageError(`--data ${spec}: ${Object.keys(excitation).length} excitations given; allowed: exactly one, ${DATA_SPEC_ALLOWED}`);
  return { path: spec.slice(0, at), excitation, extra };
}

/** A Tc(t) CSV as it is; a TA map through the tail fit (the sample from the base input). */
function readDataset(spec: string, base: SimulationInput): GlobalDataset {
  const { path, excitation, extra } = parseSpec(spec);
  let csvError: unknown;
  try {
    return { series: readMeasuredFile(path), excitation };
  } catch (e) {
    csvError = e;
  }
  let map;
  try {
    map = readTaFile(path, { layout: extra.get('layout') as never, orientation: extra.get('orientation') as never });
  } catch {
    throw csvError; // neither a Tc(t) file nor a TA map: the Tc(t) reader's message
  }
  try {
    const spectra = toSpectra(map, { signalUnit: extra.get('signal-unit'), delayUnit: extra.get('delay-unit'), spectralUnit: extra.get('spectral-unit') } as UnitChoice);
    const { derived } = build(normalizeInput({ ...base, ...excitation }));
    const edge = { gapEv: derived.gapEv, electronMassM0: derived.material.electronMassM0, holeMassM0: derived.material.holeMassM0, edgeNm: derived.bulk ? null : base.edgeNm, broadeningEv: 0.04 / (2 * Math.sqrt(2 * Math.log(2))) };
    const ex = extractTc(spectra, edge, { method: (extra.get('method') as TailMethod) ?? 'boltzmann' });
    const ok = ex.delays.filter((d) => d.model !== null && d.model.chi2PerDof <= DEFAULT_MAX_CHI2);
    const series: MeasuredSeries = {
      name: map.name, tPs: Float64Array.from(ok, (d) => d.delayPs), tcK: Float64Array.from(ok, (d) => d.model!.tK), sigmaK: Float64Array.from(ok, (d) => d.model!.sigmaK),
      header: [], delayUnit: 'ps', notes: [`Tc(t) extracted from the TA map (bleach model, ${ex.method}, 40 meV FWHM broadening; ${ex.delays.length - ok.length} delays without a fittable tail or with χ²/dof above ${DEFAULT_MAX_CHI2})`],
    };
    return { series, excitation };
  } catch (e) {
    if (e instanceof TaFileError) throw new UsageError(`--data ${spec}: ${e.message}`);
    throw e;
  }
}

function freeSpecs(args: ParsedArgs, parseFreeSpec: (t: string) => FreeParameter): FreeParameter[] {
  return args.free.map((text) => {
    const [name, lo, hi] = text.split(':');
    const key = name === 't0-ps' ? 't0Ps' : name === 'irf-fs' ? 'irfFwhmFs' : null;
    if (key === null) return parseFreeSpec(text);
    const n = (c: string | undefined) => (c === undefined || c === '' ? undefined : Number(c));
    const spec = INSTRUMENT_KEYS[key];
    const min = n(lo);
    const max = n(hi);
    if ((min !== undefined && !Number.isFinite(min)) || (max !== undefined && !Number.isFinite(max))) throw new UsageError(`--free ${text}: bounds must be numbers; allowed: ${name}[:min:max] within ${spec.min}–${spec.max} ${spec.unit}`);
    return { key, min, max };
  });
}

export function globalFitText(fit: GlobalFitResult): string {
  const lines = [`global fit over ${fit.perFile.length} files: ${fit.n} points, ${fit.parameters.length} shared parameters, dof ${fit.dof}`, ''];
  lines.push(`  ${'parameter'.padEnd(24)} ${'value'.padStart(12)} ${'± 1σ'.padStart(12)}   unit   start        search range`);
  for (const p of fit.parameters) lines.push(`  ${p.key.replace('materialOverrides.', '').padEnd(24)} ${num(p.value).padStart(12)} ${num(p.sigma, 2).padStart(12)}   ${(p.unit || '—').padEnd(6)} ${num(p.start).padEnd(12)} ${num(p.min)}–${num(p.max)}${p.atBound ? '  AT BOUND' : ''}`);
  lines.push('', `  joint: χ² ${num(fit.chi2, 5)}, χ²/dof ${num(fit.chi2PerDof, 3)}`);
  for (const f of fit.perFile) lines.push(`  file ${f.name} (${excitationText(f.excitation)}): ${f.n} points, χ²/point ${num(f.chi2PerPoint, 3)}, RMS ${num(f.rmsK)} K`);
  if (fit.correlation && fit.correlation.length > 1) {
    const pairs: string[] = [];
    for (let i = 0; i < fit.correlation.length; i++) for (let j = 0; j < i; j++) pairs.push(`${fit.parameters[j].key.replace('materialOverrides.', '')}–${fit.parameters[i].key.replace('materialOverrides.', '')} ${num(fit.correlation[i][j], 2)}`);
    lines.push(`  correlation: ${pairs.join(', ')}`);
  }
  lines.push(fit.uncertaintyReason ? `  uncertainties: none — ${fit.uncertaintyReason}` : '  uncertainties: from the Hessian of the joint χ² at the optimum; approximate (local, quadratic)');
  lines.push(`  runs: ${fit.starts.length}${fit.converged ? '' : ' (none converged: the values are the best found)'}; simulations: ${fit.nSimulations}`);
  return lines.join('\n');
}

export function runGlobalFit(args: ParsedArgs, parseFreeSpec: (t: string) => FreeParameter): string {
  if (args.free.length === 0) throw new UsageError('fit needs at least one --free; allowed: a material field, another simulate flag, t0-ps or irf-fs');
  const datasets = args.dataAll.map((spec) => readDataset(spec, args.input));
  const fit = fitGlobal(args.input, datasets, freeSpecs(args, parseFreeSpec), { starts: args.starts });
  if (args.format === 'json') {
    const { best: _b, ...rest } = fit;
    return toJson({ ...rest, files: datasets.map((d) => ({ name: d.series.name, excitation: d.excitation, notes: d.series.notes })) });
  }
  return globalFitText(fit);
}
