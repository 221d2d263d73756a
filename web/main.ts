// The page: wires the observable page model (web/page-model.ts) to the controls, the engine workers and the charts.
// Each part lives in its own file; this one holds the live curve (the latest-only runner), the URL and the start.

import 'uplot/dist/uPlot.min.css';
import './style.css';
import type { SimulationInput, SimulationResult } from '../src/model/types.ts';
import { isCancelledError } from '../workers/protocol.ts';
import { browserCores, createBrowserEnginePool } from '../workers/spawn-browser.ts';
import type { EnginePool } from '../workers/pool.ts';
import { createInputPanel } from './input-panel.ts';
import { makeCurve, PALETTE } from './curves.ts';
import { formatNumber } from './format.ts';
import { LatestRunner } from './latest-runner.ts';
import { chartKeyboard } from './chart-keyboard.ts';
import { plainMessage } from './messages.ts';
import { createMainChart } from './main-chart.ts';
import { createFitPanel } from './fit-panel.ts';
import { createMeasuredPanel } from './measured-data.ts';
import { createTaPanel } from './ta-panel.ts';
import { createSideCharts } from './side-charts.ts';
import { createStatsPanel } from './stats-panel.ts';
import { decodeLink, defaultState, encodeState } from './url-state.ts';
import { PageModel } from './page-model.ts';
import { installDebugHook } from './debug-hook.ts';
import { createCurveDisplay } from './curve-display.ts';
import { createOverlayControls, type OverlayMember } from './overlay-controls.ts';
import { installExportControls } from './export-controls.ts';
import { createTrendsRunner } from './trends-runner.ts';
import { createSweepControls } from './sweep-controls.ts';
import { installChartControls } from './chart-controls.ts';
import { createTeachingControls } from './teaching-controls.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const opened = decodeLink(location.hash);
/** Everything the page holds, in one observable object; the view below links to it. */
const model = new PageModel(opened.state);
const cores = browserCores();
/** One worker for the live curve, so sweeps never delay what follows the controls. */
const live = createBrowserEnginePool({ size: 1 });
/** Sweeps, trends, overlays and fits: one pool for the page's life, so its workers stay JIT-warm. */
const work: EnginePool = createBrowserEnginePool({ size: cores });
const simulateOnPool = (input: SimulationInput) => work.simulate(input);
const setStatus = (text: string, isError = false) => model.setStatus(text, isError);

// ---- charts and the panels that compare measured data with the current curve ------------------------
const mainChart = createMainChart($('main-chart'));
const sideCharts = createSideCharts($('side-charts'));
const stats = createStatsPanel($('stats'));
/** Measured Tc from a file: drawn as points, compared with the current curve; never in the URL. */
const measured = createMeasuredPanel(() => {
  display.redraw(model.drawnSeq);
  fitPanel.dataChanged();
});
/** A TA map: its tail-fit Tc(t) drawn as measured points when no Tc file is loaded (web/ta-panel.ts). */
const taPanel = createTaPanel(() => {
  display.redraw(model.drawnSeq);
  fitPanel.dataChanged();
});
$('side-charts').after(taPanel.element);
const display = createCurveDisplay(model, mainChart, sideCharts, measured, taPanel);
/** Fit free controls to the measured data, on a sweep-pool worker. */
const fitPanel = createFitPanel({
  input: () => model.state.input,
  data: () => display.measured,
  fit: (base, data, free, options, signal) => work.fit(base, data, free, options, signal),
  apply(values) {
    Object.assign(model.state.input, values);
    inputs.apply();
    changed();
    trends.schedule();
  },
});
installDebugHook(model, mainChart, measured, fitPanel);
chartKeyboard($('main-chart'), () => mainChart.plot, (text) => ($('chart-readout').textContent = text));

// ---- the live curve ----------------------------------------------------------------------------------
const runner = new LatestRunner<{ input: SimulationInput; seq: number }, SimulationResult>(
  ({ input }) => {
    model.liveRuns++;
    const sent = performance.now();
    return live.simulate(input).then((result) => {
      model.timing.roundTripMs = performance.now() - sent;
      return result;
    });
  },
  (result, { input, seq }) => {
    const started = performance.now();
    model.current.value = makeCurve(input, result, PALETTE[0]);
    display.redraw(seq);
    inputs.showResult(result);
    setStatus(result.solver.status === 0
      ? `Computed: solver ${formatNumber(result.solver.wallMs)} ms, ${result.solver.nfev} f-evals`
      : `Solver stopped: ${result.solver.message}`, result.solver.status !== 0);
    if (model.notice.value) {
      setStatus(model.notice.value, true);
      model.notice.value = '';
    }
    teaching.resultShown(result);
    model.timing.renderMs = performance.now() - started;
    stats.show(result, model.timing);
    scheduleUrl();
  },
  (error) => {
    if (isCancelledError(error)) return;
    if (!model.current.value) {
      // Nothing drawn yet: the link (or the first state) cannot be drawn. Say why and draw the defaults instead.
      openedWithDefaults(plainMessage(error.message));
      return;
    }
    const placed = inputs.showEngineError(error.message);
    setStatus(`${placed ? 'Input problem (see the marked field)' : 'The engine refused this input'}: ${plainMessage(error.message)} — the curve shown is the last one that could be drawn.`, true);
  },
);

