// The page: builds the controls from PARAMS, runs the engine in workers, draws the charts, keeps the URL in step.

import 'uplot/dist/uPlot.min.css';
import './style.css';
import { PARAMS, type NumericParamKey } from '../src/model/params.ts';
import { HC_EV_NM } from '../src/model/constants.ts';
import type { SimulationInput, SimulationResult } from '../src/model/types.ts';
import { isCancelledError, type SweepResult } from '../workers/protocol.ts';
import { browserCores, createBrowserEnginePool } from '../workers/spawn-browser.ts';
import type { EnginePool } from '../workers/pool.ts';
import { createCompositionControl } from './composition-control.ts';
import { curveLabel, PALETTE, type Curve } from './curves.ts';
import { chartPng, curvesCsv, download, sweepCsv } from './export.ts';
import { FIGURE_PRESETS } from './figure-presets.ts';
import { formatNumber, prettyUnit, withUnit } from './format.ts';
import { LatestRunner } from './latest-runner.ts';
import { createMainChart } from './main-chart.ts';
import { createNumericControl, type NumericControl } from './numeric-control.ts';
import { createSideCharts } from './side-charts.ts';
import { stageMarks } from './stages.ts';
import { createStatsPanel } from './stats-panel.ts';
import { specFromForm } from './sweep-form.ts';
import { createSweepPanel } from './sweep-panel.ts';
import { createTrendsPanel } from './trends-panel.ts';
import {
  decodeState, defaultState, encodeState, EXCITATION_KEYS, excitationKeyOf, PUMP_KEYS, pumpKeyOf,
  type AppState, type ExcitationKey, type PumpKey,
} from './url-state.ts';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let state: AppState = decodeState(location.hash);
const cores = browserCores();
/** One worker for the live curve, so sweeps never delay what follows the controls. */
const live = createBrowserEnginePool({ size: 1 });
let work: EnginePool = createBrowserEnginePool({ size: cores });
const workPool = (size: number) => {
  if (work.size !== size) {
    work.close();
    work = createBrowserEnginePool({ size });
  }
  return work;
};

// ---- current curve, overlays, drawing -------------------------------------------------------------
let current: Curve | null = null;
let overlays: Curve[] = [];
let inputSeq = 0;
let drawnSeq = 0;
/** Simulations actually started for the live curve (fewer than control changes when they coalesce). */
let liveRuns = 0;
const mainChart = createMainChart($('main-chart'));
const sideCharts = createSideCharts($('side-charts'));
const stats = createStatsPanel($('stats'));
const status = $('status');

/** Debug and benchmark hook: read-only view of what is on screen. */
const hook = {
  get inputSeq() { return inputSeq; },
  get drawnSeq() { return drawnSeq; },
  get liveRuns() { return liveRuns; },
  get currentInput() { return current ? structuredClone(current.input) : null; },
  get curves() { return current ? [current, ...overlays].length : 0; },
  get tau1ePs() { return current?.result.metrics.tau1ePs ?? null; },
  get lastTcK() { return current ? current.result.tcK[current.result.tcK.length - 1] : null; },
  get peakTcK() { return current?.result.metrics.peakTcK ?? null; },
  get lastSweep() {
    return lastSweep && { wallMs: lastSweep.wallMs, points: lastSweep.range[1] - lastSweep.range[0], workers: lastSweep.workers, cancelled: lastSweep.cancelled };
  },
};
(window as unknown as { hotcarrier: typeof hook }).hotcarrier = hook;

function redraw(seq: number): void {
  if (!current) return;
  const curves = [current, ...overlays];
  const underlay = { pulseFwhmPs: (current.input.pulseFwhmFs ?? PARAMS.pulseFwhmFs.default) / 1000, stages: stageMarks(current.result) };
  mainChart.update(curves, underlay, seq);
  sideCharts.update(current.result, underlay);
  drawnSeq = seq;
}

