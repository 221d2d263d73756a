// Measured carrier temperatures on the page: the file input, Remove, the error shown beside it (the previous data
// kept), and a readout comparing the data with the current model curve. The file never goes into the URL.

import { compareWithModel, type MeasuredComparison, type MeasuredSeries } from '../src/data/measured.ts';
import { parseDataFile } from './data-file-client.ts';
import type { SimulationResult } from '../src/model/types.ts';
import { formatNumber, withUnit } from './format.ts';

/** Colour of the measured points: black, apart from every model palette colour. */
export const MEASURED_COLOR = '#111111';

export interface MeasuredPanel {
  readonly element: HTMLElement;
  /** The data on screen, or null. */
  readonly series: MeasuredSeries | null;
  /** The comparison with the last model curve given to `update`, or null. */
  readonly comparison: MeasuredComparison | null;
  /** Remove the data (Reset), as the Remove button does. */
  clear(): void;
  /** Compare with a new model curve and refresh the readout. */
  update(model: SimulationResult | null): void;
}

/**
 * @param changed called after data are loaded or removed (redraw the chart); not called when a file is refused
 */
export function createMeasuredPanel(changed: () => void): MeasuredPanel {
  let series: MeasuredSeries | null = null;
  let comparison: MeasuredComparison | null = null;
  let model: SimulationResult | null = null;

  const element = document.createElement('fieldset');
  element.className = 'control measured';
  element.innerHTML = `<legend>Measured data</legend>
    <label for="measured-file">Load measured Tc (CSV)…</label>
    <input type="file" id="measured-file" accept=".csv,.tsv,.txt,text/csv,text/plain" aria-describedby="measured-help measured-error">
    <span class="help" id="measured-help">Rows: delay (ps), carrier temperature (K), optional uncertainty (K); comma, semicolon or tab; a header may give fs or ns.</span>
    <span class="error" id="measured-error" role="alert"></span>
    <output id="measured-readout" aria-live="polite"></output>
    <button type="button" id="measured-remove" hidden>Remove measured data</button>
    <span class="help" id="measured-note">The link (URL) cannot hold a file: after sharing or reloading, load the file again.</span>`;
  const input = element.querySelector<HTMLInputElement>('#measured-file')!;
  const error = element.querySelector<HTMLElement>('#measured-error')!;
  const readout = element.querySelector<HTMLOutputElement>('#measured-readout')!;
  const remove = element.querySelector<HTMLButtonElement>('#measured-remove')!;

  function showReadout(): void {
    remove.hidden = series === null;
    if (!series) {
      readout.textContent = '';
      return;
    }
    comparison = model ? compareWithModel(model, series) : null;
    const parts = [`${series.name}: ${series.tPs.length} points`];
    if (comparison) {
      parts.push(`n = ${comparison.n} compared`, `RMS ${withUnit(comparison.rmsK, 'K')}`);
      if (series.sigmaK) parts.push(`χ²/point ${formatNumber(comparison.chi2PerPoint)}`);
      if (comparison.outsideWindow > 0) parts.push(`${comparison.outsideWindow} outside the model window`);
    }
    readout.textContent = [parts.join(' · '), ...series.notes].join(' — ');
  }

  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    input.value = ''; // the same file can be chosen again after editing it
    if (!file) return;
    element.classList.add('busy');
    error.textContent = '';
    readout.textContent = `reading ${file.name}…`;
    const outcome = await parseDataFile(file).catch((e: Error) => ({ ok: false as const, message: `could not be read (${e.message})` }));
    element.classList.remove('busy');
    if (outcome.ok) {
      series = outcome.series;
      showReadout();
      changed();
    } else {
      showReadout();
      error.textContent = `${file.name}: ${outcome.message}${series ? ` — still showing ${series.name}` : ''}`;
    }
  });
  const clear = () => {
    series = null;
    comparison = null;
    error.textContent = '';
    showReadout();
    changed();
  };
  remove.addEventListener('click', () => {
    clear();
    input.focus();
  });

  return {
    element,
    get series() {
      return series;
    },
    get comparison() {
      return comparison;
    },
    clear,
    update(next: SimulationResult | null) {
      model = next;
      showReadout();
    },
  };
}
