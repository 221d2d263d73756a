// The main chart as a figure for export: drawn from the data (not copied from the screen canvas) onto a painter,
// so the same layout gives a PNG at 2–3× and an SVG, each with a true legend (line styles, measured markers).

import type { MeasuredSeries } from '../src/data/measured.ts';
import { tcOf, type Curve } from './curves.ts';
import { ASINH_LINEAR_PS } from './delay-axis.ts';
import { type ChartTheme } from './chart-theme.ts';
import { formatNumber } from './format.ts';
import type { StageMarks } from './stages.ts';

export interface FigureSpec {
  title: string;
  curves: Curve[];
  measured: MeasuredSeries | null;
  stages: StageMarks | null;
  /** Delay range shown (ps) and carrier-temperature range (K), as on screen (zoom included). */
  xRange: [number, number];
  yRange: [number, number];
  logY: boolean;
  theme: ChartTheme;
  /** Logical width (CSS px); the height follows. */
  width: number;
  /** Version, commit and input hash, printed at the figure's foot (web/build-info.ts provenanceLine). */
  provenance: string;
}

/** What a figure is drawn with: the canvas and the SVG painters implement it in logical units. */
export interface Painter {
  rect(x: number, y: number, w: number, h: number, fill: string): void;
  polyline(points: [number, number][], stroke: string, width: number, dash?: number[]): void;
  circle(x: number, y: number, r: number, stroke: string, fill: string, width: number): void;
  text(x: number, y: number, text: string, color: string, size: number, align?: 'left' | 'center' | 'right', bold?: boolean): void;
  clip(x: number, y: number, w: number, h: number): void;
  unclip(): void;
}

const ROW = 20;
const MARGIN = { left: 74, right: 16, top: 40, bottom: 46 };
const PLOT_HEIGHT = 420;

export function figureHeight(spec: FigureSpec): number {
  return MARGIN.top + PLOT_HEIGHT + MARGIN.bottom + ROW * (spec.curves.length + (spec.measured ? 1 : 0) + 1) + 12;
}

const asinhPs = (t: number) => Math.asinh(t / ASINH_LINEAR_PS);

/** Nice linear ticks: about `n` steps of 1, 2 or 5 × 10^k. */
export function linearTicks(min: number, max: number, n = 6): number[] {
  const raw = (max - min) / n;
  if (!(raw > 0)) return [min];
  const p = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * p).find((s) => s >= raw)!;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

function logTicks(min: number, max: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(min)); 10 ** e <= max * 1.0001; e++) if (10 ** e >= min * 0.9999) out.push(10 ** e);
  return out;
}

/** Delay ticks: 0, ±0.1 and the decades; 1–2–5 steps when a zoomed range holds fewer than three of those. */
export function delayTicks(min: number, max: number): number[] {
  const decades = [-0.1, 0, 0.1, 1, 10, 100, 1000, 10000, 100000].filter((v) => v >= min && v <= max);
  if (decades.length >= 3) return decades;
  const fine = [-0.1, -0.05, 0, 0.05];
  for (let e = -1; e <= 5; e++) for (const m of [1, 2, 5]) fine.push(Number((m * 10 ** e).toPrecision(3)));
  return fine.filter((v) => v >= min && v <= max);
}

