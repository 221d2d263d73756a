// The NC ensemble's two carrier classes against the exact master equation by exciton number, with energies.
//
// Reference: NCs holding N = 0 … K−1 excitons, fractions p_N and one carrier temperature T_N per class. Impulsive
// excitation (p_N(0) Poisson, every T_N at injection), LO modes at the lattice (hotPhonons off) and the lattice at
// ambient. An N-exciton NC Auger-decays at k_A N(N−1)/2, the recombined pair's Eg + 3kB T_N heating the N − 1 left;
// first-order decay at N k_1; each class emits LO phonons at P(T_N) screened by its N − 1 other pairs (and loses
// the energy its discrete levels block through the ligands, src/model/ligand.ts). The model
// keeps the singles exactly and closes the multi-exciton NCs into one class; this checks that closure, also with
// electrons and holes at their own temperatures per exciton number (unequal masses).

import { describe, expect, it } from 'vitest';
import { KB_EV_PER_K, THREE_KB } from '../../src/model/constants.ts';
import { CarrierEmission, emptyEmission, emptyTypeEmission } from '../../src/model/emission.ts';
import { tailFitTemperatureK } from '../../src/model/observable.ts';
import { simulate } from '../../src/model/simulate.ts';
import { solveIvp } from '../../src/solver/index.ts';
import type { SimulationInput, SimulationResult } from '../../src/model/types.ts';
import { modelFor } from './helpers.ts';

const K = 16;

function exactClasses(input: SimulationInput, nPerNc: number, times: number[]) {
  const model = modelFor(input);
  const c = model.c;
  const V = c.ncVolumeCm3;
  const kA = c.ncAugerPerPs;
  const k1 = c.k1PerPs + c.kRadPerPs;
  const h = c.augerHeating;
  const eg3 = c.gapEv / THREE_KB;
  const nLo = 1 / Math.expm1(c.loEv / (KB_EV_PER_K * c.ambientK));
  const emission = new CarrierEmission(c);
  const out = emptyEmission();
  const tau = c.carrierAcousticPs;
  // y = [p_0 … p_{K−1}, U_0 … U_{K−1}], U_N = N p_N T_N (kelvin-pairs per NC): the flows are linear in U, so the
  // reference stays well conditioned where a class is nearly empty; T_N = U_N / (N p_N) only inside P(T_N).
  const rhs = (_t: number, y: Float64Array, dy: Float64Array) => {
    dy.fill(0);
    for (let N = 0; N < K; N++) {
      const p = y[N];
      const aug = (kA * N * (N - 1)) / 2;
      const augUp = (kA * (N + 1) * N) / 2;
      const up = N + 1 < K;
      dy[N] += -(aug + N * k1) * p + (up ? (augUp + (N + 1) * k1) * y[N + 1] : 0);
      if (N === 0) continue;
      const U = y[K + N];
      const pairs = N * p;
      const T = pairs > 1e-200 ? Math.min(Math.max(U / pairs, 1), 1e5) : c.ambientK;
      emission.evaluate(T, nLo, (N - 1) / V, N > 1, out);
      const ligand = c.ligandBypassPerPs * out.blocked * (T - c.ambientK); // the ligand bypass, P_lig / 3kB
      let dU = -(aug + N * k1) * U - pairs * (out.P / THREE_KB + ligand) - (U - pairs * c.ambientK) / tau;
      if (up) {
        const pUp = y[N + 1];
        const uUp = y[K + N + 1];
        dU += augUp * ((N * uUp) / (N + 1) + h * (eg3 * pUp + uUp / (N + 1))) + N * k1 * uUp;
      }
      dy[K + N] = dU;
    }
  };
  const y0 = new Float64Array(2 * K);
  let term = Math.exp(-nPerNc);
  for (let N = 0; N < K; N++) {
    y0[N] = term;
    y0[K + N] = N * term * c.injectionTempK;
    term *= nPerNc / (N + 1);
  }
  const sol = solveIvp(rhs, [0, times[times.length - 1]], y0, { method: 'rodas5', rtol: 1e-7, atol: 1e-12, tEval: times });
  expect(sol.status, sol.message).toBe(0);
  return times.map((_, i) => {
    const p = (N: number) => sol.y[N][i];
    const T = (N: number) => sol.y[K + N][i];
    let multiPairs = 0;
    let multiEnergy = 0;
    for (let N = 2; N < K; N++) {
      multiPairs += N * p(N);
      multiEnergy += T(N); // U_N
    }
    return { singles: p(1) / V, multiPairs: multiPairs / V, t1K: T(1) / p(1), tmK: multiEnergy / multiPairs };
  });
}

