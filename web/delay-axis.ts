// The delay axis shared by the charts: uPlot asinh scale (linear within ±0.1 ps, logarithmic beyond),
// the pump pulse and the three stages drawn under the curves.

import type uPlot from 'uplot';
import type { StageMarks } from './stages.ts';
import { theme } from './chart-theme.ts';

/** Half-width of the linear part of the asinh delay scale (ps): the pump pulse (~0.1 ps) sits there. */
export const ASINH_LINEAR_PS = 0.1;
/** The axis starts this far before the pump peak (ps) so the pulse's rising edge shows. */
export const AXIS_START_PS = -0.3;

export function delayScale(tEndPs: number): uPlot.Scale {
  return { time: false, distr: 4, asinh: ASINH_LINEAR_PS, auto: false, range: () => [AXIS_START_PS, tEndPs] };
}

/** Tick labels: "0", "0.1", "1", "10", "100", "1000" — never exponent soup on a delay axis. */
export function delayTickValues(_u: uPlot, splits: (number | null)[]): string[] {
  // uPlot passes null for splits it leaves unlabelled on log-like scales.
  return splits.map((v) => (v === null ? '' : v === 0 ? '0' : Math.abs(v) >= 1 ? String(Math.round(v)) : String(Number(v.toPrecision(2)))));
}

/** `compact`: ticks only at 0 and the decades from 1 ps (for narrow charts). */
export function delayAxis(label = 'Delay (ps)', compact = false): uPlot.Axis {
  const axis: uPlot.Axis = { scale: 'x', label, values: delayTickValues, space: 40 };
  if (compact) {
    axis.splits = (_u, _i, _min, max) => {
      const out = [0];
      for (let decade = 1; decade <= max * 1.0001; decade *= 10) out.push(decade);
      return out;
    };
  }
  return axis;
}

export interface Underlay {
  pulseFwhmPs: number;
  stages: StageMarks | null;
}

/** A draw hook painting the pump pulse (Gaussian, peak at 0) and the stage bands beneath the series. */
export function underlayHook(get: () => Underlay): (u: uPlot) => void {
  return (u: uPlot) => {
    const { pulseFwhmPs, stages } = get();
    const ctx = u.ctx;
    const { left, top, width, height } = u.bbox;
    const xPos = (t: number) => u.valToPos(t, 'x', true);
    ctx.save();
    // uPlot leaves the axis text alignment on the context (centre or right): set every text property used here.
    ctx.textAlign = 'left';
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    if (stages) {
      const bands: [number, number, string, string][] = [
        [0, stages.loPeakPs, 'rgba(230, 85, 13, 0.07)', '1 carrier→LO'],
        [stages.loPeakPs, stages.loEquilibratedPs, 'rgba(49, 130, 189, 0.07)', '2 LO→acoustic'],
        [stages.loEquilibratedPs, u.scales.x.max ?? stages.loEquilibratedPs, 'rgba(99, 99, 99, 0.05)', '3 →lattice, surroundings'],
      ];
      ctx.font = `${Math.round(11 * devicePixelRatio)}px system-ui, sans-serif`;
      ctx.textBaseline = 'top';
      const pad = 4 * devicePixelRatio;
      const lineHeight = 14 * devicePixelRatio;
      /** Right end of the last label on each text row: a label that would run into one drops to the next row. */
      const rowEnds = [-Infinity, -Infinity];
      for (const [a, b, fill, label] of bands) {
        // The band as seen: cut to the plot area, so a label never starts left of its band or outside the chart.
        const x0 = Math.max(left, xPos(a));
        const x1 = Math.min(left + width, xPos(b));
        if (!(x1 > x0)) continue;
        ctx.fillStyle = fill;
        ctx.fillRect(x0, top, x1 - x0, height);
        ctx.fillStyle = theme.text;
        const start = x0 + pad;
        // The full label where it fits before the plot's right edge, else the stage number alone.
        const full = ctx.measureText(label).width;
        const text = start + full <= left + width - pad ? label : `(${label.slice(0, 1)})`;
        const w = text === label ? full : ctx.measureText(text).width;
        if (text !== label && w + 2 * pad > x1 - x0) continue;
        const row = rowEnds.findIndex((end) => start >= end + pad);
        if (row < 0) continue;
        ctx.fillText(text, start, top + pad + row * lineHeight);
        rowEnds[row] = start + w;
      }
    }
    if (pulseFwhmPs > 0) {
      const sigma = pulseFwhmPs / (2 * Math.sqrt(2 * Math.LN2));
      ctx.beginPath();
      const base = top + height;
      const amplitude = height * 0.25;
      ctx.moveTo(xPos(-4 * sigma), base);
      for (let i = 0; i <= 80; i++) {
        const t = -4 * sigma + (8 * sigma * i) / 80;
        ctx.lineTo(xPos(t), base - amplitude * Math.exp(-(t * t) / (2 * sigma * sigma)));
      }
      ctx.lineTo(xPos(4 * sigma), base);
      ctx.closePath();
      ctx.fillStyle = 'rgba(148, 103, 189, 0.25)';
      ctx.fill();
      ctx.fillStyle = 'rgba(148, 103, 189, 0.9)';
      ctx.font = `${Math.round(11 * devicePixelRatio)}px system-ui, sans-serif`;
      ctx.textBaseline = 'bottom';
      ctx.fillText('pump', xPos(0) + 3 * devicePixelRatio, base - amplitude - 2);
    }
    ctx.restore();
  };
}
