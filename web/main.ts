// The page: builds the controls from PARAMS, runs the engine in workers, draws the charts, keeps the URL in step.

import 'uplot/dist/uPlot.min.css';
import './style.css';
import { PARAMS } from '../src/model/params.ts';
import type { SimulationInput, SimulationResult } from '../src/model/types.ts';
import { isCancelledError, type SweepResult } from '../workers/protocol.ts';
import { browserCores, createBrowserEnginePool } from '../workers/spawn-browser.ts';
import type { EnginePool } from '../workers/pool.ts';
import { createInputPanel } from './input-panel.ts';
import { curveLabel, makeCurve, PALETTE, type Curve } from './curves.ts';
import { curvesCsv, download, figurePng, figureSvg, sweepCsv } from './export.ts';
import type { FigureSpec } from './chart-figure.ts';
import { theme } from './chart-theme.ts';
import { FIGURE_PRESETS } from './figure-presets.ts';
import { intensitySeriesMembers } from './intensity-series.ts';
import { escapeHtml, formatNumber } from './format.ts';
import { LatestRunner } from './latest-runner.ts';
import { chartKeyboard } from './chart-keyboard.ts';
import { modelTcAt } from '../src/data/measured.ts';
import { plainMessage } from './messages.ts';
import { createMainChart } from './main-chart.ts';
import { createFitPanel } from './fit-panel.ts';
import { createMeasuredPanel } from './measured-data.ts';
import { createSideCharts } from './side-charts.ts';
import { stageMarks } from './stages.ts';
import { createStatsPanel } from './stats-panel.ts';
import { specFromForm } from './sweep-form.ts';
import { createSweepPanel } from './sweep-panel.ts';
import { createTrendsPanel } from './trends-panel.ts';
import { decodeLink, defaultState, encodeState, type AppState } from './url-state.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const opened = decodeLink(location.hash);
let state: AppState = opened.state;
const cores = browserCores();
/** One worker for the live curve, so sweeps never delay what follows the controls. */
const live = createBrowserEnginePool({ size: 1 });
/** Sweeps and trends: one pool for the page's life, so its workers stay JIT-warm whatever worker count a sweep asks for. */
const work: EnginePool = createBrowserEnginePool({ size: cores });

// ---- current curve, overlays, drawing -------------------------------------------------------------
let current: Curve | null = null;
let overlays: Curve[] = [];
let inputSeq = 0;
let drawnSeq = 0;
/** Simulations actually started for the live curve (fewer than control changes when they coalesce). */
let liveRuns = 0;
/** The live curve's last timings (ms): request → result back from the worker, and drawing it. */
const timing = { roundTripMs: Number.NaN, renderMs: Number.NaN };
const mainChart = createMainChart($('main-chart'));
const sideCharts = createSideCharts($('side-charts'));
const stats = createStatsPanel($('stats'));
/** Measured Tc from a file: drawn as points, compared with the current curve; never in the URL. */
const measured = createMeasuredPanel(() => {
  redraw(drawnSeq);
  fitPanel.dataChanged();
});
/** Fit free controls to the measured data, on a sweep-pool worker. */
const fitPanel = createFitPanel({
  input: () => state.input,
  data: () => measured.series,
  fit: (base, data, free, options, signal) => work.fit(base, data, free, options, signal),
  apply(values) {
    Object.assign(state.input, values);
    inputs.apply();
    changed();
    scheduleTrends();
  },
});
const status = $('status');