/**
 * The same master equation with electrons and holes apart: per exciton number N the electrons' and holes' energies
 * E_N = N p_N T_e,N and H_N = N p_N T_h,N (units of 3/2 kB per carrier). Injection at T_e,inj, T_h,inj; each type
 * emits P_c(T_c) screened by the N − 1 other pairs and loses its blocked share through the ligands; an Auger event
 * gives each of the remaining electrons and holes half of the released Eg + 3/2 kB (T_e + T_h) (the model's equal
 * split); the e–h exchange runs at k_eh N/V inside an N-exciton NC.
 */
function exactTypedClasses(input: SimulationInput, nPerNc: number, times: number[]) {
  const model = modelFor(input);
  const c = model.c;
  const V = c.ncVolumeCm3;
  const kA = c.ncAugerPerPs;
  const k1 = c.k1PerPs + c.kRadPerPs;
  const h = c.augerHeating;
  const eg3 = c.gapEv / THREE_KB;
  const kb15 = 1.5 * KB_EV_PER_K;
  const nLo = 1 / Math.expm1(c.loEv / (KB_EV_PER_K * c.ambientK));
  const emission = new CarrierEmission(c);
  const oe = emptyTypeEmission();
  const oh = emptyTypeEmission();
  const tau = c.carrierAcousticPs;
  const A = c.ambientK;
  const rhs = (_t: number, y: Float64Array, dy: Float64Array) => {
    dy.fill(0);
    for (let N = 0; N < K; N++) {
      const p = y[N];
      const aug = (kA * N * (N - 1)) / 2;
      const augUp = (kA * (N + 1) * N) / 2;
      const up = N + 1 < K;
      dy[N] += -(aug + N * k1) * p + (up ? (augUp + (N + 1) * k1) * y[N + 1] : 0);
      if (N === 0) continue;
      const E = y[K + N];
      const H = y[2 * K + N];
      const pairs = N * p;
      const clampT = (u: number) => (pairs > 1e-200 ? Math.min(Math.max(u / pairs, 1), 1e5) : A);
      const Te = clampT(E);
      const Th = clampT(H);
      emission.evaluateTypes(Te, Th, nLo, (N - 1) / V, N > 1, oe, oh);
      const nu = (c.ehExchangeCm3PerPs * N) / V;
      const exch = 0.5 * nu * (E - H); // dT_e/dt ⊃ −ν Δ/2
      let dE = -(aug + N * k1) * E - pairs * (oe.P / kb15 + c.ligandBypassPerPs * oe.blocked * (Te - A)) - (E - pairs * A) / tau - exch;
      let dH = -(aug + N * k1) * H - pairs * (oh.P / kb15 + c.ligandBypassPerPs * oh.blocked * (Th - A)) - (H - pairs * A) / tau + exch;
      if (up) {
        const pUp = y[N + 1];
        const eUp = y[K + N + 1];
        const hUp = y[2 * K + N + 1];
        const released = h * (eg3 * pUp + (eUp + hUp) / (2 * (N + 1))); // half of Eg + 3/2 kB (T_e + T_h), per type
        dE += augUp * ((N * eUp) / (N + 1) + released) + N * k1 * eUp;
        dH += augUp * ((N * hUp) / (N + 1) + released) + N * k1 * hUp;
      }
      dy[K + N] = dE;
      dy[2 * K + N] = dH;
    }
  };
  const teInj = c.injectionTempK + 0.5 * c.injectionDeltaK;
  const thInj = c.injectionTempK - 0.5 * c.injectionDeltaK;
  const y0 = new Float64Array(3 * K);
  let term = Math.exp(-nPerNc);
  for (let N = 0; N < K; N++) {
    y0[N] = term;
    y0[K + N] = N * term * teInj;
    y0[2 * K + N] = N * term * thInj;
    term *= nPerNc / (N + 1);
  }
  const sol = solveIvp(rhs, [0, times[times.length - 1]], y0, { method: 'rodas5', rtol: 1e-7, atol: 1e-12, tEval: times });
  expect(sol.status, sol.message).toBe(0);
  return times.map((_, i) => {
    const p = (N: number) => sol.y[N][i];
    let multiPairs = 0;
    let multiE = 0;
    let multiH = 0;
    for (let N = 2; N < K; N++) {
      multiPairs += N * p(N);
      multiE += sol.y[K + N][i];
      multiH += sol.y[2 * K + N][i];
    }
    return {
      singles: p(1) / V, multiPairs: multiPairs / V,
      te1: sol.y[K + 1][i] / p(1), th1: sol.y[2 * K + 1][i] / p(1), tem: multiE / multiPairs, thm: multiH / multiPairs,
    };
  });
}

