// The sweep panel: up to three axes, Run / Cancel, a progress bar, a metric-vs-parameter chart and CSV export.

import uPlot from 'uplot';
import { BIEXP_COLUMN_NAMES, POINT_NOT_RUN, POINT_OK, type SweepProgress, type SweepResult } from '../workers/protocol.ts';
import { gridIndices } from '../src/sweep/grid.ts';
import { PARAMS, type NumericParamKey } from '../src/model/params.ts';
import { formatNumber, prettyUnit } from './format.ts';
import { PALETTE } from './curves.ts';
import { axisName, axisValueText, SWEEP_METRICS, sweepableKeys, type SweepFormState } from './sweep-form.ts';

const SWEEP_DASHES: (number[] | undefined)[] = [undefined, [8, 4], [2, 3], [10, 3, 2, 3]];

export interface SweepPanel {
  element: HTMLElement;
  form(): SweepFormState;
  setForm(form: SweepFormState): void;
  progress(p: SweepProgress): void;
  running(on: boolean): void;
  show(result: SweepResult): void;
  message(text: string, isError?: boolean): void;
}

export interface SweepPanelHandlers {
  run(): void;
  cancel(): void;
  exportCsv(): void;
  changed(): void;
}

/** Shortest time between two repaints of the progress bar (ms). */
const PROGRESS_PAINT_MS = 250;

