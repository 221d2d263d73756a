// Side views of the current curve: LO and acoustic temperatures, carrier density, and the stacked energy ledger.

import uPlot from 'uplot';
import type { SimulationResult } from '../src/model/types.ts';
import { delayAxis, delayScale, underlayHook, type Underlay } from './delay-axis.ts';
import { formatNumber } from './format.ts';
import { theme } from './chart-theme.ts';

const LEDGER_PARTS = [
  { key: 'carriers', label: 'Carriers', color: '#d62728' },
  { key: 'lo', label: 'LO phonons', color: '#ff7f0e' },
  { key: 'acoustic', label: 'Acoustic (lattice)', color: '#1f77b4' },
  { key: 'surroundings', label: 'Surroundings', color: '#7f7f7f' },
  { key: 'emitted', label: 'Emitted light', color: '#e377c2' },
  { key: 'extracted', label: 'Extracted', color: '#2ca02c' },
] as const;

export interface SideCharts {
  update(result: SimulationResult, underlay: Underlay): void;
  resize(): void;
  /** Rebuild with the current colours (after a theme change); the next update fills them. */
  rebuild(): void;
  readonly plots: uPlot[];
}

/** Side charts: a third of the row each (one per row on phones), their height following the viewport. */
const height = () => Math.round(Math.min(420, Math.max(180, window.innerHeight * 0.26)));

function fmt(unit: string) {
  return (_u: uPlot, v: number | null) => (v === null ? '—' : `${formatNumber(v)}${unit ? ` ${unit}` : ''}`);
}

function tint(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** Legend value of a stacked ledger series: its own share (its top minus the one below), not the running sum. */
function ownShare(u: uPlot, v: number | null, seriesIdx: number, idx: number | null): string {
  if (v === null || idx === null) return '—';
  const below = seriesIdx > 1 ? (u.data[seriesIdx - 1][idx] as number | null) ?? 0 : 0;
  return `${formatNumber(Math.max(0, v - below), 3)} %`;
}

/** Cumulative shares of the absorbed energy (%): row k = sum of the first k+1 ledger parts / final absorbed. */
export function ledgerStack(result: SimulationResult): Float64Array[] {
  const e = result.energy;
  const n = result.tPs.length;
  let total = 0;
  for (let i = 0; i < n; i++) total = Math.max(total, e.absorbed[i]);
  const scale = total > 0 ? 100 / total : 0;
  const rows: Float64Array[] = [];
  const running = new Float64Array(n);
  for (const part of LEDGER_PARTS) {
    const column = e[part.key];
    for (let i = 0; i < n; i++) running[i] += Number.isFinite(column[i]) ? column[i] * scale : 0;
    rows.push(Float64Array.from(running));
  }
  return rows;
}

export function createSideCharts(container: HTMLElement): SideCharts {
  let underlay: Underlay = { pulseFwhmPs: 0.1, stages: null };
  let tEnd = 1000;
  const width = () => {
    const inner = container.clientWidth - 16;
    const perRow = inner >= 3 * 300 ? 3 : inner >= 2 * 300 ? 2 : 1;
    return Math.max(240, Math.floor(inner / perRow) - 10);
  };
  const common = (title: string, yLabel: string, yDistr: 1 | 3, series: uPlot.Series[], bands?: uPlot.Band[], yRange?: [number, number]): uPlot.Options => ({
    title,
    width: width(),
    height: height(),
    scales: { x: delayScale(tEnd), y: yDistr === 3 ? { distr: 3 } : yRange ? { auto: false, range: yRange } : { auto: true } },
    axes: [
      { ...delayAxis('Delay (ps)', true), stroke: theme.axis, grid: { stroke: theme.grid }, ticks: { stroke: theme.grid } },
      { label: yLabel, size: 60, stroke: theme.axis, grid: { stroke: theme.grid }, ticks: { stroke: theme.grid }, values: (_u, splits) => splits.map((v) => (v === null ? '' : formatNumber(v, 3))) },
    ],
    series: [{ label: 'Delay', value: fmt('ps') }, ...series],
    bands,
    cursor: { sync: { key: 'delay' } },
    hooks: { drawClear: [underlayHook(() => underlay)] },
  });
  const empty = (k: number): uPlot.AlignedData => [new Float64Array(0), ...Array.from({ length: k }, () => new Float64Array(0))];
  const names = ['LO and acoustic phonon temperatures against delay', 'Carrier density against delay', 'Stacked shares of the absorbed energy against delay'];
  const cells = names.map((name) => {
    const cell = document.createElement('div');
    cell.className = 'side-chart';
    cell.setAttribute('role', 'figure');
    cell.setAttribute('aria-label', name);
    container.append(cell);
    return cell;
  });
  let plots: uPlot[] = [];
  const build = () => {
    for (const p of plots) p.destroy();
    plots = [
      new uPlot(common('Phonon temperatures', 'Temperature (K)', 1, [
        { label: 'T_LO', stroke: '#ff7f0e', width: 2, value: fmt('K') },
        { label: 'T_A', stroke: '#1f77b4', width: 2, value: fmt('K') },
      ]), empty(2), cells[0]),
      new uPlot(common('Carrier density n(t)', 'n (cm⁻³)', 3, [
        { label: 'n', stroke: '#2ca02c', width: 2, value: fmt('cm⁻³') },
      ]), empty(1), cells[1]),
      new uPlot(common('Where the absorbed energy is', 'Share of absorbed (%)', 1,
        // The lowest part fills down to zero; each other part fills the band down to its neighbour.
        // The stack is drawn cumulative, but the legend gives each place its own share (they add up to 100 %).
        LEDGER_PARTS.map((p, i) => ({ label: p.label, stroke: p.color, width: 1, fill: i === 0 ? tint(p.color, 0.35) : undefined, value: ownShare })),
        LEDGER_PARTS.slice(1).map((_, i) => ({ series: [i + 2, i + 1] as [number, number], fill: tint(LEDGER_PARTS[i + 1].color, 0.35) })),
        [0, 102],
      ), empty(LEDGER_PARTS.length), cells[2]),
    ];
  };
  build();

  return {
    get plots() {
      return plots;
    },
    update(result: SimulationResult, nextUnderlay: Underlay) {
      underlay = nextUnderlay;
      const end = result.tPs[result.tPs.length - 1] ?? 1000;
      if (end !== tEnd) {
        tEnd = end;
        build();
      }
      plots[0].setData([result.tPs, result.tLoK, result.tAK]);
      // A log axis cannot show zero or negative densities: those become gaps.
      plots[1].setData([result.tPs, Array.from(result.nCm3, (v) => (v > 0 && Number.isFinite(v) ? v : null))] as uPlot.AlignedData);
      plots[2].setData([result.tPs, ...ledgerStack(result)]);
    },
    rebuild() {
      build();
    },
    resize() {
      for (const p of plots) p.setSize({ width: width(), height: height() });
    },
  };
}
