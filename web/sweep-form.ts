// The sweep form's state (up to three axes) and its translation into a SweepSpec for the worker pool.

import type { SimulationInput } from '../src/model/types.ts';
import { PARAMS, type NumericParamKey } from '../src/model/params.ts';
import type { SweepAxis, SweepColumns, SweepSpec } from '../workers/protocol.ts';
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
  const spec = PARAMS[form.key as NumericParamKey];
  if (!spec) throw new Error(`${form.key}: not a sweepable parameter`);
  if (form.list.trim() !== '') {
    const values = form.list.split(',').map(parseNumber);
    if (values.some((v) => !Number.isFinite(v))) throw new Error(`${form.key}: the list holds something that is not a number`);
    return { key: form.key, values };
  }
  const from = parseNumber(form.from);
  const to = parseNumber(form.to);
  const count = parseNumber(form.count);
  for (const [name, v] of [['from', from], ['to', to]] as const) {
    if (!(v >= spec.min && v <= spec.max)) throw new Error(`${form.key} ${name}: a number from ${spec.min} to ${spec.max} ${spec.unit}`);
  }
  if (!Number.isInteger(count) || count < 1 || count > 10000) throw new Error(`${form.key} count: an integer from 1 to 10000`);
  return { key: form.key, values: spacedValues(from, to, count, spec.scale === 'log' && from > 0 && to > 0) };
}

/** The SweepSpec of a form around the current input; throws naming the bad field. */
export function specFromForm(form: SweepFormState, base: SimulationInput): SweepSpec {
  const axes = form.axes.map(axisFromForm).filter((a): a is SweepAxis => a !== null);
  if (axes.length === 0) throw new Error('sweep: choose at least one parameter');
  const keys = axes.map((a) => a.key);
  if (new Set(keys).size !== keys.length) throw new Error('sweep: each parameter may appear on one axis only');
  return { base, axes };
}
