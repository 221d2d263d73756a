// Input validation: every check reads the parameter declarations in params.ts and names the parameter,
// the value and what is allowed. Returns a normalized input with every default filled in.

import {
  ACCEPTOR_PARAM, AUGER_STATISTICS_PARAM, COMPOSITION_PARAM, LO_POOL_PARAM, METHOD_PARAM, PARAMS, SWITCHES, allowedRange, choiceValues, isChoice,
  withinLimits, type NumericParamKey,
} from './params.ts';
import type { AcceptorKind, AugerStatistics, LoPool, MechanismSwitches, SimulationInput } from './types.ts';
import type { MethodName } from '../solver/types.ts';
import { HC_EV_NM } from './constants.ts';
import { materialOverrideIssues } from '../materials/fields.ts';

/** An input problem: which parameter, what value, what is allowed. */
export interface InputIssue {
  param: string;
  value: unknown;
  message: string;
}

export class InputError extends Error {
  constructor(readonly issues: InputIssue[]) {
    super(issues.map((i) => i.message).join('\n'));
    this.name = 'InputError';
  }
}

export type NormalizedInput = Required<Omit<SimulationInput, 'densityCm3' | 'nPerNc' | 'fluenceUJcm2' | 'materialOverrides' | 'pumpEv'>> & {
  /** Which pump parameter the user gave, for messages. */
  pumpGivenAs: 'pumpNm' | 'pumpEv';
  densityCm3?: number;
  nPerNc?: number;
  fluenceUJcm2?: number;
  materialOverrides: NonNullable<SimulationInput['materialOverrides']>;
  switches: MechanismSwitches;
};

/** The allowed Auger statistics (from AUGER_STATISTICS_PARAM), for messages. */
export const AUGER_STATISTICS: AugerStatistics[] = choiceValues(AUGER_STATISTICS_PARAM);
const SWITCH_KEYS: (keyof MechanismSwitches)[] = SWITCHES.map((s) => s.key);

export function formatValue(value: unknown): string {
  if (typeof value === 'number') return Number.isNaN(value) ? 'NaN' : String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/** Check one numeric parameter against its declaration; push an issue if it fails. */
export function checkNumeric(key: NumericParamKey, value: unknown, issues: InputIssue[]): void {
  const spec = PARAMS[key];
  const unit = spec.unit ? ` ${spec.unit}` : '';
  const allowed = allowedRange(spec);
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    issues.push({ param: key, value, message: `${key} (--${spec.flag}) = ${formatValue(value)} is not a finite number; allowed: ${allowed}` });
  } else if (!withinLimits(value, spec.min, spec.max)) {
    issues.push({ param: key, value, message: `${key} (--${spec.flag}) = ${value}${unit} is out of range; allowed: ${allowed}` });
  }
}

const OPTIONAL_NUMERIC: NumericParamKey[] = [
  'filmThicknessNm', 'pumpNm', 'pumpEv', 'pulseFwhmFs', 'latticeK', 'tEndPs', 'tStartPs', 'nPoints',
  'interfaceConductanceMWm2K', 'hotAcceptorBarrierEv', 'hotAcceptorTransferPs', 'coldAcceptorTransferPs', 'targetK', 'rtol',
];

