// The power iteration of the stiffness estimates: the written-out n = 4 case against the generic loop, bit for bit.
import { describe, expect, it } from 'vitest';
import { spectralRadius } from '../../src/solver/stiffness.ts';

/** The generic iteration of spectralRadius (any n), as the reference for its n = 4 branch. */
function reference(jac: Float64Array, n: number, v: Float64Array, w: Float64Array, iterations: number): number {
  let norm = 0;
  for (let i = 0; i < n; i++) norm += v[i] * v[i];
  norm = Math.sqrt(norm);
  if (!(norm > 0) || !Number.isFinite(norm)) {
    for (let i = 0; i < n; i++) v[i] = 1 + i / n;
    norm = 0;
    for (let i = 0; i < n; i++) norm += v[i] * v[i];
    norm = Math.sqrt(norm);
  }
  for (let i = 0; i < n; i++) v[i] /= norm;
  let rho = 0;
  for (let it = 0; it < iterations; it++) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      let acc = 0;
      for (let j = 0; j < n; j++) acc += jac[i * n + j] * v[j];
      w[i] = acc;
      s += acc * acc;
    }
    rho = Math.sqrt(s);
    if (!(rho > 0) || !Number.isFinite(rho)) return rho > 0 ? rho : 0;
    for (let i = 0; i < n; i++) v[i] = w[i] / rho;
  }
  return rho;
}

describe('spectralRadius', () => {
  it('n = 4: the same estimate, iterate and work vector as the generic loop, bit for bit', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5) * 10 ** Math.floor((6 * (seed % 7)) / 7 - 3);
    const cases: Float64Array[] = [];
    for (let k = 0; k < 200; k++) cases.push(Float64Array.from({ length: 16 }, rnd));
    cases.push(new Float64Array(16)); // zero matrix
    cases.push(Float64Array.from({ length: 16 }, (_, k) => (k === 5 ? -0 : k === 0 ? Infinity : 0)));
    for (const jac of cases) {
      for (const start of [new Float64Array(4), Float64Array.from({ length: 4 }, rnd)]) {
        for (const iters of [1, 3, 12]) {
          const va = Float64Array.from(start), wa = new Float64Array(4);
          const vb = Float64Array.from(start), wb = new Float64Array(4);
          const a = spectralRadius(jac, 4, va, wa, iters);
          const b = reference(jac, 4, vb, wb, iters);
          expect(Object.is(a, b)).toBe(true);
          for (let i = 0; i < 4; i++) {
            expect(Object.is(va[i], vb[i])).toBe(true);
            expect(Object.is(wa[i], wb[i])).toBe(true);
          }
        }
      }
    }
  });
});
