// Canvas drawing for the TA panel: a ΔA heat map (photon energy across, delay index down, a diverging colour scale
// symmetric about zero) and one spectrum (−ΔA against energy) with its tail fit and the fit window.

import type { TaSpectra } from '../src/data/ta-map.ts';

/** Blue (ΔA < 0, bleach) – white – red (ΔA > 0, absorption), for v in [−1, 1]. */
function diverging(v: number): [number, number, number] {
  const x = Math.max(-1, Math.min(1, v));
  return x < 0 ? [Math.round(255 * (1 + x)), Math.round(255 * (1 + 0.6 * x)), 255] : [255, Math.round(255 * (1 - 0.7 * x)), Math.round(255 * (1 - x))];
}

/** The map as a heat map filling `canvas`; `markDelay` (an index) drawn as a line; returns the colour scale's |ΔA| (OD). */
export function drawHeatMap(canvas: HTMLCanvasElement, s: TaSpectra, markDelay: number | null, window: [number, number] | null): number {
  const nE = s.energyEv.length;
  const nD = s.delaysPs.length;
  const w = canvas.width;
  const h = canvas.height;
  const ctx = canvas.getContext('2d');
  if (!ctx || nE === 0 || nD === 0) return 0;
  let scale = 0;
  for (const v of s.dA) if (Number.isFinite(v)) scale = Math.max(scale, Math.abs(v));
  const img = ctx.createImageData(w, h);
  const e0 = s.energyEv[0];
  const e1 = s.energyEv[nE - 1];
  for (let y = 0; y < h; y++) {
    const d = Math.min(nD - 1, Math.floor((y / h) * nD));
    let j = 0;
    for (let x = 0; x < w; x++) {
      const e = e0 + ((x + 0.5) / w) * (e1 - e0);
      while (j < nE - 1 && s.energyEv[j + 1] <= e) j++;
      const v = s.dA[d * nE + j];
      const [r, g, b] = Number.isFinite(v) && scale > 0 ? diverging(v / scale) : [200, 200, 200];
      const k = 4 * (y * w + x);
      img.data[k] = r; img.data[k + 1] = g; img.data[k + 2] = b; img.data[k + 3] = 255;
    }
  }
  ctx.putImageData(img, 0, 0);
  ctx.strokeStyle = '#111';
  if (markDelay !== null) {
    const y = ((markDelay + 0.5) / nD) * h;
    ctx.beginPath(); ctx.moveTo(0, y); ctx.lineTo(w, y); ctx.stroke();
  }
  if (window) {
    ctx.setLineDash([4, 3]);
    for (const e of window) {
      const x = ((e - e0) / (e1 - e0)) * w;
      ctx.beginPath(); ctx.moveTo(x, 0); ctx.lineTo(x, h); ctx.stroke();
    }
    ctx.setLineDash([]);
  }
  return scale;
}

/** −ΔA at one delay (points) with the fit (line) inside the window (dashed bounds), log scale in −ΔA. */
export function drawSpectrum(canvas: HTMLCanvasElement, e: ArrayLike<number>, bleach: ArrayLike<number>, fit: { e: ArrayLike<number>; y: ArrayLike<number> } | null, window: [number, number] | null): void {
  const ctx = canvas.getContext('2d');
  if (!ctx || e.length === 0) return;
  const w = canvas.width;
  const h = canvas.height;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, w, h);
  let hi = 0;
  for (let j = 0; j < bleach.length; j++) if (Number.isFinite(bleach[j])) hi = Math.max(hi, bleach[j]);
  if (!(hi > 0)) return;
  const lo = hi * 1e-3;
  const e0 = e[0];
  const e1 = e[e.length - 1];
  const X = (x: number) => ((x - e0) / (e1 - e0)) * (w - 20) + 10;
  const Y = (y: number) => h - 10 - ((Math.log10(Math.max(lo, y)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo))) * (h - 20);
  ctx.fillStyle = '#1f5fa8';
  for (let j = 0; j < e.length; j++) if (bleach[j] > lo) ctx.fillRect(X(e[j]) - 1, Y(bleach[j]) - 1, 2, 2);
  if (fit) {
    ctx.strokeStyle = '#c0392b';
    ctx.lineWidth = 2;
    ctx.beginPath();
    for (let j = 0; j < fit.e.length; j++) (j === 0 ? ctx.moveTo : ctx.lineTo).call(ctx, X(fit.e[j]), Y(fit.y[j]));
    ctx.stroke();
    ctx.lineWidth = 1;
  }
  if (window) {
    ctx.strokeStyle = '#111';
    ctx.setLineDash([4, 3]);
    for (const x of window) { ctx.beginPath(); ctx.moveTo(X(x), 0); ctx.lineTo(X(x), h); ctx.stroke(); }
    ctx.setLineDash([]);
  }
}
