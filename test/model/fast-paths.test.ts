// Fast paths against the straightforward forms they replace: the grid search of the
// bi-exponential fit (biexp-fit.ts, bestPair) against an exhaustive search that projects every pair with the
// 2 × 2 normal equations and keeps the best with both amplitudes positive (bit-identical), on many curves; build()'s material cache against fresh sheets.
import { describe, expect, it } from 'vitest';
import { bestPair, tauGrid, type Pair } from '../../src/model/biexp-fit.ts';
import { build } from '../../src/model/derive.ts';
import { normalizeInput } from '../../src/model/validate.ts';

/** The exhaustive search as it was written first: one projected pair object per grid pair. */
function exhaustive(s: Float64Array, y: Float64Array, yy: number, taus: Float64Array): Pair {
  const dot = (a: Float64Array, b: Float64Array) => { let v = 0; for (let k = 0; k < a.length; k++) v += a[k] * b[k]; return v; };
  const basis = Array.from(taus, (tau) => {
    const e = new Float64Array(s.length);
    for (let k = 0; k < s.length; k++) {
      const v = Math.exp(-s[k] / tau);
      if (v < 1e-30) break;
      e[k] = v;
    }
    return e;
  });
  let best: Pair = { res: Infinity, tau1: 0, tau2: 0, a1: 0, a2: 0 };
  for (let i = 0; i < taus.length; i++) {
    for (let j = 0; j < taus.length; j++) {
      if (taus[j] <= taus[i] * 1.05) continue;
      const s11 = dot(basis[i], basis[i]), s22 = dot(basis[j], basis[j]), s12 = dot(basis[i], basis[j]);
      const b1 = dot(basis[i], y), b2 = dot(basis[j], y);
      const det = s11 * s22 - s12 * s12;
      if (!(det > 0)) continue;
      const a1 = (b1 * s22 - b2 * s12) / det;
      const a2 = (s11 * b2 - s12 * b1) / det;
      if (!(a1 > 0 && a2 > 0)) continue;
      const res = yy - 2 * (a1 * b1 + a2 * b2) + a1 * a1 * s11 + 2 * a1 * a2 * s12 + a2 * a2 * s22;
      if (res < best.res) best = { res, tau1: taus[i], tau2: taus[j], a1, a2 };
    }
  }
  return best;
}

/** Deterministic pseudo-random numbers in [0, 1). */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => ((x = (Math.imul(x, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

describe('bi-exponential grid search', () => {
  it('picks the same pair as the exhaustive search on 300 curves (log grids, noise, offsets, single exponentials)', () => {
    const rand = lcg(12345);
    let resolved = 0;
    for (let c = 0; c < 300; c++) {
      const n = 20 + Math.floor(rand() * 180);
      const t = new Float64Array(n);
      const t0 = 0.05 + rand();
      const ratio = Math.log((200 + 2000 * rand()) / t0) / (n - 1);
      for (let k = 0; k < n; k++) t[k] = t0 * Math.exp(ratio * k);
      const tau1 = 0.1 * 10 ** (2 * rand());
      const tau2 = tau1 * 10 ** (3 * rand());
      const share = c % 5 === 0 ? 0 : rand();
      const offset = c % 7 === 0 ? 0.01 * rand() : 0;
      const noise = c % 3 === 0 ? 1e-3 : 0;
      const s = new Float64Array(n);
      const y = new Float64Array(n);
      let yy = 0;
      for (let k = 0; k < n; k++) {
        s[k] = t[k] - t[0];
        y[k] = Math.max(0, 1000 * (share * Math.exp(-s[k] / tau1) + (1 - share) * Math.exp(-s[k] / tau2) + offset + noise * (rand() - 0.5)));
        yy += y[k] * y[k];
      }
      const taus = tauGrid(Math.max(t[1] - t[0], 1e-3) / 3, (t[n - 1] - t[0]) * 3, 32);
      const fast = bestPair(s, y, yy, taus).pair;
      const ref = exhaustive(s, y, yy, taus);
      expect(fast.tau1).toBe(ref.tau1);
      expect(fast.tau2).toBe(ref.tau2);
      if (Number.isFinite(ref.res)) {
        resolved++;
        // The same pair; its sums in another order differ by round-off only.
        expect(Math.abs(fast.res - ref.res)).toBeLessThanOrEqual(1e-9 * yy);
        expect(fast.a1).toBeCloseTo(ref.a1, 6);
        expect(fast.a2).toBeCloseTo(ref.a2, 6);
      } else {
        expect(fast.res).toBe(Infinity);
      }
    }
    expect(resolved).toBeGreaterThan(100);
  });
});

describe('bi-exponential grid search, basis reused across curves', () => {
  it('gives every curve on one delay grid the result of a fresh basis', () => {
    const rand = lcg(99);
    const grids = [0.01, 0.02].map((t0) => Float64Array.from({ length: 200 }, (_, k) => t0 * Math.exp((Math.log(1000 / t0) * k) / 199)));
    for (let c = 0; c < 60; c++) {
      const t = grids[c % 3 === 0 ? 1 : 0]; // mostly the same grid, now and then another (the cache is replaced)
      const n = t.length;
      const s = Float64Array.from(t, (v) => v - t[0]);
      const tau1 = 0.05 * 10 ** (2 * rand());
      const tau2 = tau1 * 10 ** (3 * rand());
      const share = rand();
      const y = Float64Array.from(s, (v) => 1000 * (share * Math.exp(-v / tau1) + (1 - share) * Math.exp(-v / tau2)));
      let yy = 0;
      for (let k = 0; k < n; k++) yy += y[k] * y[k];
      const taus = tauGrid(Math.max(t[1] - t[0], 1e-3) / 3, (t[n - 1] - t[0]) * 3, 32);
      const again = bestPair(s, y, yy, taus).pair; // the second call on a grid reads the cached basis
      const ref = exhaustive(s, y, yy, taus);
      expect([again.tau1, again.tau2]).toEqual([ref.tau1, ref.tau2]);
      expect(Math.abs(again.res - ref.res)).toBeLessThanOrEqual(1e-9 * yy);
    }
  });
});

describe('material cache of build()', () => {
  it('gives every run its own copy of the same sheet', () => {
    const input = normalizeInput({ composition: 'CsPbI3', edgeNm: 8, densityCm3: 1e18 });
    const a = build(input).derived.material;
    const b = build(input).derived.material;
    expect(b).toEqual(a);
    expect(b).not.toBe(a);
    for (const k of ['composition', 'tolerance', 'sources', 'warnings'] as const) expect(b[k]).not.toBe(a[k]);
    expect(b.composition.a).not.toBe(a.composition.a);
    a.warnings.push('changed');
    a.composition.a.Cs = 0.5;
    const c = build(input).derived.material;
    expect(c.warnings).toEqual(b.warnings);
    expect(c.composition).toEqual(b.composition);
  });
});
