// The public test set: references against published values, and every problem solved within 10× its tolerance (or a failure).
import { describe, expect, it } from 'vitest';
import { solveIvp, type MethodName } from '../../src/solver/index.ts';
import { TEST_SET, heatExact } from '../../benchmarks/problems/test-set.ts';
import { polluJacobian, polluJacobianTable, polluRhs, polluRhsTable } from '../../benchmarks/problems/pollu.ts';
import { errors, loadTestSetReference } from '../../benchmarks/test-set-bench.ts';

const ref = loadTestSetReference();
const RTOL = 1e-6;

/**
 * Published reference values (IVP test set, Mazzia & Magherini, Bari; Hairer's test-set pages):
 * VDPOL ε = 1e-6 from [2, 0] at t = 2; OREGO at t = 360; HIRES y1 at t = 321.8122; POLLU at t = 60
 * (y1, y2, y4, y7, y8, y9, y15, y17 of the test set's RADAU5 reference in extended precision; Verwer 1994).
 */
const PUBLISHED: Record<string, [number, number][]> = {
  'VDPOL-1e3': [[0, 1.706167732170483], [1, -0.8928097010247975]],
  OREGO: [[0, 1.000814870318523], [1, 1228.178521549917], [2, 132.0554942846706]],
  HIRES: [[0, 0.7371312573325668e-3]],
  POLLU: [[0, 0.5646255480022769e-1], [1, 0.1342484130422339], [3, 0.5523140207484359e-2], [6, 0.7784249118997964e-1],
    [7, 0.3245075353396018], [8, 0.7494013383880406e-2], [14, 0.8964884856898295e-2], [16, 0.6899219696263405e-2]],
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

  it('POLLU: the written-out rhs and Jacobian equal the reaction table at random states', () => {
    let seed = 5;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const fa = new Float64Array(20), fb = new Float64Array(20), Ja = new Float64Array(400), Jb = new Float64Array(400);
    for (let trial = 0; trial < 5; trial++) {
      const y = Float64Array.from({ length: 20 }, () => rnd() * 0.3);
      polluRhs(0, y, fa);
      polluRhsTable(0, y, fb);
      polluJacobian(0, y, Ja);
      polluJacobianTable(0, y, Jb);
      for (let i = 0; i < 20; i++) expect(Math.abs(fa[i] - fb[i])).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(fb[i])));
      for (let i = 0; i < 400; i++) expect(Math.abs(Ja[i] - Jb[i])).toBeLessThanOrEqual(1e-12 * (1 + Math.abs(Jb[i])));
    }
  });

  it('every problem has a reference of its own size', () => {
    for (const p of TEST_SET) expect(ref[p.name]?.y_end.length, p.name).toBe(p.n);
  });
});

/** A failure must name its cause; status ok must mean an end error within 10× the tolerance. */
function okMeansWithin10(p: (typeof TEST_SET)[number], method: MethodName, rtol: number): void {
  const r = solveIvp(p.rhs, [0, p.t1], p.y0, { method, rtol, atol: p.atol, jacobian: p.jacobian, autonomous: true, maxSteps: 200_000 });
  if (r.status !== 0) {
    expect(r.failure!.cause.length).toBeGreaterThan(10);
    return;
  }
  expect(errors(r.y.map((c) => c[c.length - 1]), ref[p.name].y_end, p.atol, rtol).scaled, `${method}, rtol ${rtol}`).toBeLessThan(10);
}

describe('test set at rtol 1e-6: status ok means an end error within 10× the tolerance', () => {
  // Sizes up to 200 states here (BRUSS-200 and HEAT-400 are left to the benchmark: seconds per solve).
  for (const p of TEST_SET.filter((q) => q.n <= 200 && q.stiff)) {
    // BRUSS-2D's oscillation amplifies BDF's global error to 30–70× the tolerance (CVODE's too): 'auto' (BDF there)
    // is held to that in sparse-solve.test.ts instead.
    for (const method of (p.sparsity ? ['rodas5'] : ['auto', 'rodas5']) as MethodName[]) {
      it(`${p.name} (${method})`, () => okMeansWithin10(p, method, RTOL));
    }
  }

  // seulex's tableau estimate was optimistic on stiff stretches (OREGO at rtol 1e-4 ended at 11–14× with status
  // ok); its acceptance test reads twice the estimate since (benchmarks/local-error.ts, docs/solvers.md).
  for (const p of TEST_SET.filter((q) => q.n <= 100 && q.stiff && !q.sparsity)) {
    it(`${p.name} (seulex, rtol 1e-4 … 1e-8)`, () => {
      for (const rtol of [1e-4, 1e-6, 1e-8]) okMeansWithin10(p, 'seulex', rtol);
    });
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
