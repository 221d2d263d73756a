// The right-hand side: detailed balance, conservation structure, and the analytic Jacobian against finite differences.

import { describe, expect, it } from 'vitest';
import { boseOccupation } from '../../src/model/constants.ts';
import { S } from '../../src/model/state.ts';
import { jacobianMismatch, modelFor } from './helpers.ts';
import type { SimulationInput } from '../../src/model/types.ts';

/** A physical state with every bath at `temperatureK` (LO and daughters at their Bose occupations). */
function equilibriumState(model: ReturnType<typeof modelFor>, temperatureK: number, nCm3: number): Float64Array {
  const c = model.c;
  const y = new Float64Array(model.size);
  y[S.n] = nCm3;
  y[S.tc] = temperatureK;
  y[S.nLo] = boseOccupation(c.loEv, temperatureK);
  y[S.nAc] = boseOccupation(c.loEv / 2, temperatureK);
  y[S.ta] = temperatureK - c.ambientK;
  // Poisson NCs: every occupied NC singly excited (the multi-exciton class empty, at the same temperature).
  y[S.occ] = c.ncAugerPerPs > 0 ? nCm3 : 0;
  y[S.single] = c.ncAugerPerPs > 0 ? nCm3 : 0;
  y[S.tcMulti] = temperatureK;
  return y;
}

describe('detailed balance', () => {
  for (const [label, input] of [
    ['8 nm CsPbI3 NC', { composition: 'CsPbI3', edgeNm: 8, densityCm3: 1e18 }],
    ['FAPbI3 film', { composition: 'FAPbI3', edgeNm: null, densityCm3: 1e18 }],
    ['4 nm CsPbBr3 NC', { composition: 'CsPbBr3', edgeNm: 4, densityCm3: 1e18, pumpNm: 350 }],
  ] as [string, SimulationInput][]) {
    it(`${label}: no net carrier–phonon flow when carriers, LO and acoustic phonons share a temperature`, () => {
      const model = modelFor(input);
      for (const T of [150, 300, 450]) {
        const y = equilibriumState(model, T, 1e17);
        expect(Math.abs(model.phononLossPerCarrierEvPs(y))).toBeLessThan(1e-12);
        const dydt = new Float64Array(model.size);
        model.rhsPhysical(10, y, dydt); // t = 10 ps: the pulse is over
        // LO and daughter occupations do not move; the LO emission rate scale is ~1/τ_ep ≈ 60 ps^-1.
        expect(Math.abs(dydt[S.nLo])).toBeLessThan(1e-12);
        expect(Math.abs(dydt[S.nAc])).toBeLessThan(1e-12);
      }
    });
  }

  it('a hot carrier population loses energy to cold phonons, and a cold one gains it', () => {
    const model = modelFor({ composition: 'CsPbI3', edgeNm: null, densityCm3: 1e18 });
    const y = equilibriumState(model, 300, 1e17);
    y[S.tc] = 1500;
    expect(model.phononLossPerCarrierEvPs(y)).toBeGreaterThan(0);
    y[S.tc] = 200;
    expect(model.phononLossPerCarrierEvPs(y)).toBeLessThan(0);
  });

  it('without carriers, pump or heat, the state is at rest at the ambient temperature', () => {
    const model = modelFor({ composition: 'MAPbI3', edgeNm: 10, densityCm3: 1e18 });
    const y = equilibriumState(model, model.c.ambientK, 0);
    const dydt = new Float64Array(model.size);
    model.rhsPhysical(50, y, dydt);
    for (const v of dydt) expect(Math.abs(v)).toBeLessThan(1e-9);
  });
});

