// `hotcarrier validate [--json]`: the literature validation suite, one line per published measurement.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RunCache, runValidation } from '../src/validation/runner.ts';
import { ENTRIES } from '../src/validation/entries.ts';
import { verdictTable, verdictTableSource } from '../src/validation/verdict-table.ts';
import { simulate } from '../src/model/simulate.ts';
import type { LoPool } from '../src/model/types.ts';
import { LO_POOL_PARAM, choiceValues, isChoice } from '../src/model/params.ts';
import { UsageError } from './args.ts';
import type { ValidationReport } from '../src/validation/types.ts';

export function validationText(report: ValidationReport): string {
  const lines: string[] = [];
  for (const e of report.entries) {
    const mark = e.calibration ? 'CALIB' : e.pass ? 'AGREE' : 'DIFF ';
    lines.push(`${mark} ${e.id}  ${e.title}  [doi:${e.doi}]`);
    lines.push(`        ${e.detail}`);
    if (!e.pass) lines.push(`        points at: ${e.pointsAt}`);
  }
  const s = report.summary;
  lines.push(
    `${s.agree}/${s.counted} agree (${Math.round(100 * s.agreeFraction)} %; pass at ≥ ${Math.round(100 * s.passFraction)} %), ` +
      `${s.distinctDois} papers, ${s.calibrations} calibration${s.calibrations === 1 ? '' : 's'} not counted; ${s.simulations} simulations, ${Math.round(s.wallMs)} ms`,
  );
  return lines.join('\n');
}

/** JSON: every entry with its source, conditions, published and model values, tolerance and verdict. */
export function validationJson(report: ValidationReport): string {
  return JSON.stringify(report, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2);
}

/** Runs the suite and returns [text, exit code]: 0 when at least the pass share of counted entries agree, else 1.
 *  Every entry fixes its own conditions, so simulate options are refused rather than silently ignored; the one
 *  option is a model choice, --lo-pool, to validate the wavevector-resolved LO population against the same entries. */
export function runValidateCommand(format: 'text' | 'json' | 'csv', given: Set<string>, loPool?: LoPool): [string, number] {
  const extra = [...given].filter((f) => f !== 'json' && f !== 'lo-pool' && f !== 'write-verdicts');
  if (extra.length > 0 || format === 'csv') {
    const flag = format === 'csv' ? 'csv' : extra[0];
    throw new UsageError(`validate takes no --${flag}: each entry sets its own conditions from its paper; allowed: hotcarrier validate [--json] [--lo-pool single|resolved] [--write-verdicts]`);
  }
  if (given.has('write-verdicts')) {
    if (loPool !== undefined) throw new UsageError('--write-verdicts stores the verdicts of the default model, so it takes no --lo-pool; allowed: hotcarrier validate --write-verdicts');
    return writeVerdicts(format);
  }
  if (loPool !== undefined && !isChoice(LO_POOL_PARAM, loPool)) {
    throw new UsageError(`loPool (--lo-pool) = ${JSON.stringify(String(loPool)).slice(0, 60)} is unknown; allowed: ${choiceValues(LO_POOL_PARAM).join(', ')}`);
  }
  const report = runValidation(undefined, loPool === undefined ? undefined : new RunCache((input) => simulate({ ...input, loPool })));
  return [format === 'json' ? validationJson(report) : validationText(report), report.summary.passed ? 0 : 1];
}

/** `validate --write-verdicts`: runs the suite with the default model and rewrites src/validation/verdicts.generated.ts
 *  (the table runs consult for known disagreements). Only from a source checkout: a compiled build has no .ts to write. */
function writeVerdicts(format: 'text' | 'json' | 'csv'): [string, number] {
  if (!import.meta.url.endsWith('/cli/validate.ts')) {
    throw new UsageError('--write-verdicts rewrites src/validation/verdicts.generated.ts and runs from a source checkout only; allowed: HOTCARRIER_FROM_SOURCE=1 npx hotcarrier validate --write-verdicts');
  }
  const report = runValidation(ENTRIES);
  const table = verdictTable(ENTRIES, report);
  // the stored verdict table, beside the sources this module was loaded from
  const path = fileURLToPath(new URL('../src/validation/verdicts.generated.ts', import.meta.url));
  writeFileSync(path, verdictTableSource(table));
  const disagree = table.entries.filter((e) => !e.calibration && e.verdict === 'disagree').length;
  const text = format === 'json' ? validationJson(report) : validationText(report);
  return [`${text}\nwrote ${path}: ${table.entries.length} entries, ${disagree} disagreements`, report.summary.passed ? 0 : 1];
}
