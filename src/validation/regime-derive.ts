// An entry's regime from its own runs: each run is resolved by the model (formula, ⟨N⟩ or density, pump energy,
// without solving), runs of one sample kind, composition and acceptor are joined into one part spanning their
// conditions, and each range is widened by the margins below (a measurement speaks for a neighbourhood of its
// conditions, not only for the exact point the entry had to assume).

import { build } from '../model/derive.ts';
import { normalizeInput } from '../model/validate.ts';
import type { SimulationInput } from '../model/types.ts';
import type { Range, RegimePart, RegimePoint } from './regime.ts';
import type { ValidationEntry } from './types.ts';

/** Excitation (film density, NC ⟨N⟩) widened by ×/÷ 3: half a decade, the scale on which the entries' assumed
 *  excitation levels ("low", "~1e18") are uncertain. */
export const EXCITATION_WIDEN_FACTOR = 3;
/** NC edge widened by ×/÷ 1.2: the ±20 % between a paper's "medium" size and the edge length assumed for it. */
export const EDGE_WIDEN_FACTOR = 1.2;
/** Lattice temperature widened by ± 25 K: "room temperature" covers 270–320 K around the entries' 295 K. */
export const LATTICE_WIDEN_K = 25;
/** Pump photon energy widened by ± 0.15 eV, for the entries whose verdict hinges on the pump (regime.pumpMatters). */
export const PUMP_WIDEN_EV = 0.15;

/** A run as the regime test sees it (the model's own excitation conversion: ⟨N⟩ from a fluence, density from ⟨N⟩). */
export function pointOfInput(input: SimulationInput): RegimePoint {
  const normalized = normalizeInput(input);
  const { derived } = build(normalized);
  return {
    sample: derived.bulk ? 'film' : 'nc',
    formula: derived.material.formula,
    edgeNm: normalized.edgeNm,
    densityCm3: derived.densityCm3,
    nPerNc: derived.nPerNc,
    latticeK: normalized.latticeK,
    pumpEv: derived.pumpEv,
    acceptor: normalized.acceptor,
  };
}

const hull = (values: number[]): Range => [Math.min(...values), Math.max(...values)];
const widenBy = (r: Range, factor: number): Range => [r[0] / factor, r[1] * factor];
const widenAdd = (r: Range, plus: number): Range => [r[0] - plus, r[1] + plus];
/** Rounded to 4 significant digits, so the generated table does not carry the last bits of a conversion. */
const round = (r: Range): Range => [Number(r[0].toPrecision(4)), Number(r[1].toPrecision(4))];

/** The runs an entry's verdict speaks for: regime.runs when given (each must name a run), else all of them. */
function regimeRuns(entry: ValidationEntry): SimulationInput[] {
  const names = entry.regime?.runs ?? Object.keys(entry.runs);
  return names.map((name) => {
    if (!Object.hasOwn(entry.runs, name)) {
      throw new Error(`${entry.id}: regime.runs names "${name}", which is not one of its runs (${Object.keys(entry.runs).join(', ')})`);
    }
    return entry.runs[name];
  });
}

/** The regime of an entry: one part per sample kind, composition and acceptor of its runs; parts that differ only in
 *  composition are merged (a six-composition series with one size and ⟨N⟩ is one part). */
export function regimeOfEntry(entry: ValidationEntry): RegimePart[] {
  const groups = new Map<string, RegimePoint[]>();
  for (const input of regimeRuns(entry)) {
    const p = pointOfInput(input);
    const key = `${p.sample}|${p.formula}|${p.acceptor}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const parts: RegimePart[] = [];
  for (const points of groups.values()) {
    const first = points[0];
    const nc = first.sample === 'nc';
    const part: RegimePart = {
      sample: first.sample,
      compositions: [first.formula],
      edgeNm: nc ? round(widenBy(hull(points.map((p) => p.edgeNm as number)), EDGE_WIDEN_FACTOR)) : null,
      densityCm3: nc ? null : round(widenBy(hull(points.map((p) => p.densityCm3)), EXCITATION_WIDEN_FACTOR)),
      nPerNc: nc ? round(widenBy(hull(points.map((p) => p.nPerNc as number)), EXCITATION_WIDEN_FACTOR)) : null,
      latticeK: round(widenAdd(hull(points.map((p) => p.latticeK)), LATTICE_WIDEN_K)),
      pumpEv: entry.regime?.pumpMatters ? round(widenAdd(hull(points.map((p) => p.pumpEv)), PUMP_WIDEN_EV)) : null,
      acceptor: first.acceptor,
    };
    const same = parts.find((q) => JSON.stringify({ ...q, compositions: [] }) === JSON.stringify({ ...part, compositions: [] }));
    if (same) same.compositions.push(part.compositions[0]);
    else parts.push(part);
  }
  return parts;
}
