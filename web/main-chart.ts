// The main chart: carrier temperature against delay for the current curve, the kept overlays and measured points.

import uPlot from 'uplot';
import type { MeasuredSeries } from '../src/data/measured.ts';
import type { Curve } from './curves.ts';
import { delayAxis, delayScale, underlayHook, type Underlay } from './delay-axis.ts';
import { errorBarsHook } from './error-bars.ts';
import { formatNumber } from './format.ts';
import { shortWarning } from './chart-figure.ts';
import { MEASURED_COLOR } from './measured-data.ts';

export interface MainChart {
  /** Show `curves` (the first is the current one, drawn thicker) and `measured` as points with ±1σ bars; `seq` tags the draw event. */
  update(curves: Curve[], underlay: Underlay, seq: number, measured?: MeasuredSeries | null): void;
  readonly plot: uPlot;
  resize(): void;
}

/** Emitted on window after each draw of new data: detail { seq, drawnAt }. Used by tests and the UI benchmark. */
export const DRAWN_EVENT = 'hc:drawn';

const tcValue = (_u: uPlot, v: number | null) => (v === null ? '—' : `${formatNumber(v, 4)} K`);

/** Measured data: points only, no line, in the legend with the file name. */
function measuredSeries(m: MeasuredSeries): uPlot.Series {
  return {
    label: `measured: ${m.name}${m.sigmaK ? ' (bars ±1σ)' : ''}`,
    stroke: MEASURED_COLOR,
    width: 0,
    paths: () => null,
    points: { show: true, size: 8, width: 2, stroke: MEASURED_COLOR, fill: '#ffffff' },
    value: tcValue,
  };
}

function seriesOf(curves: Curve[], measured: MeasuredSeries | null): uPlot.Series[] {
  const series: uPlot.Series[] = [
    { label: 'Delay (ps)', value: (_u, v) => (v === null ? '—' : `${formatNumber(v)} ps`) },
    ...curves.map((c, i) => ({
      label: legendLabel(c, i === 0),
      stroke: c.color,
      width: i === 0 ? 2.5 : 1.5,
      dash: i === 0 ? undefined : [6, 3],
      spanGaps: true,
      points: { show: false },
      value: tcValue,
    })),
  ];
  if (measured) series.push(measuredSeries(measured));
  return series;
}

function dataOf(curves: Curve[], measured: MeasuredSeries | null): uPlot.AlignedData {
  const tables = curves.map((c) => [c.result.tPs, c.result.tcK] as uPlot.AlignedData);
  if (measured) tables.push([measured.tPs, measured.tcK]);
  if (tables.length === 0) return [[]];
  if (tables.length === 1) return tables[0];
  return uPlot.join(tables);
}

/** A curve's legend label: "(current)" for the first, and ⚠ with the gist of each warning. */
export function legendLabel(c: Curve, current: boolean): string {
  const warn = c.warnings.length > 0 ? ` ⚠ ${c.warnings.map(shortWarning).join('; ')}` : '';
  return `${c.label}${current ? ' (current)' : ''}${warn}`;
}

/** What forces a rebuild: the number of curves, the overlays' labels and the measured data (the current label is edited in place). */
const keyOf = (curves: Curve[], measured: MeasuredSeries | null) =>
  [...curves.map((c, i) => (i === 0 ? c.color : `${legendLabel(c, false)}|${c.color}`)), measured ? `measured|${measured.name}` : ''].join('\n');

/** Change the current curve's legend label without rebuilding the chart. */
function setCurrentLabel(plot: uPlot, label: string): void {
  if (!plot.series[1] || plot.series[1].label === label) return;
  plot.series[1].label = label;
  const cell = plot.root.querySelectorAll('.u-legend .u-series')[1]?.querySelector('.u-label');
  if (cell) cell.textContent = label;
}

/** The chart's plot height follows the viewport: about half of it, 240–760 px (a projector or 1080p gets a big chart). */
export function mainChartHeight(): number {
  const h = window.innerHeight;
  const teaching = document.body.dataset.view === 'teaching';
  return Math.round(Math.min(760, Math.max(240, h * (teaching ? 0.62 : 0.5))));
}

