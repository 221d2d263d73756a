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

/** Basis vectors e_i = exp(−(t − t0)/τ_i), row per τ, and their projections b_i = e_i·y. */
function basisFor(t: Float64Array, y: Float64Array, taus: Float64Array) {
  const basis = new Float64Array(taus.length * t.length);
  const b = new Float64Array(taus.length);
  for (let i = 0; i < taus.length; i++) {
    let bi = 0;
    for (let k = 0; k < t.length; k++) {
      const e = Math.exp(-(t[k] - t[0]) / taus[i]);
      basis[i * t.length + k] = e;
      bi += e * y[k];
    }
    b[i] = bi;
  }
  return { basis, b };
}

interface Pair { res: number; tau1: number; tau2: number; a1: number; a2: number }

/**
 * Non-negative amplitudes of y ≈ a1 e1 + a2 e2 from the Gram entries s_ij = e_i·e_j, projections b_i = e_i·y
 * and ‖y‖² (2 × 2 normal equations; if either amplitude would be negative, the better single exponential),
 * and the residual ‖y − a1 e1 − a2 e2‖².
 */
function projectPair(s11: number, s12: number, s22: number, b1: number, b2: number, yy: number, tau1: number, tau2: number): Pair {
  const det = s11 * s22 - s12 * s12;
  let a1 = det > 0 ? (b1 * s22 - b2 * s12) / det : -1;
  let a2 = det > 0 ? (s11 * b2 - s12 * b1) / det : -1;
  if (!(a1 >= 0 && a2 >= 0)) {
    const c1 = Math.max(0, b1 / s11);
    const c2 = Math.max(0, b2 / s22);
    if (c1 * b1 >= c2 * b2) { a1 = c1; a2 = 0; } else { a1 = 0; a2 = c2; }
  }
  return { res: yy - 2 * (a1 * b1 + a2 * b2) + a1 * a1 * s11 + 2 * a1 * a2 * s12 + a2 * a2 * s22, tau1, tau2, a1, a2 };
}

/**
 * Best pair (τ1 from `taus1`, τ2 from `taus2`, τ1 < τ2): with basis vectors e_i and projections b_i computed
 * once, each pair costs one dot product for the cross term; amplitudes come from the 2 × 2 normal equations
 * (non-negative, else the better single exponential) and the residual is ‖y‖² − a·b.
 */
function bestPair(t: Float64Array, y: Float64Array, taus1: Float64Array, taus2: Float64Array): Pair {
  const n = t.length;
  const B1 = basisFor(t, y, taus1);
  const B2 = basisFor(t, y, taus2);
  const self = (B: { basis: Float64Array }, i: number) => {
    let s = 0;
    for (let k = 0; k < n; k++) s += B.basis[i * n + k] ** 2;
    return s;
  };
  const s1 = taus1.map((_, i) => self(B1, i));
  const s2 = taus2.map((_, j) => self(B2, j));
  let yy = 0;
  for (let k = 0; k < n; k++) yy += y[k] * y[k];
  let best: Pair = { res: Infinity, tau1: 0, tau2: 0, a1: 0, a2: 0 };
  for (let i = 0; i < taus1.length; i++) {
    for (let j = 0; j < taus2.length; j++) {
      if (taus2[j] <= taus1[i] * 1.05) continue;
      let s12 = 0;
      for (let k = 0; k < n; k++) s12 += B1.basis[i * n + k] * B2.basis[j * n + k];
      const pair = projectPair(s1[i], s12, s2[j], B1.b[i], B2.b[j], yy, taus1[i], taus2[j]);
      if (pair.res < best.res) best = pair;
    }
  }
  return best;
}

/** Variable-projection residual of one pair (τ1, τ2): amplitudes solved exactly, O(n). */
function pairResidual(t: Float64Array, y: Float64Array, tau1: number, tau2: number): Pair {
  let s11 = 0, s12 = 0, s22 = 0, b1 = 0, b2 = 0, yy = 0;
  for (let k = 0; k < t.length; k++) {
    const e1 = Math.exp(-(t[k] - t[0]) / tau1);
    const e2 = Math.exp(-(t[k] - t[0]) / tau2);
    s11 += e1 * e1; s12 += e1 * e2; s22 += e2 * e2; b1 += e1 * y[k]; b2 += e2 * y[k]; yy += y[k] * y[k];
  }
  return projectPair(s11, s12, s22, b1, b2, yy, tau1, tau2);
}