const runner = new LatestRunner<{ input: SimulationInput; seq: number }, SimulationResult>(
  ({ input }) => {
    liveRuns++;
    return live.simulate(input);
  },
  (result, { input, seq }) => {
    clearEngineErrors();
    current = { input, result, label: curveLabel(input), color: PALETTE[0] };
    redraw(seq);
    stats.show(result);
    showConverted(result);
    const warnings = result.derived.warnings.length ? ` · ⚠ ${result.derived.warnings.join('; ')}` : '';
    setStatus(result.solver.status === 0
      ? `Computed: solver ${formatNumber(result.solver.wallMs)} ms, ${result.solver.nfev} f-evals${warnings}`
      : `Solver stopped: ${result.solver.message}${warnings}`, result.solver.status !== 0);
  },
  (error) => {
    if (isCancelledError(error)) return;
    showEngineError(error.message);
  },
);

function setStatus(text: string, isError = false): void {
  status.textContent = text;
  status.classList.toggle('error', isError);
}

// ---- controls ------------------------------------------------------------------------------------
const controls = new Map<NumericParamKey, NumericControl>();
const invalid = new Set<string>();

function numeric(key: NumericParamKey, parent: HTMLElement): NumericControl {
  const initial = (state.input[key] as number | undefined) ?? PARAMS[key].default;
  const control = createNumericControl(key, initial, (value) => {
    invalid.delete(key);
    // Alternatives (excitation measure, pump as nm or eV): the one set replaces the others.
    for (const group of [EXCITATION_KEYS, PUMP_KEYS] as readonly (readonly NumericParamKey[])[]) {
      if (group.includes(key)) for (const k of group) delete state.input[k];
    }
    (state.input as unknown as Record<string, unknown>)[key] = value;
    changed();
    if (key === 'edgeNm') scheduleTrends();
  });
  control.element.addEventListener('input', () => {
    if (!control.element.classList.contains('invalid')) return;
    invalid.add(key);
    setStatus(`Fix the marked field (${PARAMS[key].label}); the last good curve is kept.`, true);
  });
  parent.append(control.element);
  controls.set(key, control);
  return control;
}

const composition = createCompositionControl(state.input.composition, (formula) => {
  state.input.composition = formula;
  changed();
  refreshMaterial();
});
$('basic-controls').append(composition.element);

const sizeBox = document.createElement('fieldset');
sizeBox.className = 'control size';
sizeBox.innerHTML = '<legend>Size</legend><label class="check"><input type="checkbox" id="bulk-film"> Bulk film (no confinement)</label>';
$('basic-controls').append(sizeBox);
const bulkBox = $<HTMLInputElement>('bulk-film');
const edge = numeric('edgeNm', sizeBox);

const excitationBox = document.createElement('fieldset');
excitationBox.className = 'control excitation';
excitationBox.innerHTML = `<legend>Excitation</legend>
  <div class="radios" role="radiogroup" aria-label="Excitation given as">
    ${EXCITATION_KEYS.map((k) => `<label class="check"><input type="radio" name="excitation-unit" value="${k}"> ${PARAMS[k].label}${PARAMS[k].unit ? ` (${prettyUnit(PARAMS[k].unit)})` : ''}</label>`).join('')}
  </div>
  <output id="converted" aria-live="polite"></output>`;
$('basic-controls').append(excitationBox);
for (const k of EXCITATION_KEYS) numeric(k, excitationBox);

const pumpBox = document.createElement('fieldset');
pumpBox.className = 'control pump';
pumpBox.innerHTML = `<legend>Pump</legend>
  <div class="radios" role="radiogroup" aria-label="Pump given as">
    ${PUMP_KEYS.map((k) => `<label class="check"><input type="radio" name="pump-unit" value="${k}"> ${PARAMS[k].label} (${PARAMS[k].unit})</label>`).join('')}
  </div>
  <output id="pump-converted" aria-live="polite"></output>`;
$('basic-controls').append(pumpBox);
for (const k of PUMP_KEYS) numeric(k, pumpBox);
numeric('latticeK', $('basic-controls'));

