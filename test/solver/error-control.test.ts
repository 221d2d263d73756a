// Discontinuous and pulse-like right-hand sides: the right answer within tolerance or a failure status, never a wrong success.
import { describe, expect, it } from 'vitest';
import { solveIvp, type MethodName } from '../../src/solver/index.ts';
import { pulse, relay, squareExact, squareRhs } from '../../benchmarks/problems/discontinuities.ts';

const RTOL = 1e-6;

const squareWave = squareRhs();

/** Status ok must mean an end error within 10× the tolerance; otherwise the status must say it failed. */
function rightOrFailed(r: ReturnType<typeof solveIvp>, exact: number, atol: number) {
  const yEnd = r.y[0][r.t.length - 1];
  if (r.status === 0) expect(Math.abs(yEnd - exact) / (atol + RTOL * Math.abs(exact)), r.message).toBeLessThan(10);
  else expect(r.failure!.cause.length).toBeGreaterThan(10);
}

describe('error control sees every stage (rodas5)', () => {
  it('relay y′ = (y < 1 ? 1 : −1): no step jumps over the switch; right answer or a failure', () => {
    const r = solveIvp(relay, [0, 3], [0], { method: 'rodas5', rtol: RTOL, maxSteps: 20_000 });
    rightOrFailed(r, 1, 1e-9);
    // Wherever it stopped, the solution it reports follows y = min(t, 1).
    for (let k = 0; k < r.t.length; k++) expect(Math.abs(r.y[0][k] - Math.min(r.t[k], 1))).toBeLessThan(1e-4);
  });

  it('pulse y′ = 1e9·exp(−1e9 t) on [0, 1e-6] reaches 1 within tolerance', () => {
    const r = solveIvp(pulse, [0, 1e-6], [0], { method: 'rodas5', rtol: RTOL });
    expect(r.status, r.message).toBe(0);
    rightOrFailed(r, 1, 1e-9);
    expect(r.nAccepted).toBeGreaterThan(5);
  });

  it('square-wave forcing: end error within 10× the tolerance, and within 20× along the whole path', () => {
    const atol = 1e-9;
    const r = solveIvp(squareWave, [0, 10], [0], { method: 'rodas5', rtol: RTOL, atol });
    expect(r.status, r.message).toBe(0);
    let worst = 0;
    for (let k = 0; k < r.t.length; k++) {
      const ex = squareExact(r.t[k]);
      worst = Math.max(worst, Math.abs(r.y[0][k] - ex) / (atol + RTOL * Math.abs(ex)));
    }
    expect(worst).toBeLessThan(20);
    rightOrFailed(r, squareExact(10), atol);
  });

  it('the first step guess scales with the span when y0 = 0 (pulse on a 1e-6 span starts far below it)', () => {
    const r = solveIvp(pulse, [0, 1e-6], [0], { method: 'rodas5', rtol: RTOL });
    expect(r.t[1]).toBeLessThan(1e-9);
  });
});

describe('pulse and square wave with the other methods', () => {
  for (const method of ['auto', 'dop853', 'odex', 'seulex'] as MethodName[]) {
    it(`${method}: pulse and square wave right within 10× tolerance`, () => {
      rightOrFailed(solveIvp(pulse, [0, 1e-6], [0], { method, rtol: RTOL }), 1, 1e-9);
      rightOrFailed(solveIvp(squareWave, [0, 10], [0], { method, rtol: RTOL, atol: 1e-9 }), squareExact(10), 1e-9);
    });
  }
});

describe('DOP853 and odex across jumps of f', () => {
  for (const method of ['auto', 'dop853', 'odex'] as MethodName[]) {
    it(`${method} on the relay: the right answer or a failure at the switch, never a wrong success`, () => {
      const r = solveIvp(relay, [0, 3], [0], { method, rtol: RTOL, maxSteps: 20_000 });
      rightOrFailed(r, 1, 1e-9);
      if (r.status !== 0) expect(r.failure!.t).toBeLessThan(1.2);
      for (let k = 0; k < r.t.length; k++) expect(Math.abs(r.y[0][k] - Math.min(r.t[k], 1))).toBeLessThan(1e-4);
    });
  }

  it('odex with dense output (a tEval grid) on the relay: the right answer or a failure, and the grid follows y = min(t, 1)', () => {
    const tEval = Array.from({ length: 31 }, (_, k) => k * 0.1);
    for (const rtol of [1e-4, 1e-6, 1e-8]) {
      const r = solveIvp(relay, [0, 3], [0], { method: 'odex', rtol, atol: 1e-9, tEval, maxSteps: 20_000 });
      if (r.status === 0) expect(Math.abs(r.y[0][r.t.length - 1] - 1) / (1e-9 + rtol)).toBeLessThan(10);
      else expect(r.failure!.kind).toBe('max-steps');
      for (let k = 0; k < r.t.length; k++) expect(Math.abs(r.y[0][k] - Math.min(r.t[k], 1)) / (1e-9 + rtol)).toBeLessThan(10);
    }
  });

  it('square wave at five phases and rtol 1e-4 … 1e-10: every output point within 10× the tolerance', () => {
    // Hairer's 5(3) estimate alone accepted a step across a jump with 5000× the tolerance here (dop853.ts).
    for (const phase of [0, 0.137, 0.31, 0.5, 0.77]) {
      const rhs = squareRhs(phase);
      const exact = (tb: number) => squareExact(tb, phase);
      for (const rtol of [1e-4, 1e-6, 1e-8, 1e-10]) {
        const r = solveIvp(rhs, [0, 10], [0], { method: 'dop853', rtol, atol: 1e-9 });
        expect(r.status, r.message).toBe(0);
        for (let k = 0; k < r.t.length; k++) {
          const ex = exact(r.t[k]);
          expect(Math.abs(r.y[0][k] - ex) / (1e-9 + rtol * Math.abs(ex)), `phase ${phase}, rtol ${rtol}, t ${r.t[k]}`).toBeLessThan(10);
        }
      }
    }
  });
});
