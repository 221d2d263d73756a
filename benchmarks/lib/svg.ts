// Work–precision diagrams as plain SVG: one log–log panel per problem, error on x, CPU time on y, one line per solver.

export interface WpSeries {
  solver: string;
  /** (error, seconds) per tolerance, in tolerance order. */
  points: { err: number; sec: number; rtol: number }[];
}

export interface WpPanel {
  title: string;
  /** x-axis label (the error measure). */
  xLabel?: string;
  series: WpSeries[];
}

const COLORS = ['#1b6ca8', '#d1495b', '#2e8b57', '#edae49', '#7b4f9d', '#00798c', '#444444', '#c05805'];
const W = 340;
const H = 250;
const M = { l: 54, r: 10, t: 24, b: 40 };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(e);
  return out;
}

function panel(p: WpPanel, x0: number, y0: number, colorOf: (s: string) => string): string {
  const pts = p.series.flatMap((s) => s.points).filter((q) => q.err > 0 && q.sec > 0 && Number.isFinite(q.err));
  if (pts.length === 0) return '';
  const ex = pts.map((q) => Math.log10(q.err));
  const ey = pts.map((q) => Math.log10(q.sec));
  const xl = Math.floor(Math.min(...ex));
  const xh = Math.ceil(Math.max(...ex)) + (Math.min(...ex) === Math.max(...ex) ? 1 : 0);
  const yl = Math.floor(Math.min(...ey) * 2) / 2;
  const yh = Math.ceil(Math.max(...ey) * 2) / 2 + (Math.min(...ey) === Math.max(...ey) ? 0.5 : 0);
  const pw = W - M.l - M.r;
  const ph = H - M.t - M.b;
  const X = (e: number) => x0 + M.l + ((Math.log10(e) - xl) / (xh - xl)) * pw;
  const Y = (s: number) => y0 + M.t + (1 - (Math.log10(s) - yl) / (yh - yl)) * ph;
  const g: string[] = [];
  g.push(`<text x="${x0 + W / 2}" y="${y0 + 15}" text-anchor="middle" font-weight="bold">${esc(p.title)}</text>`);
  g.push(`<rect x="${x0 + M.l}" y="${y0 + M.t}" width="${pw}" height="${ph}" fill="none" stroke="#999"/>`);
  for (const e of logTicks(10 ** xl, 10 ** xh)) {
    if (e < xl || e > xh) continue;
    const x = X(10 ** e);
    g.push(`<line x1="${x}" y1="${y0 + M.t}" x2="${x}" y2="${y0 + M.t + ph}" stroke="#eee"/>`);
    g.push(`<text x="${x}" y="${y0 + M.t + ph + 14}" text-anchor="middle" font-size="10">1e${e}</text>`);
  }
  for (let e = Math.ceil(yl); e <= Math.floor(yh); e++) {
    const y = Y(10 ** e);
    g.push(`<line x1="${x0 + M.l}" y1="${y}" x2="${x0 + M.l + pw}" y2="${y}" stroke="#eee"/>`);
    g.push(`<text x="${x0 + M.l - 4}" y="${y + 3}" text-anchor="end" font-size="10">${e >= 0 ? `${10 ** e} s` : e >= -3 ? `${10 ** (e + 3)} ms` : e >= -6 ? `${10 ** (e + 6)} µs` : `1e${e} s`}</text>`);
  }
  g.push(`<text x="${x0 + M.l + pw / 2}" y="${y0 + H - 8}" text-anchor="middle" font-size="10">${esc(p.xLabel ?? 'error: max |y − ref| / (|ref| + 1e6·atol)')}</text>`);
  for (const s of p.series) {
    const q = s.points.filter((v) => v.err > 0 && v.sec > 0 && Number.isFinite(v.err));
    if (q.length === 0) continue;
    const c = colorOf(s.solver);
    g.push(`<polyline fill="none" stroke="${c}" stroke-width="1.6" points="${q.map((v) => `${X(v.err).toFixed(1)},${Y(v.sec).toFixed(1)}`).join(' ')}"/>`);
    for (const v of q) g.push(`<circle cx="${X(v.err).toFixed(1)}" cy="${Y(v.sec).toFixed(1)}" r="2.6" fill="${c}"><title>${esc(s.solver)} rtol ${v.rtol.toExponential(0)}: ${v.err.toExponential(2)}, ${(v.sec * 1e6).toFixed(1)} µs</title></circle>`);
  }
  return g.join('\n');
}

/** A grid of work–precision panels (3 per row) with one shared legend; returns the SVG text. */
export function workPrecisionSvg(title: string, note: string, panels: WpPanel[]): string {
  const names = [...new Set(panels.flatMap((p) => p.series.map((s) => s.solver)))];
  const colorOf = (s: string) => COLORS[names.indexOf(s) % COLORS.length];
  const cols = Math.min(3, panels.length);
  const rows = Math.ceil(panels.length / cols);
  const top = 48 + 16 * Math.ceil(names.length / 4);
  const width = cols * W;
  const height = top + rows * H;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="8" y="18" font-size="14" font-weight="bold">${esc(title)}</text>`,
    `<text x="8" y="34" font-size="10">${esc(note)}</text>`,
  ];
  names.forEach((n, i) => {
    const x = 8 + (i % 4) * 210;
    const y = 50 + 16 * Math.floor(i / 4);
    out.push(`<line x1="${x}" y1="${y - 4}" x2="${x + 18}" y2="${y - 4}" stroke="${colorOf(n)}" stroke-width="2.5"/><text x="${x + 24}" y="${y}">${esc(n)}</text>`);
  });
  panels.forEach((p, k) => out.push(panel(p, (k % cols) * W, top + Math.floor(k / cols) * H, colorOf)));
  out.push('</svg>');
  return out.join('\n');
}
