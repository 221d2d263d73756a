// The page: builds the controls from PARAMS, runs the engine in workers, draws the charts, keeps the URL in step.

import 'uplot/dist/uPlot.min.css';
import './style.css';
import { PARAMS } from '../src/model/params.ts';
import type { SimulationInput, SimulationResult } from '../src/model/types.ts';
import { isCancelledError } from '../workers/protocol.ts';
import { browserCores, createBrowserEnginePool } from '../workers/spawn-browser.ts';
import type { EnginePool } from '../workers/pool.ts';
import { createInputPanel } from './input-panel.ts';
import { curveLabel, makeCurve, PALETTE, type Curve } from './curves.ts';
import { curvesCsv, download, figurePng, figureSvg, sweepCsv } from './export.ts';
import type { FigureSpec } from './chart-figure.ts';
import { DARK, LIGHT, setChartTheme, theme } from './chart-theme.ts';
import { FIGURE_PRESETS } from './figure-presets.ts';
import { intensitySeriesMembers } from './intensity-series.ts';
import { escapeHtml, formatNumber, parseNumber } from './format.ts';
import { LatestRunner } from './latest-runner.ts';
import { createTeachingView } from './teaching-view.ts';
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
import { decodeLink, defaultState, encodeState } from './url-state.ts';
import { PageModel } from './page-model.ts';
import { installDebugHook } from './debug-hook.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const opened = decodeLink(location.hash);
/** Everything the page holds, in one observable object; the view below links to it. */
const model = new PageModel(opened.state);
const cores = browserCores();
/** One worker for the live curve, so sweeps never delay what follows the controls. */
const live = createBrowserEnginePool({ size: 1 });
/** Sweeps and trends: one pool for the page's life, so its workers stay JIT-warm whatever worker count a sweep asks for. */
const work: EnginePool = createBrowserEnginePool({ size: cores });

// ---- current curve, overlays, drawing -------------------------------------------------------------
const mainChart = createMainChart($('main-chart'));
const sideCharts = createSideCharts($('side-charts'));
const stats = createStatsPanel($('stats'));
/** Measured Tc from a file: drawn as points, compared with the current curve; never in the URL. */
const measured = createMeasuredPanel(() => {
  redraw(model.drawnSeq);
  fitPanel.dataChanged();
});
/** Fit free controls to the measured data, on a sweep-pool worker. */
const fitPanel = createFitPanel({
  input: () => model.state.input,
  data: () => measured.series,
  fit: (base, data, free, options, signal) => work.fit(base, data, free, options, signal),
  apply(values) {
    Object.assign(model.state.input, values);
    inputs.apply();
    changed();
    scheduleTrends();
  },
});

installDebugHook(model, mainChart, measured, fitPanel);

chartKeyboard($('main-chart'), () => mainChart.plot, (text) => ($('chart-readout').textContent = text));

/** The chart's data as a table (for screen readers and copying): every curve at up to 30 delays, built when opened. */
function showDataTable(): void {
  const box = $('chart-data') as HTMLDetailsElement;
  if (!box.open || !model.current.value) return;
  const curves = model.curves;
  const t = model.current.value.result.tPs;
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
  if (!model.current.value) return;
  const curves = model.curves;
  const underlay = { pulseFwhmPs: (model.current.value.input.pulseFwhmFs ?? PARAMS.pulseFwhmFs.default) / 1000, stages: stageMarks(model.current.value.result) };
  mainChart.update(curves, underlay, seq, measured.series);
  measured.update(model.current.value.result);
  sideCharts.update(model.current.value.result, underlay);
  showCurveWarnings(curves);
  showDataTable();
  model.drawnSeq = seq;
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
    redraw(seq);
    inputs.showResult(result);
    setStatus(result.solver.status === 0
      ? `Computed: solver ${formatNumber(result.solver.wallMs)} ms, ${result.solver.nfev} f-evals`
      : `Solver stopped: ${result.solver.message}`, result.solver.status !== 0);
    if (model.notice.value) {
      setStatus(model.notice.value, true);
      model.notice.value = '';
    }
    if (model.view.value === 'teaching') teaching.show(result, presetCaption || defaultCaption());
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
  model.setOverlays([]);
  inputs.apply();
  changed();
  refreshMaterial();
  setStatus(model.notice.value, true);
}

