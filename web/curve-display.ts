// What follows the curves on screen: the main chart, the side charts, the measured and TA comparisons, the list of
// each curve's warnings under the chart, and the chart's data table (for screen readers and copying).

import { PARAMS } from '../src/model/params.ts';
import { modelTcAt, type MeasuredSeries } from '../src/data/measured.ts';
import type { SimulationResult } from '../src/model/types.ts';
import type { Curve } from './curves.ts';
import { escapeHtml, formatNumber } from './format.ts';
import { noteHtml } from './known-notes.ts';
import type { MainChart } from './main-chart.ts';
import type { PageModel } from './page-model.ts';
import type { SideCharts } from './side-charts.ts';
import { stageMarks } from './stages.ts';

/** A panel that compares measured data with the current curve (a Tc file, a TA map). */
export interface ComparedPanel {
  readonly series: MeasuredSeries | null;
  update(result: SimulationResult): void;
}

export interface CurveDisplay {
  /** Draw every curve for the input change `seq` (the model's drawnSeq follows). */
  redraw(seq: number): void;
  /** The measured points drawn: a Tc file first, else the TA map's Tc(t). */
  readonly measured: MeasuredSeries | null;
}

const $ = (id: string) => document.getElementById(id)!;

export function createCurveDisplay(model: PageModel, mainChart: MainChart, sideCharts: SideCharts, file: ComparedPanel, ta: ComparedPanel): CurveDisplay {
  /** Every curve at up to 30 delays, built when the table is opened. */
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

  /** Under the chart: each curve's warnings in full, with its colour (the legend and the ⚠ on the curve point here),
   *  then the published measurements the model is known to disagree with in its regime, each with its DOI as a link. */
  function showCurveWarnings(curves: Curve[]): void {
    const box = $('curve-warnings');
    const swatch = (c: Curve) => `<span class="swatch" style="background:${c.color}"></span>`;
    const html = curves.filter((c) => c.warnings.length > 0).map((c) =>
      `<li>${swatch(c)}<b>⚠ ${escapeHtml(c.label)}:</b> ${c.warnings.map(escapeHtml).join('; ')}</li>`).join('')
      + curves.flatMap((c) => c.notes.map((n) =>
        `<li class="known-disagreement">${swatch(c)}<b>Model disagrees with a measurement, ${escapeHtml(c.label)}:</b> ${noteHtml(n)}</li>`)).join('');
    if (box.innerHTML !== html) box.innerHTML = html;
    box.hidden = html === '';
  }

  return {
    get measured() {
      return file.series ?? ta.series;
    },
    redraw(seq: number) {
      const current = model.current.value;
      if (!current) return;
      const curves = model.curves;
      const underlay = { pulseFwhmPs: (current.input.pulseFwhmFs ?? PARAMS.pulseFwhmFs.default) / 1000, stages: stageMarks(current.result) };
      mainChart.update(curves, underlay, seq, file.series ?? ta.series);
      file.update(current.result);
      ta.update(current.result);
      sideCharts.update(current.result, underlay);
      showCurveWarnings(curves);
      showDataTable();
      model.drawnSeq = seq;
    },
  };
}