/** Inner width of a chart card (its padding taken off), at least 280 px. */
export function chartWidth(container: HTMLElement): number {
  const style = getComputedStyle(container);
  return Math.max(280, Math.floor(container.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)));
}

/** A ⚠ in the curve's colour at the peak of each curve that carries a warning (the legend and list say which). */
function warningMarks(u: uPlot, curves: Curve[]): void {
  const ctx = u.ctx;
  ctx.save();
  ctx.font = `bold ${Math.round(14 * devicePixelRatio)}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.textBaseline = 'bottom';
  for (const c of curves) {
    if (c.warnings.length === 0) continue;
    const tc = c.result.tcK;
    let k = 0;
    for (let i = 1; i < tc.length; i++) if (tc[i] > tc[k]) k = i;
    const x = u.valToPos(c.result.tPs[k], 'x', true);
    const y = u.valToPos(tc[k], 'y', true);
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    ctx.fillStyle = c.color;
    ctx.fillText('⚠', x, Math.max(u.bbox.top + 16 * devicePixelRatio, y - 4 * devicePixelRatio));
  }
  ctx.restore();
}

export function createMainChart(container: HTMLElement): MainChart {
  let underlay: Underlay = { pulseFwhmPs: 0.1, stages: null };
  let tEnd = 1000;
  let seriesKey = '';
  let pendingSeq = -1;
  let plot: uPlot;
  let measured: MeasuredSeries | null = null;
  let shownCurves: Curve[] = [];
  let builtNarrow = false;

  const make = (curves: Curve[]) => {
    plot?.destroy();
    const opts: uPlot.Options = {
      width: chartWidth(container),
      height: mainChartHeight(),
      title: 'Carrier temperature Tc vs delay',
      scales: { x: delayScale(tEnd), y: { auto: true } },
      // Narrow charts (phones) label only 0 and the decades, so the ±0.1 ps ticks never collide.
      axes: [delayAxis('Delay (ps)', container.clientWidth < 560), { label: 'Carrier temperature Tc (K)', size: 60 }],
      series: seriesOf(curves, measured),
      cursor: { sync: { key: 'delay' } },
      legend: { live: true },
      hooks: {
        drawClear: [underlayHook(() => underlay)],
        // Bars beneath the series, so the marker stays a clean circle on top of its bar.
        drawAxes: [errorBarsHook(() => measured, MEASURED_COLOR)],
        draw: [
          (u: uPlot) => warningMarks(u, shownCurves),
          () => {
            if (pendingSeq < 0) return;
            const seq = pendingSeq;
            pendingSeq = -1;
            window.dispatchEvent(new CustomEvent(DRAWN_EVENT, { detail: { seq, drawnAt: performance.now() } }));
          },
        ],
      },
    };
    builtNarrow = container.clientWidth < 560;
    plot = new uPlot(opts, dataOf(curves, measured), container);
    seriesKey = keyOf(curves, measured);
  };
  make([]);

  return {
    get plot() {
      return plot;
    },
    update(curves: Curve[], nextUnderlay: Underlay, seq: number, nextMeasured: MeasuredSeries | null = null) {
      underlay = nextUnderlay;
      shownCurves = curves;
      const measuredChanged = nextMeasured !== measured;
      measured = nextMeasured;
      const end = Math.max(...curves.map((c) => c.result.tPs[c.result.tPs.length - 1] ?? 1000), 1);
      const key = keyOf(curves, measured);
      pendingSeq = seq;
      if (key !== seriesKey || end !== tEnd || measuredChanged) {
        tEnd = end;
        make(curves);
        return;
      }
      if (curves[0]) setCurrentLabel(plot, legendLabel(curves[0], true));
      plot.setData(dataOf(curves, measured));
    },
    resize() {
      const narrow = container.clientWidth < 560;
      if (narrow !== builtNarrow) {
        make(shownCurves);
        return;
      }
      plot.setSize({ width: chartWidth(container), height: mainChartHeight() });
    },
  };
}
