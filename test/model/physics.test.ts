// Physics behaviour: confinement, excitation conversions, and the hot-phonon bottleneck emerging from a finite LO population.

import { describe, expect, it } from 'vitest';
import { confine } from '../../src/model/confinement.ts';
import { convertExcitation } from '../../src/model/excitation.ts';
import { resolveMaterial, simulate } from '../../src/index.ts';

const cspbi3 = resolveMaterial('CsPbI3');
const conf = (edgeNm: number | null) =>
  confine({ edgeNm, gapEv: cspbi3.gapEv, electronMassM0: cspbi3.electronMassM0, holeMassM0: cspbi3.holeMassM0, epsInf: cspbi3.epsInf, bohrRadiusNm: cspbi3.bohrRadiusNm });

describe('confinement', () => {
  it('bulk has the bulk gap and no levels', () => {
    const b = conf(null);
    expect(b.gapEv).toBe(cspbi3.gapEv);
    expect(b.regime).toBe('bulk');
    expect(b.electronLevelSpacingMeV).toBeNull();
  });
  it('the gap opens as the NC shrinks, and level spacing grows as 1/L²', () => {
    const gaps = [20, 12, 8, 5, 3].map((L) => conf(L).gapEv);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThan(gaps[i - 1]);
    const s4 = conf(4).electronLevelSpacingMeV as number;
    const s8 = conf(8).electronLevelSpacingMeV as number;
    expect(s4 / s8).toBeCloseTo(4, 10);
  });
  it('the regime follows the Bohr diameter', () => {
    const d = 2 * cspbi3.bohrRadiusNm;
    expect(conf(0.8 * d).regime).toBe('strong');
    expect(conf(1.5 * d).regime).toBe('intermediate');
    expect(conf(2.5 * d).regime).toBe('weak');
  });
});

describe('excitation conversions', () => {
  const ctx = { pumpEv: 2.64, absorptionPerCm: 1.5e5, epsInf: 6.1, volumeNm3: 512, filmThicknessNm: 300 };
  it('density, ⟨N⟩ and fluence convert into each other consistently for an NC', () => {
    const fromN = convertExcitation(ctx, { nPerNc: 2 });
    expect(fromN.densityCm3 * 512e-21).toBeCloseTo(2, 12);
    const fromF = convertExcitation(ctx, { fluenceUJcm2: fromN.fluenceUJcm2 });
    expect(fromF.nPerNc as number).toBeCloseTo(2, 10);
    const fromD = convertExcitation(ctx, { densityCm3: fromN.densityCm3 });
    expect(fromD.fluenceUJcm2).toBeCloseTo(fromN.fluenceUJcm2, 10);
  });
  it('⟨N⟩ grows with NC volume at fixed fluence (σ ∝ V)', () => {
    const small = convertExcitation({ ...ctx, volumeNm3: 125 }, { fluenceUJcm2: 10 }).nPerNc as number;
    const large = convertExcitation({ ...ctx, volumeNm3: 1000 }, { fluenceUJcm2: 10 }).nPerNc as number;
    expect(large / small).toBeCloseTo(8, 10);
  });
  it('film: fluence ↔ density round trip', () => {
    const film = { ...ctx, volumeNm3: null };
    const d = convertExcitation(film, { fluenceUJcm2: 20 }).densityCm3;
    expect(convertExcitation(film, { densityCm3: d }).fluenceUJcm2).toBeCloseTo(20, 10);
  });
});

describe('hot-phonon bottleneck emerges from the finite LO population', () => {
  const meanCooling = (densityCm3: number, hotPhonons: boolean) =>
    simulate({ composition: 'MAPbI3', edgeNm: null, densityCm3, switches: { hotPhonons } }).metrics.meanCoolingPs as number;
  it('density slows cooling with a finite LO population, far less with an infinite LO bath', () => {
    const finite = meanCooling(1e19, true) / meanCooling(1e17, true);
    const bath = meanCooling(1e19, false) / meanCooling(1e17, false);
    expect(finite).toBeGreaterThan(3);
    expect(bath).toBeLessThan(finite / 2);
  });
  it('the LO phonons heat up toward the carriers at high density', () => {
    const high = simulate({ composition: 'MAPbI3', edgeNm: null, densityCm3: 1e19 });
    const low = simulate({ composition: 'MAPbI3', edgeNm: null, densityCm3: 1e17 });
    const peak = (a: Float64Array) => a.reduce((m, v) => Math.max(m, v), 0);
    expect(peak(high.tLoK)).toBeGreaterThan(peak(low.tLoK) + 200);
  });
});

describe('lattice temperature', () => {
  it('the LO lifetime lengthens at low temperature through Klemens decay (no temperature fit put in)', () => {
    const cold = simulate({ composition: 'CsPbI3', edgeNm: null, densityCm3: 1e19, latticeK: 80 });
    const warm = simulate({ composition: 'CsPbI3', edgeNm: null, densityCm3: 1e19, latticeK: 300 });
    expect(cold.metrics.meanCoolingPs).toBeGreaterThan(warm.metrics.meanCoolingPs!);
  });
});