function at(r: SimulationResult, series: Float64Array, t: number): number {
  let k = 0;
  while (r.tPs[k] < t) k++;
  const f = (t - r.tPs[k - 1]) / (r.tPs[k] - r.tPs[k - 1]);
  return series[k - 1] + f * (series[k] - series[k - 1]);
}

describe('NC carrier classes by exciton number', () => {
  for (const nPerNc of [0.5, 2]) {
    it(`⟨N⟩ = ${nPerNc}: class counts and temperatures follow the exact master equation with energies`, () => {
      const input: SimulationInput = {
        composition: 'CsPbBr3', edgeNm: 6, nPerNc, pumpNm: 400, pulseFwhmFs: 0, tEndPs: 100, nPoints: 400,
        switches: { hotPhonons: false }, rtol: 1e-8,
      };
      const r = simulate(input);
      const classes = r.classes;
      expect(classes).not.toBeNull();
      if (!classes) return;
      const times = [0.3, 1, 3, 10, 30];
      const exact = exactClasses(input, nPerNc, times);
      times.forEach((t, i) => {
        const e = exact[i];
        const n = at(r, r.nCm3, t);
        const share = at(r, classes.multiShare, t);
        const singles = n * (1 - share);
        const multi = n * share;
        const where = `⟨N⟩ = ${nPerNc}, t = ${t} ps`;
        // Counts: the singles are exact flows, the multi-exciton pairs follow from n (seen: within 0.9 %).
        expect(Math.abs(singles / e.singles - 1), `singles, ${where}`).toBeLessThan(0.02);
        if (e.multiPairs > 1e-3 * n) expect(Math.abs(multi / e.multiPairs - 1), `multi pairs, ${where}`).toBeLessThan(0.02);
        // Excess temperatures (over the lattice) of the two classes (seen: T_1 within 3.0 %, T_m within 4.5 %).
        const ambient = r.tAK[0];
        expect(Math.abs((at(r, classes.singleK, t) - ambient) / (e.t1K - ambient) - 1), `T_1, ${where}`).toBeLessThan(0.05);
        if (e.multiPairs > 1e-2 * n) {
          expect(Math.abs((at(r, classes.multiK, t) - ambient) / (e.tmK - ambient) - 1), `T_m, ${where}`).toBeLessThan(0.08);
        }
      });
      expect(r.energy.maxRelError).toBeLessThan(1e-6);
    });
  }

  for (const nPerNc of [0.5, 2]) {
    it(`⟨N⟩ = ${nPerNc}, electrons lighter than holes: each class's T_e and T_h follow the exact master equation`, () => {
      // 10 nm: the e–h exchange inside one exciton (k_eh/V ≈ 4 ps^-1) is slow enough to leave T_e − T_h visible.
      const input: SimulationInput = {
        composition: 'CsPbBr3', edgeNm: 10, nPerNc, pumpNm: 400, pulseFwhmFs: 0, tEndPs: 30, nPoints: 400,
        switches: { hotPhonons: false }, rtol: 1e-8, materialOverrides: { electronMassM0: 0.12, holeMassM0: 0.3 },
      };
      const r = simulate(input);
      const classes = r.classes;
      if (!classes) throw new Error('no classes for a Poisson NC run');
      const times = [0.05, 0.1, 0.3, 1, 3, 10];
      const exact = exactTypedClasses(input, nPerNc, times);
      const ambient = r.tAK[0];
      let compared = 0;
      times.forEach((t, i) => {
        const e = exact[i];
        const where = `⟨N⟩ = ${nPerNc}, t = ${t} ps`;
        const n = at(r, r.nCm3, t);
        const rel = (model: number, ref: number) => Math.abs((model - ambient) / (ref - ambient) - 1);
        // Excess temperatures of class 1 (exact flows; seen within 3.9 %) and class m (closed; seen within 7 %).
        expect(rel(at(r, classes.singleElectronK, t), e.te1), `T_e,1, ${where}`).toBeLessThan(0.05);
        expect(rel(at(r, classes.singleHoleK, t), e.th1), `T_h,1, ${where}`).toBeLessThan(0.05);
        if (e.multiPairs > 1e-2 * n) {
          expect(rel(at(r, classes.multiElectronK, t), e.tem), `T_e,m, ${where}`).toBeLessThan(0.08);
          expect(rel(at(r, classes.multiHoleK, t), e.thm), `T_h,m, ${where}`).toBeLessThan(0.08);
        }
        // The difference itself where it stands clear of rounding: class 1 seen within 4.7 %; class m within 24 % (at
        // ⟨N⟩ = 2, 0.3 ps: one class-mean exchange rate (1 + g)/V closes Δ_m faster than the exact NCs, whose fewer-
        // exciton NCs keep their difference longer).
        const d1 = e.te1 - e.th1;
        if (Math.abs(d1) > 20) {
          compared++;
          const d1Model = at(r, classes.singleElectronK, t) - at(r, classes.singleHoleK, t);
          expect(Math.abs(d1Model / d1 - 1), `Δ_1, ${where}`).toBeLessThan(0.08);
        }
        const dmExact = e.tem - e.thm;
        if (e.multiPairs > 1e-2 * n && Math.abs(dmExact) > 50) {
          const dmModel = at(r, classes.multiElectronK, t) - at(r, classes.multiHoleK, t);
          expect(Math.abs(dmModel / dmExact - 1), `Δ_m, ${where}`).toBeLessThan(0.3);
        }
      });
      expect(compared).toBeGreaterThanOrEqual(2);
      expect(r.energy.maxRelError).toBeLessThan(1e-6);
    });
  }

  it('the reported Tc is the tail fit of the mixture: between the classes, weighted to the hotter one', () => {
    const r = simulate({ composition: 'CsPbBr3', edgeNm: 8, nPerNc: 1.5, pumpNm: 400, tEndPs: 100, nPoints: 120 });
    const classes = r.classes;
    if (!classes) throw new Error('no classes for a Poisson NC run');
    let checked = 0;
    for (let k = 0; k < r.tPs.length; k++) {
      const lo = Math.min(classes.singleK[k], classes.multiK[k]);
      const hi = Math.max(classes.singleK[k], classes.multiK[k]);
      if (hi - lo < 20 || classes.multiShare[k] < 0.05) continue;
      checked++;
      expect(r.tcK[k]).toBeGreaterThanOrEqual(lo - 1e-9);
      expect(r.tcK[k]).toBeLessThanOrEqual(hi + 1e-9);
      // The tail weights the hot class above its share of the pairs: the fit reads above the mean's place between them.
      expect(r.tcK[k]).toBeGreaterThanOrEqual(r.tcMeanK[k] - 1e-6 * r.tcMeanK[k]);
    }
    expect(checked).toBeGreaterThan(10);
    // One class: the fit returns its temperature.
    expect(tailFitTemperatureK(1e18, 1234, 0, 300)).toBe(1234);
    expect(Math.abs(tailFitTemperatureK(1e18, 800, 1e18, 800.0000001) / 800 - 1)).toBeLessThan(1e-6);
  });
});
