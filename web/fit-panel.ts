// Fit to the measured data on the page: choose free parameters among the controls, run the fit on a worker
// (Cancel stops it), read the values with ±1σ and χ²/dof, and put the fitted values into the controls.

import type { FitOptions, FitResult, FreeParameter } from '../src/data/fit.ts';
import type { MeasuredSeries } from '../src/data/measured.ts';
import { PARAMS, type NumericParamKey } from '../src/model/params.ts';
import type { SimulationInput } from '../src/model/types.ts';
import { escapeHtml, formatNumber, prettyUnit } from './format.ts';
import { excitationKeyOf, pumpKeyOf } from './url-state.ts';

/** Optimiser cap for fits started from the page (simulations); the CLI's default too. */
const PAGE_MAX_SIMULATIONS = 400;

/** A free-parameter choice: which control it stands for, and the input key it is in the current input. */
interface Choice {
  id: 'excitation' | 'edgeNm' | 'latticeK' | 'pump';
  label: string;
  key(input: SimulationInput): NumericParamKey | null;
  checked: boolean;
}

const CHOICES: Choice[] = [
  { id: 'excitation', label: 'Excitation (in the unit chosen above)', key: excitationKeyOf, checked: true },
  { id: 'edgeNm', label: 'NC edge length', key: (input) => (input.edgeNm === null ? null : 'edgeNm'), checked: false },
  { id: 'latticeK', label: 'Lattice temperature', key: () => 'latticeK', checked: false },
  { id: 'pump', label: 'Pump (wavelength or photon energy, as chosen above)', key: pumpKeyOf, checked: false },
];

export interface FitPanelDeps {
  /** The current input: the fit starts from it. */
  input(): SimulationInput;
  /** The measured data on screen. */
  data(): MeasuredSeries | null;
  /** Run the fit on a worker. */
  fit(base: SimulationInput, data: MeasuredSeries, free: FreeParameter[], options: FitOptions, signal: AbortSignal): Promise<FitResult>;
  /** Put fitted values into the current input and recompute. */
  apply(values: Partial<Record<NumericParamKey, number>>): void;
}

export interface FitPanel {
  readonly element: HTMLElement;
  /** The last finished fit, or null. */
  readonly last: FitResult | null;
  /** Data loaded or removed: show or hide the panel and forget the last fit. */
  dataChanged(): void;
}

