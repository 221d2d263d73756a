// The wavevector bins of the LO population: weights that add up to the screening factor, their derivatives, where
// cold and hot carriers put their phonons, and the mode count of the Debye sphere.

import { describe, expect, it } from 'vitest';
import { screeningFactor, type ScreeningOut } from '../../src/model/screening.ts';
import { DEBYE_Q_NM, LATTICE_CONSTANT_NM, binWeights, binWeightsFor, resolvedBins, singlePool } from '../../src/model/lo-bins.ts';

const HW = 0.014;
const CASES: [number, number, number][] = [
  // [Tc (K), q_D² (nm^-2), mass (m0)]
  [300, 0, 0.2], [1500, 0, 0.2], [4000, 0.3, 0.25], [800, 0.05, 0.12], [20000, 2, 0.4], [320, 1e-4, 0.069],
];

describe('LO wavevector bins', () => {
  it('the weights of every bin add up to the screening factor S, for one pool and for the resolved layout', () => {
    const s: ScreeningOut = { s: 0, dsdT: 0, dsdA: 0 };
    for (const layout of [singlePool(7e18), resolvedBins()]) {
      const out = binWeightsFor(layout);
      for (const [t, a, m] of CASES) {
        binWeights(layout, a, t, m, HW, out);
        screeningFactor(a, t, m, HW, s);
        const sum = out.w.reduce((x, y) => x + y, 0);
        expect(sum).toBeCloseTo(s.s, 12);
        for (const w of out.w) expect(w).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('∂w/∂Tc and ∂w/∂q_D² agree with finite differences', () => {
    const layout = resolvedBins();
    const out = binWeightsFor(layout);
    const up = binWeightsFor(layout);
    const dn = binWeightsFor(layout);
    for (const [t, a, m] of CASES) {
      binWeights(layout, a, t, m, HW, out);
      const hT = 1e-4 * t;
      binWeights(layout, a, t + hT, m, HW, up);
      binWeights(layout, a, t - hT, m, HW, dn);
      for (let b = 0; b < out.w.length; b++) {
        const fd = (up.w[b] - dn.w[b]) / (2 * hT);
        expect(Math.abs(out.dwdT[b] - fd)).toBeLessThan(1e-6 * Math.max(1e-6, Math.abs(fd)) + 1e-10);
      }
      const hA = 1e-5 * Math.max(a, 1e-3);
      binWeights(layout, a + hA, t, m, HW, up);
      binWeights(layout, Math.max(a - hA, 0), t, m, HW, dn);
      for (let b = 0; b < out.w.length; b++) {
        const fd = (up.w[b] - dn.w[b]) / (a - hA >= 0 ? 2 * hA : hA + a);
        expect(Math.abs(out.dwdA[b] - fd)).toBeLessThan(1e-5 * Math.max(1e-3, Math.abs(fd)));
      }
    }
  });

  it('cold carriers put their phonons at small q, hot carriers spread them out to large q', () => {
    const layout = resolvedBins();
    const cold = binWeightsFor(layout);
    const hot = binWeightsFor(layout);
    binWeights(layout, 0, 300, 0.2, HW, cold);
    binWeights(layout, 0, 3000, 0.2, HW, hot);
    // At 300 K q+ ≈ 0.98 nm^-1 (E = 3/2 kB T + ħω): nothing in the last bin, little beyond the second.
    expect(cold.w[3]).toBe(0);
    expect(cold.w[2]).toBeLessThan(0.15);
    expect(hot.w[2] + hot.w[3]).toBeGreaterThan(0.25); // ln(2.88/0.75)/ln(2.88/0.026) ≈ 0.28
    // Screening removes small-q coupling first.
    const screened = binWeightsFor(layout);
    binWeights(layout, 0.5, 3000, 0.2, HW, screened);
    expect(screened.w[0] / hot.w[0]).toBeLessThan(screened.w[3] / hot.w[3]);
  });

  it('the bins hold the Debye sphere: one LO mode per unit cell', () => {
    const layout = resolvedBins();
    const cellsPerCm3 = 1e21 / LATTICE_CONSTANT_NM ** 3;
    expect(layout.totalModesCm3 / cellsPerCm3).toBeCloseTo(1, 10);
    expect(DEBYE_Q_NM).toBeGreaterThan(5);
    // The first bin (q < 0.25 nm^-1) holds a tiny share of the modes, which is why cold carriers saturate it.
    expect(layout.modesCm3[0] / layout.totalModesCm3).toBeLessThan(1e-3);
  });
});
