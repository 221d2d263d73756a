// Method 'bdf': the test set against its references, Jacobian reuse, output, the discontinuity and failure cases, and auto's choice.
import { describe, expect, it } from 'vitest';
import { solveIvp, type SolveIvpOptions } from '../../src/solver/index.ts';
import { TEST_SET } from '../../benchmarks/problems/test-set.ts';
import { nanBelowZero, pulse, relay, squareExact, squareRhs } from '../../benchmarks/problems/discontinuities.ts';
import { loadTestSetReference } from '../../benchmarks/test-set-bench.ts';
import { oscillator } from './helpers.ts';

const RTOL = 1e-6;
const ref = loadTestSetReference();
const problem = (name: string) => TEST_SET.find((p) => p.name === name)!;

function endError(name: string, opts: SolveIvpOptions, rtol = RTOL) {
  const p = problem(name);
  const r = solveIvp(p.rhs, [0, p.t1], p.y0, { rtol, atol: p.atol, autonomous: true, maxSteps: 200_000, ...opts });
  let e = 0;
  const yRef = ref[p.name].y_end;
  for (let i = 0; i < p.n; i++) e = Math.max(e, Math.abs(r.y[i][r.t.length - 1] - yRef[i]) / (p.atol + rtol * Math.abs(yRef[i])));
  return { r, e };
}

describe("method 'bdf' on the test set (rtol 1e-6)", () => {
  for (const name of ['ROBER', 'HIRES', 'POLLU', 'HEAT-50', 'HEAT-400', 'BRUSS-50', 'BRUSS-200']) {
    it(`${name}: within 10× the tolerance, fewer Jacobians and LU factorisations than steps`, () => {
      const p = problem(name);
      const { r, e } = endError(name, { method: 'bdf', jacobian: p.band ? p.bandJacobian : p.jacobian, jacobianBand: p.band });
      expect(r.status, r.message).toBe(0);
      expect(e).toBeLessThan(10);
      // The Jacobian and the Newton matrix are kept across steps: at most one Jacobian per 10 steps, one LU per 2.
      expect(r.njev * 10).toBeLessThan(r.nAccepted);
      expect(r.nlu * 2).toBeLessThan(r.nAccepted);
      // About one to two evaluations per step (Newton with a kept matrix), not rodas5's nine.
      expect(r.nfev).toBeLessThan(2 * (r.nAccepted + r.nRejected));
    });
  }

  it('BRUSS-50 with band finite differences and HIRES with dense ones: within 10× the tolerance', () => {
    const b = endError('BRUSS-50', { method: 'bdf', jacobianBand: problem('BRUSS-50').band });
    expect(b.r.status, b.r.message).toBe(0);
    expect(b.e).toBeLessThan(10);
    const h = endError('HIRES', { method: 'bdf' });
    expect(h.r.status, h.r.message).toBe(0);
    expect(h.e).toBeLessThan(10);
  });

  it('dense and banded storage of the same Jacobian give the same steps on HEAT-50', () => {
    const p = problem('HEAT-50');
    const band = endError('HEAT-50', { method: 'bdf', jacobian: p.bandJacobian, jacobianBand: p.band }).r;
    const dense = endError('HEAT-50', { method: 'bdf', jacobian: p.jacobian }).r;
    expect(Math.abs(band.nAccepted - dense.nAccepted)).toBeLessThanOrEqual(2);
  });

  it('the end error falls with rtol (HIRES, 1e-4 → 1e-8: by more than 100×)', () => {
    const p = problem('HIRES');
    const err = (rtol: number) => {
      const r = solveIvp(p.rhs, [0, p.t1], p.y0, { method: 'bdf', rtol, atol: rtol * 1e-4, jacobian: p.jacobian });
      return Math.max(...r.y.map((c, i) => Math.abs(c[c.length - 1] - ref.HIRES.y_end[i])));
    };
    expect(err(1e-4) / err(1e-8)).toBeGreaterThan(100);
  });
});

