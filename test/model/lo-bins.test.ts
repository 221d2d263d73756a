// The wavevector bins of the LO population: weights that add up to the screening factor, their derivatives, where
// cold and hot carriers put their phonons, and the mode count of the Debye sphere.

import { describe, expect, it } from 'vitest';
import { screeningFactor, type ScreeningOut } from '../../src/model/screening.ts';
import { DEBYE_Q_NM, LATTICE_CONSTANT_NM, binWeights, binWeightsFor, resolvedBins, singlePool } from '../../src/model/lo-bins.ts';
import { simulate } from '../../src/model/simulate.ts';
import { S, initialState, loBinIndex, loBinOffset } from '../../src/model/state.ts';
import type { SimulationInput } from '../../src/model/types.ts';
import { modelFor } from './helpers.ts';

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

describe("the LO population resolved in wavevector (loPool: 'resolved')", () => {
  const film = (densityCm3: number, extra: Partial<SimulationInput> = {}): SimulationInput =>
    ({ composition: 'MAPbI3', edgeNm: null, densityCm3, pumpNm: 551, ...extra });

  it('conserves energy: the ledger holds at rtol 1e-8 for a dense film and for Poisson NCs', () => {
    for (const input of [film(1e19), { composition: 'CsPbI3', edgeNm: 8, nPerNc: 3 } as SimulationInput]) {
      const r = simulate({ ...input, loPool: 'resolved', rtol: 1e-8 });
      // Looser than the one pool's 1e-6: the bins' Jacobian is partly by differences (rhs.ts, jacobianFd).
      expect(r.energy.maxRelError).toBeLessThan(2e-6);
      expect(r.derived.loPool).toBe('resolved');
      expect(r.derived.loBinModesCm3.length).toBe(4);
    }
  });

  it('each bin obeys detailed balance: carriers and bins at one temperature exchange nothing', () => {
    const model = modelFor({ ...film(1e18), loPool: 'resolved' });
    const c = model.c;
    const y = initialState(c);
    const T = 700;
    const nT = 1 / Math.expm1(c.loEv / (8.617333262e-5 * T));
    y[S.tc] = T;
    for (let b = 0; b < 4; b++) y[loBinIndex(b)] = nT - loBinOffset(c);
    model.evaluate(10, y);
    const f = new Float64Array(model.size);
    // Emission into each bin vanishes; what remains of dN_b/dt is the bin's own Klemens decay, the same for all.
    c.klemensPerPs = 0;
    model.rhsPhysical(10, y, f);
    for (let b = 0; b < 4; b++) expect(Math.abs(f[loBinIndex(b)])).toBeLessThan(1e-9);
  });

  it('cooling carriers fill the few small-q modes first: per mode, the first bin heats fastest', () => {
    const model = modelFor({ ...film(1e18), loPool: 'resolved' });
    const y = initialState(model.c);
    y[S.tc] = 600;
    const f = new Float64Array(model.size);
    model.rhsPhysical(10, y, f);
    const rates = [0, 1, 2, 3].map((b) => f[loBinIndex(b)]);
    expect(rates[0]).toBeGreaterThan(10 * rates[1]);
    expect(rates[1]).toBeGreaterThan(rates[2]);
    expect(rates[3]).toBeLessThanOrEqual(rates[2]);
  });

  it('resolving the wavevector weakens the density dependence the one pool gives (hot carriers reach plentiful modes)', () => {
    const tau = (d: number, loPool: 'single' | 'resolved') => simulate({ ...film(d), loPool }).metrics.tau1ePs as number;
    const single = tau(1e19, 'single') / tau(1.6e17, 'single');
    const resolved = tau(1e19, 'resolved') / tau(1.6e17, 'resolved');
    expect(resolved).toBeGreaterThan(1.2); // still a bottleneck with Auger heating on top
    expect(resolved).toBeLessThan(single / 3);
  });

  it("the one pool is the default: 'single' reproduces the default run exactly", () => {
    const a = simulate(film(1e18));
    const b = simulate({ ...film(1e18), loPool: 'single' });
    expect(Array.from(b.tcK)).toEqual(Array.from(a.tcK));
  });
});