const placed = new Set<NumericParamKey>(['edgeNm', 'latticeK', ...PUMP_KEYS, ...EXCITATION_KEYS]);
const advanced = $('advanced-controls');
advanced.insertAdjacentHTML('beforeend', `
  <div class="control"><label for="acceptor">Charge acceptor</label>
    <select id="acceptor"><option value="none">none</option><option value="hot">hot (Bphen-like, high LUMO)</option><option value="cold">cold (TiO2-like)</option></select></div>
  <div class="control"><label for="method">Solver method</label>
    <select id="method"><option value="auto">auto (stiffness switching)</option><option value="rodas5">rodas5 (stiff)</option><option value="odex">odex (non-stiff)</option></select></div>
  <fieldset class="control switches"><legend>Mechanisms</legend>
    ${[['upConversion', 'Acoustic → LO up-conversion'], ['augerHeating', 'Auger heating'], ['intrinsicBottleneck', 'Intrinsic (discrete-level) bottleneck'], ['hotPhonons', 'Hot (finite) LO population']]
      .map(([k, l]) => `<label class="check"><input type="checkbox" data-switch="${k}"> ${l}</label>`).join('')}
  </fieldset>`);
for (const key of Object.keys(PARAMS) as NumericParamKey[]) if (!placed.has(key)) numeric(key, advanced);

const acceptor = $<HTMLSelectElement>('acceptor');
const method = $<HTMLSelectElement>('method');
acceptor.addEventListener('change', () => {
  state.input.acceptor = acceptor.value as SimulationInput['acceptor'];
  changed();
});
method.addEventListener('change', () => {
  state.input.method = method.value as SimulationInput['method'];
  changed();
});
for (const box of advanced.querySelectorAll<HTMLInputElement>('[data-switch]')) {
  box.addEventListener('change', () => {
    state.input.switches = { ...state.input.switches, [box.dataset.switch!]: box.checked };
    changed();
  });
}
bulkBox.addEventListener('change', () => {
  state.input.edgeNm = bulkBox.checked ? null : edge.value();
  if (bulkBox.checked && excitationKeyOf(state.input) === 'nPerNc') setExcitationKey('densityCm3');
  syncDisabled();
  changed();
  scheduleTrends();
});
for (const radio of excitationBox.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
  radio.addEventListener('change', () => setExcitationKey(radio.value as ExcitationKey));
}
for (const radio of pumpBox.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
  radio.addEventListener('change', () => setPumpKey(radio.value as PumpKey));
}

/** Switch the pump between wavelength and photon energy, carrying the value over. */
function setPumpKey(key: PumpKey): void {
  const pumpEv = current?.result.derived.pumpEv ?? PARAMS.pumpEv.default;
  const spec = PARAMS[key];
  const raw = key === 'pumpEv' ? pumpEv : HC_EV_NM / pumpEv;
  const value = Math.min(spec.max, Math.max(spec.min, Number(raw.toPrecision(4))));
  for (const k of PUMP_KEYS) {
    delete state.input[k];
    invalid.delete(k);
  }
  state.input[key] = value;
  controls.get(key)!.set(value);
  syncDisabled();
  changed();
}

/** Switch the excitation measure, carrying the value over from the last result's conversions. */
function setExcitationKey(key: ExcitationKey): void {
  const derived = current?.result.derived;
  const spec = PARAMS[key];
  const carried = derived ? (derived[key] as number | null) : null;
  const value = carried !== null && Number.isFinite(carried) ? Math.min(spec.max, Math.max(spec.min, Number(carried.toPrecision(3)))) : spec.default;
  for (const k of EXCITATION_KEYS) delete state.input[k];
  state.input[key] = value;
  controls.get(key)!.set(value);
  for (const k of EXCITATION_KEYS) invalid.delete(k);
  syncDisabled();
  changed();
}

function syncDisabled(): void {
  const bulk = state.input.edgeNm === null;
  edge.setDisabled(bulk);
  controls.get('filmThicknessNm')?.setDisabled(!bulk);
  const active = excitationKeyOf(state.input);
  for (const k of EXCITATION_KEYS) controls.get(k)!.element.hidden = k !== active;
  for (const radio of excitationBox.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
    radio.checked = radio.value === active;
    radio.disabled = bulk && radio.value === 'nPerNc';
  }
  const pump = pumpKeyOf(state.input);
  for (const k of PUMP_KEYS) controls.get(k)!.element.hidden = k !== pump;
  for (const radio of pumpBox.querySelectorAll<HTMLInputElement>('input[type=radio]')) radio.checked = radio.value === pump;
  const isHot = state.input.acceptor === 'hot';
  const isCold = state.input.acceptor === 'cold';
  controls.get('hotAcceptorBarrierEv')?.setDisabled(!isHot);
  controls.get('hotAcceptorTransferPs')?.setDisabled(!isHot);
  controls.get('coldAcceptorTransferPs')?.setDisabled(!isCold);
}

