// A labelled number field + slider generated from one PARAMS declaration (label, unit, range, scale, meaning).

import { formatLimit, PARAMS, type NumericParamKey, type NumericParamSpec } from '../src/model/params.ts';
import { plainMessage } from './messages.ts';
import { formatNumber, parseNumber, prettyUnit } from './format.ts';

const SLIDER_STEPS = 1000;

export interface NumericControl {
  readonly key: NumericParamKey;
  readonly spec: NumericParamSpec;
  readonly element: HTMLElement;
  /** Last valid value (the field may show an invalid one with its message). */
  value(): number;
  set(value: number): void;
  /** Show an error (from the engine) under the field; '' clears it. */
  setError(message: string): void;
  /** Add a marker on the slider at `value` with a title (e.g. the Bohr diameter). */
  setMarker(value: number | null, title: string): void;
  setDisabled(disabled: boolean): void;
}

function toSlider(spec: NumericParamSpec, value: number): number {
  const f = spec.scale === 'log'
    ? Math.log(value / spec.min) / Math.log(spec.max / spec.min)
    : (value - spec.min) / (spec.max - spec.min);
  return Math.round(Math.min(1, Math.max(0, f)) * SLIDER_STEPS);
}

function fromSlider(spec: NumericParamSpec, step: number): number {
  const f = step / SLIDER_STEPS;
  const v = spec.scale === 'log' ? spec.min * (spec.max / spec.min) ** f : spec.min + (spec.max - spec.min) * f;
  return Number(v.toPrecision(spec.scale === 'log' ? 3 : 4));
}

/** The field's own check against the declaration; '' when the value is allowed. */
export function checkValue(spec: NumericParamSpec, value: number): string {
  const unit = spec.unit ? ` ${prettyUnit(spec.unit)}` : '';
  const range = `${formatLimit(spec.min)} to ${formatLimit(spec.max)}${unit}`;
  if (!Number.isFinite(value)) return `Not a number; enter ${range}`;
  if (value < spec.min || value > spec.max) return `Out of range: allowed ${range}`;
  if (spec.key === 'nPoints' && !Number.isInteger(value)) return 'Must be a whole number';
  return '';
}

/**
 * Build the control. `onChange(value)` fires with valid, new values only: while the slider moves and
 * while a number is typed (each keystroke that leaves a valid number).
 */
export function createNumericControl(
  key: NumericParamKey,
  initial: number,
  onChange: (value: number) => void,
): NumericControl {
  const spec = PARAMS[key];
  const unit = prettyUnit(spec.unit);
  const id = `param-${key}`;
  const wrap = document.createElement('div');
  wrap.className = 'control numeric';
  wrap.dataset.param = key;
  wrap.innerHTML = `
    <label for="${id}">${spec.label}${unit ? ` <span class="unit">(${unit})</span>` : ''}</label>
    <div class="row">
      <input type="range" min="0" max="${SLIDER_STEPS}" step="1" aria-label="${spec.label} slider${unit ? `, ${unit}` : ''}" aria-describedby="${id}-help">
      <input type="text" inputmode="decimal" id="${id}" name="${key}" spellcheck="false" autocomplete="off" aria-describedby="${id}-help ${id}-error">
    </div>
    <div class="marker" hidden></div>
    <small id="${id}-help" class="help">${plainMessage(spec.meaning)}. Range ${formatNumber(spec.min)} – ${formatNumber(spec.max)}${unit ? ` ${unit}` : ''}.</small>
    <small id="${id}-error" class="error" role="alert" aria-live="polite"></small>`;
  const slider = wrap.querySelector<HTMLInputElement>('input[type=range]')!;
  const field = wrap.querySelector<HTMLInputElement>('input[type=text]')!;
  const errorText = wrap.querySelector<HTMLElement>('.error')!;
  const marker = wrap.querySelector<HTMLElement>('.marker')!;
  let good = initial;
  let shownError = '';
  /**
   * Report a value unless it repeats the last one reported (a field's change event repeats its last input);
   * `force` after the field was invalid, so the page learns it is valid again.
   */
  const emit = (value: number, force: boolean) => {
    if (value === reported && !force) return;
    good = value;
    reported = value;
    onChange(value);
  };
  let reported = initial;

  const showError = (message: string) => {
    shownError = message;
    errorText.textContent = message;
    field.setAttribute('aria-invalid', message ? 'true' : 'false');
    wrap.classList.toggle('invalid', message !== '');
  };
  const show = (value: number) => {
    field.value = formatNumber(value, 4);
    slider.value = String(toSlider(spec, value));
    slider.setAttribute('aria-valuetext', `${formatNumber(value)}${unit ? ` ${unit}` : ''}`);
  };
  show(initial);

  slider.addEventListener('input', () => {
    const value = fromSlider(spec, Number(slider.value));
    const wasInvalid = shownError !== '';
    field.value = formatNumber(value, 4);
    slider.setAttribute('aria-valuetext', `${formatNumber(value)}${unit ? ` ${unit}` : ''}`);
    showError('');
    emit(value, wasInvalid);
  });
  const commitField = () => {
    const value = parseNumber(field.value);
    const wasInvalid = shownError !== '';
    const message = checkValue(spec, value);
    showError(message);
    if (message) return;
    slider.value = String(toSlider(spec, value));
    emit(value, wasInvalid);
  };
  field.addEventListener('input', commitField);
  field.addEventListener('change', commitField);
  field.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') commitField();
  });

  return {
    key,
    spec,
    element: wrap,
    value: () => good,
    set(value: number) {
      good = value;
      reported = value;
      show(value);
      showError(checkValue(spec, value));
    },
    setError(message: string) {
      if (message !== shownError) showError(message);
    },
    setMarker(value: number | null, title: string) {
      if (value === null || !Number.isFinite(value) || value < spec.min || value > spec.max) {
        marker.hidden = true;
        return;
      }
      marker.hidden = false;
      marker.style.setProperty('--at', `${(toSlider(spec, value) / SLIDER_STEPS) * 100}%`);
      marker.textContent = title;
      marker.title = title;
    },
    setDisabled(disabled: boolean) {
      slider.disabled = disabled;
      field.disabled = disabled;
      wrap.classList.toggle('disabled', disabled);
    },
  };
}
