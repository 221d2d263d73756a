// An excitation-intensity series around the current curve: the same sample at ×0.1, ×0.3, ×3 and ×10 the
// excitation, in the unit the user chose (density, ⟨N⟩ or fluence), kept inside the parameter's allowed range.

import { PARAMS } from '../src/model/params.ts';
import type { SimulationInput } from '../src/model/types.ts';
import { excitationKeyOf } from './url-state.ts';

/** Multiples of the current excitation drawn beside it. */
export const INTENSITY_FACTORS = [0.1, 0.3, 3, 10] as const;

export interface SeriesMember {
  input: SimulationInput;
  /** "×0.3": shown in the curve's label. */
  note: string;
}

/** The overlays of an intensity series around `input`, and the factors left out (outside the allowed range). */
export function intensitySeriesMembers(input: SimulationInput): { members: SeriesMember[]; leftOut: number[] } {
  const key = excitationKeyOf(input);
  const spec = PARAMS[key];
  const base = input[key] ?? spec.default;
  const members: SeriesMember[] = [];
  const leftOut: number[] = [];
  for (const f of INTENSITY_FACTORS) {
    const v = Number((base * f).toPrecision(6));
    if (v >= spec.min && v <= spec.max) members.push({ input: { ...structuredClone(input), [key]: v }, note: `×${f}` });
    else leftOut.push(f);
  }
  return { members, leftOut };
}

/** The overlay inputs for an intensity series around `input` (values outside the allowed range are left out). */
export function intensitySeries(input: SimulationInput): SimulationInput[] {
  return intensitySeriesMembers(input).members.map((m) => m.input);
}