export function createSweepPanel(cores: number, initial: SweepFormState, handlers: SweepPanelHandlers): SweepPanel {
  const section = document.createElement('section');
  section.className = 'panel sweep';
  section.setAttribute('aria-labelledby', 'sweep-title');
  const keys = sweepableKeys();
  const axisRow = (i: number) => `
    <fieldset class="axis" data-axis="${i}"><legend>Axis ${i + 1}</legend>
      <label>Parameter <select data-f="key"><option value="">(none)</option>${keys.map((k) => `<option value="${k.key}">${k.label}</option>`).join('')}</select></label>
      <label>From <span class="unit"></span> <input data-f="from" type="text" inputmode="decimal" size="7"></label>
      <label>To <span class="unit"></span> <input data-f="to" type="text" inputmode="decimal" size="7"></label>
      <label>Points <input data-f="count" type="text" inputmode="numeric" size="4"></label>
      <label>or list (comma-separated) <input data-f="list" type="text" size="22"></label>
    </fieldset>`;
  section.innerHTML = `
    <h2 id="sweep-title">Sweep</h2>
    <div class="axes">${[0, 1, 2].map(axisRow).join('')}</div>
    <p class="sweep-opts">
      <label>Plot <select data-f="metric">${SWEEP_METRICS.map((m) => `<option value="${m.key}">${m.label}${m.unit ? ` (${m.unit})` : ''}</option>`).join('')}</select></label>
      <label>Workers <span class="unit">(1–${cores})</span> <input data-f="workers" type="number" min="1" max="${cores}" step="1"></label>
      <button type="button" class="run">Run sweep</button>
      <button type="button" class="cancel" disabled>Cancel</button>
      <button type="button" class="csv" disabled>Sweep CSV</button>
    </p>
    <p><progress max="1" value="0" aria-label="Sweep progress"></progress> <span class="status" aria-live="polite"></span></p>
    <div class="sweep-chart"></div>`;
  const q = <T extends Element>(sel: string) => section.querySelector<T>(sel)!;
  const bar = q<HTMLProgressElement>('progress');
  const status = q<HTMLElement>('.status');
  const runButton = q<HTMLButtonElement>('.run');
  const cancelButton = q<HTMLButtonElement>('.cancel');
  const csvButton = q<HTMLButtonElement>('.csv');
  const chartBox = q<HTMLElement>('.sweep-chart');
  let plot: uPlot | null = null;
  let last: SweepResult | null = null;
  /** Progress reports are shown only while a sweep runs (late ones after Cancel are dropped). */
  let active = false;
  /**
   * The bar and status are repainted at most every PROGRESS_PAINT_MS: each repaint costs the page's main thread a
   * layout, paint and hit test, and on a 2-core machine that time is taken from the sweep's workers.
   */
  let pending: SweepProgress | null = null;
  let paintTimer: ReturnType<typeof setTimeout> | null = null;
  let lastPaint = -Infinity;
  const paintProgress = () => {
    paintTimer = null;
    if (!active || !pending) return;
    const p = pending;
    pending = null;
    lastPaint = performance.now();
    bar.max = Math.max(1, p.total);
    bar.value = p.done;
    status.textContent = `${p.done} / ${p.total} points${p.failed ? `, ${p.failed} failed` : ''} · ${formatNumber(p.elapsedMs / 1000)} s`;
  };
  const stopProgress = () => {
    if (paintTimer) clearTimeout(paintTimer);
    paintTimer = null;
    pending = null;
  };
  runButton.addEventListener('click', handlers.run);
  cancelButton.addEventListener('click', handlers.cancel);
  csvButton.addEventListener('click', handlers.exportCsv);
  /** Show the chosen parameter's unit next to From and To. */
  const showUnits = () => {
    for (const row of section.querySelectorAll<HTMLElement>('fieldset.axis')) {
      const key = row.querySelector<HTMLSelectElement>('[data-f="key"]')!.value;
      const unit = PARAMS[key as NumericParamKey]?.unit;
      for (const span of row.querySelectorAll<HTMLElement>('.unit')) span.textContent = unit ? `(${prettyUnit(unit)})` : '';
    }
  };
  section.addEventListener('change', (e) => {
    showUnits();
    handlers.changed();
    if ((e.target as HTMLElement).dataset.f === 'metric' && last) draw(last);
  });

  const readForm = (): SweepFormState => ({
    axes: [0, 1, 2].map((i) => {
      const row = q<HTMLElement>(`[data-axis="${i}"]`);
      const get = (f: string) => row.querySelector<HTMLInputElement>(`[data-f="${f}"]`)!.value;
      return { key: get('key'), from: get('from'), to: get('to'), count: get('count'), list: get('list') };
    }),
    metric: q<HTMLSelectElement>('[data-f="metric"]').value as SweepFormState['metric'],
    workers: Math.max(1, Math.min(cores, Math.round(Number(q<HTMLInputElement>('[data-f="workers"]').value) || cores))),
  });
  const setForm = (form: SweepFormState) => {
    [0, 1, 2].forEach((i) => {
      const row = q<HTMLElement>(`[data-axis="${i}"]`);
      const axis = form.axes[i] ?? { key: '', from: '', to: '', count: '', list: '' };
      for (const f of ['key', 'from', 'to', 'count', 'list'] as const) row.querySelector<HTMLInputElement>(`[data-f="${f}"]`)!.value = axis[f];
    });
    q<HTMLSelectElement>('[data-f="metric"]').value = form.metric;
    q<HTMLInputElement>('[data-f="workers"]').value = String(form.workers > 0 ? Math.min(form.workers, cores) : cores);
    showUnits();
  };
  setForm(initial);

  /** Metric against the first axis, one series per combination of the other axes. */
  const draw = (result: SweepResult) => {
    const metricKey = readForm().metric;
    const metric = SWEEP_METRICS.find((m) => m.key === metricKey)!;
    if (!result.biExponential && BIEXP_COLUMN_NAMES.includes(metric.key)) {
      // The sweep ran without the fit (it plotted another metric, sweep-form.ts): say so rather than plot nothing.
      plot?.destroy();
      plot = null;
      status.textContent = `${metric.label}: not computed in this sweep (the bi-exponential fit runs only in a sweep that plots it); run the sweep again to plot it.`;
      return;
    }
    const [first, ...rest] = result.axes;
    const numericX = first.values.every((v) => typeof v === 'number');
    const xs = first.values.map((v, i) => (numericX ? (v as number) : i));
    const groups = new Map<string, (number | null)[]>();
    for (let row = 0; row < result.range[1] - result.range[0]; row++) {
      const idx = gridIndices(result.axes, result.range[0] + row);
      const label = rest.map((a, k) => axisValueText(a.key, a.values[idx[k + 1]], (v) => formatNumber(v))).join(', ') || metric.label;
      if (!groups.has(label)) groups.set(label, new Array(xs.length).fill(null));
      const v = result.columns[metric.key][row];
      groups.get(label)![idx[0]] = result.columns.status[row] === POINT_OK && Number.isFinite(v) ? v : null;
    }
    const spec = PARAMS[first.key as NumericParamKey];
    const logX = numericX && spec?.scale === 'log' && xs.every((x) => x > 0);
    const series: uPlot.Series[] = [
      { label: axisName(first.key), value: (_u, v) => (v === null ? '—' : numericX ? formatNumber(v) : String(first.values[v] ?? '')) },
      ...[...groups.keys()].map((label, i) => ({
        // Past the palette, the colours repeat with another dash, so no two series look alike.
        label, stroke: PALETTE[i % PALETTE.length], dash: SWEEP_DASHES[Math.floor(i / PALETTE.length) % SWEEP_DASHES.length], width: 2, spanGaps: false, points: { show: true, size: 5 },
        value: (_u: uPlot, v: number | null) => (v === null ? '—' : `${formatNumber(v)} ${metric.unit}`),
      })),
    ];
    plot?.destroy();
    plot = new uPlot({
      title: `${metric.label} vs ${axisName(first.key, false)}`,
      width: Math.max(320, chartBox.clientWidth || 600),
      height: 280,
      scales: { x: { time: false, distr: logX ? 3 : 1 }, y: { distr: metric.key === 'peakTcK' ? 1 : 3 } },
      axes: [
        {
          label: axisName(first.key),
          values: (_u, splits) => splits.map((v) => (v === null ? '' : numericX ? formatNumber(v, 2) : String(first.values[v] ?? ''))),
        },
        { label: `${metric.label}${metric.unit ? ` (${metric.unit})` : ''}`, size: 60, values: (_u, splits) => splits.map((v) => (v === null ? '' : formatNumber(v, 2))) },
      ],
      series,
    }, [xs, ...groups.values()] as uPlot.AlignedData, chartBox);
  };

  return {
    element: section,
    form: readForm,
    setForm,
    progress(p: SweepProgress) {
      if (!active) return;
      pending = p;
      const wait = PROGRESS_PAINT_MS - (performance.now() - lastPaint);
      if (wait <= 0) paintProgress();
      else paintTimer ??= setTimeout(paintProgress, wait);
    },
    running(on: boolean) {
      active = on;
      if (!on) stopProgress();
      // The focused button is about to be disabled: hand focus to its partner so it never drops to the page.
      const handOver = (on && document.activeElement === runButton) || (!on && document.activeElement === cancelButton);
      runButton.disabled = on;
      cancelButton.disabled = !on;
      if (handOver) (on ? cancelButton : runButton).focus();
      section.classList.toggle('busy', on);
    },
    show(result: SweepResult) {
      active = false;
      stopProgress();
      bar.max = Math.max(1, result.range[1] - result.range[0]);
      bar.value = Array.from(result.columns.status).filter((s) => s !== POINT_NOT_RUN).length;
      last = result;
      csvButton.disabled = false;
      const ok = Array.from(result.columns.status).filter((s) => s === POINT_OK).length;
      const n = result.range[1] - result.range[0];
      status.textContent = `${result.cancelled ? 'Cancelled' : 'Done'}: ${ok} of ${n} points in ${formatNumber(result.wallMs / 1000)} s on ${result.workers} worker${result.workers === 1 ? '' : 's'}` +
        ` (${formatNumber((ok / Math.max(result.wallMs, 1)) * 1000)} trajectories/s)`;
      section.dataset.state = result.cancelled ? 'cancelled' : 'done';
      if (ok > 0) draw(result);
    },
    message(text: string, isError = false) {
      status.textContent = text;
      status.classList.toggle('error', isError);
    },
  };
}
