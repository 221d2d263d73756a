// Electrons and holes with their own temperatures: injection split, per-type emission and detailed balance, the
// Coulomb e–h exchange, the equal-mass limit against the former single-temperature model, the typed tail reading
// and the energy ledger. Every lead-halide preset has equal band masses, so the unequal cases override them
// (materialOverrides), as a user would with, e.g., Frost's MAPbI3 band masses 0.12/0.15 m0.

import { describe, expect, it } from 'vitest';
import { boseOccupation } from '../../src/model/constants.ts';
import { tailFitTemperatureK, tailFitTypedK } from '../../src/model/observable.ts';
import { simulate } from '../../src/model/simulate.ts';
import { S, initialState } from '../../src/model/state.ts';
import { solveIvp } from '../../src/solver/index.ts';
import type { SimulationInput } from '../../src/model/types.ts';
import { modelFor } from './helpers.ts';

const FROST = { electronMassM0: 0.12, holeMassM0: 0.15 };

describe('injection: the excess splits as m_h : m_e (momentum conservation, parabolic bands)', () => {
  it('electron (hν − Eg) m_h/(m_e + m_h), hole the rest, each 3/2 kB T; their mean is the pair temperature', () => {
    const r = simulate({ composition: 'MAPbI3', edgeNm: null, densityCm3: 1e17, materialOverrides: { electronMassM0: 0.1, holeMassM0: 0.3 }, tEndPs: 1, nPoints: 20 });
    const d = r.derived;
    const KB = 8.617333262e-5;
    expect(1.5 * KB * d.injectionElectronK).toBeCloseTo((d.excessEnergyEv * 0.3) / 0.4, 10);
    expect(1.5 * KB * d.injectionHoleK).toBeCloseTo((d.excessEnergyEv * 0.1) / 0.4, 10);
    expect(0.5 * (d.injectionElectronK + d.injectionHoleK)).toBeCloseTo(d.injectionTempK, 8);
    const model = modelFor({ composition: 'MAPbI3', edgeNm: null, densityCm3: 1e17, materialOverrides: { electronMassM0: 0.1, holeMassM0: 0.3 } });
    const y0 = initialState(model.c);
    expect(y0[S.dtc]).toBeCloseTo(d.injectionElectronK - d.injectionHoleK, 8);
  });

  for (const [label, masses, lighter] of [
    ['lighter electron', { electronMassM0: 0.12, holeMassM0: 0.3 }, 'electron'],
    ['lighter hole', { electronMassM0: 0.3, holeMassM0: 0.12 }, 'hole'],
  ] as const) {
    for (const [where, input] of [
      ['film', { composition: 'MAPbI3', edgeNm: null, densityCm3: 1e17 }],
      ['Poisson NC', { composition: 'CsPbI3', edgeNm: 10, nPerNc: 0.3 }],
    ] as [string, SimulationInput][]) {
      it(`${label}, ${where}: the lighter carrier starts hotter and stays hotter while they cool`, () => {
        const r = simulate({ ...input, materialOverrides: masses, tEndPs: 5, nPoints: 60 });
        const hotter = lighter === 'electron' ? r.tcElectronK : r.tcHoleK;
        const colder = lighter === 'electron' ? r.tcHoleK : r.tcElectronK;
        expect(hotter[0] - colder[0]).toBeGreaterThan(0.3 * (r.derived.injectionTempK - 300));
        for (let k = 0; k < r.tPs.length && r.tPs[k] < 0.5; k++) expect(hotter[k]).toBeGreaterThan(colder[k]);
        // The pair temperature is their mean.
        for (let k = 0; k < r.tPs.length; k++) expect(0.5 * (r.tcElectronK[k] + r.tcHoleK[k])).toBeCloseTo(r.tcMeanK[k], 6);
        if (r.classes) {
          for (let k = 0; k < r.tPs.length; k++) {
            expect(0.5 * (r.classes.singleElectronK[k] + r.classes.singleHoleK[k])).toBeCloseTo(r.classes.singleK[k], 6);
            expect(0.5 * (r.classes.multiElectronK[k] + r.classes.multiHoleK[k])).toBeCloseTo(r.classes.multiK[k], 6);
          }
        }
      });
    }
  }
});