function showConverted(result: SimulationResult): void {
  const d = result.derived;
  const parts = [
    `n₀ = ${withUnit(d.densityCm3, 'cm⁻³')}`,
    d.nPerNc === null ? '⟨N⟩ not defined for a film' : `⟨N⟩ = ${formatNumber(d.nPerNc)}`,
    `fluence = ${withUnit(d.fluenceUJcm2, 'µJ cm⁻²')}`,
  ];
  $('converted').textContent = parts.join(' · ');
  $('pump-converted').textContent = `${withUnit(HC_EV_NM / d.pumpEv, 'nm')} = ${withUnit(d.pumpEv, 'eV', 4)}; excess over the gap ${withUnit(d.excessEnergyEv, 'eV')}`;
  edge.setMarker(d.bohrDiameterNm, `Bohr diameter ${formatNumber(d.bohrDiameterNm)} nm`);
}

/** Put the controls in step with `state` (after Reset, a preset, or loading a URL). */
function applyStateToControls(): void {
  composition.set(state.input.composition);
  bulkBox.checked = state.input.edgeNm === null;
  for (const [key, control] of controls) {
    const value = state.input[key];
    control.set(typeof value === 'number' ? value : key === 'edgeNm' && typeof value !== 'number' ? control.value() : PARAMS[key].default);
  }
  acceptor.value = state.input.acceptor ?? 'none';
  method.value = state.input.method ?? 'auto';
  for (const box of advanced.querySelectorAll<HTMLInputElement>('[data-switch]')) {
    box.checked = (state.input.switches as Record<string, boolean> | undefined)?.[box.dataset.switch!] !== false;
  }
  invalid.clear();
  syncDisabled();
}

// ---- engine errors shown in the fields -------------------------------------------------------------
function clearEngineErrors(): void {
  for (const control of controls.values()) if (!invalid.has(control.key)) control.setError('');
  composition.showSummary(lastSummary);
}

/** Each message line starts with the parameter's key ("pumpNm (--pump-nm) = …"): show it in that field. */
function showEngineError(message: string): void {
  let placedAny = false;
  for (const line of message.split('\n')) {
    const key = /^\s*([A-Za-z0-9]+)/.exec(line)?.[1];
    if (key && controls.has(key as NumericParamKey)) {
      controls.get(key as NumericParamKey)!.setError(line);
      placedAny = true;
    } else if (key === 'composition') {
      composition.showSummary(null, line);
      placedAny = true;
    }
  }
  setStatus(`${placedAny ? 'Input problem (see the marked field)' : 'Engine error'}: ${message} — the last good curve is kept.`, true);
}

// ---- material summary ------------------------------------------------------------------------------
let lastSummary: Awaited<ReturnType<EnginePool['resolveMaterial']>> | null = null;
let materialSeq = 0;
function refreshMaterial(): void {
  const seq = ++materialSeq;
  live.resolveMaterial(state.input.composition).then(
    (summary) => {
      if (seq !== materialSeq) return;
      lastSummary = summary;
      composition.showSummary(summary);
      edge.setMarker(summary.bohrDiameterNm, `Bohr diameter ${formatNumber(summary.bohrDiameterNm)} nm`);
    },
    (error: Error) => {
      if (seq === materialSeq) composition.showSummary(null, error.message);
    },
  );
  scheduleTrends();
}

