// Cooling metrics on synthetic curves with known answers.

import { describe, expect, it } from 'vitest';
import { coolingMetrics, fitBiExponential } from '../../src/model/metrics.ts';
import { logGrid } from '../../src/model/simulate.ts';

describe('bi-exponential fit', () => {
  it('recovers known lifetimes and amplitudes', () => {
    const t = logGrid(0.01, 1000, 200);
    for (const [fast, slow, frac] of [[0.5, 20, 0.7], [0.3, 100, 0.4], [2, 15, 0.9]]) {
      const y = t.map((x) => 1000 * (frac * Math.exp(-(x - t[0]) / fast) + (1 - frac) * Math.exp(-(x - t[0]) / slow)));
      const fit = fitBiExponential(t, y);
      expect(fit).not.toBeNull();
      expect(fit!.fastPs / fast).toBeCloseTo(1, 3);
      expect(fit!.slowPs / slow).toBeCloseTo(1, 3);
      expect(fit!.fastFraction).toBeCloseTo(frac, 3);
    }
  });
  it('reports a single exponential as the slow component alone', () => {
    const t = logGrid(0.01, 1000, 200);
    const y = t.map((x) => 500 * Math.exp(-(x - t[0]) / 3));
    const fit = fitBiExponential(t, y);
    expect(fit).not.toBeNull();
    expect(fit!.fastFraction).toBe(0);
    expect(fit!.slowPs / 3).toBeCloseTo(1, 6);
  });
});

describe('cooling metrics', () => {
  it('1/e time, time to target and mean cooling time of a single exponential', () => {
    const t = logGrid(0.01, 1000, 400);
    const tau = 2;
    const tc = t.map((x) => 300 + 1700 * Math.exp(-(x - t[0]) / tau));
    const ta = t.map(() => 300);
    const m = coolingMetrics(t, tc, ta, 500, () => 0);
    expect(m.tau1ePs! - t[0]).toBeCloseTo(tau, 1);
    expect(m.timeToTargetPs! - t[0]).toBeCloseTo(tau * Math.log(1700 / 200), 1);
    expect(m.meanCoolingPs).toBeCloseTo(tau, 1);
    expect(m.peakTcK).toBeCloseTo(2000, 6);
  });
  it('no cooling gives no cooling times, never NaN', () => {
    const t = logGrid(0.01, 10, 50);
    const flat = t.map(() => 300);
    const m = coolingMetrics(t, flat, flat, 500, () => 0);
    expect(m.tau1ePs).toBeNull();
    expect(m.fastPs).toBeNull();
    expect(m.meanCoolingPs).toBe(0);
    expect(Object.values(m).some((v) => typeof v === 'number' && Number.isNaN(v))).toBe(false);
  });
});
