// The page's transient-absorption path: load a TA map (the CLI's readers), choose any unit the file does not state,
// see it as a heat map with the tail window, the spectrum at a chosen delay with its fit, the window adjustable;
// the extracted Tc(t) goes to the Tc chart as measured points (and to the fit); beside it the map the current
// simulation predicts. Engine code from src/data; nothing of this goes into the URL.

import type { MeasuredSeries } from '../src/data/measured.ts';
import type { SimulationResult } from '../src/model/types.ts';
import type { BandEdge } from '../src/data/ta-bleach.ts';
import { bleachShape, DEFAULT_MAX_CHI2, extractTc, type Extraction } from '../src/data/ta-extract.ts';
import { forwardMap } from '../src/data/ta-forward.ts';
import { toSpectra, type TaMap, type TaSpectra, type UnitChoice } from '../src/data/ta-map.ts';
import { MAX_TA_FILE_BYTES, readTaMap } from '../src/data/ta-read.ts';
import { TaFileError } from '../src/data/ta-scan.ts';
import { drawHeatMap, drawSpectrum } from './ta-canvas.ts';
import { decodeDataBytes } from '../src/data/text-decode.ts';
import { DataFileError } from '../src/data/measured.ts';

export interface TaPanel {
  readonly element: HTMLElement;
  /** The Tc(t) extracted from the loaded map, or null. */
  readonly series: MeasuredSeries | null;
  /** A new current simulation: re-fit with its sample's gap and masses, redraw the forward map when open. */
  update(result: SimulationResult | null): void;
}

const unitSelect = (id: string, label: string, units: string[]) =>
  `<label for="${id}">${label}</label><select id="${id}"><option value="">as the file says</option>${units.map((u) => `<option value="${u}">${u}</option>`).join('')}</select>`;

