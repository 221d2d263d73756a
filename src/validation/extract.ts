// Quantities as papers define them, taken from a cooling curve: delays t (ps, increasing), carrier temperature
// Tc (K) and lattice temperature T_L (K). Pure functions on arrays, so each can be checked on an analytic curve.

import { KB_EV_PER_K } from '../model/constants.ts';

export interface Curve {
  tPs: ArrayLike<number>;
  tcK: ArrayLike<number>;
  latticeK: ArrayLike<number>;
}

function peakIndex(v: ArrayLike<number>): number {
  let k = 0;
  for (let i = 1; i < v.length; i++) if (v[i] > v[k]) k = i;
  return k;
}

/** Linear interpolation of y at x on a sorted x grid; null outside the grid. */
export function valueAt(x: ArrayLike<number>, y: ArrayLike<number>, at: number): number | null {
  if (x.length === 0 || at < x[0] || at > x[x.length - 1]) return null;
  for (let k = 1; k < x.length; k++) {
    if (x[k] >= at) {
      const f = x[k] === x[k - 1] ? 0 : (at - x[k - 1]) / (x[k] - x[k - 1]);
      return y[k - 1] + f * (y[k] - y[k - 1]);
    }
  }
  return y[y.length - 1];
}

/** First time after `from` at which a series falls to `level` (linear interpolation); null if never. */
function fallTime(t: ArrayLike<number>, v: ArrayLike<number>, level: number, from: number): number | null {
  for (let k = from + 1; k < t.length; k++) {
    if (v[k] <= level) {
      const f = v[k - 1] === v[k] ? 0 : (v[k - 1] - level) / (v[k - 1] - v[k]);
      return t[k - 1] + f * (t[k] - t[k - 1]);
    }
  }
  return null;
}

/** Excess temperature Tc − T_L at each delay (K). */
export function excessK(c: Curve): Float64Array {
  const e = new Float64Array(c.tPs.length);
  for (let k = 0; k < e.length; k++) e[k] = c.tcK[k] - c.latticeK[k];
  return e;
}

/** Time (ps) from the excess temperature's peak until it has fallen to 1/e of that peak, measured from t = 0
 *  (the pump): the "1/e cooling time". null if it never falls that far in the window. */
export function oneOverETimePs(c: Curve): number | null {
  return seriesOneOverETimePs(c.tPs, excessK(c));
}

/** Time (ps) from a series' peak until it has fallen to 1/e of that peak, measured from t = 0; null if the peak is
 *  not positive or the series never falls that far in the window. */
export function seriesOneOverETimePs(t: ArrayLike<number>, v: ArrayLike<number>): number | null {
  const p = peakIndex(v);
  if (!(v[p] > 0)) return null;
  return fallTime(t, v, v[p] / Math.E, p);
}

/** Lifetime τ (ps) of a single exponential A·exp(−t/τ) fitted by least squares to ln(Tc − T_L) over
 *  [fromPs, toPs]: a paper's "cooling time constant" from a mono-exponential fit of the excess temperature. */
export function exponentialLifetimePs(c: Curve, fromPs: number, toPs: number): number | null {
  const e = excessK(c);
  let n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (let k = 0; k < e.length; k++) {
    const t = c.tPs[k];
    if (t < fromPs || t > toPs || !(e[k] > 0)) continue;
    const y = Math.log(e[k]);
    n++; sx += t; sy += y; sxx += t * t; sxy += t * y;
  }
  if (n < 3) return null;
  const slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
  return slope < 0 ? -1 / slope : null;
}

/** Time (ps) the excess temperature Tc − T_L takes to fall from `fromK` to `toK` (both below its peak, fromK > toK);
 *  null if either level is not reached after the peak. For A·exp(−t/τ): τ ln(fromK/toK). */
export function excessFallTimePs(c: Curve, fromK: number, toK: number): number | null {
  const e = excessK(c);
  const p = peakIndex(e);
  if (!(e[p] > fromK) || !(fromK > toK)) return null;
  const a = fallTime(c.tPs, e, fromK, p);
  const b = fallTime(c.tPs, e, toK, p);
  return a === null || b === null ? null : b - a;
}

/** First delay (ps) after the peak of Tc at which Tc has fallen to `levelK`; null if never in the window
 *  (the rise during the pump does not count as reaching it). */
export function timeToReachPs(c: Curve, levelK: number): number | null {
  const p = peakIndex(c.tcK);
  if (c.tcK[p] <= levelK) return c.tPs[p];
  return fallTime(c.tPs, c.tcK, levelK, p);
}

/** Carrier temperature (K) at a delay; null outside the output window. */
export function tcAtPs(c: Curve, delayPs: number): number | null {
  return valueAt(c.tPs, c.tcK, delayPs);
}

/** Mean energy-loss rate per carrier (eV ps^-1): the drop of the mean kinetic energy (3/2) kB Tc of one carrier
 *  (electron or hole) from the peak until Tc − T_L has fallen to `fraction` of its peak, over the time taken. */
export function meanLossRatePerCarrierEvPs(c: Curve, fraction: number): number | null {
  const e = excessK(c);
  const p = peakIndex(e);
  if (!(e[p] > 0)) return null;
  const tEnd = fallTime(c.tPs, e, e[p] * fraction, p);
  if (tEnd === null) return null;
  const dropK = e[p] * (1 - fraction);
  return (1.5 * KB_EV_PER_K * dropK) / (tEnd - c.tPs[p]);
}
