// The numeric material fields a user may set (simulate/sweep --material KEY=VALUE, fit --free KEY, the page's
// "More parameters"): declared once here with unit, allowed range, meaning and where the default comes from.
// Validation, CLI help and fit's --free read this list. The ranges are plausibility limits for lead and tin halide
// perovskites and their NCs, each wider than every value on the end-member sheets (src/materials/compounds*.ts) by
// at least 3× on both sides (a test checks that); a value outside is refused, not clamped.

import type { NumericMaterialKey } from '../model/types.ts';

export interface MaterialFieldSpec {
  key: NumericMaterialKey;
  unit: string;
  min: number;
  max: number;
  /** Log-spaced when the range spans decades (sweep from:to:count, fit's optimiser coordinate). */
  scale: 'log' | 'linear';
  meaning: string;
}

/** Where every default comes from: the composition's resolved sheet. */
export const MATERIAL_DEFAULT_SOURCE = "the composition's data sheet (hotcarrier materials --json lists each value with its paper/DOI; mixtures by the rules in src/materials/mixing.ts)";

const f = (key: NumericMaterialKey, unit: string, min: number, max: number, scale: 'log' | 'linear', meaning: string): MaterialFieldSpec => ({ key, unit, min, max, scale, meaning });

export const MATERIAL_FIELDS: readonly MaterialFieldSpec[] = [
  f('gapEv', 'eV', 0.3, 6, 'linear', 'bulk band gap at 300 K'),
  f('electronMassM0', 'm0', 0.01, 2, 'log', 'electron band mass'),
  f('holeMassM0', 'm0', 0.01, 2, 'log', 'hole band mass'),
  f('epsInf', '', 1, 20, 'linear', 'high-frequency relative permittivity (must stay below epsStatic)'),
  f('epsStatic', '', 1.5, 500, 'log', 'static relative permittivity (must exceed epsInf)'),
  f('loPhononMeV', 'meV', 2, 100, 'linear', 'effective (Hellwarth) LO-phonon energy'),
  f('loLifetimePs', 'ps', 0.01, 100, 'log', 'LO-phonon lifetime (decay into acoustic phonons)'),
  f('carrierAcousticPs', 'ps', 0.5, 1e5, 'log', 'carrier–acoustic-phonon energy relaxation time'),
  f('k1PerS', 's^-1', 1e2, 1e13, 'log', 'trap (monomolecular) recombination rate'),
  f('k2Cm3PerS', 'cm^3 s^-1', 1e-14, 1e-7, 'log', 'radiative (bimolecular) recombination coefficient'),
  f('k3Cm6PerS', 'cm^6 s^-1', 1e-33, 1e-24, 'log', 'bulk Auger coefficient'),
  f('biexcitonAugerPsPerNm3', 'ps nm^-3', 1e-4, 10, 'log', 'NC biexciton Auger lifetime per NC volume (strong confinement)'),
  f('ncRadiativeLifetimeNs', 'ns', 0.01, 1e4, 'log', 'NC single-exciton radiative lifetime'),
  f('bohrRadiusNm', 'nm', 0.5, 50, 'log', 'exciton Bohr radius'),
  f('heatCapacityJcm3K', 'J cm^-3 K^-1', 0.1, 10, 'log', 'volumetric lattice heat capacity'),
  f('thermalConductivityWmK', 'W m^-1 K^-1', 0.01, 100, 'log', 'thermal conductivity'),
  f('absorptionPerCm', 'cm^-1', 1e2, 1e7, 'log', 'absorption coefficient at the pump (400–470 nm), for fluence → density'),
];

const BY_KEY = new Map<string, MaterialFieldSpec>(MATERIAL_FIELDS.map((s) => [s.key, s]));

/** The spec of a material field, or undefined when `key` is not one. */
export function materialField(key: string): MaterialFieldSpec | undefined {
  return BY_KEY.get(key);
}

const fmt = (v: number) => (v !== 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3) ? v.toExponential().replace('e+', 'e') : String(v));

/** "a number from MIN to MAX UNIT", for messages and help. */
export function materialAllowed(spec: MaterialFieldSpec): string {
  return `a number from ${fmt(spec.min)} to ${fmt(spec.max)}${spec.unit ? ` ${spec.unit}` : ''}`;
}

/** Problems with a set of material overrides as [key, value, message] triples; empty when all are allowed. */
export function materialOverrideIssues(overrides: Record<string, unknown>): { key: string; value: unknown; message: string }[] {
  const out: { key: string; value: unknown; message: string }[] = [];
  for (const [key, value] of Object.entries(overrides)) {
    const spec = BY_KEY.get(key);
    const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
    if (!spec) out.push({ key, value, message: `material field ${JSON.stringify(key)} is unknown; allowed: ${MATERIAL_FIELDS.map((s) => s.key).join(', ')}` });
    else if (typeof value !== 'number' || !Number.isFinite(value) || value < spec.min || value > spec.max) {
      out.push({ key, value, message: `material ${key} = ${shown} is not allowed; allowed: ${materialAllowed(spec)} (${spec.meaning})` });
    }
  }
  return out;
}

/** Help lines for the material fields: key, range and unit, meaning. */
export function materialHelpLines(indent = '  '): string[] {
  return MATERIAL_FIELDS.map((s) => `${indent}${s.key.padEnd(24)} ${s.meaning} [${fmt(s.min)}–${fmt(s.max)}${s.unit ? ` ${s.unit}` : ''}]`);
}
