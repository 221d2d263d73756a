// Invariance under diagonal scaling of the state: y_i → S·y_i with atol_i → S·atol_i is the same problem,
// so step counts and scaled errors must not depend on S (regression: rodas5 collapsed to tiny steps at S = 1e17
// because plain partial pivoting on I/(hγ) − J picked the large-unit row and the pivot test then called W singular).
import { describe, expect, it } from 'vitest';
import { solveIvp } from '../../src/solver/index.ts';
import type { MethodName } from '../../src/solver/types.ts';

const SCALES = [1, 1e12, 1e17, 1e20];
const T_END = 100;

/** y0' = −0.1 y0, y1' = S·y0 from [1e-3, 0]: y0 = 1e-3 e^(−0.1t), y1 = S·1e-2·(1 − e^(−0.1t)). */
function linear(S: number, method: MethodName, autonomous: boolean, analyticJacobian: boolean) {
  const r = solveIvp(
    (_t, y, d) => {
      d[0] = -0.1 * y[0];
      d[1] = S * y[0];
    },
    [0, T_END],
    [1e-3, 0],
    {
      method, rtol: 1e-6, atol: [1e-9, S * 1e-9], maxSteps: 5000, autonomous,
      jacobian: analyticJacobian
        ? (_t, _y, J) => {
            J[0] = -0.1;
            J[1] = 0;
            J[2] = S;
            J[3] = 0;
          }
        : undefined,
    },
  );
  const e = Math.exp(-0.1 * T_END);
  const k = r.t.length - 1;
  return { r, err: [Math.abs(r.y[0][k] - 1e-3 * e) / 1e-9, Math.abs(r.y[1][k] - S * 1e-2 * (1 - e)) / (S * 1e-9)] };
}

/** The same plus a stiff component y2' = −1e4 (y2 − S·y0) (so 'auto' runs rodas5): y2 = S·c·e^(−0.1t), c = 1e-3·1e4/(1e4 − 0.1). */
function stiff(S: number, method: MethodName) {
  const k = 1e4;
  const c = (1e-3 * k) / (k - 0.1);
  const r = solveIvp(
    (_t, y, d) => {
      d[0] = -0.1 * y[0];
      d[1] = S * y[0];
      d[2] = -k * (y[2] - S * y[0]);
    },
    [0, T_END],
    [1e-3, 0, S * c],
    {
      method, rtol: 1e-6, atol: [1e-9, S * 1e-9, S * 1e-9], maxSteps: 5000,
      jacobian: (_t, _y, J) => {
        J.fill(0);
        J[0] = -0.1;
        J[3] = S;
        J[6] = k * S;
        J[8] = -k;
      },
    },
  );
  const e = Math.exp(-0.1 * T_END);
  const i = r.t.length - 1;
  return {
    r,
    err: [
      Math.abs(r.y[0][i] - 1e-3 * e) / 1e-9,
      Math.abs(r.y[1][i] - S * 1e-2 * (1 - e)) / (S * 1e-9),
      Math.abs(r.y[2][i] - S * c * e) / (S * 1e-9),
    ],
  };
}

describe('invariance under diagonal scaling of the state (atol scaled with it)', () => {
  for (const method of ['rodas5', 'auto'] as const) {
    for (const autonomous of [false, true]) {
      for (const analytic of [true, false]) {
        it(`${method}, linear problem, autonomous ${autonomous}, ${analytic ? 'analytic' : 'finite-difference'} Jacobian`, () => {
          const base = linear(1, method, autonomous, analytic).r;
          expect(base.status).toBe(0);
          for (const S of SCALES) {
            const { r, err } = linear(S, method, autonomous, analytic);
            expect(r.status, `S = ${S}: ${r.message}`).toBe(0);
            expect(r.nAccepted + r.nRejected, `S = ${S}`).toBeLessThanOrEqual(1.5 * (base.nAccepted + base.nRejected) + 2);
            expect(r.nfev, `S = ${S}`).toBeLessThanOrEqual(1.5 * base.nfev + 10);
            // Errors in units of atol: well inside tolerance, whatever S.
            for (const x of err) expect(x, `S = ${S}`).toBeLessThan(20);
          }
        });
      }
    }
    it(`${method}, stiff variant (rodas5 path of 'auto' too)`, () => {
      const base = stiff(1, method).r;
      expect(base.status).toBe(0);
      if (method === 'auto') expect(base.methodsUsed!.rodasSteps).toBeGreaterThan(0);
      for (const S of SCALES) {
        const { r, err } = stiff(S, method);
        expect(r.status, `S = ${S}: ${r.message}`).toBe(0);
        expect(r.nAccepted + r.nRejected, `S = ${S}`).toBeLessThanOrEqual(1.5 * (base.nAccepted + base.nRejected) + 2);
        for (const x of err) expect(x, `S = ${S}`).toBeLessThan(20);
      }
    });
  }
});
