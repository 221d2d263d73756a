// The written-out Rodas5 stage arithmetic (rodas5-stages.ts, rodas5-dense.ts) against the tableau it was written from.
import { describe, expect, it } from 'vitest';
import { stageInput } from '../../src/solver/rodas5-stages.ts';
import { stages4Autonomous } from '../../src/solver/rodas5-stages4.ts';
import { luFactor4, luSolve4 } from '../../src/solver/dense-lu.ts';
import { RODAS5_CT } from '../../src/solver/rodas5-tableau.ts';
import { denseCoefficients } from '../../src/solver/rodas5-dense.ts';
import { RODAS5_A, RODAS5_C, RODAS5_H, RODAS5_STAGES } from '../../src/solver/rodas5-tableau.ts';

const S = RODAS5_STAGES;
const n = 3;

function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  };
}

/** Relative agreement to a few rounding errors of the largest term. */
function close(got: number, want: number, scale: number) {
  expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-14 * scale);
}

describe('Rodas5 written-out stages', () => {
  const rnd = random(11);
  const y = Float64Array.from({ length: n }, rnd);
  const u = Float64Array.from({ length: S * n }, rnd);

  it('every stage argument and coupling equals Σ_j a_sj u_j and Σ_j c_sj u_j from the tableau', () => {
    const ys = new Float64Array(n);
    const cc = new Float64Array(n);
    for (let s = 1; s < S; s++) {
      // Stages 6 and 7 extend the previous argument: hand them the generic value of stage s − 1.
      if (s >= 6) for (let i = 0; i < n; i++) { let a = y[i]; for (let j = 0; j < s - 1; j++) a += RODAS5_A[(s - 1) * S + j] * u[j * n + i]; ys[i] = a; }
      stageInput(s, n, y, u, ys, cc);
      for (let i = 0; i < n; i++) {
        let a = y[i];
        let c = 0;
        let scale = Math.abs(y[i]);
        for (let j = 0; j < s; j++) {
          a += RODAS5_A[s * S + j] * u[j * n + i];
          c += RODAS5_C[s * S + j] * u[j * n + i];
          scale += (Math.abs(RODAS5_A[s * S + j]) + Math.abs(RODAS5_C[s * S + j])) * Math.abs(u[j * n + i]);
        }
        close(ys[i], a, scale);
        close(cc[i], c, scale);
      }
    }
  });

  it('refuses a stage outside 1 … 7', () => {
    expect(() => stageInput(8, n, y, u, new Float64Array(n), new Float64Array(n))).toThrow(/stage 8/);
  });

  it('dense-output coefficients equal Σ_j H[r][j] u_j', () => {
    const k = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
    denseCoefficients(u, n, k[0], k[1], k[2]);
    for (let r = 0; r < 3; r++) {
      for (let i = 0; i < n; i++) {
        let v = 0;
        let scale = 0;
        for (let j = 0; j < S; j++) {
          v += RODAS5_H[r * S + j] * u[j * n + i];
          scale += Math.abs(RODAS5_H[r * S + j] * u[j * n + i]);
        }
        close(k[r][i], v, scale);
      }
    }
  });

  it('stages4Autonomous (n = 4) gives the generic stage loop\'s increments bit for bit', () => {
    const r = random(5);
    const y4 = Float64Array.from({ length: 4 }, r);
    const w = Float64Array.from({ length: 16 }, (_, k) => r() + (k % 5 === 0 ? 4 : 0));
    const piv = new Int32Array(4);
    expect(luFactor4(w, piv, new Float64Array(4), 1e-14)).toBe(-1);
    const weight = Float64Array.from({ length: 4 }, () => 1 + r());
    const rhs = (t: number, x: Float64Array, f: Float64Array) => { for (let i = 0; i < 4; i++) f[i] = Math.sin(x[(i + 1) % 4] + t) - x[i] * x[i]; };
    const t = 0.3, h = 0.07;
    const start = Float64Array.from({ length: 8 * 4 }, (_, k) => (k < 4 ? r() : 0));
    const a = Float64Array.from(start), b = Float64Array.from(start);
    const ys = new Float64Array(4), fs = new Float64Array(4), e3 = new Float64Array(4);
    stages4Autonomous(rhs, t, h, y4, a, ys, fs, e3, weight, w, piv);
    const invH = 1 / h;
    for (let s = 1; s < S; s++) {
      stageInput(s, 4, y4, b, ys, e3);
      rhs(t + RODAS5_CT[s] * h, ys, fs);
      for (let i = 0; i < 4; i++) b[4 * s + i] = (fs[i] + e3[i] * invH) * weight[i];
      luSolve4(w, piv, b, 4 * s);
    }
    for (let k = 0; k < a.length; k++) expect(Object.is(a[k], b[k]), `u[${k}]`).toBe(true);
  });
});
