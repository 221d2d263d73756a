// Runs the validation entries: each entry's model runs (identical inputs shared), its quantity, ratio and verdict.

import { simulate } from '../model/simulate.ts';
import type { SimulationInput, SimulationResult } from '../model/types.ts';
import { InputError } from '../model/validate.ts';
import { ENTRIES } from './entries.ts';
import type { EntryOutcome, ValidationEntry, ValidationReport } from './types.ts';
import { formatValue, judge, reference, toleranceBand } from './verdict.ts';

/** The suite passes when at least this share of the counted (non-calibration) entries agree. */
export const PASS_FRACTION = 0.8;

/** Memoised simulate(): entries that need the same run share it. */
export class RunCache {
  private readonly cache = new Map<string, SimulationResult>();
  count = 0;
  constructor(private readonly run: (input: SimulationInput) => SimulationResult = simulate) {}
  get(input: SimulationInput): SimulationResult {
    const key = JSON.stringify(input, Object.keys(input).sort());
    let r = this.cache.get(key);
    if (!r) {
      r = this.run(input);
      this.count++;
      this.cache.set(key, r);
    }
    return r;
  }
}

export function evaluateEntry(entry: ValidationEntry, cache: RunCache): EntryOutcome {
  const results: Record<string, SimulationResult> = {};
  let value: number | null = null;
  let note = '';
  try {
    for (const [name, input] of Object.entries(entry.runs)) results[name] = cache.get(input);
    const m = entry.measure(results);
    value = Number.isFinite(m.value) ? m.value : null;
    note = m.note;
  } catch (e) {
    // An entry whose inputs the model refuses is a broken entry, not a disagreement of the physics: say which.
    note = e instanceof InputError ? `entry inputs refused by the model: ${e.message}` : `no model value: ${(e as Error).message}`;
  }
  const pub = entry.published.value;
  const ref = reference(pub, entry.tolerance);
  const verdict = judge(value, pub, entry.tolerance);
  const ratio = value === null || ref === 0 ? null : value / ref;
  const band = toleranceBand(pub, entry.tolerance);
  const unit = (u: string) => (u ? ` ${u}` : '');
  const t = entry.tolerance;
  const shown = value === null ? 'no value' : `${distinctFrom(value, bandEdges(pub, t))}${unit(entry.quantity.unit)}`;
  const relation = t.kind === 'at-least' ? '≥ ' : t.kind === 'at-most' ? '≤ ' : '';
  const detail = `model ${shown} vs published ${relation}${formatValue(pub)}${unit(entry.published.unit)}` +
    `${ratio === null ? '' : ` (ratio ${formatValue(ratio)})`}; band ${band}${note ? `; ${note}` : ''}`;
  return {
    id: entry.id,
    title: entry.title,
    doi: entry.doi,
    source: entry.source,
    sample: entry.sample,
    conditions: { paper: entry.paperConditions, model: entry.runs, conversion: entry.conversion },
    quantity: entry.quantity,
    published: entry.published,
    model: { value, unit: entry.quantity.unit, note },
    ratio,
    tolerance: { ...entry.tolerance, band },
    toleranceReason: entry.toleranceReason,
    calibration: entry.calibration,
    verdict,
    pass: verdict === 'agree',
    detail,
    pointsAt: entry.pointsAt,
  };
}

export function runValidation(entries: ValidationEntry[] = ENTRIES, cache = new RunCache()): ValidationReport {
  const started = performance.now();
  const outcomes = entries.map((e) => evaluateEntry(e, cache));
  const counted = outcomes.filter((o) => !o.calibration);
  const agree = counted.filter((o) => o.pass).length;
  const fraction = counted.length ? agree / counted.length : 0;
  return {
    entries: outcomes,
    summary: {
      counted: counted.length,
      agree,
      disagree: counted.length - agree,
      calibrations: outcomes.length - counted.length,
      agreeFraction: fraction,
      distinctDois: new Set(counted.map((o) => o.doi.toLowerCase())).size,
      passFraction: PASS_FRACTION,
      passed: counted.length > 0 && fraction >= PASS_FRACTION,
      simulations: cache.count,
      wallMs: performance.now() - started,
    },
  };
}

/** The edges of an entry's tolerance band, where a verdict changes. */
function bandEdges(published: number, t: ValidationEntry['tolerance']): number[] {
  switch (t.kind) {
    case 'factor': return [published / t.factor, published * t.factor];
    case 'absolute': return [published - t.plusMinus, published + t.plusMinus];
    case 'at-most': case 'at-least': return [t.limit];
  }
}

/** The value as formatValue prints it, with more digits (up to 6) while it would print the same as a band edge it is
 *  not equal to: "1.097 vs ≥ 1.1", never "1.1 vs ≥ 1.1" with a verdict of disagree. */
function distinctFrom(value: number, edges: number[]): string {
  let text = formatValue(value);
  for (let digits = 4; digits <= 6 && edges.some((e) => e !== value && formatValue(e) === text); digits++) {
    text = Number(value.toPrecision(digits)).toString();
  }
  return text;
}
