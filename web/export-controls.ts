// The export buttons: CSV of every curve, the main chart as PNG (2–3×) and SVG as it is on screen (zoom and theme
// included) with the provenance (version, commit, input hash) in each, and Copy link.

import type { MeasuredSeries } from '../src/data/measured.ts';
import { pageProvenance, provenanceLine } from './build-info.ts';
import type { FigureSpec } from './chart-figure.ts';
import { theme } from './chart-theme.ts';
import { curvesCsv, download, figurePng, figureSvg } from './export.ts';
import type { MainChart } from './main-chart.ts';
import type { PageModel } from './page-model.ts';
import { stageMarks } from './stages.ts';

export interface ExportHandlers {
  /** The measured points drawn (a Tc file's in the CSV, a file's or a TA map's in the figures). */
  measuredFile(): MeasuredSeries | null;
  measuredDrawn(): MeasuredSeries | null;
  /** Bring the URL up to date with what is drawn. */
  writeUrl(): void;
  setStatus(text: string): void;
}

const $ = (id: string) => document.getElementById(id)!;

export function installExportControls(model: PageModel, mainChart: MainChart, handlers: ExportHandlers): void {
  $('export-csv').addEventListener('click', () => {
    if (!model.current.value) return;
    download('hotcarrier-curves.csv', new Blob([curvesCsv(model.curves, handlers.measuredFile())], { type: 'text/csv' }));
  });

  /** The main chart as a figure: what is on screen (zoom included), in the current theme. */
  function figure() {
    if (!model.current.value) return null;
    const u = mainChart.plot;
    const x = u.scales.x;
    const y = u.scales.y;
    const prov = pageProvenance(model.curves.map((c) => c.input));
    const spec: FigureSpec = {
      title: 'Hot-carrier cooling: carrier temperature Tc vs delay',
      curves: model.curves,
      measured: handlers.measuredDrawn(),
      stages: stageMarks(model.current.value.result),
      xRange: [x.min ?? -0.3, x.max ?? 1000],
      yRange: [y.min ?? 0, y.max ?? 1000],
      logY: y.distr === 3,
      theme,
      width: Math.max(900, Math.round(u.width)),
      provenance: provenanceLine(prov),
    };
    return { spec, prov };
  }
  $('export-png').addEventListener('click', async () => {
    const f = figure();
    if (f) download('hotcarrier-chart.png', await figurePng(f.spec, Number(($('png-scale') as HTMLSelectElement).value) || 2, f.prov));
  });
  $('export-svg').addEventListener('click', () => {
    const f = figure();
    if (f) download('hotcarrier-chart.svg', figureSvg(f.spec, f.prov));
  });
  $('copy-link').addEventListener('click', async () => {
    handlers.writeUrl();
    try {
      await navigator.clipboard.writeText(location.href);
      handlers.setStatus('Link copied: it reproduces this view.');
    } catch {
      handlers.setStatus('The address bar holds the link to this view.');
    }
  });
}
