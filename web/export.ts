// Export: CSV of every curve on screen with its parameters, PNG of the main chart with axes and legend.

import type uPlot from 'uplot';
import { compareWithModel, modelTcAt, type MeasuredSeries } from '../src/data/measured.ts';
import type { Curve } from './curves.ts';
import type { SweepResult } from '../src/sweep/types.ts';
import { SWEEP_COLUMN_NAMES } from '../src/sweep/types.ts';
import { gridIndices } from '../src/sweep/grid.ts';

const csvCell = (v: number | string | null) =>
  typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v === null ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;

/** Long-format CSV: one row per curve and delay; parameters of each curve in '#' header lines; measured data (with
 *  the current curve's Tc at its delays) in a block of its own after a blank line. */
export function curvesCsv(curves: Curve[], measured: MeasuredSeries | null = null): string {
  const lines = ['# hotcarrier: carrier cooling curves', `# exported ${new Date().toISOString()}`];
  curves.forEach((c, k) => {
    lines.push(`# curve ${k + 1}: ${c.label}; input ${JSON.stringify(c.input)}`);
    const auger = c.result.derived.augerStatistics ? `; nc_auger_statistics=${c.result.derived.augerStatistics}` : '';
    lines.push(`# curve ${k + 1}: tau1e_ps=${c.result.metrics.tau1ePs ?? ''}; peakTc_K=${c.result.metrics.peakTcK}${auger}; solver=${c.result.solver.message}`);
  });
  lines.push('curve,label,t_ps,Tc_K,T_LO_K,T_A_K,n_cm3');
  curves.forEach((c, k) => {
    const r = c.result;
    for (let i = 0; i < r.tPs.length; i++) {
      lines.push([k + 1, c.label, r.tPs[i], r.tcK[i], r.tLoK[i], r.tAK[i], r.nCm3[i]].map(csvCell).join(','));
    }
  });
  if (measured && curves[0]) lines.push('', ...measuredCsvLines(measured, curves[0]));
  return lines.join('\n') + '\n';
}

/** The measured block: one row per measured point, with the model (curve 1) at its delay; empty outside its window. */
function measuredCsvLines(m: MeasuredSeries, model: Curve): string[] {
  const c = compareWithModel(model.result, m);
  const lines = [
    `# measured: ${m.name}; ${m.tPs.length} rows${m.notes.length ? `; ${m.notes.join('; ')}` : ''}`,
    `# compared with curve 1: n=${c.n}; rms_K=${c.rmsK ?? ''}; max_abs_K=${c.maxAbsK ?? ''}; chi2_per_point=${c.chi2PerPoint ?? ''}; outside_window=${c.outsideWindow}`,
    'measured,label,t_ps,Tc_K,sigma_K,model_Tc_K',
  ];
  for (let i = 0; i < m.tPs.length; i++) {
    lines.push(['measured', m.name, m.tPs[i], m.tcK[i], m.sigmaK ? m.sigmaK[i] : null, modelTcAt(model.result, m.tPs[i])].map(csvCell).join(','));
  }
  return lines;
}

/** CSV of a sweep: one row per grid point, axis values then every metric column. */
export function sweepCsv(sweep: SweepResult): string {
  const head = [...sweep.axes.map((a) => a.key), ...SWEEP_COLUMN_NAMES, 'error'];
  const lines = [`# hotcarrier sweep: ${sweep.count} points, ${sweep.cancelled ? 'cancelled' : 'complete'}, ${Math.round(sweep.wallMs)} ms`, head.join(',')];
  for (let row = 0; row < sweep.range[1] - sweep.range[0]; row++) {
    const flat = sweep.range[0] + row;
    const idx = gridIndices(sweep.axes, flat);
    const axisValues = sweep.axes.map((a, i) => {
      const v = a.values[idx[i]];
      return v === null ? 'bulk' : typeof v === 'boolean' ? String(v) : v;
    });
    const metrics = SWEEP_COLUMN_NAMES.map((name) => sweep.columns[name][row]);
    lines.push([...axisValues, ...metrics, sweep.errors[flat] ?? ''].map(csvCell).join(','));
  }
  return lines.join('\n') + '\n';
}

export function download(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The chart's canvas (axes included) with a title and a legend of every series drawn below it. */
export function chartPng(plot: uPlot, title: string): Promise<Blob> {
  const source = plot.ctx.canvas;
  const ratio = source.width / plot.width;
  const series = plot.series.slice(1).filter((s) => s.show !== false);
  const lineHeight = 18 * ratio;
  const canvas = document.createElement('canvas');
  canvas.width = source.width;
  canvas.height = source.height + lineHeight * (series.length + 2);
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.fillStyle = '#111';
  ctx.font = `bold ${14 * ratio}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  ctx.fillText(title, 10 * ratio, lineHeight * 0.7);
  ctx.drawImage(source, 0, lineHeight * 1.4);
  ctx.font = `${12 * ratio}px system-ui, sans-serif`;
  series.forEach((s, i) => {
    const y = source.height + lineHeight * (1.9 + i);
    ctx.strokeStyle = typeof s.stroke === 'string' ? s.stroke : '#333';
    ctx.lineWidth = 3 * ratio;
    ctx.beginPath();
    ctx.moveTo(12 * ratio, y);
    ctx.lineTo(40 * ratio, y);
    ctx.stroke();
    ctx.fillStyle = '#111';
    ctx.fillText(String(s.label ?? ''), 48 * ratio, y);
  });
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'));
}