export function createFitPanel(deps: FitPanelDeps): FitPanel {
  const element = document.createElement('fieldset');
  element.className = 'control fit';
  element.hidden = true;
  element.innerHTML = `<legend>Fit to the measured data</legend>
    <span class="help" id="fit-help">Free parameters start from the current values and stay within each control's allowed range; the rest are held.</span>
    ${CHOICES.map((c) => `<label class="check"><input type="checkbox" data-fit="${c.id}"${c.checked ? ' checked' : ''}> ${escapeHtml(c.label)}</label>`).join('')}
    <div class="row"><button type="button" class="fit-run" aria-describedby="fit-help">Fit</button>
    <button type="button" class="fit-cancel" disabled>Cancel</button>
    <button type="button" class="fit-apply" disabled>Use fitted values</button></div>
    <output class="fit-result" aria-live="polite"></output>`;
  const q = <T extends Element>(sel: string) => element.querySelector<T>(sel)!;
  const runButton = q<HTMLButtonElement>('.fit-run');
  const cancelButton = q<HTMLButtonElement>('.fit-cancel');
  const applyButton = q<HTMLButtonElement>('.fit-apply');
  const out = q<HTMLOutputElement>('.fit-result');
  let last: FitResult | null = null;
  let abort: AbortController | null = null;

  const show = (html: string, isError = false) => {
    out.innerHTML = html;
    out.classList.toggle('error', isError);
  };
  const busy = (on: boolean) => {
    const handOver = (on && document.activeElement === runButton) || (!on && document.activeElement === cancelButton);
    runButton.disabled = on;
    cancelButton.disabled = !on;
    if (handOver) (on ? cancelButton : runButton).focus();
    applyButton.disabled = on || !last || last.status === 'failed';
  };
  const stop = () => {
    abort?.abort();
    abort = null;
  };

  runButton.addEventListener('click', () => {
    const data = deps.data();
    if (!data) return;
    const base = structuredClone(deps.input());
    const keys = CHOICES.filter((c) => q<HTMLInputElement>(`[data-fit="${c.id}"]`).checked).map((c) => c.key(base));
    const free = keys.filter((k): k is NumericParamKey => k !== null).map((key) => ({ key }));
    if (free.length === 0) {
      show('Tick at least one free parameter (the NC edge length cannot be fitted for a bulk film).', true);
      return;
    }
    stop();
    last = null;
    const controller = new AbortController();
    abort = controller;
    busy(true);
    const started = performance.now();
    show(`Fitting ${free.length} parameter${free.length > 1 ? 's' : ''} (at most ${PAGE_MAX_SIMULATIONS} simulations)…`);
    deps.fit(base, data, free, { maxSimulations: PAGE_MAX_SIMULATIONS }, controller.signal).then(
      (result) => {
        if (abort !== controller) return;
        last = result;
        show(resultHtml(result, performance.now() - started), result.status === 'failed');
      },
      (error: Error) => {
        if (abort !== controller) return;
        show(controller.signal.aborted ? 'Fit cancelled.' : `Fit failed: ${escapeHtml(error.message)}`, !controller.signal.aborted);
      },
    ).finally(() => {
      if (abort === controller) {
        abort = null;
        busy(false);
      }
    });
  });
  cancelButton.addEventListener('click', () => {
    stop();
    show('Fit cancelled.');
    busy(false);
  });
  applyButton.addEventListener('click', () => {
    if (!last) return;
    const values: Partial<Record<NumericParamKey, number>> = {};
    for (const p of last.parameters) values[p.key as NumericParamKey] = Number(p.value.toPrecision(6));
    deps.apply(values);
  });

  return {
    element,
    get last() {
      return last;
    },
    dataChanged() {
      stop();
      last = null;
      element.hidden = deps.data() === null;
      show('');
      busy(false);
    },
  };
}

function resultHtml(r: FitResult, wallMs: number): string {
  const rows = r.parameters.map((p) => {
    const spec = PARAMS[p.key as NumericParamKey];
    const unit = spec?.unit ? prettyUnit(spec.unit) : '';
    const sigma = p.sigma === null ? '' : ` ± ${formatNumber(p.sigma, 2)}`;
    const bound = p.atBound ? ' (at a bound)' : '';
    return `<tr><th scope="row">${escapeHtml(spec?.label ?? p.label)}</th><td>${formatNumber(p.value, 4)}${sigma}${unit ? ` ${escapeHtml(unit)}` : ''}${bound}</td></tr>`;
  });
  const quality = r.chi2PerDof !== null ? `χ²/dof ${formatNumber(r.chi2PerDof)} (dof ${r.dof})` : `dof ${r.dof}`;
  const notes = [
    `${r.status === 'converged' ? 'Converged' : r.status === 'max-simulations' ? 'Stopped at the simulation cap' : 'Failed'}: ${quality}, RMS ${r.rmsK === null ? '—' : `${formatNumber(r.rmsK)} K`}, ` +
      `${r.n} points in ${formatNumber(r.windowPs[0])}–${formatNumber(r.windowPs[1])} ps, ${r.nSimulations} simulations, ${formatNumber(wallMs / 1000)} s.`,
    r.uncertainty.reason ? `No ±1σ: ${r.uncertainty.reason}.` : `±1σ from the Hessian at the optimum (local)${r.uncertainty.scaledByResidual ? ', scaled by the residual variance (the file gives no σ)' : ''}.`,
  ];
  if (r.status === 'failed') notes.unshift(r.message);
  return `<table class="fit-table"><tbody>${rows.join('')}</tbody></table><span class="help">${notes.map(escapeHtml).join(' ')}</span>`;
}