describe('analytic Jacobian matches central differences', () => {
  const cases: [string, SimulationInput, number][] = [
    ['NC during the pulse', { composition: 'CsPbI3', edgeNm: 8, densityCm3: 1e18 }, 0.02],
    ['NC after the pulse, hot acceptor', { composition: 'CsPbI3', edgeNm: 6, densityCm3: 5e18, acceptor: 'hot' }, 2],
    ['film, cold acceptor', { composition: 'MAPbBr3', edgeNm: null, densityCm3: 1e19, acceptor: 'cold' }, 1],
    ['no hot phonons', { composition: 'FAPbI3', edgeNm: 10, densityCm3: 1e18, switches: { hotPhonons: false } }, 0.5],
    ['no up-conversion, no Auger heating', { composition: 'FA0.5Cs0.5PbI3', edgeNm: 9, densityCm3: 1e19, switches: { upConversion: false, augerHeating: false } }, 0.5],
    ['screened Fröhlich coupling, dense film, no hot phonons', { composition: 'MAPbI3', edgeNm: null, densityCm3: 5e19, switches: { hotPhonons: false } }, 1],
    ['screened coupling inside multiexciton NCs (Poisson), no hot phonons', { composition: 'CsPbBr3', edgeNm: 6, nPerNc: 4, switches: { hotPhonons: false } }, 2],
    ['screened coupling inside multiexciton NCs (mean field)', { composition: 'CsPbI3', edgeNm: 7, nPerNc: 4, augerStatistics: 'mean-field' }, 2],
    ['ligand bypass in a strongly confined NC (Poisson)', { composition: 'CsPbBr3', edgeNm: 3, nPerNc: 2, pumpNm: 350 }, 1],
    ['ligand bypass in a strongly confined NC, no hot phonons, mean field', { composition: 'CsPbBr3', edgeNm: 3.5, nPerNc: 2, pumpNm: 350, augerStatistics: 'mean-field', switches: { hotPhonons: false } }, 1],
    ['screening switched off', { composition: 'CsPbBr3', edgeNm: 6, densityCm3: 1e19, switches: { screening: false } }, 1],
    ['Poisson Auger statistics during the pulse', { composition: 'CsPbBr3', edgeNm: 5, nPerNc: 3, augerStatistics: 'poisson' }, 0.02],
    ['Poisson Auger statistics, hot acceptor, no Auger heating', { composition: 'CsPbI3', edgeNm: 7, nPerNc: 1.5, augerStatistics: 'poisson', acceptor: 'hot', switches: { augerHeating: false } }, 3],
    // Unequal electron and hole masses (every preset has equal ones): separate couplings, spacings and screening.
    ['unequal masses, dense film during the pulse', { composition: 'MAPbI3', edgeNm: null, densityCm3: 5e19, materialOverrides: { electronMassM0: 0.12, holeMassM0: 0.15 } }, 0.02],
    ['unequal masses, Poisson multiexciton NCs, no hot phonons', { composition: 'CsPbBr3', edgeNm: 6, nPerNc: 4, switches: { hotPhonons: false }, materialOverrides: { electronMassM0: 0.15 } }, 2],
    ['unequal masses, mean field', { composition: 'CsPbI3', edgeNm: 7, nPerNc: 4, augerStatistics: 'mean-field', materialOverrides: { holeMassM0: 0.4 } }, 2],
    ['unequal masses, hot acceptor, Poisson NCs', { composition: 'CsPbI3', edgeNm: 7, nPerNc: 1.5, acceptor: 'hot', materialOverrides: { holeMassM0: 0.4 } }, 3],
    ['unequal masses, hot acceptor, film', { composition: 'MAPbI3', edgeNm: null, densityCm3: 1e18, acceptor: 'hot', materialOverrides: { electronMassM0: 0.12, holeMassM0: 0.15 } }, 1],
    ['unequal masses, ligand bypass in a strongly confined NC (Poisson) during the pulse', { composition: 'CsPbBr3', edgeNm: 3, nPerNc: 2, pumpNm: 350, materialOverrides: { holeMassM0: 0.4 } }, 0.02],
  ];
  for (const [label, input, t] of cases) {
    it(label, () => {
      const model = modelFor(input);
      const y = new Float64Array(model.size);
      y[S.n] = 0.7 * model.c.n0Cm3;
      y[S.tc] = 1400;
      y[S.nLo] = 3.1;
      y[S.nAc] = 4.2;
      y[S.ta] = 2.5;
      y[S.eEnv] = 1e15;
      y[S.nExt] = 0.05 * model.c.n0Cm3;
      y[S.occ] = 0.8 * y[S.n]; // Poisson NCs: 80 % as many occupied NCs as excitons (unused otherwise)
      y[S.single] = 0.7 * y[S.n]; // 70 % of the pairs alone in their NC: 0.1 n NCs hold the other 0.3 n (μ = 1)
      y[S.tcMulti] = 2100;
      // Electrons hotter than holes in class 1, colder in class m (a state the solver can meet; the difference
      // steps need ΔT ≠ 0 to be resolved against the O(1000 K) temperatures).
      y[S.dtc] = 150;
      y[S.dtcMulti] = -80;
      expect(jacobianMismatch(model, t, y, true)).toBeLessThan(1e-5);
      // The scaled (solver-facing) system too.
      const ys = y.map((v, i) => v / model.scale[i]);
      expect(jacobianMismatch(model, t, ys, false)).toBeLessThan(1e-5);
    });
  }
});

describe('carrier classes near empty (below the class floor) keep an exact Jacobian', () => {
  // The floor raised to 0.1 n0 so that central differences resolve the class below it (at the production floor,
  // 1e-9 n0, a difference step that small is lost to rounding in the O(n0) states).
  for (const [label, single, multiShare] of [['singles class emptying', 0.04, 0.9], ['multi class emptying', 0.7, 0.04]] as const) {
    it(label, () => {
      const model = modelFor({ composition: 'CsPbBr3', edgeNm: 6, nPerNc: 3, augerStatistics: 'poisson' });
      const n0 = model.c.n0Cm3;
      model.c.classFloorCm3 = 0.1 * n0;
      const y = new Float64Array(model.size);
      y[S.n] = 0.7 * n0;
      y[S.tc] = 1400;
      y[S.tcMulti] = 2100;
      y[S.dtc] = 150;
      y[S.dtcMulti] = -80;
      y[S.nLo] = 3.1;
      y[S.nAc] = 4.2;
      y[S.ta] = 2.5;
      y[S.single] = single * y[S.n];
      // Class m: multiShare of the pairs, in NCs of ~3 (so o − s ≈ x/3).
      const x = multiShare * y[S.n];
      y[S.n] = y[S.single] + x;
      y[S.occ] = y[S.single] + x / 3;
      for (const t of [0.02, 2]) expect(jacobianMismatch(model, t, y, true)).toBeLessThan(1e-5);
    });
  }
});

describe('right-hand side hot path', () => {
  it('writes into the caller\'s array and keeps no state between calls', () => {
    const model = modelFor({ composition: 'CsPbI3', edgeNm: 8, densityCm3: 1e18 });
    const y = equilibriumState(model, 300, 1e17);
    y[S.tc] = 2000;
    const a = new Float64Array(model.size);
    const b = new Float64Array(model.size);
    model.rhs(0.1, y.map((v, i) => v / model.scale[i]), a);
    model.rhs(5, y.map((v, i) => v / model.scale[i]), new Float64Array(model.size));
    model.rhs(0.1, y.map((v, i) => v / model.scale[i]), b);
    expect(Array.from(b)).toEqual(Array.from(a));
  });
});
