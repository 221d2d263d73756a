// Vertical ±1σ bars with caps for measured carrier temperatures, drawn by a uPlot hook (beneath the series).

import type uPlot from 'uplot';
import type { MeasuredSeries } from '../src/data/measured.ts';

/** Half-width of a bar's caps (CSS px). */
const CAP_CSS_PX = 3;
/** Line width of the bars (CSS px). */
const LINE_CSS_PX = 1.5;

/**
 * A draw hook painting ±σ at each measured point inside the x range, clipped to the plot area. Nothing is drawn
 * when the file has no uncertainties or the measured series (the last one) is hidden from the legend.
 */
export function errorBarsHook(measured: () => MeasuredSeries | null, color: string): (u: uPlot) => void {
  return (u) => {
    const m = measured();
    const sigma = m?.sigmaK;
    if (!m || !sigma || u.series[u.series.length - 1]?.show === false) return;
    const xMin = u.scales.x.min ?? -Infinity;
    const xMax = u.scales.x.max ?? Infinity;
    const dpr = window.devicePixelRatio || 1;
    const cap = CAP_CSS_PX * dpr;
    const { ctx, bbox } = u;
    ctx.save();
    ctx.beginPath();
    ctx.rect(bbox.left, bbox.top, bbox.width, bbox.height);
    ctx.clip();
    ctx.strokeStyle = color;
    ctx.lineWidth = LINE_CSS_PX * dpr;
    ctx.beginPath();
    for (let i = 0; i < m.tPs.length; i++) {
      const t = m.tPs[i];
      if (t < xMin || t > xMax) continue;
      const x = u.valToPos(t, 'x', true);
      const low = u.valToPos(m.tcK[i] - sigma[i], 'y', true);
      const high = u.valToPos(m.tcK[i] + sigma[i], 'y', true);
      ctx.moveTo(x, low);
      ctx.lineTo(x, high);
      ctx.moveTo(x - cap, low);
      ctx.lineTo(x + cap, low);
      ctx.moveTo(x - cap, high);
      ctx.lineTo(x + cap, high);
    }
    ctx.stroke();
    ctx.restore();
  };
}
