// The page state and its URL form: the hash holds the whole state, so a link reproduces the view.

import type { SimulationInput } from '../src/model/types.ts';
import { parseNumber } from './format.ts';
import { ACCEPTOR_PARAM, AUGER_STATISTICS_PARAM, choiceValues, COMPOSITION_PARAM, LO_POOL_PARAM, METHOD_PARAM, PARAMS, SWITCHES, type NumericParamKey } from '../src/model/params.ts';
import type { SweepFormState } from './sweep-form.ts';
import { defaultSweepForm, SWEEP_METRICS } from './sweep-form.ts';

export type ExcitationKey = 'densityCm3' | 'nPerNc' | 'fluenceUJcm2';
export const EXCITATION_KEYS: readonly ExcitationKey[] = ['densityCm3', 'nPerNc', 'fluenceUJcm2'];
export type PumpKey = 'pumpNm' | 'pumpEv';
export const PUMP_KEYS: readonly PumpKey[] = ['pumpNm', 'pumpEv'];

export interface AppState {
  /** The current curve's input (exactly one excitation key set). */
  input: SimulationInput;
  /** Kept curves shown with the current one. */
  overlays: SimulationInput[];
  sweep: SweepFormState;
}

/** The default view: every numeric parameter at its PARAMS default, CsPbI3 NCs, excitation by density. */
export function defaultInput(): SimulationInput {
  return {
    composition: 'CsPbI3',
    edgeNm: PARAMS.edgeNm.default,
    densityCm3: PARAMS.densityCm3.default,
    pumpNm: PARAMS.pumpNm.default,
    latticeK: PARAMS.latticeK.default,
  };
}

export function defaultState(): AppState {
  return { input: defaultInput(), overlays: [], sweep: defaultSweepForm() };
}

/** Which excitation measure the input gives. */
export function excitationKeyOf(input: SimulationInput): ExcitationKey {
  return EXCITATION_KEYS.find((k) => input[k] !== undefined) ?? 'densityCm3';
}

/** Whether the pump is given as a wavelength or a photon energy. */
export function pumpKeyOf(input: SimulationInput): PumpKey {
  return input.pumpEv !== undefined ? 'pumpEv' : 'pumpNm';
}

const NUMERIC_KEYS = Object.keys(PARAMS) as NumericParamKey[];

/** URL hash text of a state. */
export function encodeState(state: AppState): string {
  const params = new URLSearchParams();
  const input = state.input;
  params.set('composition', input.composition);
  for (const key of NUMERIC_KEYS) {
    if (key === 'edgeNm') continue;
    const value = input[key];
    if (typeof value === 'number') params.set(key, String(value));
  }
  params.set('edgeNm', input.edgeNm === null ? 'bulk' : String(input.edgeNm));
  if (input.acceptor && input.acceptor !== 'none') params.set('acceptor', input.acceptor);
  if (input.augerStatistics === 'mean-field') params.set('augerStatistics', 'mean-field');
  if (input.loPool && input.loPool !== LO_POOL_PARAM.default) params.set('loPool', input.loPool);
  if (input.method && input.method !== 'auto') params.set('method', input.method);
  for (const [name, on] of Object.entries(input.switches ?? {})) if (on === false) params.set(`switches.${name}`, '0');
  if (state.overlays.length > 0) params.set('overlays', JSON.stringify(state.overlays));
  params.set('sweep', JSON.stringify(state.sweep));
  return params.toString();
}

/** Longest hash read (characters): a link of the page's own making is a few kB. */
export const MAX_HASH_CHARS = 20_000;
/** Longest composition read from a link: the declared cap (params.ts). */
export const MAX_COMPOSITION_CHARS = COMPOSITION_PARAM.maxChars;
/** Most overlays read from a link. */
export const MAX_OVERLAYS = 24;
// The allowed values, from their declarations (params.ts).
const SWITCH_KEYS = SWITCHES.map((sw) => sw.key);
const ACCEPTORS = choiceValues(ACCEPTOR_PARAM);
const METHODS = choiceValues(METHOD_PARAM);
const AUGER = choiceValues(AUGER_STATISTICS_PARAM);
const LO_POOLS = choiceValues(LO_POOL_PARAM);

