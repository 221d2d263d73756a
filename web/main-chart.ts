// The main chart: carrier temperature against delay for the current curve, the kept overlays and measured points.

import uPlot from 'uplot';
import type { MeasuredSeries } from '../src/data/measured.ts';
import { tcOf, type Curve } from './curves.ts';
import { AXIS_START_PS, delayAxis, delayScale, underlayHook, type Underlay } from './delay-axis.ts';
import { theme } from './chart-theme.ts';
import { errorBarsHook } from './error-bars.ts';
import { formatNumber } from './format.ts';
import { shortWarning } from './chart-figure.ts';

export interface MainChart {
  /** Show `curves` (the first is the current one, drawn thicker) and `measured` as points with ±1σ bars; `seq` tags the draw event. */
  update(curves: Curve[], underlay: Underlay, seq: number, measured?: MeasuredSeries | null): void;
  readonly plot: uPlot;
  resize(): void;
  /** Carrier-temperature axis: a fixed range (K; null for automatic) and a logarithmic scale. */
  setYAxis(range: [number, number] | null, log: boolean): void;
  /** Back to the full delay range and the automatic (or fixed) Tc range, as a double-click does. */
  resetZoom(): void;
  /** Rebuild with the current colours (after a theme change). */
  rebuild(): void;
  readonly zoomed: boolean;
  /** A marker on the current curve at a delay (ps), for the teaching view's player; null removes it. */
  setMarker(tPs: number | null): void;
}

/** Emitted on window after each draw of new data: detail { seq, drawnAt }. Used by tests and the UI benchmark. */
export const DRAWN_EVENT = 'hc:drawn';

const tcValue = (_u: uPlot, v: number | null) => (v === null ? '—' : `${formatNumber(v, 4)} K`);

