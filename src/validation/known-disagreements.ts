// Known disagreements of a run: the validation entries whose regime holds the simulation and whose stored verdict
// (verdicts.generated.ts) is a disagreement, each as a short structured note. Light (the stored table and the regime
// test only), so the page can use it on a result it already has.

import { ACCEPTOR_PARAM, AUGER_STATISTICS_PARAM, LO_POOL_PARAM, PARAMS } from '../model/params.ts';
import type { Derived, SimulationInput } from '../model/types.ts';
import { describePart, matchingPart, type RegimePoint } from './regime.ts';
import type { StoredVerdict, VerdictTable } from './verdict-table.ts';
import { VERDICT_TABLE } from './verdicts.generated.ts';

export interface KnownDisagreement {
  id: string;
  title: string;
  doi: string;
  /** The quantity as the paper defines it, and its unit ('' for a ratio). */
  quantity: string;
  unit: string;
  /** The published value and how it reads ('about', or a bound: 'at least', 'at most'). */
  published: number;
  relation: StoredVerdict['relation'];
  /** The band the model had to fall in. */
  band: string;
  /** The model's value under the entry's own conditions (not this run's), and model / published. */
  model: number | null;
  ratio: number | null;
  /** Which mechanism the disagreement points at (the entry's text). */
  pointsAt: string;
  /** The part of the entry's regime this run falls in, as text. */
  regime: string;
}

/** The regime point of a run from its input and the derived quantities the engine reports with every result. */
export function regimePointOf(input: SimulationInput, derived: Derived): RegimePoint {
  return {
    sample: derived.bulk ? 'film' : 'nc',
    formula: derived.material.formula,
    edgeNm: derived.bulk ? null : input.edgeNm,
    densityCm3: derived.densityCm3,
    nPerNc: derived.nPerNc,
    latticeK: input.latticeK ?? PARAMS.latticeK.default,
    pumpEv: derived.pumpEv,
    acceptor: input.acceptor ?? ACCEPTOR_PARAM.default,
  };
}

/** The disagreeing, counted entries of `table` whose regime holds `point`, in the suite's order. */
export function knownDisagreementsAt(point: RegimePoint, table: VerdictTable = VERDICT_TABLE): KnownDisagreement[] {
  const notes: KnownDisagreement[] = [];
  for (const e of table.entries) {
    if (e.calibration || e.verdict !== 'disagree') continue;
    const part = matchingPart(e.regime, point);
    if (part === null) continue;
    notes.push({
      id: e.id, title: e.title, doi: e.doi, quantity: e.quantity, unit: e.unit, published: e.published, relation: e.relation,
      band: e.band, model: e.model, ratio: e.ratio, pointsAt: e.pointsAt, regime: describePart(part),
    });
  }
  return notes;
}

/** Known disagreements of a run from its input and derived quantities (a SimulationResult's `input` and `derived`). */
export function knownDisagreementsOf(input: SimulationInput, derived: Derived): KnownDisagreement[] {
  return knownDisagreementsAt(regimePointOf(input, derived));
}

/** The model choices of an input that differ from the suite's (which runs the default model): the stored verdicts
 *  were taken without them, so a note on such a run speaks for the default model. Empty for a default-model run. */
export function modelChangesOf(input: SimulationInput): string[] {
  const changes: string[] = [];
  const off = Object.entries(input.switches ?? {}).filter(([, on]) => on === false).map(([k]) => k);
  if (off.length > 0) changes.push(`mechanisms off: ${off.join(', ')}`);
  const overrides = Object.keys(input.materialOverrides ?? {});
  if (overrides.length > 0) changes.push(`material overrides: ${overrides.join(', ')}`);
  if (input.augerStatistics !== undefined && input.augerStatistics !== AUGER_STATISTICS_PARAM.default) changes.push(`augerStatistics ${input.augerStatistics}`);
  if (input.loPool !== undefined && input.loPool !== LO_POOL_PARAM.default) changes.push(`loPool ${input.loPool}`);
  return changes;
}

/** How a published value reads, as a symbol: about ≈, at least ≥, at most ≤. */
export const RELATION_SYMBOL: Record<KnownDisagreement['relation'], string> = { about: '≈', 'at least': '≥', 'at most': '≤' };

const v = (x: number) => (Math.abs(x) >= 1e4 || (Math.abs(x) < 1e-2 && x !== 0) ? x.toExponential(2) : Number(x.toPrecision(3)).toString());

/** A note as one line: "id: quantity published ≈ 100, model 0.8 (ratio 0.008), doi:…; points at …". */
export function knownDisagreementText(n: KnownDisagreement, withPointsAt = true): string {
  const unit = n.unit ? ` ${n.unit}` : '';
  const rel = `${RELATION_SYMBOL[n.relation]} `;
  const model = n.model === null ? 'no model value' : `model ${v(n.model)}${unit}${n.ratio === null ? '' : ` (ratio ${v(n.ratio)})`}`;
  return `${n.id}: ${n.quantity} published ${rel}${v(n.published)}${unit}, ${model}, doi:${n.doi}${withPointsAt ? `; points at: ${n.pointsAt}` : ''}`;
}