const setStatus = (text: string, isError = false) => model.setStatus(text, isError);
model.status.link(({ text, isError }) => {
  const status = $('status');
  status.textContent = text;
  status.classList.toggle('error', isError);
});
// Kept curves changed (kept, removed, cleared, computed): list, chart and link follow.
model.overlays.lazyLink(() => {
  renderOverlayList();
  redraw(model.inputSeq);
  scheduleUrl();
});

// ---- controls ------------------------------------------------------------------------------------
const inputs = createInputPanel(() => model.state.input, () => model.current.value?.result ?? null, $('basic-controls'), $('advanced-controls'), {
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
  live.resolveMaterial(model.state.input.composition).then(
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
  const seq = ++model.inputSeq;
  if (inputs.invalid.size > 0) {
    const bad = [...inputs.invalid];
    setStatus(`Fix the marked field${bad.length > 1 ? 's' : ''} (${bad.join(', ')}); the last good curve is kept.`, true);
    return;
  }
  runner.request({ input: structuredClone(model.state.input), seq });
}

function scheduleUrl(): void {
  clearTimeout(urlTimer);
  urlTimer = setTimeout(writeUrl, 150);
}

/** The URL holds only what was drawn: the input of the curve on screen and the model.overlays.value that drew. */
function writeUrl(): void {
  model.state.sweep = sweepPanel.form();
  if (!model.current.value) return;
  const view = model.view.value === 'teaching' ? `&view=teaching${allowed ? `&allow=${[...allowed].join(',')}` : ''}` : '';
  history.replaceState(null, '', `#${encodeState({ input: model.current.value.input, overlays: model.overlays.value.map((c) => c.input), sweep: model.state.sweep })}${view}`);
}

// ---- model.overlays.value and figure presets -------------------------------------------------------------------
/** Simulate `members` as overlays: replacing the kept curves, or added after them. */
async function computeOverlays(members: { input: SimulationInput; note?: string }[], append = false): Promise<void> {
  const results = await Promise.allSettled(members.map((m) => work.simulate(m.input)));
  const drawn: Curve[] = append ? [...model.overlays.value] : [];
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') {
      drawn.push(makeCurve(members[i].input, r.value, PALETTE[0], members[i].note));
    } else if (!isCancelledError(r.reason)) {
      setStatus(`Curve ${curveLabel(members[i].input)} cannot be drawn and was left out: ${plainMessage((r.reason as Error).message)}`, true);
    }
  });
  model.setOverlays(drawn);
}

const asMembers = (inputs: SimulationInput[]) => inputs.map((input) => ({ input }));

function renderOverlayList(): void {
  $('overlay-list').innerHTML = model.overlays.value.map((c, i) =>
    `<li><span class="swatch" style="background:${c.color}"></span>${escapeHtml(c.label)} <button type="button" data-remove="${i}" aria-label="Remove ${escapeHtml(c.label)}">×</button></li>`).join('');
}

