// The public test set: references against published values, and every problem solved within 10× its tolerance (or a failure).
import { describe, expect, it } from 'vitest';
import { solveIvp, type MethodName } from '../../src/solver/index.ts';
import { TEST_SET, heatExact } from '../../benchmarks/problems/test-set.ts';
import { errors, loadTestSetReference } from '../../benchmarks/test-set-bench.ts';

const ref = loadTestSetReference();
const RTOL = 1e-6;

/**
 * Published reference values (IVP test set, Mazzia & Magherini, Bari; Hairer's test-set pages):
 * VDPOL ε = 1e-6 from [2, 0] at t = 2; OREGO at t = 360; HIRES y1 at t = 321.8122.
 */
const PUBLISHED: Record<string, [number, number][]> = {
  'VDPOL-1e3': [[0, 1.706167732170483], [1, -0.8928097010247975]],
  OREGO: [[0, 1.000814870318523], [1, 1228.178521549917], [2, 132.0554942846706]],
  HIRES: [[0, 0.7371312573325668e-3]],
};

describe('test-set references', () => {
  for (const [name, vals] of Object.entries(PUBLISHED)) {
    it(`${name}: the stored reference agrees with the published values to 1e-8 relative`, () => {
      for (const [i, v] of vals) expect(Math.abs(ref[name].y_end[i] - v) / Math.abs(v)).toBeLessThan(1e-8);
    });
  }

  it('HEAT-N references are the exact semi-discrete solution', () => {
    for (const N of [50, 100]) {
      const ex = heatExact(N, 0.1);
      ref[`HEAT-${N}`].y_end.forEach((v, i) => expect(Math.abs(v - ex[i])).toBeLessThan(1e-14));
    }
  });

  it('every problem has a reference of its own size', () => {
    for (const p of TEST_SET) expect(ref[p.name]?.y_end.length, p.name).toBe(p.n);
  });
});

describe('test set at rtol 1e-6: status ok means an end error within 10× the tolerance', () => {
  // Sizes up to 200 states here (BRUSS-200 and HEAT-400 are left to the benchmark: seconds per solve).
  for (const p of TEST_SET.filter((q) => q.n <= 200 && q.stiff)) {
    for (const method of ['auto', 'rodas5'] as MethodName[]) {
      it(`${p.name} (${method})`, () => {
        const r = solveIvp(p.rhs, [0, p.t1], p.y0, { method, rtol: RTOL, atol: p.atol, jacobian: p.jacobian, autonomous: true, maxSteps: 200_000 });
        if (r.status !== 0) return expect(r.failure!.cause.length).toBeGreaterThan(10);
        expect(errors(r.y.map((c) => c[c.length - 1]), ref[p.name].y_end, p.atol, RTOL).scaled).toBeLessThan(10);
      });
    }
  }

  for (const name of ['ARENSTORF', 'PLEIADES']) {
    it(`${name}: global error amplification along the orbits; the end error still falls with rtol (auto)`, () => {
      // A local-error controller does not bound these orbits' global error at rtol 1e-6 (close approaches
      // amplify it; CVODE and scipy neither): README lists the measured errors. What must hold: tightening
      // rtol tightens the answer.
      const p = TEST_SET.find((q) => q.name === name)!;
      const err = [1e-6, 1e-9, 1e-12].map((rtol) => {
        const r = solveIvp(p.rhs, [0, p.t1], p.y0, { rtol, atol: rtol * 1e-3 });
        expect(r.status).toBe(0);
        return errors(r.y.map((c) => c[c.length - 1]), ref[name].y_end, 1, 0).wp;
      });
      expect(err[1]).toBeLessThan(err[0] / 10);
      expect(err[2]).toBeLessThan(err[1] / 10);
    });
  }
});