const has = (o: object, key: string) => Object.hasOwn(o, key);
const oneOf = <T extends string>(list: readonly T[], v: unknown): T | undefined => (list as readonly unknown[]).includes(v) ? (v as T) : undefined;

/**
 * A SimulationInput from untrusted JSON (an overlay in a link): known keys only, read as own properties, each of
 * its type; null when the value is not an object or its composition is unusable.
 */
export function inputFromJson(value: unknown): SimulationInput | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const o = value as Record<string, unknown>;
  const composition = has(o, 'composition') ? o.composition : undefined;
  if (typeof composition !== 'string' || composition === '' || composition.length > MAX_COMPOSITION_CHARS) return null;
  const edge = has(o, 'edgeNm') ? o.edgeNm : PARAMS.edgeNm.default;
  const input: SimulationInput = { composition, edgeNm: edge === null ? null : typeof edge === 'number' && Number.isFinite(edge) ? edge : PARAMS.edgeNm.default };
  for (const key of NUMERIC_KEYS) {
    if (key === 'edgeNm' || !has(o, key)) continue;
    const v = o[key];
    if (typeof v === 'number' && Number.isFinite(v)) input[key] = v;
  }
  keepOneExcitationAndPump(input);
  const acceptor = has(o, 'acceptor') ? oneOf(ACCEPTORS, o.acceptor) : undefined;
  if (acceptor && acceptor !== ACCEPTOR_PARAM.default) input.acceptor = acceptor;
  const method = has(o, 'method') ? oneOf(METHODS, o.method) : undefined;
  if (method && method !== METHOD_PARAM.default) input.method = method;
  const auger = has(o, 'augerStatistics') ? oneOf(AUGER, o.augerStatistics) : undefined;
  if (auger && auger !== AUGER_STATISTICS_PARAM.default) input.augerStatistics = auger;
  const pool = has(o, 'loPool') ? oneOf(LO_POOLS, o.loPool) : undefined;
  if (pool && pool !== LO_POOL_PARAM.default) input.loPool = pool;
  if (has(o, 'switches') && typeof o.switches === 'object' && o.switches !== null) {
    const sw = o.switches as Record<string, unknown>;
    for (const k of SWITCH_KEYS) if (has(sw, k) && sw[k] === false) input.switches = { ...input.switches, [k]: false };
  }
  return input;
}

/** Exactly one excitation measure and at most one pump measure: keep the first given. */
function keepOneExcitationAndPump(input: SimulationInput): void {
  const excitation = EXCITATION_KEYS.find((k) => input[k] !== undefined);
  for (const k of EXCITATION_KEYS) if (k !== excitation) delete input[k];
  if (!excitation) input.densityCm3 = PARAMS.densityCm3.default;
  if (input.pumpNm !== undefined) delete input.pumpEv;
}

/** State from a URL hash; unknown or malformed entries fall back to defaults (never throws). */
export function decodeState(hash: string): AppState {
  return decodeLink(hash).state;
}

/**
 * State from a URL hash, and notes on what was left out (for the status line). Keys are looked up by name in
 * fixed lists, never as properties of an object the link could shape; lengths are capped before any parsing.
 */
