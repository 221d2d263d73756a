// `hotcarrier validate [--json]`: the literature validation suite, one line per published measurement.

import { runValidation } from '../src/validation/runner.ts';
import type { ValidationReport } from '../src/validation/types.ts';

export function validationText(report: ValidationReport): string {
  const lines: string[] = [];
  for (const e of report.entries) {
    const mark = e.calibration ? 'CALIB' : e.pass ? 'AGREE' : 'DIFF ';
    lines.push(`${mark} ${e.id}  [doi:${e.doi}]`);
    lines.push(`        ${e.title}`);
    lines.push(`        ${e.detail}`);
  }
  const s = report.summary;
  lines.push(
    `${s.agree}/${s.counted} agree (${Math.round(100 * s.agreeFraction)} %; pass at ≥ ${Math.round(100 * s.passFraction)} %), ` +
      `${s.distinctDois} papers, ${s.calibrations} calibrations not counted; ${s.simulations} simulations, ${Math.round(s.wallMs)} ms`,
  );
  return lines.join('\n');
}

/** JSON: every entry with its source, conditions, published and model values, tolerance and verdict. */
export function validationJson(report: ValidationReport): string {
  return JSON.stringify(report, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2);
}

/** Runs the suite and returns [text, exit code]: 0 when at least the pass share of counted entries agree, else 1. */
export function runValidateCommand(format: 'text' | 'json' | 'csv'): [string, number] {
  const report = runValidation();
  return [format === 'json' ? validationJson(report) : validationText(report), report.summary.passed ? 0 : 1];
}
