// Every runtime failure status, provoked on purpose: status −1 with failure {kind, t, h, cause}, never a throw.
import { describe, expect, it } from 'vitest';
import { solveIvp, type MethodName } from '../../src/solver/index.ts';
import type { RhsFn } from '../../src/solver/types.ts';
import { STIFF_SET } from '../../benchmarks/problems/stiff-set.ts';
import { oscillator } from './helpers.ts';

const blowUp: RhsFn = (_t, y, f) => {
  f[0] = y[0] * y[0]; // y = 1/(1 − t): singular at t = 1
};

function expectFailure(r: ReturnType<typeof solveIvp>, kind: string) {
  expect(r.status).toBe(-1);
  expect(r.success).toBe(false);
  expect(r.failure?.kind).toBe(kind);
  expect(r.failure?.cause.length).toBeGreaterThan(10);
  expect(r.message).toContain(kind);
}

describe('runtime failures', () => {
  it('step-size underflow near a finite-time blow-up (rodas5)', () => {
    const r = solveIvp(blowUp, [0, 2], [1], { method: 'rodas5' });
    expectFailure(r, 'step-size-underflow');
    expect(r.failure!.t).toBeGreaterThan(0.99);
    expect(r.failure!.t).toBeLessThan(1);
    expect(Math.abs(r.failure!.h)).toBeLessThan(1e-10);
  });

  for (const method of ['odex', 'rodas5', 'auto'] as MethodName[]) {
    it(`max-steps (${method})`, () => {
      const r = solveIvp(oscillator, [0, 100], [1, 0], { method, maxSteps: 5, rtol: 1e-10, atol: 1e-12 });
      expectFailure(r, 'max-steps');
      expect(r.failure!.t).toBeLessThan(100);
      expect(r.nAccepted + r.nRejected).toBeLessThanOrEqual(6);
    });

    it(`non-finite rhs at the start (${method})`, () => {
      const r = solveIvp((_t, _y, f) => { f[0] = Number.NaN; }, [0, 1], [1], { method });
      expectFailure(r, 'non-finite-rhs');
    });

    it(`non-finite rhs appearing later (${method})`, () => {
      let calls = 0;
      const rhs: RhsFn = (_t, y, f) => {
        calls++;
        f[0] = calls > 60 ? Number.POSITIVE_INFINITY : -y[0];
      };
      const r = solveIvp(rhs, [0, 100], [1], { method, rtol: 1e-10, atol: 1e-12 });
      expectFailure(r, 'non-finite-rhs');
      expect(r.failure!.t).toBeGreaterThan(0);
    });

    it(`a throwing rhs comes back as kind 'other' (${method})`, () => {
      const r = solveIvp(() => { throw new Error('boom'); }, [0, 1], [1], { method });
      expectFailure(r, 'other');
      expect(r.failure!.cause).toContain('boom');
    });
  }

  it('odex on a stiff problem runs out of steps and suggests a stiff method', () => {
    const vdpol = STIFF_SET.find((p) => p.name === 'VDPOL')!;
    const r = solveIvp(vdpol.rhs, [0, 2], [2, 0], { method: 'odex', maxSteps: 200 });
    expectFailure(r, 'max-steps');
    expect(r.failure!.cause).toMatch(/stiff/);
  });

  it('singular Rosenbrock matrix (Jacobian full of NaN)', () => {
    const r = solveIvp(oscillator, [0, 1], [1, 0], {
      method: 'rodas5', jacobian: (_t, _y, J) => J.fill(Number.NaN),
    });
    expectFailure(r, 'singular-matrix');
  });

  it('singular Rosenbrock matrix that exact-zero pivot tests miss', () => {
    // J = c·(1 1; 1 1) with W = I/(hγ) − J nearly singular would depend on h; instead make J so large that
    // I/(hγ) is lost in rounding and W = −J is rank one (pivot ~1e-16 relative, not exactly zero).
    const big = 1e30;
    const r = solveIvp(oscillator, [0, 1], [1, 0], {
      method: 'rodas5', firstStep: 0.5, jacobian: (_t, _y, J) => { J[0] = big; J[1] = big * 3; J[2] = big / 3; J[3] = big; },
    });
    expectFailure(r, 'singular-matrix');
  });
});