if (opened.notes.length) model.notice.value = `From the link: ${opened.notes.join('; ')}.`;
function openedWithDefaults(reason: string): void {
  model.notice.value = `This link's settings cannot be drawn (${reason}); showing the default settings instead.`;
  const next = defaultState();
  next.sweep = model.state.sweep;
  model.app.value = next;
  overlays.drop();
  inputReplaced();
  setStatus(model.notice.value, true);
}

model.status.link(({ text, isError }) => {
  const status = $('status');
  status.textContent = text;
  status.classList.toggle('error', isError);
});
// Kept curves changed (kept, removed, cleared, computed): chart and link follow (the list: overlay-controls.ts).
// Redrawn under the current curve's own change number: a newer change still being computed stays pending.
model.overlays.lazyLink(() => {
  display.redraw(model.drawnSeq);
  scheduleUrl();
});

// ---- controls ------------------------------------------------------------------------------------------
const inputs = createInputPanel(() => model.state.input, () => model.current.value?.result ?? null, $('basic-controls'), $('advanced-controls'), {
  changed,
  materialChanged: refreshMaterial,
  sizeChanged: () => trends.schedule(),
  fieldInvalid: (label) => setStatus(`Fix the marked field (${label}); the last good curve is kept.`, true),
});
$('basic-controls').append(measured.element, fitPanel.element);

let materialSeq = 0;
function refreshMaterial(): void {
  const seq = ++materialSeq;
  live.resolveMaterial(model.state.input.composition).then(
    (summary) => {
      if (seq === materialSeq) inputs.showMaterial(summary);
    },
    (error: Error) => {
      if (seq === materialSeq) inputs.showMaterial(null, plainMessage(error.message));
    },
  );
  trends.schedule();
}

/** Simulate the current input (the latest only), unless a field holds a bad value. */
function changed(): void {
  const seq = ++model.inputSeq;
  if (inputs.invalid.size > 0) {
    const bad = [...inputs.invalid];
    setStatus(`Fix the marked field${bad.length > 1 ? 's' : ''} (${bad.join(', ')}); the last good curve is kept.`, true);
    return;
  }
  runner.request({ input: structuredClone(model.state.input), seq });
}

/** The whole input was replaced (a preset, a guided step, Reset, a link): every control and the curve follow. */
function inputReplaced(): void {
  inputs.apply();
  teaching.applyLocks();
  changed();
  refreshMaterial();
}

// ---- URL -----------------------------------------------------------------------------------------------
let urlTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleUrl(): void {
  clearTimeout(urlTimer);
  urlTimer = setTimeout(writeUrl, 150);
}
/** The URL holds only what was drawn: the input of the curve on screen and the kept curves that drew. */
function writeUrl(): void {
  model.state.sweep = sweepPanel.form();
  if (!model.current.value) return;
  const state = encodeState({ input: model.current.value.input, overlays: model.overlays.value.map((c) => c.input), sweep: model.state.sweep });
  history.replaceState(null, '', `#${state}${teaching.linkPart()}`);
}

// ---- the parts --------------------------------------------------------------------------------------------
const overlays = createOverlayControls(model, {
  simulate: simulateOnPool,
  setStatus,
  preset(preset) {
    const [first, ...rest] = preset.inputs;
    model.state.input = structuredClone(first);
    model.state.overlays = structuredClone(rest);
    teaching.presetChosen(preset.caption);
    inputReplaced();
  },
});
const computeOverlays = (members: OverlayMember[]) => overlays.compute(members);
const asMembers = (list: SimulationInput[]) => list.map((input) => ({ input }));
$('reset').addEventListener('click', () => {
  model.app.value = defaultState();
  overlays.drop();
  measured.clear();
  sweepPanel.setForm(model.state.sweep);
  inputReplaced();
});
installExportControls(model, mainChart, {
  measuredFile: () => measured.series,
  measuredDrawn: () => display.measured,
  writeUrl,
  setStatus: (text) => setStatus(text),
});
const trends = createTrendsRunner(model, work, $('trends'));
const sweepPanel = createSweepControls(model, work, cores, { writeUrl, scheduleUrl });
$('sweep').append(sweepPanel.element);
installChartControls(model, mainChart, sideCharts, () => display.redraw(model.drawnSeq), setStatus);
const teaching = createTeachingControls(model, mainChart, { inputReplaced, computeOverlays, simulate: simulateOnPool, scheduleUrl });

// ---- start -----------------------------------------------------------------------------------------------
let resizeFrame = 0;
window.addEventListener('resize', () => {
  cancelAnimationFrame(resizeFrame);
  resizeFrame = requestAnimationFrame(() => {
    mainChart.resize();
    sideCharts.resize();
  });
});
window.addEventListener('hashchange', () => {
  const { state: next, notes } = decodeLink(location.hash);
  if (encodeState(next) === encodeState(model.state)) return;
  model.app.value = next;
  if (notes.length) model.notice.value = `From the link: ${notes.join('; ')}.`;
  sweepPanel.setForm(model.state.sweep);
  inputReplaced();
  void computeOverlays(asMembers(model.state.overlays));
});
live.materials().then(
  (entries) => inputs.setPresets(entries.map((e) => e.name)),
  (error: Error) => setStatus(`Could not load the material list: ${error.message}`, true),
);
inputReplaced();
if (model.state.overlays.length > 0) void computeOverlays(asMembers(model.state.overlays));