export function decodeLink(hash: string): { state: AppState; notes: string[] } {
  const state = defaultState();
  const notes: string[] = [];
  if (hash.length > MAX_HASH_CHARS) {
    return { state, notes: [`the link is ${hash.length} characters long, more than the ${MAX_HASH_CHARS} this page reads, so it was ignored`] };
  }
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if ([...params.keys()].length === 0) return { state, notes };
  let composition = params.get('composition') || state.input.composition;
  if (composition.length > MAX_COMPOSITION_CHARS) {
    notes.push(`the composition in the link is ${composition.length} characters long (at most ${MAX_COMPOSITION_CHARS}), so ${state.input.composition} is used`);
    composition = state.input.composition;
  }
  const input: SimulationInput = { composition, edgeNm: state.input.edgeNm };
  for (const key of NUMERIC_KEYS) {
    const text = params.get(key);
    if (text === null) continue;
    if (key === 'edgeNm') {
      const edge = parseNumber(text);
      input.edgeNm = text === 'bulk' ? null : Number.isFinite(edge) ? edge : PARAMS.edgeNm.default;
      continue;
    }
    const value = parseNumber(text);
    if (Number.isFinite(value)) input[key] = value;
  }
  keepOneExcitationAndPump(input);
  const acceptor = oneOf(ACCEPTORS, params.get('acceptor'));
  if (acceptor && acceptor !== ACCEPTOR_PARAM.default) input.acceptor = acceptor;
  const auger = oneOf(AUGER, params.get('augerStatistics'));
  if (auger && auger !== AUGER_STATISTICS_PARAM.default) input.augerStatistics = auger;
  const pool = oneOf(LO_POOLS, params.get('loPool'));
  if (pool && pool !== LO_POOL_PARAM.default) input.loPool = pool;
  const method = oneOf(METHODS, params.get('method'));
  if (method && method !== METHOD_PARAM.default) input.method = method;
  const unknownSwitches: string[] = [];
  for (const [key, value] of params) {
    if (!key.startsWith('switches.')) continue;
    const name = oneOf(SWITCH_KEYS, key.slice(9));
    if (name && value === '0') input.switches = { ...input.switches, [name]: false };
    else if (!name) unknownSwitches.push(key.slice(9, 40));
  }
  if (unknownSwitches.length) notes.push(`the link names mechanisms this page does not have (${unknownSwitches.join(', ')}); they were ignored`);
  state.input = input;
  const overlays = parseJson(params.get('overlays'), [], Array.isArray) as unknown[];
  state.overlays = overlays.slice(0, MAX_OVERLAYS).map(inputFromJson).filter((v): v is SimulationInput => v !== null);
  const dropped = Math.min(overlays.length, MAX_OVERLAYS) - state.overlays.length + Math.max(0, overlays.length - MAX_OVERLAYS);
  if (dropped > 0) notes.push(`${dropped} kept curve${dropped > 1 ? 's' : ''} in the link could not be read and ${dropped > 1 ? 'were' : 'was'} left out`);
  state.sweep = sweepForm(parseJson(params.get('sweep'), null, (v) => typeof v === 'object' && v !== null), state.sweep);
  return { state, notes };
}

function parseJson(text: string | null, fallback: unknown, accept: (value: unknown) => boolean): unknown {
  if (!text) return fallback;
  try {
    const value = JSON.parse(text) as unknown;
    return accept(value) ? value : fallback;
  } catch {
    return fallback;
  }
}

/** A sweep form from URL JSON, field by field; anything malformed keeps the default. */
function sweepForm(value: unknown, fallback: SweepFormState): SweepFormState {
  if (value === null || typeof value !== 'object') return fallback;
  const v = value as Partial<Record<keyof SweepFormState, unknown>>;
  const text = (x: unknown) => (typeof x === 'string' ? x.slice(0, 400) : '');
  const axes = Array.isArray(v.axes)
    ? v.axes.slice(0, 3).map((a) => {
      const o = (typeof a === 'object' && a !== null ? a : {}) as Record<string, unknown>;
      return { key: text(o.key), from: text(o.from), to: text(o.to), count: text(o.count), list: text(o.list) };
    })
    : fallback.axes;
  return {
    axes,
    metric: SWEEP_METRICS.some((m) => m.key === v.metric) ? (v.metric as SweepFormState['metric']) : fallback.metric,
    workers: typeof v.workers === 'number' && Number.isFinite(v.workers) ? v.workers : fallback.workers,
  };
}