/** Debug and benchmark hook: read-only view of what is on screen. */
const hook = {
  get inputSeq() { return inputSeq; },
  get drawnSeq() { return drawnSeq; },
  get liveRuns() { return liveRuns; },
  get solveMs() { return current?.result.solver.wallMs ?? null; },
  get roundTripMs() { return timing.roundTripMs; },
  get renderMs() { return timing.renderMs; },
  get currentInput() { return current ? structuredClone(current.input) : null; },
  get curves() { return current ? [current, ...overlays].length : 0; },
  get tau1ePs() { return current?.result.metrics.tau1ePs ?? null; },
  get lastTcK() { return current ? current.result.tcK[current.result.tcK.length - 1] : null; },
  get peakTcK() { return current?.result.metrics.peakTcK ?? null; },
  get measuredPoints() { return measured.series?.tPs.length ?? 0; },
  get measuredRmsK() { return measured.comparison?.rmsK ?? null; },
  get lastFit() {
    const f = fitPanel.last;
    return f && { status: f.status, keys: f.parameters.map((p) => p.key), values: f.parameters.map((p) => p.value), objective: f.objective, startObjective: f.startObjective };
  },
  /** RGBA of the main chart's canvas in a row of 5 pixels centred on a (delay ps, Tc K) point, for tests of what was drawn. */
  mainChartPixels(delayPs: number, tcK: number): number[][] {
    const u = mainChart.plot;
    const x = Math.round(u.valToPos(delayPs, 'x', true));
    const y = Math.round(u.valToPos(tcK, 'y', true));
    const data = u.ctx.getImageData(x - 2, y, 5, 1).data;
    return Array.from({ length: 5 }, (_, i) => Array.from(data.subarray(4 * i, 4 * i + 4)));
  },
  /** Canvas x (device px) of a delay on the main chart. */
  chartX(delayPs: number): number {
    return mainChart.plot.valToPos(delayPs, 'x', true);
  },
  get lastSweep() {
    return lastSweep && { wallMs: lastSweep.wallMs, points: lastSweep.range[1] - lastSweep.range[0], workers: lastSweep.workers, cancelled: lastSweep.cancelled };
  },
};
(window as unknown as { hotcarrier: typeof hook }).hotcarrier = hook;

chartKeyboard($('main-chart'), () => mainChart.plot, (text) => ($('chart-readout').textContent = text));

