// Cooling metrics as spectroscopists report them, computed from Tc(t) and T_A(t) on the output grid.

import { fitBiExponential } from './biexp-fit.ts';
import type { CoolingMetrics } from './types.ts';

export { fitBiExponential, type BiExpFit } from './biexp-fit.ts';

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

/** Below this amplitude share a component is not resolved, and its lifetime is not reported. */
const MIN_COMPONENT_SHARE = 0.01;

/**
 * Metrics of a cooling curve.
 * @param t delays (ps), increasing
 * @param tcK carrier temperature (K)
 * @param taK lattice temperature (K)
 * @param targetK temperature for the time-to-target metric
 * @param lossRateAt energy-loss rate per electron–hole pair (meV ps^-1) at output index k
 * @param warming true when the carriers are injected at or below the lattice temperature: the curve warms, and the
 *   cooling metrics (1/e time, bi-exponential fit, mean cooling time, time to target) are null
 * @param biExponential false: the bi-exponential fit is not computed (fastPs, slowPs and fastFraction are null), for
 *   callers that do not show it; every other metric is the same number either way
 */
export function coolingMetrics(
  t: Float64Array, tcK: Float64Array, taK: Float64Array, targetK: number, lossRateAt: (k: number) => number, warming = false,
  biExponential = true,
): CoolingMetrics {
  const excess = new Float64Array(t.length);
  let peak = 0;
  for (let k = 0; k < t.length; k++) {
    excess[k] = tcK[k] - taK[k];
    if (tcK[k] > tcK[peak]) peak = k;
  }
  const peakExcess = excess[peak];
  const cooling = peakExcess > 1e-6 && !warming;
  let meanCoolingPs = 0;
  if (cooling) {
    for (let k = peak + 1; k < t.length; k++) meanCoolingPs += 0.5 * (excess[k] + excess[k - 1]) * (t[k] - t[k - 1]);
    meanCoolingPs /= peakExcess;
  }
  const tail = t.subarray(peak);
  const fit = cooling && biExponential ? fitBiExponential(tail, excess.subarray(peak).map((v) => Math.max(v, 0))) : null;
  return {
    tau1ePs: cooling ? crossingTime(t, excess, peakExcess / Math.E, peak) : null,
    fastPs: fit && fit.fastFraction >= MIN_COMPONENT_SHARE ? fit.fastPs : null,
    slowPs: fit && fit.fastFraction <= 1 - MIN_COMPONENT_SHARE ? fit.slowPs : null,
    fastFraction: fit?.fastFraction ?? null,
    // After the peak; null when the curve never lies above the target (nothing cools to it), or when it warms.
    timeToTargetPs: warming || tcK[peak] <= targetK ? null : crossingTime(t, tcK, targetK, peak),
    targetK,
    initialLossRateMeVps: lossRateAt(peak),
    peakTcK: tcK[peak],
    peakDelayPs: t[peak],
    meanCoolingPs: warming ? null : meanCoolingPs,
  };
}