describe("method 'bdf': output and direction", () => {
  it('tEval points come from the interpolating polynomial, within tolerance (oscillator, rtol 1e-8)', () => {
    const tEval = Array.from({ length: 101 }, (_, i) => i / 10);
    const r = solveIvp(oscillator, [0, 10], [1, 0], { method: 'bdf', rtol: 1e-8, atol: 1e-10, tEval });
    expect(r.status).toBe(0);
    expect(Array.from(r.t)).toEqual(tEval);
    let worst = 0;
    tEval.forEach((t, k) => { worst = Math.max(worst, Math.abs(r.y[0][k] - Math.cos(t))); });
    expect(worst).toBeLessThan(2e-6);
  });

  it('integrates backwards with growing steps', () => {
    const r = solveIvp((_t, y, f) => { f[0] = -y[0]; }, [1, 0], [Math.exp(-1)], { method: 'bdf', rtol: 1e-8, atol: 1e-12 });
    expect(r.status).toBe(0);
    expect(r.t[r.t.length - 1]).toBe(0);
    expect(Math.abs(r.y[0][r.t.length - 1] - 1)).toBeLessThan(1e-6);
    expect(r.nAccepted).toBeLessThan(200);
  });
});

describe("method 'bdf': discontinuities and failures (the right answer or a clear failure)", () => {
  const squareWave = squareRhs();
  const scaled = (y: number, exact: number) => Math.abs(y - exact) / (1e-9 + RTOL * Math.abs(exact));

  it('relay y′ = (y < 1 ? 1 : −1): right within 10× or a failure status', () => {
    const r = solveIvp(relay, [0, 3], [0], { method: 'bdf', rtol: RTOL, maxSteps: 20_000 });
    if (r.status === 0) expect(scaled(r.y[0][r.t.length - 1], 1)).toBeLessThan(10);
    else expect(r.failure!.cause.length).toBeGreaterThan(10);
  });

  it('pulse and square wave: within 10× the tolerance at the end and along the path', () => {
    const p = solveIvp(pulse, [0, 1e-6], [0], { method: 'bdf', rtol: RTOL });
    expect(p.status).toBe(0);
    expect(scaled(p.y[0][p.t.length - 1], 1)).toBeLessThan(10);
    const tEval = Array.from({ length: 1001 }, (_, i) => i / 100);
    const s = solveIvp(squareWave, [0, 10], [0], { method: 'bdf', rtol: RTOL, atol: 1e-9, tEval });
    expect(s.status).toBe(0);
    let worst = 0;
    tEval.forEach((t, k) => { worst = Math.max(worst, scaled(s.y[0][k], squareExact(t))); });
    expect(worst).toBeLessThan(10);
  });

  it('y′ = (y < 0 ? NaN : −50y): right, or a non-finite-rhs failure naming component 0 (and, where bdf accepted a state outside f\'s domain, that state)', () => {
    const r = solveIvp(nanBelowZero, [0, 1], [1], { method: 'bdf', rtol: RTOL });
    if (r.status === 0) expect(Math.abs(r.y[0][r.t.length - 1] - Math.exp(-50))).toBeLessThan(1e-8);
    else {
      expect(r.failure!.kind).toBe('non-finite-rhs');
      expect(r.failure!.cause).toContain('component 0');
    }
    for (const rtol of [1e-4, 1e-6, 1e-8]) {
      const q = solveIvp(nanBelowZero, [0, 1], [1], { method: 'bdf', rtol, atol: 1e-9 });
      if (q.status === 0) expect(Math.abs(q.y[0][q.t.length - 1] - Math.exp(-50)) / 1e-9).toBeLessThan(10);
      else {
        // At rtol 1e-6 (3 Dec) bdf accepts states slightly below 0, within the tolerance, where f is NaN.
        expect(q.failure!.kind).toBe('non-finite-rhs');
        expect(q.failure!.cause).toMatch(/at the state bdf accepted .*y\[0\] = -/);
        expect(q.failure!.cause).toMatch(/'auto' or 'rodas5'/);
        expect(Number.isFinite(q.failure!.t)).toBe(true);
      }
    }
  });

  it('a blow-up ends in step-size-underflow just before t = 1', () => {
    const r = solveIvp((_t, y, f) => { f[0] = y[0] * y[0]; }, [0, 2], [1], { method: 'bdf' });
    expect(r.failure?.kind).toBe('step-size-underflow');
    expect(r.failure!.t).toBeGreaterThan(0.99);
    expect(r.failure!.t).toBeLessThan(1);
  });

  it('non-finite f at the start, a non-finite Jacobian at the start, max-steps', () => {
    expect(solveIvp((_t, _y, f) => { f[0] = Number.NaN; }, [0, 1], [1], { method: 'bdf' }).failure?.kind).toBe('non-finite-rhs');
    const j = solveIvp(oscillator, [0, 1], [1, 0], { method: 'bdf', jacobian: (_t, _y, J) => J.fill(Number.NaN) });
    expect(j.failure?.kind).toBe('non-finite-jacobian');
    expect(j.failure!.cause).toContain('Jacobian entry (0, 0)');
    const m = solveIvp(oscillator, [0, 100], [1, 0], { method: 'bdf', maxSteps: 5 });
    expect(m.failure?.kind).toBe('max-steps');
    expect(m.nAccepted + m.nRejected).toBeLessThanOrEqual(6);
  });

  it('Infinity appearing later is rejected and shrunk until it is reported with its component', () => {
    let calls = 0;
    const r = solveIvp((_t, y, f) => { calls++; f[0] = calls > 60 ? Number.POSITIVE_INFINITY : -y[0]; }, [0, 100], [1], { method: 'bdf', rtol: 1e-10, atol: 1e-12 });
    expect(r.failure?.kind).toBe('non-finite-rhs');
    expect(r.failure!.cause).toContain('component 0');
    expect(r.failure!.t).toBeGreaterThan(0);
  });

  it('a throwing rhs is reported as kind other at the t and h where it threw', () => {
    let calls = 0;
    const r = solveIvp((_t, y, f) => { if (++calls > 30) throw new Error('late boom'); f[0] = -y[0]; }, [0, 1], [1], { method: 'bdf' });
    expect(r.failure?.kind).toBe('other');
    expect(r.failure!.cause).toContain('late boom');
    expect(r.failure!.t).toBeGreaterThan(0);
    expect(r.failure!.h).toBeGreaterThan(0);
  });
});