/** Nelder–Mead in (ln τ1, ln τ2) from a starting pair, keeping τ1 < τ2 (Nelder & Mead, Comput. J. 7, 308 (1965)). */
function polish(t: Float64Array, y: Float64Array, start: Pair, step: number): Pair {
  const f = (p: number[]) => (p[1] <= p[0] ? Infinity : pairResidual(t, y, Math.exp(p[0]), Math.exp(p[1])).res);
  const x0 = [Math.log(start.tau1), Math.log(start.tau2)];
  let simplex = [x0, [x0[0] + step, x0[1]], [x0[0], x0[1] + step]].map((p) => ({ p, v: f(p) }));
  for (let iter = 0; iter < 200; iter++) {
    simplex.sort((a, b) => a.v - b.v);
    const [best, mid, worst] = simplex;
    if (Math.abs(worst.p[0] - best.p[0]) + Math.abs(worst.p[1] - best.p[1]) < 1e-4) break;
    const c = [(best.p[0] + mid.p[0]) / 2, (best.p[1] + mid.p[1]) / 2];
    const at = (s: number) => { const p = [c[0] + s * (worst.p[0] - c[0]), c[1] + s * (worst.p[1] - c[1])]; return { p, v: f(p) }; };
    const r = at(-1);
    if (r.v < best.v) {
      const e = at(-2);
      simplex = [best, mid, e.v < r.v ? e : r];
    } else if (r.v < mid.v) {
      simplex = [best, mid, r];
    } else {
      const k = at(r.v < worst.v ? -0.5 : 0.5);
      if (k.v < Math.min(r.v, worst.v)) simplex = [best, mid, k];
      else simplex = simplex.map((s, i) => (i === 0 ? s : { p: [(s.p[0] + best.p[0]) / 2, (s.p[1] + best.p[1]) / 2], v: f([(s.p[0] + best.p[0]) / 2, (s.p[1] + best.p[1]) / 2]) }));
    }
  }
  simplex.sort((a, b) => a.v - b.v);
  const out = pairResidual(t, y, Math.exp(simplex[0].p[0]), Math.exp(simplex[0].p[1]));
  return out.res <= start.res ? out : start;
}

/**
 * Bi-exponential fit y(t) ≈ A1 e^(−(t−t0)/τ1) + A2 e^(−(t−t0)/τ2), τ1 < τ2, by variable projection (amplitudes
 * by linear least squares): a log grid of time constants spanning the data, then Nelder–Mead from the best pair.
 */
export function fitBiExponential(t: Float64Array, y: Float64Array): BiExpFit | null {
  if (t.length < 6) return null;
  const lo = Math.max(t[1] - t[0], 1e-3) / 3;
  const hi = (t[t.length - 1] - t[0]) * 3;
  const coarse = 32;
  const grid = tauGrid(lo, hi, coarse);
  let best = bestPair(t, y, grid, grid);
  if (!Number.isFinite(best.res)) return null;
  best = polish(t, y, best, Math.log(hi / lo) / coarse);
  const total = best.a1 + best.a2;
  if (!(total > 0)) return null;
  return { fastPs: best.tau1, slowPs: best.tau2, fastFraction: best.a1 / total, rms: Math.sqrt(Math.max(best.res, 0) / t.length) };
}

/** Below this amplitude share a component is not resolved, and its lifetime is not reported. */
const MIN_COMPONENT_SHARE = 0.01;

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
    fastPs: fit && fit.fastFraction >= MIN_COMPONENT_SHARE ? fit.fastPs : null,
    slowPs: fit && fit.fastFraction <= 1 - MIN_COMPONENT_SHARE ? fit.slowPs : null,
    fastFraction: fit?.fastFraction ?? null,
    timeToTargetPs: tcK[0] <= targetK ? t[0] : crossingTime(t, tcK, targetK, 0),
    targetK,
    initialLossRateMeVps: lossRateAt(peak),
    peakTcK: tcK[peak],
    peakDelayPs: t[peak],
    meanCoolingPs,
  };
}