/** The chart's data as a table (for screen readers and copying): every curve at up to 30 delays, built when opened. */
function showDataTable(): void {
  const box = $('chart-data') as HTMLDetailsElement;
  if (!box.open || !current) return;
  const curves = [current, ...overlays];
  const t = current.result.tPs;
  const step = Math.max(1, Math.ceil(t.length / 30));
  const rows: string[] = [];
  for (let i = 0; i < t.length; i += step) {
    rows.push(`<tr><th scope="row">${formatNumber(t[i])}</th>${curves.map((c) => `<td>${formatNumber(modelTcAt(c.result, t[i]), 4)}</td>`).join('')}</tr>`);
  }
  box.querySelector('table')!.innerHTML = `<caption>Carrier temperature Tc (K) of each curve against delay (ps)</caption>
    <thead><tr><th scope="col">Delay (ps)</th>${curves.map((c) => `<th scope="col">${escapeHtml(c.label)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody>`;
}
$('chart-data').addEventListener('toggle', showDataTable);

function redraw(seq: number): void {
  if (!current) return;
  const curves = [current, ...overlays];
  const underlay = { pulseFwhmPs: (current.input.pulseFwhmFs ?? PARAMS.pulseFwhmFs.default) / 1000, stages: stageMarks(current.result) };
  mainChart.update(curves, underlay, seq, measured.series);
  measured.update(current.result);
  sideCharts.update(current.result, underlay);
  showCurveWarnings(curves);
  showDataTable();
  drawnSeq = seq;
}

/** Under the chart: each curve's warnings in full, with its colour (the legend and the ⚠ on the curve point here). */
function showCurveWarnings(curves: Curve[]): void {
  const box = $('curve-warnings');
  const html = curves.filter((c) => c.warnings.length > 0).map((c) =>
    `<li><span class="swatch" style="background:${c.color}"></span><b>⚠ ${escapeHtml(c.label)}:</b> ${c.warnings.map(escapeHtml).join('; ')}</li>`).join('');
  if (box.innerHTML !== html) box.innerHTML = html;
  box.hidden = html === '';
}

const runner = new LatestRunner<{ input: SimulationInput; seq: number }, SimulationResult>(
  ({ input }) => {
    liveRuns++;
    const sent = performance.now();
    return live.simulate(input).then((result) => {
      timing.roundTripMs = performance.now() - sent;
      return result;
    });
  },
  (result, { input, seq }) => {
    const started = performance.now();
    current = makeCurve(input, result, PALETTE[0]);
    redraw(seq);
    inputs.showResult(result);
    setStatus(result.solver.status === 0
      ? `Computed: solver ${formatNumber(result.solver.wallMs)} ms, ${result.solver.nfev} f-evals`
      : `Solver stopped: ${result.solver.message}`, result.solver.status !== 0);
    if (notice) {
      setStatus(notice, true);
      notice = '';
    }
    timing.renderMs = performance.now() - started;
    stats.show(result, timing);
    scheduleUrl();
  },
  (error) => {
    if (isCancelledError(error)) return;
    if (!current) {
      // Nothing drawn yet: the link (or the first state) cannot be drawn. Say why and draw the defaults instead.
      openedWithDefaults(plainMessage(error.message));
      return;
    }
    const placed = inputs.showEngineError(error.message);
    setStatus(`${placed ? 'Input problem (see the marked field)' : 'The engine refused this input'}: ${plainMessage(error.message)} — the curve shown is the last one that could be drawn.`, true);
  },
);

/** A notice that stays in the status line over the next "Computed" (set when a link fell back to the defaults). */
let notice = opened.notes.length ? `From the link: ${opened.notes.join('; ')}.` : '';
function openedWithDefaults(reason: string): void {
  notice = `This link's settings cannot be drawn (${reason}); showing the default settings instead.`;
  const sweep = state.sweep;
  state = defaultState();
  state.sweep = sweep;
  overlays = [];
  renderOverlayList();
  inputs.apply();
  changed();
  refreshMaterial();
  setStatus(notice, true);
}

function setStatus(text: string, isError = false): void {
  status.textContent = text;
  status.classList.toggle('error', isError);
}

// ---- controls ------------------------------------------------------------------------------------
const inputs = createInputPanel(() => state.input, () => current?.result ?? null, $('basic-controls'), $('advanced-controls'), {
  changed,
  materialChanged: refreshMaterial,
  sizeChanged: scheduleTrends,
  fieldInvalid: (label) => setStatus(`Fix the marked field (${label}); the last good curve is kept.`, true),
});
$('basic-controls').append(measured.element, fitPanel.element);

// ---- material summary ------------------------------------------------------------------------------
let materialSeq = 0;
function refreshMaterial(): void {
  const seq = ++materialSeq;
  live.resolveMaterial(state.input.composition).then(
    (summary) => {
      if (seq === materialSeq) inputs.showMaterial(summary);
    },
    (error: Error) => {
      if (seq === materialSeq) inputs.showMaterial(null, plainMessage(error.message));
    },
  );
  scheduleTrends();
}

// ---- change handling: simulate latest, URL, trends -------------------------------------------------
let urlTimer: ReturnType<typeof setTimeout> | undefined;
function changed(): void {
  const seq = ++inputSeq;
  if (inputs.invalid.size > 0) {
    const bad = [...inputs.invalid];
    setStatus(`Fix the marked field${bad.length > 1 ? 's' : ''} (${bad.join(', ')}); the last good curve is kept.`, true);
    return;
  }
  runner.request({ input: structuredClone(state.input), seq });
}

function scheduleUrl(): void {
  clearTimeout(urlTimer);
  urlTimer = setTimeout(writeUrl, 150);
}

/** The URL holds only what was drawn: the input of the curve on screen and the overlays that drew. */
function writeUrl(): void {
  state.sweep = sweepPanel.form();
  if (!current) return;
  history.replaceState(null, '', `#${encodeState({ input: current.input, overlays: overlays.map((c) => c.input), sweep: state.sweep })}`);
}

// ---- overlays and figure presets -------------------------------------------------------------------
/** Simulate `members` as overlays: replacing the kept curves, or added after them. */
async function computeOverlays(members: { input: SimulationInput; note?: string }[], append = false): Promise<void> {
  const results = await Promise.allSettled(members.map((m) => work.simulate(m.input)));
  if (!append) overlays = [];
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') {
      overlays.push(makeCurve(members[i].input, r.value, PALETTE[(overlays.length + 1) % PALETTE.length], members[i].note));
    } else if (!isCancelledError(r.reason)) {
      setStatus(`Curve ${curveLabel(members[i].input)} cannot be drawn and was left out: ${plainMessage((r.reason as Error).message)}`, true);
    }
  });
  state.overlays = overlays.map((c) => c.input);
  renderOverlayList();
  redraw(inputSeq);
}

