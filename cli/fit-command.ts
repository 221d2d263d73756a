// `hotcarrier fit`: read --free KEY[:min:max] specs (CLI flag names or material field names), run fitToMeasured
// on the --data file, and print the fitted values with uncertainties as text or JSON.

import { fitToMeasured, fittableInputKeys, type FitResult, type FreeParameter } from '../src/data/fit.ts';
import { compareWithModel, modelTcAt, type MeasuredSeries } from '../src/data/measured.ts';
import { SimulationError, simulate } from '../src/model/simulate.ts';
import { MATERIAL_FIELDS } from '../src/materials/fields.ts';
import { PARAMS } from '../src/model/params.ts';
import type { SimulationInput } from '../src/model/types.ts';
import { UsageError, type ParsedArgs } from './args.ts';
import { readMeasuredFile } from './data-file.ts';
import { num, toJson } from './format.ts';
import { isGlobalFit, runGlobalFit } from './fit-global-command.ts';
import { stamp } from './build-info.ts';
import { notesOf, notesTextLines } from './known-notes.ts';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Material fields a --free KEY may name (the same for every composition). */
function materialFields(): string[] {
  return MATERIAL_FIELDS.map((s) => s.key);
}

function allowedKeys(): string {
  const flags = fittableInputKeys().map((k) => PARAMS[k].flag);
  return `KEY or KEY:min:max with KEY a simulate flag (${flags.join(', ')}) or a material field (${materialFields().join(', ')})`;
}

/** One --free value → a FreeParameter: "n-per-nc", "nPerNc:0.5:5", "loLifetimePs:0.2:3", "materialOverrides.epsStatic". */
export function parseFreeSpec(text: string): FreeParameter {
  const parts = text.split(':');
  const name = parts[0].trim();
  if (parts.length !== 1 && parts.length !== 3) {
    throw new UsageError(`--free ${text}: ${parts.length - 1} colon${parts.length === 2 ? '' : 's'}; allowed: ${allowedKeys()}`);
  }
  const byFlag = fittableInputKeys().find((k) => PARAMS[k].flag === name || k === name);
  const field = name.startsWith('materialOverrides.') ? name.slice('materialOverrides.'.length) : name;
  let key: string;
  if (byFlag !== undefined) key = byFlag;
  else if (materialFields().includes(field)) key = `materialOverrides.${field}`;
  else throw new UsageError(`--free ${text}: ${JSON.stringify(name)} is not a parameter that can be fitted; allowed: ${allowedKeys()}`);
  const bound = (which: string, cell: string | undefined): number | undefined => {
    if (cell === undefined || cell.trim() === '') return undefined;
    if (!NUMBER.test(cell.trim())) throw new UsageError(`--free ${text}: ${which} ${JSON.stringify(cell)} is not a number; allowed: ${allowedKeys()}`);
    return Number(cell.trim());
  };
  return { key, min: bound('min', parts[1]), max: bound('max', parts[2]) };
}

/** How a fitted parameter is spelled on the command line. */
const cliName = (key: string) => (key.startsWith('materialOverrides.') ? key.slice('materialOverrides.'.length) : PARAMS[key as keyof typeof PARAMS]?.flag ?? key);

function baseDescription(input: SimulationInput): string {
  const size = input.edgeNm === null ? 'bulk film' : `${input.edgeNm} nm nanocrystal`;
  return `${input.composition} ${size}`;
}

