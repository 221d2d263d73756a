// An excitation-intensity series around the current curve: the same sample at ×0.1, ×0.3, ×3 and ×10 the
// excitation, in the unit the user chose (density, ⟨N⟩ or fluence), kept inside the parameter's allowed range.

import { PARAMS } from '../src/model/params.ts';
import type { SimulationInput } from '../src/model/types.ts';
import { excitationKeyOf } from './url-state.ts';

/** Multiples of the current excitation drawn beside it. */
export const INTENSITY_FACTORS = [0.1, 0.3, 3, 10] as const;

/** The overlay inputs for an intensity series around `input` (values outside the allowed range are left out). */
export function intensitySeries(input: SimulationInput): SimulationInput[] {
  const key = excitationKeyOf(input);
  const spec = PARAMS[key];
  const base = input[key] ?? spec.default;
  return INTENSITY_FACTORS.map((f) => Number((base * f).toPrecision(6)))
    .filter((v) => v >= spec.min && v <= spec.max)
    .map((v) => ({ ...structuredClone(input), [key]: v }));
}
