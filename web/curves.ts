// A curve on screen: its input, its result, its label and colour.

import type { SimulationInput, SimulationResult } from '../src/model/types.ts';
import { SWITCHES } from '../src/model/params.ts';
import { formatNumber } from './format.ts';
import { plainMessage } from './messages.ts';
import { knownDisagreementsOf, type KnownDisagreement } from '../src/validation/known-disagreements.ts';

export interface Curve {
  input: SimulationInput;
  result: SimulationResult;
  label: string;
  color: string;
  /** The run's warnings (beyond validity, degenerate carriers, the material's phase): shown with the curve everywhere. */
  warnings: string[];
  /** Published measurements the model is known to disagree with in this curve's regime (hotcarrier validate). */
  notes: KnownDisagreement[];
}

/** The observable carrier temperature of a result (K): the one place the page reads it, so a change of result
 *  fields (separate electron and hole temperatures) is met here. */
export function tcOf(result: SimulationResult): Float64Array {
  return result.tcK;
}

/** A curve for a result: its label from the input (with an optional note such as "×0.3") and its warnings. */
export function makeCurve(input: SimulationInput, result: SimulationResult, color: string, note?: string): Curve {
  // The material's phase note is shown at the composition control; the run's own warnings go with the curve.
  const warnings = result.derived.warnings.filter((w) => !w.startsWith('tolerance factor')).map(plainMessage);
  const notes = knownDisagreementsOf(input, result.derived);
  return { input, result, label: note ? `${curveLabel(input)} (${note})` : curveLabel(input), color, warnings, notes };
}

export const PALETTE = ['#d62728', '#1f77b4', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf', '#7f7f7f', '#bcbd22'];

/** How a switched-off mechanism is named in a curve label ("…, no hot phonons"). */
const SWITCH_WORDS: Record<string, string> = {
  ...Object.fromEntries(SWITCHES.map((sw) => [sw.key, sw.short])),
  // What a class needs to read: the LO modes are held at the lattice temperature, so there is no bottleneck.
  hotPhonons: 'hot phonons (LO held at lattice temperature — no bottleneck)',
};

/** Short label: composition, size (or film), excitation as given, lattice temperature when not 300 K, mechanisms switched off. */
export function curveLabel(input: SimulationInput): string {
  const size = input.edgeNm === null ? 'film' : `${formatNumber(input.edgeNm)} nm`;
  const excitation = input.nPerNc !== undefined
    ? `<N>=${formatNumber(input.nPerNc)}`
    : input.fluenceUJcm2 !== undefined
      ? `${formatNumber(input.fluenceUJcm2)} µJ/cm²`
      : `${formatNumber(input.densityCm3 ?? Number.NaN)} cm⁻³`;
  const lattice = input.latticeK !== undefined && input.latticeK !== 300 ? `, ${formatNumber(input.latticeK)} K` : '';
  const off = Object.entries(input.switches ?? {}).filter(([, on]) => on === false).map(([name]) => SWITCH_WORDS[name] ?? name);
  const auger = input.augerStatistics === 'mean-field' && input.edgeNm !== null ? ', mean-field Auger' : '';
  const pool = input.loPool === 'resolved' ? ', LO resolved in q' : '';
  return `${input.composition} ${size}, ${excitation}${lattice}${off.length ? `, no ${off.join(', no ')}` : ''}${auger}${pool}`;
}
