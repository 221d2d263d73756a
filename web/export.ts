// Export: CSV of every curve on screen with its parameters, warnings and known disagreements; the main chart as PNG (2–3×) and SVG.

import { compareWithModel, modelTcAt, type MeasuredSeries } from '../src/data/measured.ts';
import { provenanceCsvLines, type Provenance } from '../src/provenance.ts';
import { pageProvenance } from './build-info.ts';
import { knownDisagreementText } from '../src/validation/known-disagreements.ts';
import type { Curve } from './curves.ts';
import { canvasPainter, drawFigure, figureHeight, svgPainter, type FigureSpec } from './chart-figure.ts';
import type { SweepResult } from '../src/sweep/types.ts';
import { BIEXP_COLUMN_NAMES, SWEEP_COLUMN_NAMES } from '../src/sweep/types.ts';
import { gridIndices } from '../src/sweep/grid.ts';

const csvCell = (v: number | string | null) =>
  typeof v === 'number' ? (Number.isFinite(v) ? String(v) : '') : v === null ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;

/** Long-format CSV: one row per curve and delay; parameters of each curve in '#' header lines; measured data (with
 *  the current curve's Tc at its delays) in a block of its own after a blank line. */
export function curvesCsv(curves: Curve[], measured: MeasuredSeries | null = null): string {
  const lines = ['# hotcarrier: carrier cooling curves', `# exported ${new Date().toISOString()}`, ...provenanceCsvLines(pageProvenance(curves.map((c) => c.input)))];
  curves.forEach((c, k) => {
    lines.push(`# curve ${k + 1}: ${c.label}; input ${JSON.stringify(c.input)}`);
    const auger = c.result.derived.augerStatistics ? `; nc_auger_statistics=${c.result.derived.augerStatistics}` : '';
    lines.push(`# curve ${k + 1}: tau1e_ps=${c.result.metrics.tau1ePs ?? ''}; peakTc_K=${c.result.metrics.peakTcK}${auger}; solver=${c.result.solver.message}`);
    for (const w of c.result.derived.warnings) lines.push(`# curve ${k + 1}: warning: ${w.replace(/\s+/g, ' ')}`);
    for (const n of c.notes) lines.push(`# curve ${k + 1}: known disagreement: ${knownDisagreementText(n)}`);
  });
  lines.push('curve,label,t_ps,Tc_K,T_LO_K,T_A_K,n_cm3,Tc_e_K,Tc_h_K');
  curves.forEach((c, k) => {
    const r = c.result;
    for (let i = 0; i < r.tPs.length; i++) {
      lines.push([k + 1, c.label, r.tPs[i], r.tcK[i], r.tLoK[i], r.tAK[i], r.nCm3[i], r.tcElectronK[i], r.tcHoleK[i]].map(csvCell).join(','));
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
  // An axis that is also a result column (density, ⟨N⟩, fluence) is written once, as the axis.
  const axisKeys = new Set(sweep.axes.map((a) => a.key));
  const metricNames = SWEEP_COLUMN_NAMES.filter((name) => !axisKeys.has(name));
  const head = [...sweep.axes.map((a) => a.key), ...metricNames, 'error'];
  const skipped = sweep.biExponential ? '' : `; bi-exponential fit not computed (${BIEXP_COLUMN_NAMES.join(', ')} empty)`;
  const lines = [`# hotcarrier sweep: ${sweep.count} points, ${sweep.cancelled ? 'cancelled' : 'complete'}, ${Math.round(sweep.wallMs)} ms${skipped}`, head.join(',')];
  for (let row = 0; row < sweep.range[1] - sweep.range[0]; row++) {
    const flat = sweep.range[0] + row;
    const idx = gridIndices(sweep.axes, flat);
    const axisValues = sweep.axes.map((a, i) => {
      const v = a.values[idx[i]];
      return v === null ? 'bulk' : typeof v === 'boolean' ? String(v) : v;
    });
    const metrics = metricNames.map((name) => sweep.columns[name][row]);
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

/** The figure as a PNG at `scale` device pixels per CSS pixel (2–3 for print and slides), its provenance also in a
 *  tEXt chunk (keyword "hotcarrier", the JSON of `prov`) for programs that read PNG metadata. */
export async function figurePng(spec: FigureSpec, scale: number, prov: Provenance): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(spec.width * scale);
  canvas.height = Math.round(figureHeight(spec) * scale);
  drawFigure(canvasPainter(canvas.getContext('2d')!, scale), spec);
  const png = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png'));
  return new Blob([withTextChunk(new Uint8Array(await png.arrayBuffer()), 'hotcarrier', JSON.stringify(prov))], { type: 'image/png' });
}

/** The figure as an SVG document (vector: lines, markers and text stay sharp at any size), its provenance also in
 *  <metadata>. */
export function figureSvg(spec: FigureSpec, prov: Provenance): Blob {
  const painter = svgPainter(spec.width, figureHeight(spec));
  drawFigure(painter, spec);
  const json = JSON.stringify(prov).replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
  const svg = painter.svg().replace(/(<svg[^>]*>\n)/, `$1<metadata id="hotcarrier-provenance">${json}</metadata>\n`);
  return new Blob([svg], { type: 'image/svg+xml' });
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 as PNG chunks use it (ISO 3309, over the chunk type and data). */
function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** `png` with a tEXt chunk (Latin-1 keyword and text; the JSON here is ASCII) inserted after IHDR. */
export function withTextChunk(png: Uint8Array, keyword: string, text: string): Uint8Array<ArrayBuffer> {
  const body = new TextEncoder().encode(`tEXt${keyword}\0${text}`);
  const chunk = new Uint8Array(8 + body.length);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, body.length - 4);
  chunk.set(body, 4);
  view.setUint32(4 + body.length, crc32(body));
  const ihdrEnd = 8 + 8 + 13 + 4; // signature, IHDR length + type, IHDR data, CRC
  const out = new Uint8Array(png.length + chunk.length);
  out.set(png.subarray(0, ihdrEnd));
  out.set(chunk, ihdrEnd);
  out.set(png.subarray(ihdrEnd), ihdrEnd + chunk.length);
  return out;
}