$('overlay-list').addEventListener('click', (event) => {
  const index = (event.target as HTMLElement).dataset.remove;
  if (index === undefined) return;
  model.removeOverlay(Number(index));
  // Focus stays in the list: on the next remove button, else the previous one, else on Keep curve.
  const buttons = $('overlay-list').querySelectorAll<HTMLButtonElement>('button[data-remove]');
  (buttons[Math.min(Number(index), buttons.length - 1)] ?? $('keep')).focus();
});
$('keep').addEventListener('click', () => model.keepCurrent());
$('intensity-series').addEventListener('click', () => {
  const { members, leftOut } = intensitySeriesMembers(model.state.input);
  // Added after the kept curves, never replacing them.
  void computeOverlays(members, true);
  const out = leftOut.length ? `; ×${leftOut.join(', ×')} left out (beyond the allowed range)` : '';
  setStatus(`Intensity series added: ×${members.map((m) => m.note.slice(1)).join(', ×')} the current excitation${out}. Clear overlays removes them.`);
});
$('clear').addEventListener('click', () => model.setOverlays([]));
const presetBox = $('figure-presets');
for (const preset of FIGURE_PRESETS) {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = preset.button;
  button.title = preset.title;
  button.dataset.preset = preset.id;
  button.addEventListener('click', () => {
    const [first, ...rest] = preset.inputs;
    model.state.input = structuredClone(first);
    model.state.overlays = structuredClone(rest);
    inputs.apply();
    changed();
    refreshMaterial();
    void computeOverlays(asMembers(model.state.overlays));
    setStatus(preset.title);
    presetCaption = preset.caption;
  });
  presetBox.append(button);
}
$('reset').addEventListener('click', () => {
  model.app.value = defaultState();
  model.setOverlays([]);
  measured.clear();
  sweepPanel.setForm(model.state.sweep);
  inputs.apply();
  changed();
  refreshMaterial();
});

