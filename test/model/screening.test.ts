// Mechanisms added for the phonon side: screened Fröhlich coupling, the temperature-dependent gap and the
// Klemens temperature dependence of the hot acoustic (daughter) phonons — each tested as behaviour.

import { describe, expect, it } from 'vitest';
import { resolveMaterial, simulate } from '../../src/index.ts';
import { build } from '../../src/model/derive.ts';
import { screeningFactor, screeningValue } from '../../src/model/screening.ts';
import { S } from '../../src/model/state.ts';
import { normalizeInput } from '../../src/model/validate.ts';
import { modelFor } from './helpers.ts';

const out = { s: 0, dsdT: 0, dsdA: 0 };

describe('screened Fröhlich coupling', () => {
  it('the screening factor is 1 without carriers, falls as q_D² grows, and rises with Tc at fixed q_D²', () => {
    screeningFactor(0, 1000, 0.2, 0.014, out);
    expect(out.s).toBe(1);
    let last = 1;
    for (const aSq of [1e-4, 1e-3, 1e-2, 1e-1, 1]) {
      screeningFactor(aSq, 1000, 0.2, 0.014, out);
      expect(out.s).toBeLessThan(last);
      expect(out.s).toBeGreaterThan(0);
      last = out.s;
    }
    screeningFactor(0.05, 500, 0.2, 0.014, out);
    const cold = out.s;
    screeningFactor(0.05, 3000, 0.2, 0.014, out);
    expect(out.s).toBeGreaterThan(cold); // hotter carriers emit at larger q, less affected by screening
  });

  it('a film loses energy to LO phonons more slowly per pair at high density; switching screening off restores it', () => {
    const loss = (densityCm3: number, screening: boolean) => {
      const model = modelFor({ composition: 'MAPbI3', edgeNm: null, densityCm3, switches: { screening } });
      const y = new Float64Array(model.size);
      y[S.n] = densityCm3;
      y[S.tc] = 1500;
      y[S.nLo] = 0.6;
      y[S.nAc] = 1.5;
      return model.phononLossPerCarrierEvPs(y);
    };
    expect(loss(1e15, true) / loss(1e15, false)).toBeGreaterThan(0.99);
    expect(loss(1e19, true) / loss(1e19, false)).toBeLessThan(0.8);
  });

  it('in an NC only the other pairs of the same NC screen: a singly excited ensemble is unscreened', () => {
    const model = modelFor({ composition: 'CsPbBr3', edgeNm: 8, nPerNc: 1 });
    const y = new Float64Array(model.size);
    y[S.tc] = 1500;
    y[S.nLo] = 0.6;
    y[S.nAc] = 1.5;
    y[S.n] = 1e18;
    y[S.occ] = 1e18; // every occupied NC holds exactly one pair
    y[S.single] = 1e18;
    y[S.tcMulti] = 1500;
    const single = model.phononLossPerCarrierEvPs(y);
    y[S.occ] = 0.25e18; // four pairs in each occupied NC: all in the multi-exciton class
    y[S.single] = 0;
    const multi = model.phononLossPerCarrierEvPs(y);
    const off = modelFor({ composition: 'CsPbBr3', edgeNm: 8, nPerNc: 1, switches: { screening: false } }).phononLossPerCarrierEvPs(y);
    expect(single / off).toBeCloseTo(1, 12);
    expect(multi / off).toBeLessThan(0.95);
  });
});

describe('lattice temperature', () => {
  it('the gap follows the sheet slope dEg/dT about 300 K', () => {
    const m = resolveMaterial('MAPbI3');
    const gap = (latticeK: number) => build(normalizeInput({ composition: 'MAPbI3', edgeNm: null, densityCm3: 1e17, latticeK })).derived.gapEv;
    expect(gap(300)).toBeCloseTo(m.gapEv, 12);
    expect(gap(200) - gap(300)).toBeCloseTo(-0.1 * m.gapSlopeMeVPerK, 12);
  });
  it('the hot acoustic phonons live longer on cooling (Klemens), and dense films cool more slowly at low temperature', () => {
    const tauAA = (latticeK: number) => build(normalizeInput({ composition: 'MAPbI3', edgeNm: null, densityCm3: 1e19, latticeK })).coefficients.daughterLifetimePs;
    expect(tauAA(300)).toBeCloseTo(5, 10);
    expect(tauAA(100)).toBeGreaterThan(1.5 * tauAA(300));
    const t = (latticeK: number) => simulate({ composition: 'MAPbI3', edgeNm: null, densityCm3: 1e19, latticeK }).metrics.tau1ePs as number;
    expect(t(100)).toBeGreaterThan(1.5 * t(300));
  });
});

describe('screeningValue (the right-hand side\'s factor alone)', () => {
  it('is the same number as screeningFactor\'s s, bit for bit, screened or not', () => {
    const r = { s: 0, dsdT: 0, dsdA: 0 };
    for (const aSq of [0, -1, Number.NaN, 1e-8, 1e-3, 0.1, 1, 30]) {
      for (const tK of [2, 80, 300, 1000, 5000]) {
        for (const mass of [0.1, 0.228, 0.5]) {
          screeningFactor(aSq, tK, mass, 0.0163, r);
          expect(Object.is(screeningValue(aSq, tK, mass, 0.0163), r.s), `${aSq} ${tK} ${mass}`).toBe(true);
        }
      }
    }
  });
});
