// The page state and its URL form: the hash holds the whole state, so a link reproduces the view.

import type { SimulationInput } from '../src/model/types.ts';
import { ACCEPTOR_PARAM, AUGER_STATISTICS_PARAM, METHOD_PARAM, PARAMS, isChoice, type NumericParamKey } from '../src/model/params.ts';
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
  if (input.method && input.method !== 'auto') params.set('method', input.method);
  for (const [name, on] of Object.entries(input.switches ?? {})) if (on === false) params.set(`switches.${name}`, '0');
  if (state.overlays.length > 0) params.set('overlays', JSON.stringify(state.overlays));
  params.set('sweep', JSON.stringify(state.sweep));
  return params.toString();
}

/** State from a URL hash; unknown or malformed entries fall back to defaults (never throws). */
export function decodeState(hash: string): AppState {
  const state = defaultState();
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if ([...params.keys()].length === 0) return state;
  const input: SimulationInput = { composition: params.get('composition') || state.input.composition, edgeNm: state.input.edgeNm };
  for (const key of NUMERIC_KEYS) {
    const text = params.get(key);
    if (text === null) continue;
    if (key === 'edgeNm') {
      const edge = Number(text);
      input.edgeNm = text === 'bulk' ? null : Number.isFinite(edge) ? edge : PARAMS.edgeNm.default;
      continue;
    }
    const value = Number(text);
    if (Number.isFinite(value)) input[key] = value;
  }
  // Exactly one excitation measure and at most one pump measure: keep the first given.
  const excitation = EXCITATION_KEYS.find((k) => input[k] !== undefined);
  for (const k of EXCITATION_KEYS) if (k !== excitation) delete input[k];
  if (!excitation) input.densityCm3 = PARAMS.densityCm3.default;
  if (input.pumpNm !== undefined) delete input.pumpEv;
  // Choices read from their declarations (params.ts); the default is left out of the input, as before.
  const acceptor = params.get('acceptor');
  if (isChoice(ACCEPTOR_PARAM, acceptor) && acceptor !== ACCEPTOR_PARAM.default) input.acceptor = acceptor;
  const augerStatistics = params.get('augerStatistics');
  if (isChoice(AUGER_STATISTICS_PARAM, augerStatistics) && augerStatistics !== AUGER_STATISTICS_PARAM.default) input.augerStatistics = augerStatistics;
  const method = params.get('method');
  if (isChoice(METHOD_PARAM, method) && method !== METHOD_PARAM.default) input.method = method;
  for (const [key, value] of params) {
    if (key.startsWith('switches.') && value === '0') input.switches = { ...input.switches, [key.slice(9)]: false };
  }
  state.input = input;
  state.overlays = parseJson(params.get('overlays'), [], Array.isArray) as SimulationInput[];
  state.sweep = sweepForm(parseJson(params.get('sweep'), null, (v) => typeof v === 'object' && v !== null), state.sweep);
  return state;
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
  const text = (x: unknown) => (typeof x === 'string' ? x : '');
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