// ---- export ----------------------------------------------------------------------------------------
$('export-csv').addEventListener('click', () => {
  if (!model.current.value) return;
  download('hotcarrier-curves.csv', new Blob([curvesCsv(model.curves, measured.series)], { type: 'text/csv' }));
});
/** The main chart as a figure: what is on screen (zoom included), in the current theme. */
function figureSpec(): FigureSpec | null {
  if (!model.current.value) return null;
  const u = mainChart.plot;
  const x = u.scales.x;
  const y = u.scales.y;
  return {
    title: 'Hot-carrier cooling: carrier temperature Tc vs delay',
    curves: model.curves,
    measured: measured.series,
    stages: stageMarks(model.current.value.result),
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
  const options = { composition: model.state.input.composition, edgeNm: model.state.input.edgeNm };
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
const sweepPanel = createSweepPanel(cores, model.state.sweep, {
  run() {
    let spec;
    try {
      spec = specFromForm(sweepPanel.form(), structuredClone(model.state.input));
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
        model.lastSweep.value = result;
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
    const last = model.lastSweep.value;
    if (last) download('hotcarrier-sweep.csv', new Blob([sweepCsv(last)], { type: 'text/csv' }));
  },
  changed: scheduleUrl,
});
$('sweep').append(sweepPanel.element);

// ---- chart axes: fixed Tc range, log Tc, zoom reset ------------------------------------------------
function applyYAxis(): void {
  const minField = $('y-min') as HTMLInputElement;
  const maxField = $('y-max') as HTMLInputElement;
  const log = ($('log-y') as HTMLInputElement).checked;
  const lo = minField.value.trim() === '' ? null : parseNumber(minField.value);
  const hi = maxField.value.trim() === '' ? null : parseNumber(maxField.value);
  const bothEmpty = lo === null && hi === null;
  const ok = bothEmpty || (lo !== null && hi !== null && Number.isFinite(lo) && Number.isFinite(hi) && hi > lo && (!log || lo > 0));
  minField.setAttribute('aria-invalid', String(!ok));
  maxField.setAttribute('aria-invalid', String(!ok));
  if (!ok) {
    setStatus(`Tc range: give two numbers in K, the first below the second${log ? ' and above 0 for a log axis' : ''}, or leave both empty for automatic.`, true);
    return;
  }
  mainChart.setYAxis(bothEmpty ? null : [lo!, hi!], log);
  if (!bothEmpty || log) redraw(model.drawnSeq);
}
for (const id of ['y-min', 'y-max']) $(id).addEventListener('change', applyYAxis);
$('log-y').addEventListener('change', () => {
  applyYAxis();
  redraw(model.drawnSeq);
});
$('reset-zoom').addEventListener('click', () => mainChart.resetZoom());

// ---- theme -----------------------------------------------------------------------------------------
const THEME_KEY = 'hotcarrier-theme';
const storedTheme = (() => { try { return localStorage.getItem(THEME_KEY); } catch { return null; } })();
model.theme.value = storedTheme === 'dark' || storedTheme === 'light' ? storedTheme : matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
model.theme.link((name) => {
  document.documentElement.dataset.theme = name;
  setChartTheme(name === 'dark' ? DARK : LIGHT);
  const button = $('theme-toggle');
  button.setAttribute('aria-pressed', String(name === 'dark'));
  mainChart.rebuild();
  sideCharts.rebuild();
  redraw(model.drawnSeq);
});
$('theme-toggle').addEventListener('click', () => {
  model.theme.value = model.theme.value === 'dark' ? 'light' : 'dark';
  try { localStorage.setItem(THEME_KEY, model.theme.value); } catch { /* private mode: the toggle still works */ }
});

// ---- teaching view: captions, player, guided bottleneck, locked parameters --------------------------
let presetCaption = '';
const defaultCaption = () => {
  const c = model.current.value;
  return c ? `The chart shows how hot the carriers are (Tc, red) against the time after the pump pulse, for ${c.label}. The coloured bands mark the three stages below.` : '';
};
const teaching = createTeachingView({
  marker: (t) => mainChart.setMarker(t),
  useInput(input, caption) {
    model.state.input = input;
    model.setOverlays([]);
    presetCaption = caption;
    inputs.apply();
    applyLocks();
    changed();
    refreshMaterial();
  },
});
$('teaching').append(teaching.element);
/** Parameters a shared teaching link leaves free (null: all); the others are disabled for students. */
const LOCKABLE = new Set([...Object.keys(PARAMS), 'composition', 'bulk']);
const allowed: Set<string> | null = (() => {
  const params = new URLSearchParams(location.hash.slice(1, 20_001));
  const list = params.get('allow');
  return list === null ? null : new Set(list.split(',').map((k) => k.trim()).filter((k) => LOCKABLE.has(k)));
})();
function applyLocks(): void {
  const locking = allowed !== null && model.view.value === 'teaching';
  for (const el of $('controls').querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
    const key = el.closest<HTMLElement>('[data-param]')?.dataset.param ?? (el.id === 'composition-select' ? 'composition' : el.id === 'bulk-film' ? 'bulk' : '');
    const locked = locking && !allowed!.has(key);
    if (locked) el.dataset.locked = '1';
    if (locked || el.dataset.locked) el.disabled = locked;
    if (!locked) delete el.dataset.locked;
  }
  $('lock-note').hidden = !locking;
}
model.view.lazyLink((view) => {
  document.body.dataset.view = view;
  $('teaching').hidden = view !== 'teaching';
  $('teaching-toggle').setAttribute('aria-pressed', String(view === 'teaching'));
  if (view === 'teaching') teaching.show(model.current.value?.result ?? null, presetCaption || defaultCaption());
  else teaching.stop();
  applyLocks();
  mainChart.resize();
  scheduleUrl();
});
$('teaching-toggle').addEventListener('click', () => {
  model.view.value = model.view.value === 'teaching' ? 'lab' : 'teaching';
});
if (new URLSearchParams(location.hash.slice(1, 20_001)).get('view') === 'teaching') model.view.value = 'teaching';

// ---- start -----------------------------------------------------------------------------------------
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
  inputs.apply();
  sweepPanel.setForm(model.state.sweep);
  changed();
  refreshMaterial();
  void computeOverlays(asMembers(model.state.overlays));
});
live.materials().then(
  (entries) => inputs.setPresets(entries.map((e) => e.name)),
  (error: Error) => setStatus(`Could not load the material list: ${error.message}`, true),
);
inputs.apply();
changed();
refreshMaterial();
if (model.state.overlays.length > 0) void computeOverlays(asMembers(model.state.overlays));
