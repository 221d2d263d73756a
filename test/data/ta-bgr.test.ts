// Band-gap renormalisation of the simulated TA map: the cold-plasma (Vashishta–Kalia) and hot-plasma (Debye–Hückel)
// limits, and which one the map uses.
import { describe, expect, it } from 'vitest';
import { bgrAtTemperatureEv, bgrDebyeHuckelEv, bgrEv, forwardMap } from '../../src/data/ta-forward.ts';
import { simulate } from '../../src/model/simulate.ts';

// SI constants for an independent evaluation of the Debye–Hückel shift.
const E = 1.602176634e-19;
const EPS0 = 8.8541878128e-12;
const KB = 1.380649e-23;

/** −e²κ/(4π ε0 ε) with κ² = 2 n e²/(ε ε0 kB T), in SI, returned in eV. */
function debyeHuckelSi(nCm3: number, eps: number, tK: number): number {
  const n = nCm3 * 1e6;
  const kappa = Math.sqrt((2 * n * E * E) / (eps * EPS0 * KB * tK));
  return -(E * E * kappa) / (4 * Math.PI * EPS0 * eps) / E;
}

describe('band-gap renormalisation of the forward TA model', () => {
  it('the hot-plasma shift is the Debye–Hückel value, falls as 1/√T and grows as √n', () => {
    // MAPbI3: static ε 33.5; 1.6e17 cm⁻³ at 1500 K is about −1.6 meV
    const v = bgrDebyeHuckelEv(1.6e17, 33.5, 1500, 1500);
    expect(v).toBeCloseTo(debyeHuckelSi(1.6e17, 33.5, 1500), 9);
    expect(v * 1e3).toBeGreaterThan(-1.7);
    expect(v * 1e3).toBeLessThan(-1.4);
    expect(bgrDebyeHuckelEv(1.6e17, 33.5, 375, 375) / v).toBeCloseTo(2, 9);
    expect(bgrDebyeHuckelEv(6.4e17, 33.5, 1500, 1500) / v).toBeCloseTo(2, 9);
    // unequal temperatures: κ² adds n/T of each species
    const mixed = bgrDebyeHuckelEv(1e18, 33.5, 3000, 1000);
    const expected = debyeHuckelSi(1e18, 33.5, 1500) * Math.sqrt((1 / 3000 + 1 / 1000) / 2 * 1500);
    expect(mixed).toBeCloseTo(expected, 9);
    expect(bgrDebyeHuckelEv(0, 33.5, 300, 300)).toBe(0);
  });

  it('the map takes the smaller shift: Debye–Hückel for a hot plasma, Vashishta–Kalia for a cold, dense one', () => {
    const mu = 0.104;
    const cold = bgrEv(1e18, mu, 33.5);
    // hot (3800 K): the Debye–Hückel shift is smaller than the T = 0 formula's and is the one used
    const hot = bgrAtTemperatureEv(1e18, mu, 33.5, 3800, 3800);
    expect(hot).toBe(bgrDebyeHuckelEv(1e18, 33.5, 3800, 3800));
    expect(Math.abs(hot)).toBeLessThan(0.5 * Math.abs(cold));
    // cold and dense (1e19 cm⁻³, 300 K): Debye–Hückel would overstate it; the T = 0 formula is used
    expect(bgrAtTemperatureEv(1e19, mu, 33.5, 300, 300)).toBe(bgrEv(1e19, mu, 33.5));
    // continuous in T across the crossover, and never more than the cold limit
    let prev = -Infinity;
    for (let t = 100; t <= 5000; t += 50) {
      const s = bgrAtTemperatureEv(1e18, mu, 33.5, t, t);
      expect(s).toBeGreaterThanOrEqual(cold);
      expect(s).toBeGreaterThanOrEqual(prev - 1e-15);
      prev = s;
    }
  });

  it('a simulated film map shifts its gap less while the carriers are hot', () => {
    const r = simulate({ composition: 'MAPbI3', edgeNm: null, densityCm3: 1e18, tStartPs: 0.1, tEndPs: 100, nPoints: 10 });
    const map = forwardMap(r, {});
    const shifts = Array.from(map.bgrShiftEv).slice(4); // after the four delays before time zero
    const cold = bgrEv(1e18, 0.104, 33.5);
    // the first delays (Tc of thousands of K) shift less than the last (near 300 K), which sit at the cold limit
    expect(Math.abs(shifts[0])).toBeLessThan(0.6 * Math.abs(shifts[shifts.length - 1]));
    expect(shifts[shifts.length - 1]).toBeCloseTo(cold, 3);
  });
});
