// The cube's lowest (1P → 1S) gap in the intrinsic bottleneck: the 1P share w(θ) against a direct Boltzmann sum
// over the particle-in-a-cube levels, and what it does to the emission factor and the Jacobian.
import { describe, expect, it } from 'vitest';
import { onePShare } from '../../src/model/cube-ladder.ts';
import { CarrierEmission, emptyTypeEmission } from '../../src/model/emission.ts';

import { S } from '../../src/model/state.ts';
import { jacobianMismatch, modelFor } from './helpers.ts';

/** w(θ) summed state by state: every (nx, ny, nz) with n ≥ 1 up to a cut where e^(−(s−3)/θ) is negligible. */
function directShare(theta: number): number {
  const sMax = 3 + 45 * theta;
  const nMax = Math.ceil(Math.sqrt(sMax));
  let excited = 0;
  let oneP = 0;
  for (let a = 1; a <= nMax; a++) {
    for (let b = 1; b <= nMax; b++) {
      for (let c = 1; c <= nMax; c++) {
        const s = a * a + b * b + c * c;
        if (s === 3 || s > sMax) continue;
        const p = Math.exp(-(s - 3) / theta);
        excited += p;
        if (s === 6) oneP += p;
      }
    }
  }
  return oneP / excited;
}

describe('the 1P share of excited carriers in a cube, w(θ)', () => {
  const out = { w: 0, dwdTheta: 0 };
  it('equals a direct state-by-state Boltzmann sum from kB T ≪ Δ₁ to kB T ≫ Δ₁', () => {
    for (const theta of [0.2, 0.5, 1, 1.7, 3, 6, 12, 30, 60]) {
      onePShare(theta, out);
      expect(Math.abs(out.w / directShare(theta) - 1), `θ = ${theta}`).toBeLessThan(1e-6);
    }
  });
  it('tends to 1 when every excited carrier sits in 1P, falls as θ^(−3/2) in the quasi-continuum, and decreases', () => {
    onePShare(0.1, out);
    expect(out.w).toBeGreaterThan(0.9999);
    const at = (theta: number) => (onePShare(theta, out), out.w);
    expect(at(400) / at(100)).toBeCloseTo(4 ** -1.5, 2);
    let last = 1;
    for (let k = 0; k <= 200; k++) {
      const w = at(10 ** (-1.5 + (4 * k) / 200));
      expect(w).toBeLessThanOrEqual(last);
      last = w;
    }
  });
  it('its derivative matches central differences of the interpolant, inside the table and beyond it', () => {
    for (const theta of [0.3, 1.1, 3.7, 25, 150, 199.9, 250, 1000]) {
      onePShare(theta, out);
      const d = out.dwdTheta;
      const h = 1e-6 * theta;
      const wp = (onePShare(theta + h, out), out.w);
      const wm = (onePShare(theta - h, out), out.w);
      expect(Math.abs(d - (wp - wm) / (2 * h)), `θ = ${theta}`).toBeLessThan(1e-6 * Math.abs(d) + 1e-12);
    }
  });
});

describe('the intrinsic bottleneck with the lowest gap', () => {
  const input = { composition: 'CsPbBr3', edgeNm: 8, nPerNc: 0.1 } as const;
  it('blocks more near the band edge and hardly at all for hot carriers; switched off it is the mean spacing alone', () => {
    const withGap = modelFor(input).c;
    const without = modelFor({ ...input, switches: { lowestGap: false } }).c;
    expect(withGap.lowestGapElectronEv).toBeGreaterThan(withGap.loEv); // 8 nm CsPbBr3: Δ₁ ≈ 70 meV, ħω 19 meV
    expect(without.lowestGapElectronEv).toBe(0);
    const on = new CarrierEmission(withGap);
    const off = new CarrierEmission(without);
    const ratio = (tK: number) => {
      const a = emptyTypeEmission();
      const b = emptyTypeEmission();
      const c = emptyTypeEmission();
      const d = emptyTypeEmission();
      // LO modes colder than the carriers, so that the net emission is positive at every tK
      on.evaluateTypes(tK, tK, 0.05, 0, false, a, b);
      off.evaluateTypes(tK, tK, 0.05, 0, false, c, d);
      return a.P / c.P;
    };
    // kB T ≪ Δ₁: most excited carriers are in 1P, behind a gap of ~3.7 ħω
    expect(ratio(350)).toBeLessThan(0.3);
    // kB T ≫ Δ₁: few are, and the mean spacing rules
    expect(ratio(6000)).toBeGreaterThan(0.93);
    expect(ratio(350)).toBeLessThan(ratio(1000));
    expect(ratio(1000)).toBeLessThan(ratio(6000));
  });
  it('keeps the analytic Jacobian exact near the band edge, for unequal masses as well', () => {
    for (const over of [{}, { materialOverrides: { electronMassM0: 0.15, holeMassM0: 0.3 } }]) {
      const model = modelFor({ composition: 'CsPbBr3', edgeNm: 6, nPerNc: 2, ...over });
      const n = 0.7 * model.c.n0Cm3;
      // Both classes a few hundred K above the lattice, where w(θ) changes fastest (θ ≈ 1 at 6 nm)
      const near: [number, number][] = [
        [S.n, n], [S.tc, 420], [S.tcMulti, 650], [S.dtc, 30], [S.dtcMulti, -20],
        [S.nLo, 0.9], [S.nAc, 2.2], [S.ta, 0.5], [S.occ, 0.8 * n], [S.single, 0.7 * n],
      ];
      const y = new Float64Array(model.size);
      for (const [i, v] of near) y[i] = v;
      expect(jacobianMismatch(model, 2, y, true)).toBeLessThan(1e-5);
    }
  });
  it('slows the last stage of a small NC at low excitation (8 nm CsPbBr3, ⟨N⟩ = 0.1)', async () => {
    const { simulate } = await import('../../src/model/simulate.ts');
    const on = simulate({ ...input, nPoints: 200 });
    const off = simulate({ ...input, nPoints: 200, switches: { lowestGap: false } });
    // time for Tc − T_L to fall from 400 K to 100 K: the band-edge stage the 1P → 1S gap governs
    const fall = (r: typeof on) => {
      const ex = Array.from(r.tcK, (t) => t - 300);
      const at = (v: number) => r.tPs[ex.findIndex((e, k) => k > 0 && e <= v && ex[k - 1] > v)];
      return at(100) - at(400);
    };
    expect(fall(on) / fall(off)).toBeGreaterThan(1.5);
    expect(Math.abs(on.energy.maxRelError)).toBeLessThan(1e-5);

  });
});
