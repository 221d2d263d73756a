// The sweep form's state (up to three axes) and its translation into a SweepSpec for the worker pool.

import type { SimulationInput } from '../src/model/types.ts';
import { formatLimit, PARAMS, type NumericParamKey } from '../src/model/params.ts';
import { BIEXP_COLUMN_NAMES, type SweepAxis, type SweepColumns, type SweepSpec } from '../workers/protocol.ts';
import { parseNumber, prettyUnit } from './format.ts';

export interface AxisForm {
  /** SimulationInput key, "composition", "bulk" (NC vs film) or '' for an unused axis. */
  key: string;
  from: string;
  to: string;
  count: string;
  /** Comma-separated values for composition (or any key when `list` is used). */
  list: string;
}

export interface SweepFormState {
  axes: AxisForm[];
  /** Metric column plotted against the first axis. */
  metric: keyof SweepColumns;
  /** Workers to use (1 … cores); 0 = all cores. */
  workers: number;
}

export const SWEEP_METRICS: { key: keyof SweepColumns; label: string; unit: string }[] = [
  { key: 'tau1ePs', label: 'Cooling time to 1/e', unit: 'ps' },
  { key: 'slowPs', label: 'Slow lifetime (bi-exp.)', unit: 'ps' },
  { key: 'fastPs', label: 'Fast lifetime (bi-exp.)', unit: 'ps' },
  { key: 'timeToTargetPs', label: 'Time to target Tc', unit: 'ps' },
  { key: 'peakTcK', label: 'Peak carrier temperature', unit: 'K' },
  { key: 'initialLossRateMeVps', label: 'Initial energy-loss rate', unit: 'meV ps⁻¹' },
  { key: 'nfev', label: 'Right-hand-side evaluations', unit: '' },
  { key: 'solveMs', label: 'Solve time', unit: 'ms' },
];

/** A sweep axis's name as the page writes it: the parameter's label and unit ("NC edge length (nm)"). */
export function axisName(key: string, withUnit = true): string {
  if (key === 'composition') return 'Composition';
  if (!Object.hasOwn(PARAMS, key)) return key;
  const spec = PARAMS[key as NumericParamKey];
  return withUnit && spec.unit ? `${spec.label} (${prettyUnit(spec.unit)})` : spec.label;
}

/** One axis value with its unit: "NC edge length 5 nm", "Composition FAPbI3", "bulk film". */
export function axisValueText(key: string, value: unknown, format: (v: number) => string): string {
  if (value === null) return 'bulk film';
  if (key === 'composition') return String(value);
  const spec = Object.hasOwn(PARAMS, key) ? PARAMS[key as NumericParamKey] : undefined;
  const v = typeof value === 'number' ? format(value) : String(value);
  return spec ? `${spec.label} ${v}${spec.unit ? ` ${prettyUnit(spec.unit)}` : ''}` : `${key} ${v}`;
}

/** Keys a sweep axis may take: composition, then every numeric parameter declared in PARAMS. */
export function sweepableKeys(): { key: string; label: string }[] {
  return [
    { key: 'composition', label: 'Composition (list)' },
    ...(Object.keys(PARAMS) as NumericParamKey[]).map((k) => ({ key: k, label: `${PARAMS[k].label}${PARAMS[k].unit ? ` (${prettyUnit(PARAMS[k].unit)})` : ''}` })),
  ];
}

export function defaultSweepForm(): SweepFormState {
  return {
    axes: [
      { key: 'densityCm3', from: '1e16', to: '1e20', count: '13', list: '' },
      { key: 'edgeNm', from: '5', to: '15', count: '3', list: '' },
      { key: 'composition', from: '', to: '', count: '', list: 'CsPbI3, FAPbI3' },
    ],
    metric: 'tau1ePs',
    workers: 0,
  };
}

/** Evenly spaced values, on a log scale when the parameter's declared scale is log. */
export function spacedValues(from: number, to: number, count: number, log: boolean): number[] {
  if (count === 1) return [from];
  const out: number[] = [];
  for (let i = 0; i < count; i++) {
    const f = i / (count - 1);
    out.push(log ? from * (to / from) ** f : from + (to - from) * f);
  }
  return out.map((v) => Number(v.toPrecision(6)));
}

/** The axis values described by a form row; throws an Error naming the bad field. */
export function axisFromForm(form: AxisForm): SweepAxis | null {
  if (form.key === '') return null;
  if (form.key === 'composition') {
    const values = form.list.split(',').map((s) => s.trim()).filter(Boolean);
    if (values.length === 0) throw new Error('composition: give a comma-separated list of formulas');
    return { key: 'composition', values };
  }
  const spec = Object.hasOwn(PARAMS, form.key) ? PARAMS[form.key as NumericParamKey] : undefined;
  if (!spec) throw new Error(`${form.key}: not a parameter a sweep can vary`);
  const name = spec.label;
  const unit = spec.unit ? ` ${prettyUnit(spec.unit)}` : '';
  const rangeFilled = [form.from, form.to, form.count].some((t) => t.trim() !== '');
  if (form.list.trim() !== '') {
    if (rangeFilled) throw new Error(`${name}: give a range (from, to, points) or a list, not both — clear one of them`);
    const values = form.list.split(',').map(parseNumber);
    if (values.some((v) => !Number.isFinite(v))) throw new Error(`${name}: the list holds something that is not a number`);
    return { key: form.key, values };
  }
  const from = parseNumber(form.from);
  const to = parseNumber(form.to);
  const count = parseNumber(form.count);
  for (const [end, v] of [['from', from], ['to', to]] as const) {
    if (!(v >= spec.min && v <= spec.max)) throw new Error(`${name}, ${end}: a number from ${formatLimit(spec.min)} to ${formatLimit(spec.max)}${unit}`);
  }
  if (!Number.isInteger(count) || count < 1 || count > 10000) throw new Error(`${name}, points: a whole number from 1 to 10000`);
  return { key: form.key, values: spacedValues(from, to, count, spec.scale === 'log' && from > 0 && to > 0) };
}

/** The SweepSpec of a form around the current input; throws naming the bad field. Each point's bi-exponential fit
 *  (about a tenth of its CPU time) is computed only when the form plots one of its columns. */
export function specFromForm(form: SweepFormState, base: SimulationInput): SweepSpec {
  const axes = form.axes.map(axisFromForm).filter((a): a is SweepAxis => a !== null);
  if (axes.length === 0) throw new Error('Sweep: choose at least one parameter');
  const keys = axes.map((a) => a.key);
  if (new Set(keys).size !== keys.length) throw new Error('Sweep: each parameter may appear on one axis only');
  return { base, axes, biExponential: BIEXP_COLUMN_NAMES.includes(form.metric) };
}
