// NC Auger statistics: a Poisson ensemble of excitons per NC against the mean-field treatment.
//
// The standard analysis of NC transient absorption (Klimov, Annu. Rev. Phys. Chem. 58, 635 (2007)): excitons per
// NC are Poisson-distributed with mean ⟨N⟩, multiexcitons Auger-decay within tens of ps until each occupied NC holds
// one exciton, so the late signal is P(N ≥ 1) = 1 − e^(−⟨N⟩) per NC, a fraction (1 − e^(−⟨N⟩))/⟨N⟩ of the carriers.

import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/simulate.ts';
import { solveIvp } from '../../src/solver/index.ts';
import { InputError } from '../../src/model/validate.ts';
import type { SimulationInput, SimulationResult } from '../../src/model/types.ts';
import { modelFor } from './helpers.ts';

const BASE: SimulationInput = { composition: 'CsPbBr3', edgeNm: 5, tEndPs: 1000, nPoints: 300 };

/** Carriers left at `tPs` over those absorbed, with the first-order (trap + radiative) decay divided out. */
function augerSurvivors(r: SimulationResult, input: SimulationInput, tPs: number): number {
  const c = modelFor(input).c;
  let k = 0;
  while (r.tPs[k] < tPs) k++;
  return r.nCm3[k] / r.derived.densityCm3 / Math.exp(-(c.k1PerPs + c.kRadPerPs) * r.tPs[k]);
}

const meanCoolingPs = (r: SimulationResult) => r.metrics.meanCoolingPs as number;

describe('NC Auger statistics', () => {
  it('Poisson: after the Auger cascade each occupied NC keeps one exciton, (1 − e^(−⟨N⟩))/⟨N⟩ of the carriers', () => {
    for (const nPerNc of [0.3, 1, 3, 10]) {
      const input = { ...BASE, nPerNc };
      const r = simulate(input);
      expect(r.derived.augerStatistics).toBe('poisson');
      const tauXX = r.derived.biexcitonAugerPs as number;
      expect(r.tPs[r.tPs.length - 1]).toBeGreaterThan(30 * tauXX); // the cascade is over by then
      const expected = -Math.expm1(-nPerNc) / nPerNc;
      expect(Math.abs(augerSurvivors(r, input, 30 * tauXX) / expected - 1), `⟨N⟩ = ${nPerNc}`).toBeLessThan(0.01);
      expect(r.energy.maxRelError).toBeLessThan(1e-5);
    }
  });

  it('Poisson plateaus once the multiexcitons are gone; mean field keeps losing carriers to Auger at the same ⟨N⟩', () => {
    const poisson: SimulationInput = { ...BASE, nPerNc: 0.5, tEndPs: 3000 };
    const meanField: SimulationInput = { ...poisson, augerStatistics: 'mean-field' };
    const p = simulate(poisson);
    const m = simulate(meanField);
    const tauXX = p.derived.biexcitonAugerPs as number;
    const plateau = -Math.expm1(-0.5) / 0.5;
    for (const k of [30, 200]) expect(Math.abs(augerSurvivors(p, poisson, k * tauXX) / plateau - 1)).toBeLessThan(0.01);
    expect(augerSurvivors(m, meanField, 200 * tauXX)).toBeLessThan(0.5 * plateau);
    expect(augerSurvivors(m, meanField, 200 * tauXX)).toBeLessThan(0.7 * augerSurvivors(m, meanField, 30 * tauXX));
  });

  it('Auger heating: much weaker at ⟨N⟩ = 0.1 in the Poisson ensemble than in mean field; strong at ⟨N⟩ = 10 in both', () => {
    const effect = (input: SimulationInput) =>
      meanCoolingPs(simulate(input)) / meanCoolingPs(simulate({ ...input, switches: { augerHeating: false } }));
    const low = { ...BASE, nPerNc: 0.1 };
    const poissonLow = effect(low);
    const meanFieldLow = effect({ ...low, augerStatistics: 'mean-field' });
    expect(meanFieldLow / poissonLow).toBeGreaterThan(1.5);
    const high = { ...BASE, edgeNm: 8, composition: 'CsPbI3', nPerNc: 10 };
    expect(effect(high)).toBeGreaterThan(1.5);
    expect(effect({ ...high, augerStatistics: 'mean-field' })).toBeGreaterThan(1.5);
  });

  it('Poisson: n(t) follows the exact master equation of the exciton-number distribution, pulse included (within 10 %; 8 % seen)', () => {
    // dP_N/dt = g(t)(P_{N−1} − P_N) + k_{N+1} P_{N+1} − k_N P_N, k_N = N(N−1)/(2 τ_XX) + N (k1 + k_rad): a check
    // of the occupied-NC closure against the distribution it stands for (60 states, rodas5 at rtol 1e-9).
    for (const nPerNc of [0.5, 3, 12]) {
      const input: SimulationInput = { ...BASE, nPerNc, tEndPs: 200 };
      const r = simulate(input);
      const model = modelFor(input);
      const c = model.c;
      const vCm3 = c.ncVolumeCm3;
      const tauXX = r.derived.biexcitonAugerPs as number;
      const K = 60;
      const kN = Array.from({ length: K }, (_, N) => (N * (N - 1)) / (2 * tauXX) + N * (c.k1PerPs + c.kRadPerPs));
      const rhs = (t: number, p: Float64Array, dp: Float64Array) => {
        const g = model.generation(t) * vCm3; // excitations per NC per ps
        for (let N = 0; N < K; N++) {
          dp[N] = -(g + kN[N]) * p[N] + (N + 1 < K ? kN[N + 1] * p[N + 1] : 0) + (N > 0 ? g * p[N - 1] : 0);
        }
      };
      const p0 = new Float64Array(K);
      p0[0] = 1;
      const times = [0.5, 2, 10, 50, 200].filter((t) => t > c.integrationStartPs);
      const exact = solveIvp(rhs, [c.integrationStartPs, 200], p0, { method: 'rodas5', rtol: 1e-9, atol: 1e-13, tEval: times });
      expect(exact.status).toBe(0);
      times.forEach((t, i) => {
        let mean = 0;
        for (let N = 0; N < K; N++) mean += N * exact.y[N][i];
        let k = 0;
        while (r.tPs[k] < t) k++;
        const f = (r.tPs[k] - t) / (r.tPs[k] - r.tPs[k - 1]);
        const model_ = (r.nCm3[k] * (1 - f) + r.nCm3[k - 1] * f) * vCm3;
        expect(Math.abs(model_ / mean - 1), `⟨N⟩ = ${nPerNc}, t = ${t} ps`).toBeLessThan(0.1);
      });
    }
  });

  it('films ignore the option (k3 n³ either way) and say so', () => {
    const film: SimulationInput = { composition: 'MAPbBr3', edgeNm: null, densityCm3: 1e19, nPoints: 50 };
    const a = simulate(film);
    const b = simulate({ ...film, augerStatistics: 'mean-field' });
    expect(a.derived.augerStatistics).toBeNull();
    expect(a.derived.biexcitonAugerPs).toBeNull();
    expect(Array.from(a.tcK)).toEqual(Array.from(b.tcK));
  });

  it('an unknown value is refused, naming the parameter and what is allowed', () => {
    expect(() => simulate({ ...BASE, augerStatistics: 'binomial' as never })).toThrow(InputError);
    expect(() => simulate({ ...BASE, augerStatistics: 'binomial' as never })).toThrow(/augerStatistics( \(--auger-statistics\))? = "binomial" is unknown; allowed: (mean-field, poisson|poisson, mean-field)/);
  });
});