/** Draw the figure: title, stage bands, curves, measured points with bars, axes, and the legend below. */
export function drawFigure(p: Painter, spec: FigureSpec): void {
  const { theme, width } = spec;
  const height = figureHeight(spec);
  const plot = { left: MARGIN.left, top: MARGIN.top, width: width - MARGIN.left - MARGIN.right, height: PLOT_HEIGHT };
  const [x0, x1] = spec.xRange;
  const [y0, y1] = spec.yRange;
  const ax0 = asinhPs(x0);
  const ax1 = asinhPs(x1);
  const X = (t: number) => plot.left + ((asinhPs(t) - ax0) / (ax1 - ax0)) * plot.width;
  const Y = spec.logY
    ? (v: number) => plot.top + plot.height - ((Math.log10(v) - Math.log10(y0)) / (Math.log10(y1) - Math.log10(y0))) * plot.height
    : (v: number) => plot.top + plot.height - ((v - y0) / (y1 - y0)) * plot.height;

  p.rect(0, 0, width, height, theme.background);
  p.text(plot.left, 22, spec.title, theme.axis, 15, 'left', true);

  p.clip(plot.left, plot.top, plot.width, plot.height);
  if (spec.stages) {
    const s = spec.stages;
    const bands: [number, number, string, string][] = [
      [0, s.loPeakPs, 'rgba(230, 85, 13, 0.08)', '1 carrier→LO'],
      [s.loPeakPs, s.loEquilibratedPs, 'rgba(49, 130, 189, 0.08)', '2 LO→acoustic'],
      [s.loEquilibratedPs, x1, 'rgba(128, 128, 128, 0.07)', '3 →lattice, surroundings'],
    ];
    let rowEnd = [-Infinity, -Infinity];
    for (const [a, b, fill, label] of bands) {
      const left = Math.max(plot.left, X(a));
      const right = Math.min(plot.left + plot.width, X(b));
      if (!(right > left)) continue;
      p.rect(left, plot.top, right - left, plot.height, fill);
      const row = rowEnd.findIndex((end) => left + 4 >= end + 4);
      if (row < 0) continue;
      p.text(left + 4, plot.top + 14 + row * 14, label, theme.text, 11);
      rowEnd = rowEnd.map((end, i) => (i === row ? left + 4 + label.length * 6.2 : end));
    }
  }
  for (const t of delayTicks(x0, x1)) p.polyline([[X(t), plot.top], [X(t), plot.top + plot.height]], theme.grid, 1);
  const yTicks = spec.logY ? logTicks(y0, y1) : linearTicks(y0, y1);
  for (const v of yTicks) p.polyline([[plot.left, Y(v)], [plot.left + plot.width, Y(v)]], theme.grid, 1);
  // Overlays first, the current curve on top.
  [...spec.curves].reverse().forEach((c) => {
    const i = spec.curves.indexOf(c);
    const pts: [number, number][] = [];
    for (let k = 0; k < c.result.tPs.length; k++) {
      const t = c.result.tPs[k];
      const v = tcOf(c.result)[k];
      if (Number.isFinite(v) && (!spec.logY || v > 0)) pts.push([X(t), Y(v)]);
    }
    p.polyline(pts, c.color, i === 0 ? 2.5 : 1.5, i === 0 ? undefined : [6, 3]);
  });
  const m = spec.measured;
  if (m) {
    for (let k = 0; k < m.tPs.length; k++) {
      const x = X(m.tPs[k]);
      const s = m.sigmaK?.[k];
      if (s) p.polyline([[x, Y(Math.max(m.tcK[k] - s, spec.logY ? y0 : -Infinity))], [x, Y(m.tcK[k] + s)]], theme.measured, 1.5);
      p.circle(x, Y(m.tcK[k]), 4, theme.measured, theme.markerFill, 2);
    }
  }
  p.unclip();

  // Axes.
  p.polyline([[plot.left, plot.top + plot.height], [plot.left + plot.width, plot.top + plot.height]], theme.axis, 1);
  p.polyline([[plot.left, plot.top], [plot.left, plot.top + plot.height]], theme.axis, 1);
  for (const t of delayTicks(x0, x1)) p.text(X(t), plot.top + plot.height + 16, t === 0 ? '0' : String(t), theme.axis, 12, 'center');
  p.text(plot.left + plot.width / 2, plot.top + plot.height + 36, 'Delay (ps), linear within ±0.1 ps, logarithmic beyond', theme.axis, 12, 'center');
  for (const v of yTicks) p.text(plot.left - 6, Y(v) + 4, formatNumber(v, 3), theme.axis, 12, 'right');
  p.text(12, plot.top - 8, 'Tc (K)', theme.axis, 12, 'left', true);

  // Legend: a line (solid for the current curve, dashed for overlays) or the measured marker, then the label.
  let y = plot.top + plot.height + MARGIN.bottom + 10;
  spec.curves.forEach((c, i) => {
    p.polyline([[12, y], [44, y]], c.color, i === 0 ? 3 : 2, i === 0 ? undefined : [6, 3]);
    const warn = c.warnings.length > 0 ? ` ⚠ ${c.warnings.map(shortWarning).join('; ')}` : '';
    p.text(60, y + 4, `${i === 0 ? `${c.label} (current)` : c.label}${warn}`, theme.axis, 12);
    y += ROW;
  });
  if (m) {
    p.circle(28, y, 4, theme.measured, theme.markerFill, 2);
    p.text(60, y + 4, `measured: ${m.name}${m.sigmaK ? ' (bars ±1σ)' : ''}`, theme.axis, 12);
    y += ROW;
  }
  p.text(12, y + 4, spec.provenance, theme.text, 11);
}

