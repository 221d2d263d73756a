// Free parameters of a fit: which inputs and material fields may be freed, their bounds, scales and units, and
// how a trial value is written into a simulation input. Refuses bad specs by name (InputError).

import { compoundSheets } from '../materials/index.ts';
import type { MaterialParams } from '../materials/types.ts';
import { HC_EV_NM } from '../model/constants.ts';
import { build } from '../model/derive.ts';
import { PARAMS, formatLimit, type NumericParamKey } from '../model/params.ts';
import type { NumericMaterialKey, SimulationInput } from '../model/types.ts';
import { InputError, normalizeInput, type InputIssue } from '../model/validate.ts';
import { MATERIAL_FIELDS, materialField } from '../materials/fields.ts';

/** One parameter to fit: a numeric SimulationInput key from PARAMS or `materialOverrides.<field>`; optional bounds. */
export interface FreeParameter {
  key: string;
  min?: number;
  max?: number;
}

/** Most free parameters one fit may have. */
export const MAX_FREE_PARAMETERS = 4;
/** Inputs that do not change Tc(t) or belong to the fit itself. */
const NOT_FITTABLE: NumericParamKey[] = ['tStartPs', 'tEndPs', 'nPoints', 'rtol', 'targetK'];
const EXCITATION = ['densityCm3', 'nPerNc', 'fluenceUJcm2'] as const;
const PUMP = ['pumpNm', 'pumpEv'] as const;
/** Material fields that may be freed: every positive number of the sheet (the mixing fraction is derived, not a sheet value). */
const MATERIAL_PREFIX = 'materialOverrides.';
const MATERIAL_BOUND_FACTOR = { defaultLow: 0.2, defaultHigh: 5, allowedLow: 0.01, allowedHigh: 100 };

/** A free parameter's name for people, its unit, the coordinate the optimiser uses, its bounds and start. */
export interface FreeRange {
  label: string;
  unit: string;
  /** Coordinate the optimiser works in. */
  scale: 'log' | 'linear';
  min: number;
  max: number;
  start: number;
}

/** What the fit needs to know about one free parameter. */
export interface Resolved extends FreeRange {
  spec: FreeParameter;
  /** Write a value into a trial input. */
  apply: (input: SimulationInput, value: number) => void;
}

const issue = (param: string, value: unknown, message: string): InputIssue => ({ param, value, message });

function materialUnits(): Record<string, string> {
  const sheet = compoundSheets()[0] as unknown as Record<string, { unit?: string }>;
  const units: Record<string, string> = {};
  for (const [k, v] of Object.entries(sheet)) if (v && typeof v === 'object' && typeof v.unit === 'string') units[k] = v.unit === '1' ? '' : v.unit;
  return units;
}

/** Numeric material fields that can be fitted, with their resolved values. */
function fittableMaterialFields(material: MaterialParams): string[] {
  // the fields declared in src/materials/fields.ts that this material has
  return MATERIAL_FIELDS.map((spec) => spec.key as string).filter((k) => typeof (material as unknown as Record<string, unknown>)[k] === 'number');
}

export function fittableInputKeys(): NumericParamKey[] {
  return (Object.keys(PARAMS) as NumericParamKey[]).filter((k) => !NOT_FITTABLE.includes(k));
}

function allowedKeysText(material: MaterialParams): string {
  return `one of ${fittableInputKeys().join(', ')}, or materialOverrides.<field> with field one of ${fittableMaterialFields(material).join(', ')}`;
}