/** Measured data: points only, no line, in the legend with the file name. */
function measuredSeries(m: MeasuredSeries): uPlot.Series {
  return {
    label: `measured: ${m.name}${m.sigmaK ? ' (bars ±1σ)' : ''}`,
    stroke: theme.measured,
    width: 0,
    paths: () => null,
    points: { show: true, size: 8, width: 2, stroke: theme.measured, fill: theme.markerFill },
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
  const tables = curves.map((c) => [c.result.tPs, tcOf(c.result)] as uPlot.AlignedData);
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

/** The player's marker: a ring on the current curve at `tPs`, with a line down to the delay axis. */
function drawMarker(u: uPlot, curve: Curve | undefined, tPs: number | null): void {
  if (!curve || tPs === null) return;
  const t = curve.result.tPs;
  let k = 0;
  while (k < t.length - 1 && t[k] < tPs) k++;
  const x = u.valToPos(t[k], 'x', true);
  const y = u.valToPos(tcOf(curve.result)[k], 'y', true);
  if (!Number.isFinite(x) || !Number.isFinite(y)) return;
  const ctx = u.ctx;
  const r = devicePixelRatio;
  ctx.save();
  ctx.strokeStyle = theme.axis;
  ctx.setLineDash([4 * r, 4 * r]);
  ctx.lineWidth = r;
  ctx.beginPath();
  ctx.moveTo(x, y);
  ctx.lineTo(x, u.bbox.top + u.bbox.height);
  ctx.stroke();
  ctx.setLineDash([]);
  ctx.lineWidth = 3 * r;
  ctx.strokeStyle = curve.color;
  ctx.fillStyle = theme.background;
  ctx.beginPath();
  ctx.arc(x, y, 7 * r, 0, 2 * Math.PI);
  ctx.fill();
  ctx.stroke();
  ctx.restore();
}

/** Height of the band at the top of the plot that holds the stage labels (delay-axis.ts: two 14 px rows from 4 px), CSS px. */
const STAGE_LABEL_BAND_PX = 36;

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
    // Above the peak, unless that is inside the band at the top where the stage labels sit: then below it.
    const above = y - 4 * devicePixelRatio;
    if (above >= u.bbox.top + STAGE_LABEL_BAND_PX * devicePixelRatio) {
      ctx.textBaseline = 'bottom';
      ctx.fillText('⚠', x, above);
    } else {
      ctx.textBaseline = 'top';
      ctx.fillText('⚠', x, y + 8 * devicePixelRatio);
    }
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
  /** Drag-to-zoom ranges (null: not zoomed), the fixed Tc range from the controls, and log Tc. */
  let xZoom: [number, number] | null = null;
  let yZoom: [number, number] | null = null;
  let yFixed: [number, number] | null = null;
  let logY = false;
  let markerPs: number | null = null;

  const yRange = (_u: uPlot, min: number, max: number): uPlot.Range.MinMax => {
    const fixed = yZoom ?? yFixed;
    if (fixed) return fixed;
    if (!(Number.isFinite(min) && Number.isFinite(max))) return logY ? [100, 10000] : [0, 1000];
    return logY ? uPlot.rangeLog(Math.max(min, 1e-3), max, 10, true) : uPlot.rangeNum(Math.min(0, min), max, 0.05, true);
  };

  const make = (curves: Curve[]) => {
    plot?.destroy();
    const axisColours = { stroke: theme.axis, grid: { stroke: theme.grid }, ticks: { stroke: theme.grid } };
    const opts: uPlot.Options = {
      width: chartWidth(container),
      height: mainChartHeight(),
      title: 'Carrier temperature Tc vs delay',
      scales: {
        x: { ...delayScale(tEnd), range: () => xZoom ?? [AXIS_START_PS, tEnd] },
        y: { auto: true, distr: logY ? 3 : 1, range: yRange },
      },
      // Narrow charts (phones) label only 0 and the decades, so the ±0.1 ps ticks never collide.
      axes: [
        { ...delayAxis('Delay (ps)', container.clientWidth < 560), ...axisColours },
        { label: 'Carrier temperature Tc (K)', size: 60, ...axisColours },
      ],
      series: seriesOf(curves, measured),
      // Drag a box to zoom (delay and Tc); the selection is turned into scales, not kept.
      cursor: { sync: { key: 'delay' }, drag: { x: true, y: true, uni: 20, setScale: false } },
      legend: { live: true },
      hooks: {
        drawClear: [underlayHook(() => underlay)],
        // Bars beneath the series, so the marker stays a clean circle on top of its bar.
        drawAxes: [errorBarsHook(() => measured, theme.measured)],
        setSelect: [
          (u: uPlot) => {
            const { left, top, width, height } = u.select;
            if (width < 5 && height < 5) return;
            if (width >= 5) xZoom = [u.posToVal(left, 'x'), u.posToVal(left + width, 'x')];
            if (height >= 5) yZoom = [u.posToVal(top + height, 'y'), u.posToVal(top, 'y')];
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            applyScales();
          },
        ],
        ready: [
          (u: uPlot) => u.over.addEventListener('dblclick', () => resetZoom()),
        ],
        draw: [
          (u: uPlot) => warningMarks(u, shownCurves),
          (u: uPlot) => drawMarker(u, shownCurves[0], markerPs),
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
  /** Re-run the scale ranges (zoom, fixed range, or automatic from the data) without new data. */
  const applyScales = () => {
    plot.setData(plot.data, true);
    container.classList.toggle('zoomed', xZoom !== null || yZoom !== null);
  };
  const resetZoom = () => {
    xZoom = null;
    yZoom = null;
    applyScales();
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
    get zoomed() {
      return xZoom !== null || yZoom !== null;
    },
    setYAxis(range: [number, number] | null, log: boolean) {
      yFixed = range;
      yZoom = null;
      if (log !== logY) {
        logY = log;
        make(shownCurves);
        return;
      }
      applyScales();
    },
    resetZoom,
    setMarker(tPs: number | null) {
      markerPs = tPs;
      plot.redraw(false);
    },
    rebuild() {
      make(shownCurves);
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