const asMembers = (inputs: SimulationInput[]) => inputs.map((input) => ({ input }));

function renderOverlayList(): void {
  $('overlay-list').innerHTML = overlays.map((c, i) =>
    `<li><span class="swatch" style="background:${c.color}"></span>${escapeHtml(c.label)} <button type="button" data-remove="${i}" aria-label="Remove ${escapeHtml(c.label)}">×</button></li>`).join('');
}

$('overlay-list').addEventListener('click', (event) => {
  const index = (event.target as HTMLElement).dataset.remove;
  if (index === undefined) return;
  overlays.splice(Number(index), 1);
  overlays.forEach((c, i) => (c.color = PALETTE[(i + 1) % PALETTE.length]));
  state.overlays = overlays.map((c) => c.input);
  renderOverlayList();
  redraw(inputSeq);
  writeUrl();
  // Focus stays in the list: on the next remove button, else the previous one, else on Keep curve.
  const buttons = $('overlay-list').querySelectorAll<HTMLButtonElement>('button[data-remove]');
  (buttons[Math.min(Number(index), buttons.length - 1)] ?? $('keep')).focus();
});
$('keep').addEventListener('click', () => {
  if (!current) return;
  overlays.push({ ...current, color: PALETTE[(overlays.length + 1) % PALETTE.length] });
  state.overlays = overlays.map((c) => c.input);
  renderOverlayList();
  redraw(inputSeq);
  writeUrl();
});
$('intensity-series').addEventListener('click', () => {
  const { members, leftOut } = intensitySeriesMembers(state.input);
  // Added after the kept curves, never replacing them.
  void computeOverlays(members, true).then(writeUrl);
  const out = leftOut.length ? `; ×${leftOut.join(', ×')} left out (beyond the allowed range)` : '';
  setStatus(`Intensity series added: ×${members.map((m) => m.note.slice(1)).join(', ×')} the current excitation${out}. Clear overlays removes them.`);
});
$('clear').addEventListener('click', () => {
  overlays = [];
  state.overlays = [];
  renderOverlayList();
  redraw(inputSeq);
  writeUrl();
});
const presetBox = $('figure-presets');
for (const preset of FIGURE_PRESETS) {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = preset.button;
  button.title = preset.title;
  button.dataset.preset = preset.id;
  button.addEventListener('click', () => {
    const [first, ...rest] = preset.inputs;
    state.input = structuredClone(first);
    state.overlays = structuredClone(rest);
    inputs.apply();
    changed();
    refreshMaterial();
    void computeOverlays(asMembers(state.overlays)).then(writeUrl);
    setStatus(preset.title);
  });
  presetBox.append(button);
}
$('reset').addEventListener('click', () => {
  state = defaultState();
  overlays = [];
  measured.clear();
  renderOverlayList();
  sweepPanel.setForm(state.sweep);
  inputs.apply();
  changed();
  refreshMaterial();
});

// ---- export ----------------------------------------------------------------------------------------
$('export-csv').addEventListener('click', () => {
  if (!current) return;
  download('hotcarrier-curves.csv', new Blob([curvesCsv([current, ...overlays], measured.series)], { type: 'text/csv' }));
});
/** The main chart as a figure: what is on screen (zoom included), in the current theme. */
function figureSpec(): FigureSpec | null {
  if (!current) return null;
  const u = mainChart.plot;
  const x = u.scales.x;
  const y = u.scales.y;
  return {
    title: 'Hot-carrier cooling: carrier temperature Tc vs delay',
    curves: [current, ...overlays],
    measured: measured.series,
    stages: stageMarks(current.result),
    xRange: [x.min ?? -0.3, x.max ?? 1000],
    yRange: [y.min ?? 0, y.max ?? 1000],
    logY: y.distr === 3,
    theme,
    width: Math.max(900, Math.round(u.width)),
  };
}
$('export-png').addEventListener('click', async () => {
  const spec = figureSpec();
  if (spec) download('hotcarrier-chart.png', await figurePng(spec, Number(($('png-scale') as HTMLSelectElement).value) || 2));
});
$('export-svg').addEventListener('click', () => {
  const spec = figureSpec();
  if (spec) download('hotcarrier-chart.svg', figureSvg(spec));
});
$('copy-link').addEventListener('click', async () => {
  writeUrl();
  try {
    await navigator.clipboard.writeText(location.href);
    setStatus('Link copied: it reproduces this view.');
  } catch {
    setStatus('The address bar holds the link to this view.');
  }
});