describe('warnings name the carrier type', () => {
  it('a light electron above 5000 K is named even where the reported Tc stays below it', () => {
    const r = simulate({ composition: 'MAPbI3', edgeNm: null, densityCm3: 1e17, pumpNm: 400, materialOverrides: { electronMassM0: 0.1, holeMassM0: 0.4 }, tEndPs: 10, nPoints: 60 });
    expect(r.metrics.peakTcK).toBeLessThan(5000);
    expect(r.derived.warnings.some((w) => /^the electrons reached \d+ K/.test(w))).toBe(true);
    const eq = simulate({ composition: 'MAPbI3', edgeNm: null, densityCm3: 1e17, pumpNm: 400, tEndPs: 10, nPoints: 60 });
    expect(eq.derived.warnings.some((w) => /^the (electrons|holes) reached/.test(w))).toBe(false);
  });
});

describe('LO emission per carrier type', () => {
  it('detailed balance per type: electrons at the LO temperature emit nothing net while hotter holes do', () => {
    const model = modelFor({ composition: 'MAPbI3', edgeNm: null, densityCm3: 1e18, materialOverrides: FROST });
    const c = model.c;
    const y = new Float64Array(model.size);
    const TLO = 600;
    y[S.n] = 1e17;
    y[S.nLo] = boseOccupation(c.loEv, TLO);
    y[S.nAc] = boseOccupation(c.loEv / 2, 300);
    // T_e = T_LO = 600 K, T_h = 1000 K.
    y[S.tc] = 800;
    y[S.dtc] = -400;
    const a = model.evaluate(10, y);
    expect(Math.abs(a.e1.e.P)).toBeLessThan(1e-12 * Math.abs(a.e1.h.P));
    expect(a.e1.h.P).toBeGreaterThan(0);
    // Everything at one temperature: no net flow of either type, and no drive on ΔT.
    y[S.tc] = TLO;
    y[S.dtc] = 0;
    y[S.ta] = TLO - c.ambientK;
    y[S.nAc] = boseOccupation(c.loEv / 2, TLO);
    const b = model.evaluate(10, y);
    expect(Math.abs(b.e1.e.P)).toBeLessThan(1e-12);
    expect(Math.abs(b.e1.h.P)).toBeLessThan(1e-12);
    const dydt = new Float64Array(model.size);
    model.rhsPhysical(10, y, dydt);
    expect(Math.abs(dydt[S.dtc])).toBeLessThan(1e-9);
    expect(Math.abs(dydt[S.nLo])).toBeLessThan(1e-12);
  });

  it('each type emits with its own Fröhlich α: the heavier, more strongly coupled hole loses energy faster at one temperature', () => {
    const model = modelFor({ composition: 'MAPbI3', edgeNm: null, densityCm3: 1e17, materialOverrides: FROST, switches: { screening: false } });
    const y = new Float64Array(model.size);
    y[S.n] = 1e17;
    y[S.tc] = 1500;
    y[S.nLo] = boseOccupation(model.c.loEv, 300);
    const a = model.evaluate(10, y);
    const ratio = model.c.emissionRateHolePerPs / model.c.emissionRateElectronPerPs; // α_h/α_e = √(m_h/m_e)
    expect(ratio).toBeCloseTo(Math.sqrt(0.15 / 0.12), 10);
    expect(a.e1.h.P / a.e1.e.P).toBeCloseTo(ratio, 10);
  });
});

