// Public API of the materials module: resolve a preset or formula to MaterialParams, data sheets, Fröhlich α, tolerance.
import type { Composition, CompoundData, MaterialParams, ToleranceReport } from './types.ts';
import { COMPOUNDS } from './compounds.ts';
import { parseComposition, validateComposition } from './composition.ts';
import { mixMaterial } from './mixing.ts';
import { PRESETS } from './presets.ts';
import { goldschmidt, phaseVerdict } from './tolerance.ts';

export type * from './types.ts';
export { parseComposition, formatComposition, validateComposition } from './composition.ts';
export { GAP_BOWING, ALLOY_LO_LIFETIME, organicInorganicMixing } from './mixing.ts';
export { IONIC_RADII_A, PHASE_BANDS } from './tolerance.ts';

/** Names of the built-in presets. */
export function listPresets(): string[] {
  return Object.keys(PRESETS);
}

/** Every end-member data sheet (deep copies), e.g. for `hotcarrier materials --json`. */
export function compoundSheets(): CompoundData[] {
  return COMPOUNDS.map((c) => structuredClone(c));
}

/**
 * Resolve a preset name, any formula ("FA0.5Cs0.5PbI3", "CsPbI2Br") or a Composition into MaterialParams.
 * @throws Error naming the input and what is allowed (unknown ion, bad fractions, missing end member).
 */
export function resolveMaterial(input: string | Composition): MaterialParams {
  if (typeof input === 'string') {
    const name = input.trim();
    const formula = Object.prototype.hasOwnProperty.call(PRESETS, name) ? PRESETS[name]! : name;
    return mixMaterial(parseComposition(formula));
  }
  return mixMaterial(input);
}

// CODATA 2018 constants (SI).
const E_CHARGE = 1.602176634e-19;
const HBAR = 1.054571817e-34;
const EPS0 = 8.8541878128e-12;
const M0 = 9.1093837015e-31;

/**
 * Fröhlich coupling constant α = (e²/(4π ε0 ħ)) (1/ε∞ − 1/εs) √(m_band / (2 ħ ω_LO)) (Fröhlich 1954; as in Frost PRB 2017).
 * @param params needs epsInf, epsStatic, loPhononMeV and the carrier's band mass (m0)
 * @param carrier 'electron' or 'hole'
 * @returns α, dimensionless
 */
export function frohlichAlpha(
  params: Pick<MaterialParams, 'epsInf' | 'epsStatic' | 'loPhononMeV' | 'electronMassM0' | 'holeMassM0'>,
  carrier: 'electron' | 'hole',
): number {
  const mass = (carrier === 'electron' ? params.electronMassM0 : params.holeMassM0) * M0;
  const hbarOmega = params.loPhononMeV * 1e-3 * E_CHARGE;
  const coulomb = (E_CHARGE * E_CHARGE) / (4 * Math.PI * EPS0 * HBAR);
  return coulomb * (1 / params.epsInf - 1 / params.epsStatic) * Math.sqrt(mass / (2 * hbarOmega));
}

/** Goldschmidt tolerance factor and phase verdict of a preset, formula or Composition. */
export function toleranceFactor(input: string | Composition): ToleranceReport {
  const c = typeof input === 'string'
    ? parseComposition(Object.prototype.hasOwnProperty.call(PRESETS, input.trim()) ? PRESETS[input.trim()]! : input)
    : validateComposition(input);
  return phaseVerdict(goldschmidt(c));
}
