import { describe, expect, it } from 'vitest';
import { maxwellFroehlichFactor, maxwellFroehlichValue, scaledBesselK } from '../../src/model/frohlich-maxwell.ts';
import { KB_EV_PER_K } from '../../src/model/constants.ts';
import { CarrierEmission, emptyEmission } from '../../src/model/emission.ts';
import { modelFor } from './helpers.ts';

/** Single-carrier Fröhlich rates in units of α ω, with ħω = 1 (E in units of ħω), phonon factors left out. */
const emission = (e: number) => {
  if (e <= 1) return 0;
  const s = Math.sqrt(1 - 1 / e);
  return Math.sqrt(1 / e) * Math.log((1 + s) / (1 - s));
};
const absorption = (e: number) => {
  if (e <= 0) return 2; // the limit E → 0
  const a = Math.sqrt(e + 1);
  const b = Math.sqrt(e);
  return Math.sqrt(1 / e) * Math.log((a + b) / (a - b));
};

/** ∫ f(E) W(E) dE over a Maxwell–Boltzmann f at kT (units of ħω): composite Simpson in s = √(E/kT), 0…12. */
function maxwellAverage(w: (e: number) => number, kT: number): number {
  const m = 40000;
  const top = 12;
  const h = top / m;
  let sum = 0;
  for (let i = 0; i <= m; i++) {
    const s = i * h;
    const e = s * s * kT;
    // f(E) dE = (2/√π) kT^(−3/2) √E e^(−E/kT) dE = (4/√π) s² e^(−s²) ds
    const v = (4 / Math.sqrt(Math.PI)) * s * s * Math.exp(-s * s) * w(e);
    sum += (i === 0 || i === m ? 1 : i % 2 ? 4 : 2) * v;
  }
  return (sum * h) / 3;
}

describe('the Maxwell-averaged Fröhlich rate', () => {
  it('scaled K0, K1 agree with reference values on both sides of the method switch', () => {
    // e^x K0(x), e^x K1(x) to 10 digits, from scipy.special.k0e/k1e (Cephes), an independent implementation.
    const table: [number, number, number][] = [
      [1, 1.144463080, 1.636153486],
      [2, 0.8415682151, 1.033476847],
      [5, 0.5478075643, 0.6002738588],
      [10, 0.3916319344, 0.4107665704],
      [20, 0.2785448767, 0.2854254970],
    ];
    for (const [x, k0, k1] of table) {
      const k = scaledBesselK(x, { k0: 0, k1: 0 });
      expect(Math.abs(k.k0 / k0 - 1), `K0(${x})`).toBeLessThan(1e-8);
      expect(Math.abs(k.k1 / k1 - 1), `K1(${x})`).toBeLessThan(1e-8);
    }
  });

  it('the closed form is the average of the single-carrier emission and absorption rates over a Maxwellian', () => {
    for (const x of [0.03, 0.1, 0.3, 1, 3, 8]) {
      const kT = 1 / x;
      const g = maxwellFroehlichFactor(x, { g: 0, dgdx: 0 }).g;
      // ⟨W_em⟩ = α ω (N + 1) G e^(−x),  ⟨W_ab⟩ = α ω N G  (detailed balance: their ratio is e^(−x) (N + 1)/N)
      expect(Math.abs(maxwellAverage(emission, kT) / (g * Math.exp(-x)) - 1), `emission at x = ${x}`).toBeLessThan(2e-4);
      expect(Math.abs(maxwellAverage(absorption, kT) / g - 1), `absorption at x = ${x}`).toBeLessThan(2e-4);
    }
  });

  it('G rises from about 1 for hot carriers to 2 near the band edge, and dG/dx is its derivative', () => {
    const at = (x: number) => maxwellFroehlichFactor(x, { g: 0, dgdx: 0 });
    expect(at(0.05).g).toBeGreaterThan(0.95);
    expect(at(0.05).g).toBeLessThan(1.05);
    expect(at(40).g).toBeGreaterThan(1.97);
    expect(at(40).g).toBeLessThan(2);
    let last = 0;
    for (const x of [0.05, 0.1, 0.3, 1, 3, 10, 30]) {
      const { g, dgdx } = at(x);
      expect(g).toBeGreaterThan(last);
      last = g;
      const h = 1e-3 * x;
      expect(Math.abs(((at(x + h).g - at(x - h).g) / (2 * h)) / dgdx - 1), `dG/dx at ${x}`).toBeLessThan(2e-5);
    }
    // G and dG/dx at x = 3, 10, 30 from mpmath (30 digits: 2/√π √x e^(x/2) besselk(0, x/2) and its derivative).
    const ref: [number, number, number][] = [[3, 1.872735355882069, 0.03366230019518229], [10, 1.954713373005319, 0.004129287392613795], [30, 1.983918847168152, 0.0005177217349324982]];
    for (const [x, g, d] of ref) {
      expect(Math.abs(at(x).g / g - 1)).toBeLessThan(1e-10);
      expect(Math.abs(at(x).dgdx / d - 1)).toBeLessThan(1e-7);
    }
    // No jump where the Bessel evaluation changes method (z = x/2 = 9).
    expect(Math.abs(at(18 - 1e-9).g / at(18 + 1e-9).g - 1)).toBeLessThan(1e-7);
  });

  it('the model\'s net emission carries G at the carrier temperature (switch off: the bare rate)', () => {
    const input = { composition: 'MAPbI3', edgeNm: null, densityCm3: 1e17 } as const;
    const on = new CarrierEmission(modelFor(input).c);
    const off = new CarrierEmission(modelFor({ ...input, switches: { maxwellAverage: false } }).c);
    const hw = modelFor(input).c.loEv;
    for (const tK of [400, 1000, 3000]) {
      const a = emptyEmission();
      const b = emptyEmission();
      on.evaluate(tK, 0.3, 0, false, a);
      off.evaluate(tK, 0.3, 0, false, b);
      const g = maxwellFroehlichFactor(hw / (KB_EV_PER_K * tK), { g: 0, dgdx: 0 }).g;
      expect(a.P / b.P).toBeCloseTo(g, 12);
    }
  });
});

describe('maxwellFroehlichValue (the right-hand side\'s G alone)', () => {
  it('is the same number as maxwellFroehlichFactor(x).g, bit for bit, on both branches and at the edges', () => {
    const out = { g: 0, dgdx: 0 };
    const xs = [0, -1, Number.NaN, 1e-12, 1e-6, 17.999, 18, 18.001, 40, 200];
    for (let k = 0; k <= 400; k++) xs.push(10 ** (-4 + (7 * k) / 400));
    for (const x of xs) expect(Object.is(maxwellFroehlichValue(x), maxwellFroehlichFactor(x, out).g), `x = ${x}`).toBe(true);
  });
});