describe("'auto' and BDF", () => {
  it('takes BDF for a problem stiff at the start with n ≥ 20 (POLLU, BRUSS-50) and keeps rodas5 for small ones (HIRES)', () => {
    for (const name of ['POLLU', 'BRUSS-50']) {
      const p = problem(name);
      const r = solveIvp(p.rhs, [0, p.t1], p.y0, { rtol: RTOL, atol: p.atol, jacobian: p.band ? p.bandJacobian : p.jacobian, jacobianBand: p.band });
      expect(r.status).toBe(0);
      expect(r.methodsUsed!.bdfSteps).toBe(r.nAccepted);
      expect(r.methodsUsed!.rodasSteps).toBe(0);
    }
    const h = problem('HIRES');
    const r = solveIvp(h.rhs, [0, h.t1], h.y0, { rtol: RTOL, atol: h.atol, jacobian: h.jacobian });
    expect(r.methodsUsed!.bdfSteps ?? 0).toBe(0);
    expect(r.methodsUsed!.rodasSteps).toBeGreaterThan(0);
  });

  it('keeps DOP853 for a non-stiff problem with n ≥ 20 (PLEIADES)', () => {
    const p = problem('PLEIADES');
    const r = solveIvp(p.rhs, [0, p.t1], p.y0, { rtol: RTOL, atol: p.atol });
    expect(r.methodsUsed!.bdfSteps ?? 0).toBe(0);
    expect(r.methodsUsed!.dop853Steps).toBe(r.nAccepted);
  });
});