/** Check the free-parameter specs against PARAMS and the resolved material; throws InputError listing every problem. */
export function resolveFree(base: SimulationInput, material: MaterialParams, free: FreeParameter[]): Resolved[] {
  if (!Array.isArray(free) || free.length === 0 || free.length > MAX_FREE_PARAMETERS) {
    const n = Array.isArray(free) ? free.length : 0;
    throw new InputError([issue('free', n, `free parameters: ${n} given; allowed: 1 to ${MAX_FREE_PARAMETERS} free parameters`)]);
  }
  const derived = build(normalizeInput(base)).derived;
  const units = materialUnits();
  const issues: InputIssue[] = [];
  const out: Resolved[] = [];
  const seen = new Set<string>();
  for (const spec of free) {
    const key = String(spec?.key ?? '');
    if (seen.has(key)) {
      issues.push(issue(key, key, `free parameter ${key} is given twice; allowed: each parameter once`));
      continue;
    }
    seen.add(key);
    let r: Omit<Resolved, 'min' | 'max' | 'spec'> & { name: string; lo: number; hi: number; allowedLo: number; allowedHi: number; allowedText: string };
    if (key.startsWith(MATERIAL_PREFIX)) {
      const field = key.slice(MATERIAL_PREFIX.length);
      if (!fittableMaterialFields(material).includes(field)) {
        issues.push(issue(key, key, `free parameter ${JSON.stringify(key)} is not a numeric material field; allowed: ${allowedKeysText(material)}`));
        continue;
      }
      const resolved = (material as unknown as Record<string, number>)[field];
      const unit = units[field] ?? '';
      const u = unit ? ` ${unit}` : '';
      const f = MATERIAL_BOUND_FACTOR;
      // within the factors around the resolved value and within the field's declared range (fields.ts)
      const declared = materialField(field)!;
      const clip = (v: number) => Math.min(declared.max, Math.max(declared.min, v));
      const allowedLo = clip(f.allowedLow * resolved);
      const allowedHi = clip(f.allowedHigh * resolved);
      r = {
        name: key, label: field, unit, scale: 'log', start: resolved,
        lo: clip(f.defaultLow * resolved), hi: clip(f.defaultHigh * resolved), allowedLo, allowedHi,
        allowedText: `a number from ${formatLimit(allowedLo)} to ${formatLimit(allowedHi)}${u} (${f.allowedLow}× to ${f.allowedHigh}× the resolved value ${formatLimit(resolved)}${u}, within the declared range ${formatLimit(declared.min)}–${formatLimit(declared.max)}${u})`,
        apply: (input, v) => {
          input.materialOverrides = { ...(input.materialOverrides ?? {}), [field]: v } as SimulationInput['materialOverrides'];
        },
      };
    } else if ((fittableInputKeys() as string[]).includes(key)) {
      const p = PARAMS[key as NumericParamKey];
      let start = (base as unknown as Record<string, number | undefined>)[key] ?? p.default;
      if (key === 'densityCm3') start = derived.densityCm3;
      if (key === 'fluenceUJcm2') start = derived.fluenceUJcm2;
      if (key === 'pumpEv') start = derived.pumpEv;
      if (key === 'pumpNm') start = HC_EV_NM / derived.pumpEv;
      if (key === 'nPerNc' || key === 'edgeNm') {
        if (base.edgeNm === null) {
          issues.push(issue(key, key, `free parameter ${key} (--${p.flag}) needs a nanocrystal, but the base case is a bulk film; allowed: give an edge length (--edge-nm)`));
          continue;
        }
        if (key === 'nPerNc') start = derived.nPerNc ?? p.default;
      }
      const u = p.unit ? ` ${p.unit}` : '';
      r = {
        name: `${key} (--${p.flag})`, label: `${p.label} (--${p.flag})`, unit: p.unit, scale: p.scale, start,
        lo: p.min, hi: p.max, allowedLo: p.min, allowedHi: p.max,
        allowedText: `a number from ${formatLimit(p.min)} to ${formatLimit(p.max)}${u}`,
        apply: (input, v) => {
          const rec = input as unknown as Record<string, number | undefined>;
          if ((EXCITATION as readonly string[]).includes(key)) for (const k of EXCITATION) delete rec[k];
          if ((PUMP as readonly string[]).includes(key)) for (const k of PUMP) delete rec[k];
          rec[key] = v;
        },
      };
    } else {
      issues.push(issue(key, key, `free parameter ${JSON.stringify(key)} is unknown or cannot be fitted; allowed: ${allowedKeysText(material)}`));
      continue;
    }
    const bound = (which: 'min' | 'max', value: number | undefined, fallback: number): number => {
      if (value === undefined) return fallback;
      if (typeof value !== 'number' || !Number.isFinite(value)) {
        issues.push(issue(key, value, `free parameter ${r.name}: ${which} = ${String(value)} is not a finite number; allowed: ${r.allowedText}`));
      } else if (value < r.allowedLo || value > r.allowedHi) {
        issues.push(issue(key, value, `free parameter ${r.name}: ${which} = ${value}${r.unit ? ' ' + r.unit : ''} is out of range; allowed: ${r.allowedText}`));
      }
      return value;
    };
    const min = bound('min', spec.min, r.lo);
    const max = bound('max', spec.max, r.hi);
    if (Number.isFinite(min) && Number.isFinite(max) && min >= max) {
      issues.push(issue(key, [min, max], `free parameter ${r.name}: min = ${min} is not below max = ${max}; allowed: min < max, both ${r.allowedText}`));
    }
    out.push({ spec, label: r.label, unit: r.unit, scale: r.scale, min, max, start: Math.min(max, Math.max(min, r.start)), apply: r.apply });
  }
  for (const [i, a] of EXCITATION.entries()) {
    for (const b of EXCITATION.slice(i + 1)) {
      if (seen.has(a) && seen.has(b)) issues.push(issue(`${a},${b}`, [a, b], `free parameters ${a} and ${b} both set the excitation; allowed: free at most one of ${EXCITATION.join(', ')}`));
    }
  }
  if (seen.has('pumpNm') && seen.has('pumpEv')) issues.push(issue('pumpNm,pumpEv', ['pumpNm', 'pumpEv'], 'free parameters pumpNm and pumpEv both set the pump; allowed: free at most one of them'));
  if (issues.length > 0) throw new InputError(issues);
  return out;
}

