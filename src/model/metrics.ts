// Cooling metrics as spectroscopists report them, computed from Tc(t) and T_A(t) on the output grid.

import type { CoolingMetrics } from './types.ts';

/** Log-linear interpolation of the time at which a decreasing series crosses `level` after index `from`. */
function crossingTime(t: Float64Array, v: ArrayLike<number>, level: number, from: number): number | null {
  for (let k = from + 1; k < t.length; k++) {
    if (v[k] <= level) {
      const v0 = v[k - 1];
      const v1 = v[k];
      const frac = v0 === v1 ? 0 : (v0 - level) / (v0 - v1);
      const t0 = Math.max(t[k - 1], 1e-12);
      return t0 * Math.pow(t[k] / t0, frac);
    }
  }
  return null;
}

export interface BiExpFit {
  fastPs: number;
  slowPs: number;
  fastFraction: number;
  rms: number;
}

/** Log grid of `count` + 1 time constants from `from` to `to`. */
function tauGrid(from: number, to: number, count: number): Float64Array {
  const g = new Float64Array(count + 1);
  const r = Math.pow(to / from, 1 / count);
  for (let i = 0; i <= count; i++) g[i] = from * r ** i;
  return g;
}

/**
 * Best pair τ1 < τ2 on a grid: with basis vectors e_i = exp(−(t − t0)/τ_i), the Gram matrix G_ij = e_i·e_j
 * and projections b_i = e_i·y are computed once, so each pair costs O(1): amplitudes from the 2 × 2 normal
 * equations (non-negative, else the better single exponential), residual ‖y‖² − a·b.
 */
function bestPair(t: Float64Array, y: Float64Array, taus: Float64Array) {
  const m = taus.length;
  const basis = new Float64Array(m * t.length);
  const b = new Float64Array(m);
  const gram = new Float64Array(m * m);
  let yy = 0;
  for (let k = 0; k < t.length; k++) yy += y[k] * y[k];
  for (let i = 0; i < m; i++) {
    let bi = 0;
    for (let k = 0; k < t.length; k++) {
      const e = Math.exp(-(t[k] - t[0]) / taus[i]);
      basis[i * t.length + k] = e;
      bi += e * y[k];
    }
    b[i] = bi;
  }
  for (let i = 0; i < m; i++) {
    for (let j = i; j < m; j++) {
      let g = 0;
      for (let k = 0; k < t.length; k++) g += basis[i * t.length + k] * basis[j * t.length + k];
      gram[i * m + j] = g;
      gram[j * m + i] = g;
    }
  }
  let best = { res: Infinity, tau1: 0, tau2: 0, a1: 0, a2: 0 };
  for (let i = 0; i < m; i++) {
    for (let j = i + 1; j < m; j++) {
      const s11 = gram[i * m + i], s12 = gram[i * m + j], s22 = gram[j * m + j];
      const det = s11 * s22 - s12 * s12;
      let a1 = det > 0 ? (b[i] * s22 - b[j] * s12) / det : -1;
      let a2 = det > 0 ? (s11 * b[j] - s12 * b[i]) / det : -1;
      if (!(a1 >= 0 && a2 >= 0)) {
        const c1 = Math.max(0, b[i] / s11);
        const c2 = Math.max(0, b[j] / s22);
        if (c1 * b[i] >= c2 * b[j]) { a1 = c1; a2 = 0; } else { a1 = 0; a2 = c2; }
      }
      const res = yy - 2 * (a1 * b[i] + a2 * b[j]) + a1 * a1 * s11 + 2 * a1 * a2 * s12 + a2 * a2 * s22;
      if (res < best.res) best = { res, tau1: taus[i], tau2: taus[j], a1, a2 };
    }
  }
  return best;
}

/**
 * Bi-exponential fit y(t) ≈ A1 e^(−(t−t0)/τ1) + A2 e^(−(t−t0)/τ2), τ1 < τ2, by variable projection on a log
 * grid of time constants, then on a finer grid around the best pair.
 */
export function fitBiExponential(t: Float64Array, y: Float64Array): BiExpFit | null {
  if (t.length < 6) return null;
  const lo = Math.max(t[1] - t[0], 1e-3) / 3;
  const hi = (t[t.length - 1] - t[0]) * 3;
  const coarse = 40;
  let best = bestPair(t, y, tauGrid(lo, hi, coarse));
  if (!Number.isFinite(best.res)) return null;
  const f = Math.pow(hi / lo, 1 / coarse);
  const fine = tauGrid(best.tau1 / f, best.tau2 * f, 60);
  const refined = bestPair(t, y, fine);
  if (refined.res <= best.res) best = refined;
  const total = best.a1 + best.a2;
  if (!(total > 0)) return null;
  return { fastPs: best.tau1, slowPs: best.tau2, fastFraction: best.a1 / total, rms: Math.sqrt(Math.max(best.res, 0) / t.length) };
}

/**
 * Metrics of a cooling curve.
 * @param t delays (ps), increasing
 * @param tcK carrier temperature (K)
 * @param taK lattice temperature (K)
 * @param targetK temperature for the time-to-target metric
 * @param lossRateAt energy-loss rate per carrier (meV ps^-1) at output index k
 */
export function coolingMetrics(
  t: Float64Array, tcK: Float64Array, taK: Float64Array, targetK: number, lossRateAt: (k: number) => number,
): CoolingMetrics {
  const excess = new Float64Array(t.length);
  let peak = 0;
  for (let k = 0; k < t.length; k++) {
    excess[k] = tcK[k] - taK[k];
    if (tcK[k] > tcK[peak]) peak = k;
  }
  const peakExcess = excess[peak];
  const cooling = peakExcess > 1e-6;
  let meanCoolingPs = 0;
  if (cooling) {
    for (let k = peak + 1; k < t.length; k++) meanCoolingPs += 0.5 * (excess[k] + excess[k - 1]) * (t[k] - t[k - 1]);
    meanCoolingPs /= peakExcess;
  }
  const tail = t.subarray(peak);
  const fit = cooling ? fitBiExponential(tail, excess.subarray(peak).map((v) => Math.max(v, 0))) : null;
  return {
    tau1ePs: cooling ? crossingTime(t, excess, peakExcess / Math.E, peak) : null,
    fastPs: fit?.fastPs ?? null,
    slowPs: fit?.slowPs ?? null,
    fastFraction: fit?.fastFraction ?? null,
    timeToTargetPs: tcK[0] <= targetK ? t[0] : crossingTime(t, tcK, targetK, 0),
    targetK,
    initialLossRateMeVps: lossRateAt(peak),
    peakTcK: tcK[peak],
    peakDelayPs: t[peak],
    meanCoolingPs,
  };
}
