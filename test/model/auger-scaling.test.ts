// NC biexciton Auger lifetime against NC size: τ_XX ∝ V under strong confinement for every family, and a smooth
// crossover to sublinear growth above the Bohr diameter — no clamp between the two.

import { describe, expect, it } from 'vitest';
import { resolveMaterial, simulate } from '../../src/index.ts';
import { build, ncBiexcitonAugerPerPs } from '../../src/model/derive.ts';
import { normalizeInput } from '../../src/model/validate.ts';

const FAMILIES = ['CsPbI3', 'CsPbBr3', 'MAPbI3', 'MAPbBr3', 'FAPbI3', 'FAPbBr3', 'FA0.5Cs0.5PbI3'];
const tauXX = (composition: string, edgeNm: number) => {
  const m = resolveMaterial(composition);
  return 1 / ncBiexcitonAugerPerPs(m, edgeNm, 2 * m.bohrRadiusNm);
};

describe('NC biexciton Auger lifetime', () => {
  for (const composition of FAMILIES) {
    const m = resolveMaterial(composition);
    const dB = 2 * m.bohrRadiusNm;
    it(`${composition}: τ_XX / V is constant (±5 %) below half the Bohr diameter`, () => {
      const perVolume = [0.25, 0.35, 0.5].map((f) => tauXX(composition, f * dB) / (f * dB) ** 3);
      for (const v of perVolume) expect(Math.abs(v / perVolume[0] - 1)).toBeLessThan(0.05);
    });
    it(`${composition}: above the Bohr diameter τ_XX grows sublinearly with V (Castañeda: sublinear beyond the Bohr radius)`, () => {
      const a = 2 * dB;
      const b = Math.min(3.5 * dB, 50);
      const exponent = Math.log(tauXX(composition, b) / tauXX(composition, a)) / Math.log((b / a) ** 3);
      expect(exponent).toBeLessThan(0.75);
      expect(exponent).toBeGreaterThan(0.3);
    });
    it(`${composition}: τ_XX grows with size with a continuous log-slope (no clamp kink)`, () => {
      const sizes = Array.from({ length: 160 }, (_, i) => 0.2 * dB * Math.pow(15, i / 159));
      const logTau = sizes.map((L) => Math.log(tauXX(composition, L)));
      const slopes = logTau.slice(1).map((v, i) => (v - logTau[i]) / Math.log(sizes[i + 1] / sizes[i]));
      for (const s of slopes) expect(s).toBeGreaterThan(0);
      for (let i = 1; i < slopes.length; i++) expect(Math.abs(slopes[i] - slopes[i - 1])).toBeLessThan(0.2); // a max() clamp would jump by 3 (τ ∝ L³ → L⁶)
    });
  }

  it('the simulation reports the same τ_XX it uses (NC of 6 nm)', () => {
    for (const composition of FAMILIES) {
      const d = build(normalizeInput({ composition, edgeNm: 6, nPerNc: 0.1, pumpNm: 300 })).derived;
      expect(d.biexcitonAugerPs as number).toBeCloseTo(tauXX(composition, 6), 10);
      expect(d.augerCm6PerS).toBeCloseTo(((6e-7) ** 6 / (8 * (d.biexcitonAugerPs as number) * 1e-12)), 35);
    }
  });

  it('behaviour: the Auger cascade of strongly confined NCs takes a time proportional to the NC volume', () => {
    // CsPbBr3 (Bohr diameter 7 nm) at 2.5 and 3.5 nm: time for n to fall halfway from n0 to its post-Auger plateau.
    const halfway = (edgeNm: number) => {
      const r = simulate({ composition: 'CsPbBr3', edgeNm, nPerNc: 1.5, pumpNm: 250, pulseFwhmFs: 0, tEndPs: 500, nPoints: 2000 });
      const n0 = r.derived.densityCm3;
      const plateau = n0 * -Math.expm1(-1.5) / 1.5;
      const level = 0.5 * (n0 + plateau);
      let k = 0;
      while (r.nCm3[k] > level) k++;
      return r.tPs[k];
    };
    const ratio = halfway(3.5) / halfway(2.5);
    expect(Math.abs(ratio / (3.5 / 2.5) ** 3 - 1)).toBeLessThan(0.1);
  });
});
