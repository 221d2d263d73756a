// Rodas5: convergence order with fixed steps, dense output, Jacobian reuse and backward integration.
import { describe, expect, it } from 'vitest';
import { solveIvp } from '../../src/solver/index.ts';
import { growth, oscillator } from './helpers.ts';

/** Integrate with a fixed step h (huge tolerances so no step is rejected and h stays at maxStep). */
function fixedStep(rhs: typeof oscillator, y0: number[], t1: number, h: number, autonomous: boolean) {
  const r = solveIvp(rhs, [0, t1], y0, { method: 'rodas5', rtol: 1e3, atol: 1e3, firstStep: h, maxStep: h, autonomous });
  expect(r.nRejected).toBe(0);
  expect(r.nAccepted).toBe(Math.round(t1 / h));
  return r;
}

describe('rodas5 convergence order', () => {
  it('is 5 on the oscillator (log2 of the error ratio when h halves)', () => {
    const errs = [1 / 4, 1 / 8, 1 / 16, 1 / 32].map((h) => {
      const r = fixedStep(oscillator, [1, 0], 2, h, true);
      return Math.abs(r.y[0][r.t.length - 1] - Math.cos(2));
    });
    for (let k = 1; k < errs.length; k++) {
      const order = Math.log2(errs[k - 1] / errs[k]);
      expect(order).toBeGreaterThan(4.6);
      expect(order).toBeLessThan(5.6);
    }
  });

  it('is 5 on a non-autonomous problem (∂f/∂t terms)', () => {
    const errs = [1 / 4, 1 / 8, 1 / 16, 1 / 32].map((h) => {
      const r = fixedStep(growth, [1], 1, h, false);
      return Math.abs(r.y[0][r.t.length - 1] - Math.exp(0.5));
    });
    for (let k = 1; k < errs.length; k++) {
      const order = Math.log2(errs[k - 1] / errs[k]);
      expect(order).toBeGreaterThan(4.5);
      expect(order).toBeLessThan(6.2);
    }
  });

  it('error falls with rtol on a tolerance sweep', () => {
    let prev = Infinity;
    for (const rtol of [1e-4, 1e-6, 1e-8, 1e-10]) {
      const r = solveIvp(oscillator, [0, 10], [1, 0], { method: 'rodas5', rtol, atol: rtol });
      const err = Math.abs(r.y[0][r.t.length - 1] - Math.cos(10));
      expect(err).toBeLessThan(50 * rtol);
      expect(err).toBeLessThan(prev);
      prev = err;
    }
  });
});

describe('rodas5 dense output', () => {
  it('reproduces the solver’s own step points', () => {
    const steps = solveIvp(oscillator, [0, 10], [1, 0], { method: 'rodas5', rtol: 1e-7, atol: 1e-9 });
    const dense = solveIvp(oscillator, [0, 10], [1, 0], { method: 'rodas5', rtol: 1e-7, atol: 1e-9, tEval: steps.t });
    expect(dense.nfev).toBe(steps.nfev);
    expect(dense.nAccepted).toBe(steps.nAccepted);
    for (let k = 0; k < steps.t.length; k++) {
      expect(dense.y[0][k]).toBeCloseTo(steps.y[0][k], 12);
      expect(dense.y[1][k]).toBeCloseTo(steps.y[1][k], 12);
    }
  });

  it('is accurate between steps and costs no extra evaluations', () => {
    const tEval = Array.from({ length: 201 }, (_, k) => k * 0.05);
    const plain = solveIvp(oscillator, [0, 10], [1, 0], { method: 'rodas5', rtol: 1e-8, atol: 1e-10 });
    const r = solveIvp(oscillator, [0, 10], [1, 0], { method: 'rodas5', rtol: 1e-8, atol: 1e-10, tEval });
    expect(r.nfev).toBe(plain.nfev);
    expect(r.t.length).toBe(tEval.length);
    for (let k = 0; k < tEval.length; k++) expect(Math.abs(r.y[0][k] - Math.cos(tEval[k]))).toBeLessThan(1e-6);
  });

  it('the interpolant converges at order ≥ 4 at mid-step', () => {
    const errs = [1 / 4, 1 / 8, 1 / 16].map((h) => {
      const tEval = [0.5 * h, 1 + 0.5 * h];
      const r = solveIvp(oscillator, [0, 2], [1, 0], { method: 'rodas5', rtol: 1e3, atol: 1e3, firstStep: h, maxStep: h, tEval, autonomous: true });
      return Math.max(...tEval.map((t, k) => Math.abs(r.y[0][k] - Math.cos(t))));
    });
    for (let k = 1; k < errs.length; k++) expect(Math.log2(errs[k - 1] / errs[k])).toBeGreaterThan(3.6);
  });
});

describe('rodas5 bookkeeping', () => {
  it('evaluates the Jacobian once per accepted step (reused across rejections)', () => {
    const jac = (_t: number, _y: Float64Array, J: Float64Array) => {
      J[0] = 0; J[1] = 1; J[2] = -1; J[3] = 0;
    };
    const r = solveIvp(oscillator, [0, 20], [1, 0], { method: 'rodas5', rtol: 1e-6, atol: 1e-8, jacobian: jac, firstStep: 5 });
    expect(r.nRejected).toBeGreaterThan(0);
    expect(r.njev).toBe(r.nAccepted);
    expect(r.nlu).toBe(r.nAccepted + r.nRejected);
  });

  it('integrates backwards in time', () => {
    const r = solveIvp(oscillator, [2, 0], [Math.cos(2), -Math.sin(2)], { method: 'rodas5', rtol: 1e-8, atol: 1e-10 });
    expect(r.status).toBe(0);
    expect(r.y[0][r.t.length - 1]).toBeCloseTo(1, 6);
  });
});
