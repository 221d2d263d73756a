// The NDF/BDF building blocks: step-size change of the differences, interpolation, and each formula's local order.
import { describe, expect, it } from 'vitest';
import { GAMMA, MAX_ORDER, NDF_KAPPA, STRIDE, interpolate, orderCoefficients, rescaleDifferences } from '../../src/solver/bdf-coefficients.ts';
import { BdfWork, predict } from '../../src/solver/bdf-newton.ts';

/** Backward differences ∇^j p(t0), j = 1 … k, of the values p(t0), p(t0 − h), … into D (layout STRIDE), component 0. */
function differences(p: (t: number) => number, t0: number, h: number, k: number, D: Float64Array, comp = 0): void {
  let v = Array.from({ length: k + 1 }, (_, m) => p(t0 - m * h));
  for (let j = 1; j <= k; j++) {
    v = v.slice(0, v.length - 1).map((x, m) => x - v[m + 1]);
    D[comp * STRIDE + j - 1] = v[0];
  }
}

const poly = (k: number) => (t: number) => {
  let s = 0.3;
  for (let j = 1; j <= k; j++) s += ((-1) ** j * t ** j) / (j + 0.5);
  return s;
};

describe('bdf-coefficients', () => {
  it('rescaling the differences of a degree-k polynomial gives its differences at the new spacing', () => {
    const ru = new Float64Array(75);
    const tmp = new Float64Array(5);
    for (let k = 1; k <= MAX_ORDER; k++) {
      for (const rho of [0.25, 0.7, 1.9, 4]) {
        const D = new Float64Array(STRIDE);
        const want = new Float64Array(STRIDE);
        differences(poly(k), 1, 0.1, k, D);
        differences(poly(k), 1, 0.1 * rho, k, want);
        rescaleDifferences(D, 1, k, rho, ru, tmp);
        for (let j = 0; j < k; j++) expect(D[j]).toBeCloseTo(want[j], 12);
      }
    }
  });

  it('interpolation reproduces a degree-k polynomial between the points', () => {
    const coef = new Float64Array(5);
    for (let k = 1; k <= MAX_ORDER; k++) {
      const p = poly(k);
      const D = new Float64Array(STRIDE);
      differences(p, 1, 0.1, k, D);
      const out = new Float64Array(1);
      for (const s of [-1, -0.73, -0.5, -0.1, 0]) {
        interpolate(D, Float64Array.of(p(1)), 1, k, s, out, coef);
        expect(out[0]).toBeCloseTo(p(1 + s * 0.1), 12);
      }
    }
  });

  it('the error constants are those of Shampine & Reichelt (BDF: 1/(k + 1); NDF orders 1–4 smaller)', () => {
    const bdf = orderCoefficients([0, 0, 0, 0, 0]);
    const ndf = orderCoefficients(NDF_KAPPA);
    for (let k = 1; k <= MAX_ORDER; k++) {
      expect(bdf.errConst[k - 1]).toBeCloseTo(1 / (k + 1), 14);
      expect(bdf.invGa[k - 1]).toBeCloseTo(1 / GAMMA[k - 1], 14);
      if (k < 5) expect(ndf.errConst[k - 1]).toBeLessThan(bdf.errConst[k - 1]);
    }
  });

  // One step of each formula on y' = λy from exact past values: local error O(h^{k+1}), so halving h divides it by 2^{k+1}.
  for (const [name, kappa] of [['BDF', [0, 0, 0, 0, 0]], ['NDF', NDF_KAPPA]] as const) {
    it(`${name}1 … ${name}5 have local order k + 1 (one step of y' = −y from exact values)`, () => {
      const { invGa } = orderCoefficients(kappa);
      const lam = -1;
      for (let k = 1; k <= MAX_ORDER; k++) {
        const errs = [0.04, 0.02, 0.01].map((h) => {
          const wk = new BdfWork(1, GAMMA, Float64Array.of(1e-12), 1e-12);
          const t0 = 0.5;
          wk.y[0] = Math.exp(lam * t0);
          wk.weight[0] = 1;
          differences((t) => Math.exp(lam * t), t0, h, k, wk.D);
          predict(wk, k, invGa[k - 1]);
          // Linear corrector solved exactly: d − cλ(y⁽⁰⁾ + d) + ψ = 0.
          const c = h * invGa[k - 1];
          const d = (c * lam * wk.yp[0] - wk.psi[0]) / (1 - c * lam);
          return Math.abs(wk.yp[0] + d - Math.exp(lam * (t0 + h)));
        });
        for (let m = 1; m < errs.length; m++) {
          const order = Math.log2(errs[m - 1] / errs[m]);
          expect(order, `${name}${k}`).toBeGreaterThan(k + 1 - 0.15);
          expect(order, `${name}${k}`).toBeLessThan(k + 1 + 0.15);
        }
      }
    });
  }
});
