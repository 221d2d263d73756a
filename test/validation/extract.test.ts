// The quantity extraction of the validation suite, on synthetic curves whose answers are known analytically.

import { describe, expect, it } from 'vitest';
import { KB_EV_PER_K } from '../../src/model/constants.ts';
import {
  excessFallTimePs, exponentialLifetimePs, meanLossRatePerCarrierEvPs, oneOverETimePs, tcAtPs, timeToReachPs,
} from '../../src/validation/extract.ts';
import { judge } from '../../src/validation/verdict.ts';

/** Tc(t) = T_L + A exp(−(t − t0)/τ) after a linear rise to the peak at t0, on a log grid like the model's. */
function synthetic(tauPs: number, t0Ps = 0.1, amplitudeK = 1500, latticeK = 300, n = 400) {
  const tPs = new Float64Array(n), tcK = new Float64Array(n), lat = new Float64Array(n).fill(latticeK);
  for (let k = 0; k < n; k++) {
    const t = 0.01 * Math.pow(1000 / 0.01, k / (n - 1));
    tPs[k] = t;
    tcK[k] = latticeK + (t < t0Ps ? (amplitudeK * t) / t0Ps : amplitudeK * Math.exp(-(t - t0Ps) / tauPs));
  }
  return { tPs, tcK, latticeK: lat };
}

describe('validation quantity extraction', () => {
  it('1/e time of the excess temperature: peak delay + τ for a mono-exponential', () => {
    for (const tau of [0.23, 1.7, 25]) {
      const t = oneOverETimePs(synthetic(tau));
      expect(t).not.toBeNull();
      expect(Math.abs((t as number) - (0.1 + tau)) / (0.1 + tau)).toBeLessThan(0.01);
    }
  });

  it('exponential lifetime over a window returns τ of a mono-exponential, not of the rise', () => {
    for (const tau of [0.23, 0.8, 3]) {
      const fit = exponentialLifetimePs(synthetic(tau), 0.3, 1.5);
      expect(Math.abs((fit as number) - tau) / tau).toBeLessThan(1e-6);
    }
  });

  it('exponential lifetime of a bi-exponential depends on the window (it is a local quantity)', () => {
    const c = synthetic(0.3);
    for (let k = 0; k < c.tPs.length; k++) c.tcK[k] += 200 * Math.exp(-c.tPs[k] / 30);
    const early = exponentialLifetimePs(c, 0.2, 0.6) as number;
    const late = exponentialLifetimePs(c, 50, 200) as number;
    expect(early).toBeLessThan(0.6);
    expect(late).toBeGreaterThan(25);
  });

  it('time to reach a temperature: t0 + τ ln(A/(T − T_L))', () => {
    const tau = 2, c = synthetic(tau);
    const t = timeToReachPs(c, 500) as number;
    expect(t).toBeCloseTo(0.1 + tau * Math.log(1500 / 200), 2);
    expect(timeToReachPs(c, 250)).toBeNull();
  });

  it('Tc at a delay, and null outside the window', () => {
    const c = synthetic(1);
    expect(tcAtPs(c, 1.1) as number).toBeCloseTo(300 + 1500 * Math.exp(-1), -1);
    expect(tcAtPs(c, 5000)).toBeNull();
  });

  it('mean loss rate per carrier: (3/2) kB A (1 − 1/e) / τ', () => {
    const tau = 0.5;
    const rate = meanLossRatePerCarrierEvPs(synthetic(tau), 1 / Math.E) as number;
    const expected = (1.5 * KB_EV_PER_K * 1500 * (1 - 1 / Math.E)) / tau;
    expect(Math.abs(rate - expected) / expected).toBeLessThan(0.01);
  });

  it('fall time of the excess between two levels: τ ln(from/to)', () => {
    const tau = 3, c = synthetic(tau);
    const t = excessFallTimePs(c, 770, 770 / Math.E) as number;
    expect(Math.abs(t - tau) / tau).toBeLessThan(0.01);
    expect(excessFallTimePs(c, 2000, 100)).toBeNull();
  });

  it('a curve that never cools gives no value', () => {
    const c = synthetic(1e9);
    expect(oneOverETimePs(c)).toBeNull();
  });
});

describe('verdicts', () => {
  it('factor, absolute and bound tolerances; a missing value disagrees', () => {
    expect(judge(1.4, 1, { kind: 'factor', factor: 1.5 })).toBe('agree');
    expect(judge(0.6, 1, { kind: 'factor', factor: 1.5 })).toBe('disagree');
    expect(judge(1.3, 1, { kind: 'absolute', plusMinus: 0.25 })).toBe('disagree');
    expect(judge(0.9, 1, { kind: 'at-most', limit: 1 })).toBe('agree');
    expect(judge(1.1, 1, { kind: 'at-most', limit: 1 })).toBe('disagree');
    expect(judge(1.1, 1, { kind: 'at-least', limit: 1.2 })).toBe('disagree');
    expect(judge(null, 1, { kind: 'at-least', limit: 0 })).toBe('disagree');
    expect(judge(Number.NaN, 1, { kind: 'absolute', plusMinus: 10 })).toBe('disagree');
  });
});