// ---- trends ----------------------------------------------------------------------------------------
const trendsPanel = createTrendsPanel(() => runTrends());
$('trends').append(trendsPanel.element);
let trendsTimer: ReturnType<typeof setTimeout> | undefined;
let trendsAbort: AbortController | null = null;
function scheduleTrends(): void {
  clearTimeout(trendsTimer);
  trendsTimer = setTimeout(runTrends, 1500);
}
function runTrends(): void {
  trendsAbort?.abort();
  const abort = new AbortController();
  trendsAbort = abort;
  const options = { composition: state.input.composition, edgeNm: state.input.edgeNm };
  const context = `${options.composition}, ${options.edgeNm === null ? 'bulk film' : `${formatNumber(options.edgeNm)} nm`}`;
  trendsPanel.showRunning(context);
  const started = performance.now();
  work.trends(options, abort.signal).then(
    (results) => {
      if (trendsAbort === abort) trendsPanel.show(results, context, performance.now() - started);
    },
    (error: Error) => {
      if (trendsAbort !== abort) return; // superseded by a newer run
      // Cancelled without being superseded: the pool was replaced (new worker count), so run again.
      if (isCancelledError(error)) scheduleTrends();
      else trendsPanel.showError(error.message);
    },
  );
}

// ---- sweep -----------------------------------------------------------------------------------------
let sweepAbort: AbortController | null = null;
let lastSweep: SweepResult | null = null;
const sweepPanel = createSweepPanel(cores, state.sweep, {
  run() {
    let spec;
    try {
      spec = specFromForm(sweepPanel.form(), structuredClone(state.input));
    } catch (error) {
      sweepPanel.message((error as Error).message, true);
      return;
    }
    writeUrl();
    const abort = new AbortController();
    sweepAbort = abort;
    sweepPanel.running(true);
    sweepPanel.message('starting…');
    work.sweep(spec, (p) => sweepPanel.progress(p), { signal: abort.signal, workers: sweepPanel.form().workers }).then(
      (result) => {
        lastSweep = result;
        sweepPanel.show(result);
      },
      (error: Error) => sweepPanel.message(`Sweep failed: ${plainMessage(error.message)}`, true),
    ).finally(() => {
      if (sweepAbort === abort) sweepPanel.running(false);
    });
  },
  cancel() {
    sweepAbort?.abort();
  },
  exportCsv() {
    if (lastSweep) download('hotcarrier-sweep.csv', new Blob([sweepCsv(lastSweep)], { type: 'text/csv' }));
  },
  changed: scheduleUrl,
});
$('sweep').append(sweepPanel.element);

// ---- start -----------------------------------------------------------------------------------------
window.addEventListener('resize', () => {
  mainChart.resize();
  sideCharts.resize();
});
window.addEventListener('hashchange', () => {
  const { state: next, notes } = decodeLink(location.hash);
  if (encodeState(next) === encodeState(state)) return;
  state = next;
  if (notes.length) notice = `From the link: ${notes.join('; ')}.`;
  inputs.apply();
  sweepPanel.setForm(state.sweep);
  changed();
  refreshMaterial();
  void computeOverlays(asMembers(state.overlays));
});
live.materials().then(
  (entries) => inputs.setPresets(entries.map((e) => e.name)),
  (error: Error) => setStatus(`Could not load the material list: ${error.message}`, true),
);
inputs.apply();
changed();
refreshMaterial();
if (state.overlays.length > 0) void computeOverlays(asMembers(state.overlays));
