// Pins the odex package's behaviour that the wrapper depends on, so an upgrade fails loudly.
import { describe, expect, it } from 'vitest';
import { Outcome, Solver } from 'odex';
import { solveIvp } from '../../src/solver/index.ts';
import { oscillator } from './helpers.ts';

describe('odex wrapper', () => {
  it('odex reports the outcomes the wrapper reads: converged, max steps exceeded, early return', () => {
    const s = new Solver(2);
    s.absoluteTolerance = s.relativeTolerance = 1e-8;
    expect(s.solve((_x, y) => [y[1], -y[0]], 0, [1, 0], 10).outcome).toBe(Outcome.Converged);
    s.maxSteps = 3;
    expect(s.solve((_x, y) => [y[1], -y[0]], 0, [1, 0], 100).outcome).toBe(Outcome.MaxStepsExceeded);
    s.maxSteps = 10_000;
    s.denseOutput = true;
    expect(s.solve((_x, y) => [y[1], -y[0]], 0, [1, 0], 10, () => false).outcome).toBe(Outcome.EarlyReturn);
  });

  it('the wrapper turns odex running out of steps into a failed status naming maxSteps', () => {
    const r = solveIvp(oscillator, [0, 100], [1, 0], { method: 'odex', rtol: 1e-8, atol: 1e-8, maxSteps: 3 });
    expect(r.status).not.toBe(0);
    expect(r.message).toMatch(/maxSteps = 3/);
  });

  it('raw odex: evaluation count on the oscillator is pinned', () => {
    const s = new Solver(2);
    s.absoluteTolerance = 1e-8;
    s.relativeTolerance = 1e-8;
    const r = s.solve((_x, y) => [y[1], -y[0]], 0, [1, 0], 10);
    expect(r.outcome).toBe(Outcome.Converged);
    expect(r.nEval).toBe(391);
    expect(r.nAccept).toBe(13);
    expect(r.y[0]).toBeCloseTo(Math.cos(10), 7);
  });

  it('the wrapper counts odex\'s evaluations and steps plus its gross-error check (2 per step, 1 more at the start)', () => {
    const r = solveIvp(oscillator, [0, 10], [1, 0], { method: 'odex', rtol: 1e-8, atol: 1e-8 });
    expect(r.status).toBe(0);
    expect(r.nfev).toBe(391 + 2 * 13 + 1);
    expect(r.nAccepted).toBe(13);
    expect(r.nRejected).toBe(0);
    expect(r.t.length).toBe(14);
    expect(r.y[0][13]).toBeCloseTo(Math.cos(10), 7);
  });

  it('dense output on a tEval grid stays within tolerance', () => {
    const tEval = Array.from({ length: 51 }, (_, k) => k * 0.2);
    const r = solveIvp(oscillator, [0, 10], [1, 0], { method: 'odex', rtol: 1e-9, atol: 1e-9, tEval });
    expect(r.status).toBe(0);
    for (let k = 0; k < tEval.length; k++) expect(Math.abs(r.y[0][k] - Math.cos(tEval[k]))).toBeLessThan(1e-6);
  });
});