describe('e–h energy exchange by carrier–carrier scattering', () => {
  it('the rate is k_eh n: 10 fs at 2e19 cm^-3 for equal masses, scaled by 4 m_e m_h/(m_e + m_h)²', () => {
    const eq = modelFor({ composition: 'MAPbI3', edgeNm: null, densityCm3: 1e18 });
    expect(1 / (eq.c.ehExchangeCm3PerPs * 2e19)).toBeCloseTo(0.01, 12);
    const un = modelFor({ composition: 'MAPbI3', edgeNm: null, densityCm3: 1e18, materialOverrides: { electronMassM0: 0.1, holeMassM0: 0.3 } });
    expect(un.c.ehExchangeCm3PerPs / eq.c.ehExchangeCm3PerPs).toBeCloseTo((4 * 0.1 * 0.3) / 0.16, 12);
  });

  it('with the phonon couplings off, T_e − T_h relaxes as exp(−(k_eh n + 1/τ_cA) t) while the pair temperature stays', () => {
    const model = modelFor({ composition: 'MAPbI3', edgeNm: null, densityCm3: 1e18, pulseFwhmFs: 0, materialOverrides: FROST });
    const c = model.c;
    c.emissionRateElectronPerPs = 0;
    c.emissionRateHolePerPs = 0;
    c.k1PerPs = 0;
    c.k2Cm3PerPs = 0;
    c.k3Cm6PerPs = 0;
    const y0 = initialState(c);
    y0[S.tc] = 1500;
    y0[S.dtc] = 600;
    const nu = c.ehExchangeCm3PerPs * y0[S.n];
    const tau = 1 / nu; // ≈ 0.2 ps at 1e18 cm^-3
    expect(tau).toBeGreaterThan(0.15);
    expect(tau).toBeLessThan(0.25);
    const times = Float64Array.from([0.5 * tau, tau, 2 * tau]);
    const ys = model.toSolver(y0.map((v, i) => v / model.scale[i]));
    const sol = solveIvp(model.rhs, [0, 2 * tau], ys, { method: 'rodas5', rtol: 1e-10, atol: 1e-12, jacobian: model.jacobian, tEval: times });
    expect(sol.status, sol.message).toBe(0);
    times.forEach((t, i) => {
      const D = sol.y[S.dtc][i] * model.scale[S.dtc];
      const T = sol.y[S.tc][i] * model.scale[S.tc];
      expect(D / (600 * Math.exp(-(nu + 1 / c.carrierAcousticPs) * t)) - 1).toBeLessThan(1e-6);
      expect(D / (600 * Math.exp(-(nu + 1 / c.carrierAcousticPs) * t)) - 1).toBeGreaterThan(-1e-6);
      // Exchange moves energy from electrons to holes; the pair loses only its slow acoustic share.
      expect(Math.abs(T - (300 + 1200 * Math.exp(-t / c.carrierAcousticPs)))).toBeLessThan(1e-3);
    });
  });

  it('inside an NC the partners are the NC\'s own pairs: a single exciton exchanges at k_eh/V, faster in smaller NCs', () => {
    const rate = (edgeNm: number) => {
      const model = modelFor({ composition: 'CsPbI3', edgeNm, nPerNc: 0.1 });
      const y = initialState(model.c);
      return model.evaluate(1, y).nu1 * model.c.ncVolumeCm3 / model.c.ehExchangeCm3PerPs;
    };
    expect(rate(8)).toBeCloseTo(1, 12);
    const a = modelFor({ composition: 'CsPbI3', edgeNm: 5, nPerNc: 0.1 });
    const b = modelFor({ composition: 'CsPbI3', edgeNm: 10, nPerNc: 0.1 });
    expect(a.evaluate(1, initialState(a.c)).nu1 / b.evaluate(1, initialState(b.c)).nu1).toBeCloseTo(8, 6);
  });
});