// ---- change handling: simulate latest, URL, trends -------------------------------------------------
let urlTimer: ReturnType<typeof setTimeout> | undefined;
function changed(): void {
  const seq = ++inputSeq;
  if (invalid.size > 0) {
    setStatus(`Fix the marked field${invalid.size > 1 ? 's' : ''} (${[...invalid].join(', ')}); the last good curve is kept.`, true);
    return;
  }
  runner.request({ input: structuredClone(state.input), seq });
  clearTimeout(urlTimer);
  urlTimer = setTimeout(writeUrl, 150);
}

function writeUrl(): void {
  state.sweep = sweepPanel.form();
  history.replaceState(null, '', `#${encodeState(state)}`);
}

// ---- overlays and figure presets -------------------------------------------------------------------
async function computeOverlays(inputs: SimulationInput[]): Promise<void> {
  const results = await Promise.allSettled(inputs.map((input) => work.simulate(input)));
  overlays = [];
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') {
      overlays.push({ input: inputs[i], result: r.value, label: curveLabel(inputs[i]), color: PALETTE[(overlays.length + 1) % PALETTE.length] });
    } else if (!isCancelledError(r.reason)) {
      setStatus(`Overlay ${curveLabel(inputs[i])} failed: ${(r.reason as Error).message}`, true);
    }
  });
  renderOverlayList();
  redraw(inputSeq);
}

function renderOverlayList(): void {
  $('overlay-list').innerHTML = overlays.map((c, i) =>
    `<li><span class="swatch" style="background:${c.color}"></span>${c.label} <button type="button" data-remove="${i}" aria-label="Remove ${c.label}">×</button></li>`).join('');
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
});
$('keep').addEventListener('click', () => {
  if (!current) return;
  overlays.push({ ...current, color: PALETTE[(overlays.length + 1) % PALETTE.length] });
  state.overlays = overlays.map((c) => c.input);
  renderOverlayList();
  redraw(inputSeq);
  writeUrl();
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
  button.textContent = `Fig. ${preset.id}`;
  button.title = preset.title;
  button.dataset.preset = preset.id;
  button.addEventListener('click', () => {
    const [first, ...rest] = preset.inputs;
    state.input = structuredClone(first);
    state.overlays = structuredClone(rest);
    applyStateToControls();
    changed();
    refreshMaterial();
    void computeOverlays(state.overlays).then(writeUrl);
    setStatus(preset.title);
  });
  presetBox.append(button);
}
$('reset').addEventListener('click', () => {
  state = defaultState();
  overlays = [];
  renderOverlayList();
  sweepPanel.setForm(state.sweep);
  applyStateToControls();
  changed();
  refreshMaterial();
});

// ---- export ----------------------------------------------------------------------------------------
$('export-csv').addEventListener('click', () => {
  if (!current) return;
  download('hotcarrier-curves.csv', new Blob([curvesCsv([current, ...overlays])], { type: 'text/csv' }));
});
$('export-png').addEventListener('click', async () => {
  download('hotcarrier-chart.png', await chartPng(mainChart.plot, 'Hot-carrier cooling: carrier temperature vs delay'));
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
    const pool = workPool(sweepPanel.form().workers);
    pool.sweep(spec, (p) => sweepPanel.progress(p), { signal: abort.signal }).then(
      (result) => {
        lastSweep = result;
        sweepPanel.show(result);
      },
      (error: Error) => sweepPanel.message(`Sweep failed: ${error.message}`, true),
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
  changed() {
    clearTimeout(urlTimer);
    urlTimer = setTimeout(writeUrl, 150);
  },
});
$('sweep').append(sweepPanel.element);

// ---- start -----------------------------------------------------------------------------------------
window.addEventListener('resize', () => {
  mainChart.resize();
  sideCharts.resize();
});
window.addEventListener('hashchange', () => {
  const next = decodeState(location.hash);
  if (encodeState(next) === encodeState(state)) return;
  state = next;
  applyStateToControls();
  sweepPanel.setForm(state.sweep);
  changed();
  refreshMaterial();
  void computeOverlays(state.overlays);
});
live.materials().then(
  (entries) => composition.setPresets(entries.map((e) => e.name)),
  (error: Error) => setStatus(`Could not load the material list: ${error.message}`, true),
);
applyStateToControls();
changed();
refreshMaterial();
if (state.overlays.length > 0) void computeOverlays(state.overlays);