export function fitText(fit: FitResult, data: MeasuredSeries): string {
  const u = (unit: string) => (unit ? ` ${unit}` : '');
  const window = `${num(fit.windowPs[0])}–${num(fit.windowPs[1])} ps`;
  const lines = [
    `fit of ${baseDescription(fit.input)} to ${data.name}: ${fit.n} points compared (model window ${window})${fit.outsideWindow > 0 ? `, ${fit.outsideWindow} outside the window (not compared)` : ''}`,
    `  status: ${fit.status} — ${fit.message}`,
    '',
    `  ${'parameter'.padEnd(24)} ${'value'.padStart(12)} ${'± 1σ'.padStart(12)}   unit         start        search range`,
  ];
  for (const p of fit.parameters) {
    lines.push(`  ${cliName(p.key).padEnd(24)} ${num(p.value).padStart(12)} ${num(p.sigma, 2).padStart(12)}   ${(p.unit || '—').padEnd(12)} ${num(p.start).padEnd(12)} ${num(p.min)}–${num(p.max)}${u(p.unit)} (${p.scale})${p.atBound ? '  AT BOUND' : ''}`);
  }
  lines.push('');
  const chi2 = fit.chi2PerDof === null ? 'χ²/dof — (no uncertainty column)' : `χ²/dof ${num(fit.chi2PerDof, 3)}`;
  lines.push(`  RMS ${num(fit.rmsK)} K, ${chi2}, dof ${fit.dof}; objective ${num(fit.objective, 5)} (${fit.objectiveKind === 'chi2' ? 'χ²' : 'Σ residual² in K²'}; start ${num(fit.startObjective, 5)})`);
  const corr = fit.uncertainty.correlation;
  if (corr && corr.length > 1) {
    const pairs: string[] = [];
    for (let i = 0; i < corr.length; i++) for (let j = 0; j < i; j++) pairs.push(`${cliName(fit.parameters[j].key)}–${cliName(fit.parameters[i].key)} ${num(corr[i][j], 2)}`);
    lines.push(`  correlation: ${pairs.join(', ')}`);
  }
  lines.push(fit.uncertainty.reason !== null
    ? `  uncertainties: none — ${fit.uncertainty.reason}`
    : `  uncertainties: from the Hessian of the objective at the optimum${fit.uncertainty.scaledByResidual ? ', scaled by the residual variance (the file has no σ column)' : ''}; approximate (local, quadratic)`);
  if (fit.starts.length > 1) {
    lines.push(`  runs: ${fit.agreeingRuns} of ${fit.starts.length} ended at the best optimum (best marked *)`);
    const objectives = fit.starts.map((r) => r.objective);
    const bestIndex = objectives.indexOf(Math.min(...objectives));
    fit.starts.forEach((r, i) => {
      const at = (x: number[]) => fit.parameters.map((p, j) => `${cliName(p.key)} ${num(x[j])}`).join(', ');
      lines.push(`   ${i === bestIndex ? '*' : ' '}${String(i + 1).padStart(2)}  from ${at(r.start)} → ${at(r.end)}: objective ${num(r.objective, 5)}${r.converged ? '' : ' (cap reached)'}, ${r.simulations} simulations`);
    });
  }
  if (fit.ambiguity) lines.push(`  warning: ${fit.ambiguity}`);
  lines.push(`  simulations: ${fit.nSimulations} (optimiser cap ${fit.maxSimulations}${fit.starts.length > 1 ? ' per run' : ''}, plus the start and the Hessian)`);
  for (const note of data.notes) lines.push(`  measured data: ${note}`);
  // the best-fit run's regime: where the model is known to miss a published measurement, a fit there says so
  if (fit.best) lines.push(...notesTextLines(fit.best));
  return lines.join('\n');
}

export function fitJson(fit: FitResult, data: MeasuredSeries): string {
  return toJson(fitObject(fit, data));
}

/** The object fitJson writes. */
export function fitObject(fit: FitResult, data: MeasuredSeries): Record<string, unknown> {
  const { best, ...rest } = fit;
  return {
    provenance: stamp({ input: fit.input, measured: { tPs: data.tPs, tcK: data.tcK, sigmaK: data.sigmaK }, parameters: fit.parameters.map((p) => ({ key: p.key, min: p.min, max: p.max, start: p.start })) }),
    ...rest,
    measured: { ...data, modelTcK: best ? Array.from(data.tPs, (t) => modelTcAt(best, t)) : null },
    curve: best ? { t_ps: best.tPs, tc_k: best.tcK, t_lo_k: best.tLoK, t_a_k: best.tAK } : null,
    /** Published measurements the model disagrees with in the best-fit run's regime. */
    knownDisagreements: best ? notesOf(best) : [],
  };
}

/** Run `hotcarrier fit`; returns the text to print. Throws UsageError / InputError on bad input (exit 2). */
export function runFit(args: ParsedArgs): string {
  if (args.data === undefined) throw new UsageError(`fit needs --data FILE; allowed: a path to a CSV file of delay (ps) and carrier temperature (K), optionally an uncertainty (K)`);
  if (args.free.length === 0) throw new UsageError(`fit needs at least one --free; allowed: ${allowedKeys()}`);
  if (args.format === 'csv') throw new UsageError('--csv does not apply to fit; allowed: text (default) or --json');
  if (isGlobalFit(args)) return runGlobalFit(args, parseFreeSpec);
  const free = args.free.map(parseFreeSpec);
  const data = readMeasuredFile(args.data);
  const fit = fitToMeasured(args.input, data, free, { starts: args.starts });
  if (fit.status === 'failed') throw new SimulationError(`fit of ${data.name}: ${failureReason(fit, data)}`);
  return args.format === 'json' ? fitJson(fit, data) : fitText(fit, data);
}

/** Why no trial of a failed fit counted: the start simulation's own error, or an objective that is not finite. */
function failureReason(fit: FitResult, data: MeasuredSeries): string {
  let comparison;
  try {
    comparison = compareWithModel(simulate(fit.input), data);
  } catch (e) {
    return `${fit.message}; the start point itself fails: ${e instanceof Error ? e.message : String(e)}`;
  }
  if (comparison.n === 0) return `${fit.message}; no measured delay lies in the model window`;
  const rms = comparison.rmsK;
  const chi2 = comparison.chi2PerPoint;
  if (rms === null || !Number.isFinite(rms) || (data.sigmaK && (chi2 === null || !Number.isFinite(chi2)))) {
    const smallest = data.sigmaK ? Math.min(...data.sigmaK) : null;
    return `the objective overflows (${data.sigmaK ? 'χ²' : 'the sum of squared residuals'} is not a finite number)${smallest !== null ? `; the smallest uncertainty in the file is ${smallest.toExponential(2)} K — check the σ column's unit` : ''}`;
  }
  return fit.message;
}