/** Validate and fill defaults; throws InputError listing every problem found. */
export function normalizeInput(input: SimulationInput): NormalizedInput {
  const issues: InputIssue[] = [];
  if (typeof input !== 'object' || input === null) throw new InputError([{ param: 'input', value: input, message: 'input must be an object' }]);
  if (typeof input.composition !== 'string' || input.composition.trim() === '') {
    issues.push({ param: 'composition', value: input.composition, message: `composition = ${formatValue(input.composition)} is not allowed; give ${COMPOSITION_PARAM.meaning}` });
  } else if (input.composition.length > COMPOSITION_PARAM.maxChars) {
    issues.push({ param: 'composition', value: input.composition, message: `composition (--composition) is ${input.composition.length} characters long; allowed: ${COMPOSITION_PARAM.meaning}, at most ${COMPOSITION_PARAM.maxChars} characters` });
  }
  if (input.edgeNm !== null) checkNumeric('edgeNm', input.edgeNm, issues);
  const given = (['densityCm3', 'nPerNc', 'fluenceUJcm2'] as const).filter((k) => input[k] !== undefined);
  if (given.length > 1) {
    issues.push({ param: given.join(','), value: given.map((k) => input[k]), message: `excitation is over-specified: ${given.join(' and ')} were both given; give exactly one of densityCm3 (--density), nPerNc (--n-per-nc), fluenceUJcm2 (--fluence-uj-cm2)` });
  }
  for (const k of given) checkNumeric(k, input[k], issues);
  if (input.nPerNc !== undefined && input.edgeNm === null) {
    issues.push({ param: 'nPerNc', value: input.nPerNc, message: `nPerNc (--n-per-nc) = ${formatValue(input.nPerNc)} needs a nanocrystal; for a bulk film give densityCm3 or fluenceUJcm2` });
  }
  for (const k of OPTIONAL_NUMERIC) if (input[k] !== undefined) checkNumeric(k, input[k], issues);
  if (input.nPoints !== undefined && !Number.isInteger(input.nPoints)) {
    issues.push({ param: 'nPoints', value: input.nPoints, message: `nPoints (--points) = ${formatValue(input.nPoints)} must be a whole number` });
  }
  if (input.pumpNm !== undefined && input.pumpEv !== undefined) {
    issues.push({ param: 'pumpNm,pumpEv', value: [input.pumpNm, input.pumpEv], message: `the pump is over-specified: pumpNm (--pump-nm) = ${formatValue(input.pumpNm)} and pumpEv (--pump-ev) = ${formatValue(input.pumpEv)} were both given; give one of them` });
  }
  const tStart = input.tStartPs ?? PARAMS.tStartPs.default;
  const tEnd = input.tEndPs ?? PARAMS.tEndPs.default;
  if (Number.isFinite(tStart) && Number.isFinite(tEnd) && tStart >= tEnd) {
    issues.push({ param: 'tStartPs', value: tStart, message: `tStartPs = ${tStart} ps must be below tEndPs = ${tEnd} ps` });
  }
  const acceptor: AcceptorKind = input.acceptor ?? ACCEPTOR_PARAM.default;
  const augerStatistics: AugerStatistics = input.augerStatistics ?? AUGER_STATISTICS_PARAM.default;
  const method: MethodName = input.method ?? METHOD_PARAM.default;
  const loPool: LoPool = input.loPool ?? LO_POOL_PARAM.default;
  for (const [spec, value] of [[ACCEPTOR_PARAM, acceptor], [AUGER_STATISTICS_PARAM, augerStatistics], [METHOD_PARAM, method], [LO_POOL_PARAM, loPool]] as const) {
    if (!isChoice(spec as never, value)) {
      issues.push({ param: spec.key, value, message: `${spec.key} (--${spec.flag}) = ${formatValue(value)} is unknown; allowed: ${choiceValues(spec as never).join(', ')}` });
    }
  }
  const switches = Object.fromEntries(SWITCH_KEYS.map((k) => [k, true])) as unknown as MechanismSwitches;
  if (input.switches !== undefined && (typeof input.switches !== 'object' || input.switches === null || Array.isArray(input.switches))) {
    issues.push({ param: 'switches', value: input.switches, message: `switches = ${formatValue(input.switches)} must be an object of ${SWITCH_KEYS.join(', ')} (true or false)` });
  }
  for (const [k, v] of Object.entries(typeof input.switches === 'object' && input.switches !== null ? input.switches : {})) {
    if (!SWITCH_KEYS.includes(k as keyof MechanismSwitches)) {
      issues.push({ param: `switches.${k}`, value: v, message: `switches.${JSON.stringify(k).slice(1, -1).slice(0, 40)} is unknown; allowed: ${SWITCH_KEYS.join(', ')}` });
    } else if (typeof v !== 'boolean') {
      issues.push({ param: `switches.${k}`, value: v, message: `switches.${k} = ${formatValue(v)} must be true or false` });
    } else switches[k as keyof MechanismSwitches] = v;
  }
  // material fields: declared with their ranges in src/materials/fields.ts
  for (const m of materialOverrideIssues((input.materialOverrides ?? {}) as Record<string, unknown>)) {
    issues.push({ param: `materialOverrides.${m.key}`, value: m.value, message: m.message });
  }
  if (issues.length > 0) throw new InputError(issues);
  const d = (k: NumericParamKey) => (input[k as keyof SimulationInput] as number | undefined) ?? PARAMS[k].default;
  return {
    composition: input.composition.trim(),
    edgeNm: input.edgeNm,
    filmThicknessNm: d('filmThicknessNm'),
    densityCm3: input.densityCm3 ?? (given.length === 0 ? PARAMS.densityCm3.default : undefined),
    nPerNc: input.nPerNc,
    fluenceUJcm2: input.fluenceUJcm2,
    pumpNm: input.pumpEv !== undefined ? HC_EV_NM / input.pumpEv : d('pumpNm'),
    pumpGivenAs: input.pumpEv !== undefined ? 'pumpEv' : 'pumpNm',
    pulseFwhmFs: d('pulseFwhmFs'),
    latticeK: d('latticeK'),
    tEndPs: tEnd,
    tStartPs: tStart,
    nPoints: d('nPoints'),
    interfaceConductanceMWm2K: d('interfaceConductanceMWm2K'),
    acceptor,
    augerStatistics,
    loPool,
    hotAcceptorBarrierEv: d('hotAcceptorBarrierEv'),
    hotAcceptorTransferPs: d('hotAcceptorTransferPs'),
    coldAcceptorTransferPs: d('coldAcceptorTransferPs'),
    targetK: d('targetK'),
    switches,
    materialOverrides: { ...(input.materialOverrides ?? {}) },
    method,
    rtol: d('rtol'),
  };
}

/** All problems with an input, as messages (empty when it is fine). Does not solve. */
export function inputIssues(input: SimulationInput): InputIssue[] {
  try {
    normalizeInput(input);
    return [];
  } catch (e) {
    if (e instanceof InputError) return e.issues;
    throw e;
  }
}
