// The page's debug and benchmark hook (window.hotcarrier): a read-only view of the model and of what is drawn,
// for the end-to-end tests and the UI benchmark.

import type { FitPanel } from './fit-panel.ts';
import type { MainChart } from './main-chart.ts';
import type { MeasuredPanel } from './measured-data.ts';
import type { PageModel } from './page-model.ts';

export function installDebugHook(model: PageModel, mainChart: MainChart, measured: MeasuredPanel, fitPanel: FitPanel): void {
  const current = () => model.current.value;
  const hook = {
    get inputSeq() { return model.inputSeq; },
    get drawnSeq() { return model.drawnSeq; },
    get liveRuns() { return model.liveRuns; },
    get solveMs() { return current()?.result.solver.wallMs ?? null; },
    get roundTripMs() { return model.timing.roundTripMs; },
    get renderMs() { return model.timing.renderMs; },
    /** The inputs of every curve on screen, the current one first (what an export's input hash covers). */
    curvesInputs() { return model.curves.map((c) => structuredClone(c.input)); },
    get currentInput() { const c = current(); return c ? structuredClone(c.input) : null; },
    get curves() { return model.curves.length; },
    get tau1ePs() { return current()?.result.metrics.tau1ePs ?? null; },
    get lastTcK() { const c = current(); return c ? c.result.tcK[c.result.tcK.length - 1] : null; },
    get peakTcK() { return current()?.result.metrics.peakTcK ?? null; },
    get measuredPoints() { return measured.series?.tPs.length ?? 0; },
    get measuredRmsK() { return measured.comparison?.rmsK ?? null; },
    get view() { return model.view.value; },
    get theme() { return model.theme.value; },
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
    /** The main chart's y range now (K) and whether it is logarithmic. */
    get yRange() {
      const y = mainChart.plot.scales.y;
      return { min: y.min ?? null, max: y.max ?? null, log: y.distr === 3 };
    },
    get lastSweep() {
      const s = model.lastSweep.value;
      return s && { wallMs: s.wallMs, points: s.range[1] - s.range[0], workers: s.workers, cancelled: s.cancelled };
    },
  };
  (window as unknown as { hotcarrier: typeof hook }).hotcarrier = hook;
}