export function createTaPanel(changed: () => void): TaPanel {
  const element = document.createElement('details');
  element.className = 'panel ta-panel';
  element.id = 'ta-panel';
  element.innerHTML = `<summary>Transient-absorption map → Tc(t)</summary>
    <div class="control">
      <label for="ta-file">Load a TA map (KiMoPack .SIA, Glotaran ascii, Surface Xplorer CSV, a matrix with axes)…</label>
      <input type="file" id="ta-file" accept=".sia,.SIA,.ascii,.csv,.txt,.dat,text/plain" aria-describedby="ta-error">
      <div class="row">${unitSelect('ta-signal-unit', 'ΔA unit', ['OD', 'mOD', 'dT/T'])}${unitSelect('ta-delay-unit', 'delays', ['fs', 'ps', 'ns'])}${unitSelect('ta-spectral-unit', 'axis', ['nm', 'eV'])}</div>
      <span class="error" id="ta-error" role="alert"></span>
      <output id="ta-summary" aria-live="polite"></output>
    </div>
    <div class="ta-views" style="display:flex;flex-wrap:wrap;gap:0.5rem">
      <figure><canvas style="max-width:100%" id="ta-heatmap" width="360" height="220" role="img" aria-label="Measured ΔA against photon energy (across) and delay (down)"></canvas><figcaption id="ta-heatmap-caption">measured ΔA (blue bleach, red absorption); line: the chosen delay; dashed: the tail window</figcaption></figure>
      <figure><canvas style="max-width:100%" id="ta-spectrum" width="360" height="220" role="img" aria-label="Bleach at the chosen delay with its tail fit"></canvas><figcaption>−ΔA at the chosen delay (log), the bleach-model fit in red</figcaption></figure>
      <figure><canvas style="max-width:100%" id="ta-forward" width="360" height="220" role="img" aria-label="ΔA map the current simulation predicts"></canvas><figcaption>the current simulation's predicted map (same scale rules)</figcaption></figure>
    </div>
    <div class="control row">
      <label for="ta-delay">delay</label><input type="range" id="ta-delay" min="0" max="0" value="0">
      <label for="ta-window-lo">window low–high (eV)</label><input type="text" id="ta-window-lo" inputmode="decimal" size="6"><input type="text" id="ta-window-hi" inputmode="decimal" size="6" aria-label="window high end (eV)">
      <button type="button" id="ta-auto-window">Automatic window</button>
    </div>
    <output id="ta-fit-readout" aria-live="polite"></output>`;
  const $ = <T extends HTMLElement>(id: string) => element.querySelector<T>(`#${id}`)!;
  const error = $('ta-error');
  const summary = $<HTMLOutputElement>('ta-summary');
  const delay = $<HTMLInputElement>('ta-delay');
  const lo = $<HTMLInputElement>('ta-window-lo');
  const hi = $<HTMLInputElement>('ta-window-hi');
  const readout = $<HTMLOutputElement>('ta-fit-readout');
  let map: TaMap | null = null;
  let spectra: TaSpectra | null = null;
  let extraction: Extraction | null = null;
  let series: MeasuredSeries | null = null;
  let result: SimulationResult | null = null;
  let forwardOf: SimulationResult | null = null;
  let fixedWindow: [number, number] | null = null;

  const edgeOf = (r: SimulationResult): BandEdge => ({
    gapEv: r.derived.gapEv, electronMassM0: r.derived.material.electronMassM0, holeMassM0: r.derived.material.holeMassM0,
    edgeNm: r.derived.bulk ? null : r.input.edgeNm, broadeningEv: 0.04 / (2 * Math.sqrt(2 * Math.log(2))),
  });

  function units(): UnitChoice {
    const v = (id: string) => $<HTMLSelectElement>(id).value || undefined;
    return { signalUnit: v('ta-signal-unit') as UnitChoice['signalUnit'], delayUnit: v('ta-delay-unit') as UnitChoice['delayUnit'], spectralUnit: v('ta-spectral-unit') as UnitChoice['spectralUnit'] };
  }

  function fail(message: string): void {
    error.textContent = message;
    spectra = null;
    extraction = null;
    if (series !== null) { series = null; changed(); }
  }

  function convertAndFit(): void {
    if (!map) return;
    try {
      spectra = toSpectra(map, units());
    } catch (e) {
      if (e instanceof TaFileError) return fail(`${e.message} (choose it above)`);
      throw e;
    }
    error.textContent = '';
    delay.max = String(spectra.delaysPs.length - 1);
    if (Number(delay.value) > spectra.delaysPs.length - 1) delay.value = '0';
    refit();
  }

  function refit(): void {
    if (!spectra || !result) return;
    extraction = extractTc(spectra, edgeOf(result), fixedWindow ? { windowEv: fixedWindow } : {});
    // as tc-extract's CSV: a delay whose bleach-model χ²/dof exceeds the limit is shown, not drawn as a measurement
    const ok = extraction.delays.filter((d) => d.model !== null && d.model.chi2PerDof <= DEFAULT_MAX_CHI2);
    series = ok.length === 0 ? null : {
      name: `${map!.name} (tail fit)`, tPs: Float64Array.from(ok, (d) => d.delayPs), tcK: Float64Array.from(ok, (d) => d.model!.tK),
      sigmaK: Float64Array.from(ok, (d) => d.model!.sigmaK), header: [], delayUnit: 'ps',
      notes: [`${extraction.delays.length - ok.length} of ${extraction.delays.length} delays without a fittable tail or with χ²/dof above ${DEFAULT_MAX_CHI2}`],
    };
    summary.textContent = `${map!.name}: ${spectra.energyEv.length} wavelengths × ${spectra.delaysPs.length} delays (${map!.layout}); Tc fitted at ${ok.length} of ${extraction.delays.length} delays > 0; noise ${extraction.noiseOd.toPrecision(2)} OD`;
    changed();
    draw();
  }

  function draw(): void {
    if (!spectra) return;
    const k = Number(delay.value);
    const fit = extraction?.delays.find((d) => d.delayPs === spectra!.delaysPs[k]) ?? null;
    const window = fixedWindow ?? fit?.windowEv ?? null;
    if (window && document.activeElement !== lo && document.activeElement !== hi) { lo.value = window[0].toFixed(3); hi.value = window[1].toFixed(3); }
    const scale = drawHeatMap($<HTMLCanvasElement>('ta-heatmap'), spectra, k, window);
    const e = spectra.energyEv;
    const t = spectra.delaysPs;
    $('ta-heatmap-caption').textContent = `measured ΔA: photon energy ${e[0].toFixed(3)}–${e[e.length - 1].toFixed(3)} eV across, delays ${t[0].toPrecision(3)}–${t[t.length - 1].toPrecision(3)} ps down (one row per delay); blue bleach, red absorption, full colour at ±${scale.toPrecision(2)} OD; line: the chosen delay; dashed: the tail window`;
    const nE = spectra.energyEv.length;
    const bleach = Array.from({ length: nE }, (_, j) => -spectra!.dA[k * nE + j]);
    let curve: { e: number[]; y: number[] } | null = null;
    if (fit?.model && fit.windowEv && result) {
      const e = Array.from(spectra.energyEv).filter((x) => x >= fit.windowEv![0] && x <= fit.windowEv![1]);
      const shape = bleachShape(e, edgeOf(result), fit.model.tK, fit.model.eta);
      curve = { e, y: Array.from(shape, (v) => v * (fit.model!.amplitude ?? 0)) };
    }
    drawSpectrum($<HTMLCanvasElement>('ta-spectrum'), spectra.energyEv, bleach, curve, window);
    readout.textContent = fit === null ? `delay ${spectra.delaysPs[k].toPrecision(3)} ps: before time zero (not fitted)`
      : fit.model ? `delay ${fit.delayPs.toPrecision(3)} ps: Tc ${fit.model.tK.toFixed(0)} ± ${fit.model.sigmaK.toPrecision(2)} K (bleach model, χ²/dof ${fit.model.chi2PerDof.toPrecision(3)}${fit.model.chi2PerDof > DEFAULT_MAX_CHI2 ? ', above the limit: not drawn' : ''}), classic exponential ${fit.classic ? `${fit.classic.tK.toFixed(0)} K` : '—'}`
        : `delay ${fit.delayPs.toPrecision(3)} ps: no fittable tail — ${fit.reason}`;
  }

  function drawForward(): void {
    if (!element.open || !result || result === forwardOf) return;
    forwardOf = result;
    drawHeatMap($<HTMLCanvasElement>('ta-forward'), forwardMap(result, { nSpectral: 120 }), null, null);
  }

  $<HTMLInputElement>('ta-file').addEventListener('change', async (ev) => {
    const file = (ev.target as HTMLInputElement).files?.[0];
    if (!file) return;
    if (file.size > MAX_TA_FILE_BYTES) return fail(`${file.name}: the file is ${file.size} bytes; allowed: at most ${MAX_TA_FILE_BYTES} bytes (64 MB)`);
    try {
      map = readTaMap(decodeDataBytes(new Uint8Array(await file.arrayBuffer())).text, file.name);
    } catch (e) {
      map = null;
      if (e instanceof TaFileError) return fail(e.message);
      if (e instanceof DataFileError) return fail(`${file.name}: ${e.message}`);
      throw e;
    }
    fixedWindow = null;
    convertAndFit();
  });
  for (const id of ['ta-signal-unit', 'ta-delay-unit', 'ta-spectral-unit']) $(id).addEventListener('change', convertAndFit);
  delay.addEventListener('input', draw);
  const setWindow = () => {
    const a = Number(lo.value);
    const b = Number(hi.value);
    if (!(a > 0 && b > a && b < 20)) { error.textContent = `window ${lo.value}–${hi.value} eV; allowed: 0 < low < high < 20 eV`; return; }
    error.textContent = '';
    fixedWindow = [a, b];
    refit();
  };
  lo.addEventListener('change', setWindow);
  hi.addEventListener('change', setWindow);
  $('ta-auto-window').addEventListener('click', () => { fixedWindow = null; refit(); });
  element.addEventListener('toggle', drawForward);

  return {
    element,
    get series() { return series; },
    update(next) {
      const sampleChanged = !result || !next || next.derived.gapEv !== result.derived.gapEv || next.derived.material.formula !== result.derived.material.formula || next.input.edgeNm !== result.input.edgeNm;
      result = next;
      if (sampleChanged && spectra) refit();
      drawForward();
    },
  };
}