/** A warning cut to its first clause, for legends ("carrier temperature reached 13358 K …"). */
export function shortWarning(w: string): string {
  const cut = w.split(/[:;(]/)[0].trim();
  return cut.length > 60 ? `${cut.slice(0, 57)}…` : cut;
}

/** Canvas painter at `scale` device pixels per logical pixel. */
export function canvasPainter(ctx: CanvasRenderingContext2D, scale: number): Painter {
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  return {
    rect(x, y, w, h, fill) {
      ctx.fillStyle = fill;
      ctx.fillRect(x, y, w, h);
    },
    polyline(points, stroke, width, dash) {
      if (points.length < 2) return;
      ctx.beginPath();
      ctx.moveTo(points[0][0], points[0][1]);
      for (const [x, y] of points.slice(1)) ctx.lineTo(x, y);
      ctx.strokeStyle = stroke;
      ctx.lineWidth = width;
      ctx.setLineDash(dash ?? []);
      ctx.stroke();
      ctx.setLineDash([]);
    },
    circle(x, y, r, stroke, fill, width) {
      ctx.beginPath();
      ctx.arc(x, y, r, 0, 2 * Math.PI);
      ctx.fillStyle = fill;
      ctx.fill();
      ctx.strokeStyle = stroke;
      ctx.lineWidth = width;
      ctx.stroke();
    },
    text(x, y, text, color, size, align = 'left', bold = false) {
      ctx.fillStyle = color;
      ctx.font = `${bold ? 'bold ' : ''}${size}px system-ui, sans-serif`;
      ctx.textAlign = align;
      ctx.textBaseline = 'alphabetic';
      ctx.fillText(text, x, y);
    },
    clip(x, y, w, h) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(x, y, w, h);
      ctx.clip();
    },
    unclip() {
      ctx.restore();
    },
  };
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const n = (v: number) => String(Math.round(v * 100) / 100);

/** SVG painter: collects elements; `svg()` returns the document. */
export function svgPainter(width: number, height: number): Painter & { svg(): string } {
  const parts: string[] = [];
  let clipId = 0;
  return {
    rect(x, y, w, h, fill) {
      parts.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="${fill}"/>`);
    },
    polyline(points, stroke, width, dash) {
      if (points.length < 2) return;
      parts.push(`<polyline fill="none" stroke="${stroke}" stroke-width="${width}"${dash ? ` stroke-dasharray="${dash.join(' ')}"` : ''} points="${points.map(([x, y]) => `${n(x)},${n(y)}`).join(' ')}"/>`);
    },
    circle(x, y, r, stroke, fill, width) {
      parts.push(`<circle cx="${n(x)}" cy="${n(y)}" r="${r}" fill="${fill}" stroke="${stroke}" stroke-width="${width}"/>`);
    },
    text(x, y, text, color, size, align = 'left', bold = false) {
      const anchor = align === 'center' ? 'middle' : align === 'right' ? 'end' : 'start';
      parts.push(`<text x="${n(x)}" y="${n(y)}" fill="${color}" font-size="${size}" text-anchor="${anchor}"${bold ? ' font-weight="bold"' : ''}>${esc(text)}</text>`);
    },
    clip(x, y, w, h) {
      clipId++;
      parts.push(`<clipPath id="c${clipId}"><rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}"/></clipPath><g clip-path="url(#c${clipId})">`);
    },
    unclip() {
      parts.push('</g>');
    },
    svg() {
      return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif">\n${parts.join('\n')}\n</svg>\n`;
    },
  };
}