describe('the hot acceptor (a LUMO barrier) takes electrons at their own temperature', () => {
  it('at one pair temperature, hotter electrons are extracted faster; the extracted carriers report T_e', () => {
    const model = modelFor({ composition: 'MAPbI3', edgeNm: null, densityCm3: 1e18, acceptor: 'hot', materialOverrides: FROST });
    const y = initialState(model.c);
    y[S.tc] = 1200;
    y[S.dtc] = 400;
    const hot = model.evaluate(5, y).kx1;
    y[S.dtc] = -400;
    const cold = model.evaluate(5, y).kx1;
    expect(hot).toBeGreaterThan(2 * cold);
    const f = new Float64Array(model.size);
    model.rhsPhysical(5, y, f);
    expect(f[S.tcExt] / f[S.nExt]).toBeCloseTo(1000, 9); // T_e = 1200 − 400/2
  });
});

describe('equal masses and couplings: one temperature, the former model', () => {
  // Seen on commit f3aac9c (one carrier temperature per class, the bare Fröhlich rate α ω), default rtol: Tc at
  // output points 10, 40, 80, 120. Compared with the Maxwell average and the lowest-gap term switched off, the changes
  // of physics since.
  const before: [SimulationInput, number, number[]][] = [
    [{ composition: 'MAPbI3', edgeNm: null, densityCm3: 1e18 }, 1.1895737713198729, [3994.031559330195, 3832.35161014094, 1900.4198126449721, 466.1370466156286]],
    [{ composition: 'CsPbI3', edgeNm: 8, densityCm3: 1e18 }, 1.9835759826585249, [3165.0179064880235, 3071.755327756085, 1974.9883428324922, 498.00488270604393]],
    [{ composition: 'CsPbBr3', edgeNm: 5, nPerNc: 2, augerStatistics: 'mean-field' }, 28.232127785995633, [808.060253283208, 834.3651162947812, 1103.935691520318, 1308.9268335582958]],
    [{ composition: 'CsPbBr3', edgeNm: 3, nPerNc: 0.5, pumpNm: 350 }, 1.9667985608980016, [2260.1871699320177, 2209.837019494403, 1502.1166576812805, 308.77239229534564]],
  ];
  for (const [input, tau1e, tc] of before) {
    it(`${input.composition} ${input.edgeNm ?? 'film'}${input.augerStatistics ? ` ${input.augerStatistics}` : ''}: T_e = T_h exactly and the curve of the one-temperature model`, () => {
      const r = simulate({ ...input, switches: { maxwellAverage: false, lowestGap: false } });
      for (let k = 0; k < r.tPs.length; k++) {
        expect(r.tcElectronK[k]).toBe(r.tcHoleK[k]);
        expect(r.tcElectronK[k]).toBe(r.tcMeanK[k]);
      }
      [10, 40, 80, 120].forEach((k, i) => expect(Math.abs(r.tcK[k] / tc[i] - 1), `Tc at ${r.tPs[k]} ps`).toBeLessThan(1e-4));
      expect(Math.abs((r.metrics.tau1ePs as number) / tau1e - 1)).toBeLessThan(1e-4);
    });
  }
});

