// Every runtime failure status, provoked on purpose: status −1 with failure {kind, t, h, cause}, never a throw.
import { describe, expect, it } from 'vitest';
import { solveIvp, type MethodName } from '../../src/solver/index.ts';
import type { RhsFn } from '../../src/solver/types.ts';
import { nanBelowZero } from '../../benchmarks/problems/discontinuities.ts';
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

  for (const method of ['odex', 'dop853', 'rodas5', 'seulex', 'auto'] as MethodName[]) {
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

  it('dop853 on a stiff problem runs out of steps and says its stiffness test fired', () => {
    const rober = STIFF_SET.find((p) => p.name === 'ROBER')!;
    const r = solveIvp(rober.rhs, [0, 1e3], [1, 0, 0], { method: 'dop853', maxSteps: 2000 });
    expectFailure(r, 'max-steps');
    expect(r.failure!.cause).toMatch(/stiffness test fired.*'auto' or 'rodas5'/);
  });

  it('a Jacobian full of NaN at the start state is named as such', () => {
    const r = solveIvp(oscillator, [0, 1], [1, 0], {
      method: 'rodas5', jacobian: (_t, _y, J) => J.fill(Number.NaN),
    });
    expectFailure(r, 'non-finite-jacobian');
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

describe('non-finite values are step rejections first', () => {
  for (const method of ['odex', 'dop853', 'rodas5', 'seulex', 'auto'] as MethodName[]) {
    it(`${method} solves y' = (y < 0 ? NaN : −50y) by rejecting the NaN steps`, () => {
      const r = solveIvp(nanBelowZero, [0, 1], [1], { method, rtol: 1e-6, atol: 1e-12 });
      expect(r.status, r.message).toBe(0);
      expect(Math.abs(r.y[0][r.t.length - 1] - Math.exp(-50))).toBeLessThan(10 * (1e-12 + 1e-6 * Math.exp(-50)));
    });

    it(`${method}: atol 0 on a component that stays 0 is not reported as a NaN right-hand side`, () => {
      const r = solveIvp((_t, y, f) => { f[0] = -y[0]; f[1] = 0; }, [0, 1], [1, 0], { method, rtol: 1e-8, atol: 0 });
      expect(r.status, r.message).toBe(0);
      expect(r.y[0][r.t.length - 1]).toBeCloseTo(Math.exp(-1), 6);
      expect(r.y[1][r.t.length - 1]).toBe(0);
    });

    it(`${method}: a right-hand side that throws mid-run keeps t and h in the status`, () => {
      let calls = 0;
      const r = solveIvp((_t, y, f) => { if (++calls > 40) throw new Error('boom'); f[0] = -y[0]; }, [0, 10], [1], { method, rtol: 1e-8 });
      expectFailure(r, 'other');
      expect(Number.isFinite(r.failure!.t)).toBe(true);
      expect(Number.isFinite(r.failure!.h)).toBe(true);
      expect(r.failure!.t).toBeGreaterThan(0);
    });
  }

  it('rodas5: NaN in the Jacobian at a later state rejects the step, and names the entry when h underflows', () => {
    const r = solveIvp((_t, y, f) => { f[0] = -y[0]; }, [0, 2], [1], {
      method: 'rodas5', jacobian: (t, _y, J) => { J[0] = t > 0.5 ? Number.NaN : -1; },
    });
    expectFailure(r, 'non-finite-jacobian');
    expect(r.failure!.t).toBeGreaterThan(0.4);
    expect(r.failure!.t).toBeLessThanOrEqual(0.5);
    expect(r.failure!.cause).toContain('(0, 0)');
  });
});
