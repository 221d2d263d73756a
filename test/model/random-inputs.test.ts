// Seeded random inputs over the whole declared ranges (compositions, sizes, excitation, pump, lattice temperature,
// pulse, acceptors, switches, Auger statistics): the engine either refuses with an InputError or returns finite
// curves, non-negative densities and a balanced energy ledger. Never NaN, never another exception.

import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/data/synthetic.ts';
import { simulate } from '../../src/model/simulate.ts';
import type { SimulationInput } from '../../src/model/types.ts';
import { InputError } from '../../src/model/validate.ts';

const COMPOSITIONS = ['CsPbI3', 'FAPbI3', 'FA0.5Cs0.5PbI3', 'MAPbI3', 'MAPbBr3', 'CsPbBr3', 'FAPbBr3', 'CsPbI2Br', 'CsSnI3', 'MAPb0.5Sn0.5I3', 'CsPbCl3'];

describe('random inputs (seeded)', () => {
  it('400 cases: InputError or finite, non-negative, energy-balanced results', () => {
    const u = mulberry32(20261125);
    const pick = <T>(a: readonly T[]) => a[Math.floor(u() * a.length)];
    const logU = (lo: number, hi: number) => lo * (hi / lo) ** u();
    let solved = 0;
    for (let i = 0; i < 400; i++) {
      const edgeNm = u() < 0.2 ? null : 2 + 48 * u();
      const input: SimulationInput = {
        composition: pick(COMPOSITIONS), edgeNm, pumpNm: 250 + 500 * u(), latticeK: 10 + 490 * u(), pulseFwhmFs: 1000 * u(),
        augerStatistics: pick(['poisson', 'mean-field'] as const), acceptor: pick(['none', 'hot', 'cold'] as const), nPoints: 60,
        switches: { upConversion: u() < 0.8, augerHeating: u() < 0.8, intrinsicBottleneck: u() < 0.8, hotPhonons: u() < 0.8 },
      };
      if (edgeNm !== null && u() < 0.5) input.nPerNc = logU(0.001, 100);
      else input.densityCm3 = logU(1e15, 1e20);
      let r;
      try {
        r = simulate(input);
      } catch (e) {
        expect(e, JSON.stringify(input)).toBeInstanceOf(InputError); // e.g. a pump below the gap
        continue;
      }
      solved++;
      const where = JSON.stringify(input);
      for (const column of [r.tcK, r.tLoK, r.tAK, r.nCm3]) expect(column.every(Number.isFinite), where).toBe(true);
      expect(Math.min(...r.nCm3), where).toBeGreaterThanOrEqual(-1e-6 * r.derived.densityCm3);
      expect(Math.min(...r.tcK), where).toBeGreaterThan(0);
      expect(r.energy.maxRelError, where).toBeLessThan(1e-4);
    }
    expect(solved).toBeGreaterThan(250); // most random cases are valid, so the checks above ran
  });

  it('150 cases with unequal electron and hole masses: finite T_e, T_h, balanced ledger', () => {
    // The presets all have m_e = m_h; random band masses exercise the separate temperatures (state.ts, S.dtc).
    const u = mulberry32(20261202);
    const pick = <T>(a: readonly T[]) => a[Math.floor(u() * a.length)];
    const logU = (lo: number, hi: number) => lo * (hi / lo) ** u();
    let solved = 0;
    for (let i = 0; i < 150; i++) {
      const edgeNm = u() < 0.3 ? null : 2 + 28 * u();
      const input: SimulationInput = {
        composition: pick(COMPOSITIONS), edgeNm, pumpNm: 250 + 450 * u(), latticeK: 10 + 490 * u(), pulseFwhmFs: 500 * u(),
        augerStatistics: pick(['poisson', 'mean-field'] as const), acceptor: pick(['none', 'hot', 'cold'] as const), nPoints: 60,
        switches: { hotPhonons: u() < 0.8, screening: u() < 0.8 },
        materialOverrides: { electronMassM0: logU(0.08, 0.6), holeMassM0: logU(0.08, 0.6) },
      };
      if (edgeNm !== null && u() < 0.5) input.nPerNc = logU(0.001, 30);
      else input.densityCm3 = logU(1e15, 5e19);
      let r;
      try {
        r = simulate(input);
      } catch (e) {
        expect(e, JSON.stringify(input)).toBeInstanceOf(InputError);
        continue;
      }
      solved++;
      const where = JSON.stringify(input);
      for (const column of [r.tcK, r.tcElectronK, r.tcHoleK, r.tLoK, r.tAK, r.nCm3]) expect(column.every(Number.isFinite), where).toBe(true);
      expect(Math.min(...r.tcElectronK), where).toBeGreaterThan(0);
      expect(Math.min(...r.tcHoleK), where).toBeGreaterThan(0);
      expect(r.energy.maxRelError, where).toBeLessThan(1e-4);
    }
    expect(solved).toBeGreaterThan(90);
  });
});