describe('equal masses: ΔT = 0 is an exact invariant (the solver then leaves the ΔT pair out)', () => {
  for (const [label, input] of [
    ['film', { composition: 'MAPbI3', edgeNm: null, densityCm3: 5e19 }],
    ['Poisson NCs, strongly confined', { composition: 'CsPbBr3', edgeNm: 3, nPerNc: 2, pumpNm: 350 }],
    ['mean-field NCs', { composition: 'CsPbI3', edgeNm: 7, nPerNc: 4, augerStatistics: 'mean-field' }],
  ] as [string, SimulationInput][]) {
    it(`${label}: dΔ/dt = 0 at ΔT = 0 in any state, during and after the pulse`, () => {
      const model = modelFor(input);
      expect(model.symmetric).toBe(true);
      expect(model.solverSize).toBe(S.dtc);
      const y = initialState(model.c);
      y[S.n] = 0.7 * model.c.n0Cm3;
      y[S.tc] = 1400;
      y[S.tcMulti] = 2100;
      y[S.nLo] = 3.1;
      y[S.ta] = 2.5;
      y[S.occ] = model.c.ncAugerPerPs > 0 ? 0.8 * y[S.n] : 0;
      y[S.single] = model.c.ncAugerPerPs > 0 ? 0.7 * y[S.n] : 0;
      const f = new Float64Array(model.size);
      for (const t of [-0.05, 0, 0.5, 20]) {
        model.rhsPhysical(t, y, f);
        expect(f[S.dtc]).toBe(0);
        expect(f[S.dtcMulti]).toBe(0);
      }
    });
  }
  it('unequal masses solve the ΔT pair too (the one LO pool: all but the unused LO bins)', () => {
    const model = modelFor({ composition: 'MAPbI3', edgeNm: null, densityCm3: 1e18, materialOverrides: FROST });
    expect(model.symmetric).toBe(false);
    expect([...model.solverIndex]).toEqual([...Array(S.dtcMulti + 1).keys()]);
  });
});

describe('the typed tail reading', () => {
  it('reads T when T_e = T_h = T, whatever the masses; equal masses reduce to the class reading', () => {
    for (const [me, mh] of [[0.2, 0.2], [0.12, 0.15], [0.1, 0.5]]) {
      expect(tailFitTypedK([{ n: 1e18, teK: 1234, thK: 1234 }], me, mh) / 1234 - 1).toBeLessThan(1e-10);
      expect(1 - tailFitTypedK([{ n: 1e18, teK: 1234, thK: 1234 }, { n: 3e17, teK: 1234, thK: 1234 }], me, mh) / 1234).toBeLessThan(1e-10);
    }
    const two = [{ n: 6e17, teK: 900, thK: 900 }, { n: 3e17, teK: 2500, thK: 2500 }];
    expect(tailFitTypedK(two, 0.2, 0.2) / tailFitTemperatureK(6e17, 900, 3e17, 2500) - 1).toBeLessThan(1e-9);
  });

  it('equal masses, hot electrons and cold holes: the reading lies between them, weighted to the hotter', () => {
    const t = tailFitTypedK([{ n: 1e18, teK: 2000, thK: 1000 }], 0.2, 0.2);
    expect(t).toBeGreaterThan(1500);
    expect(t).toBeLessThan(2000);
  });
});

describe('energy ledger with separate temperatures', () => {
  for (const [label, input] of [
    ['film at 1e19 cm^-3 (Auger heating, screening)', { composition: 'MAPbI3', edgeNm: null, densityCm3: 1e19, materialOverrides: FROST }],
    ['Poisson NCs at ⟨N⟩ = 3', { composition: 'CsPbBr3', edgeNm: 6, nPerNc: 3, materialOverrides: { electronMassM0: 0.15 } }],
    ['mean-field NCs, strongly confined (ligand bypass)', { composition: 'CsPbBr3', edgeNm: 3.5, nPerNc: 1, pumpNm: 350, augerStatistics: 'mean-field', materialOverrides: { holeMassM0: 0.5 } }],
    ['Poisson NCs, strongly confined, hot acceptor', { composition: 'CsPbBr3', edgeNm: 3, nPerNc: 1.5, pumpNm: 350, acceptor: 'hot', materialOverrides: { holeMassM0: 0.5 } }],
  ] as [string, SimulationInput][]) {
    it(`${label}: below 1e-6 at rtol 1e-8`, () => {
      const r = simulate({ ...input, rtol: 1e-8, tEndPs: 300 });
      expect(r.energy.maxRelError).toBeLessThan(1e-6);
      expect(Math.max(...Array.from(r.tcElectronK, (v, k) => Math.abs(v - r.tcHoleK[k])))).toBeGreaterThan(10);
    });
  }
});
