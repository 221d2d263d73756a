// jacobianBand: the banded path solves the PDE problems of the test set like the dense one, and its input checks.
import { describe, expect, it } from 'vitest';
import { solveIvp, type MethodName } from '../../src/solver/index.ts';
import { TEST_SET } from '../../benchmarks/problems/test-set.ts';
import { loadTestSetReference } from '../../benchmarks/test-set-bench.ts';

const RTOL = 1e-6;
const ref = loadTestSetReference();

function scaledErr(y: number[], yRef: number[], atol: number): number {
  let e = 0;
  for (let i = 0; i < y.length; i++) e = Math.max(e, Math.abs(y[i] - yRef[i]) / (atol + RTOL * Math.abs(yRef[i])));
  return e;
}

describe('banded Jacobian (rodas5 and auto)', () => {
  for (const p of TEST_SET.filter((q) => q.band && q.n <= 200)) {
    // 'auto' runs BDF on BRUSS-2D, whose global error there exceeds 10× (sparse-solve.test.ts holds it to 100×).
    for (const method of (p.sparsity ? ['rodas5'] : ['rodas5', 'auto']) as MethodName[]) {
      for (const analytic of [true, false]) {
        it(`${p.name} ${method}, ${analytic ? 'analytic band Jacobian' : 'band finite differences'}: within 10× the tolerance, same steps as dense`, () => {
          const common = { method, rtol: RTOL, atol: p.atol, autonomous: true, maxSteps: 200_000 };
          const r = solveIvp(p.rhs, [0, p.t1], p.y0, { ...common, jacobianBand: p.band, jacobian: analytic ? p.bandJacobian : undefined });
          expect(r.status, r.message).toBe(0);
          const yEnd = r.y.map((c) => c[c.length - 1]);
          expect(scaledErr(yEnd, ref[p.name].y_end, p.atol)).toBeLessThan(10);
          if (analytic) {
            // The same Jacobian, stored differently: the step sequence matches the dense solve to within a step or two.
            const d = solveIvp(p.rhs, [0, p.t1], p.y0, { ...common, jacobian: p.jacobian });
            expect(Math.abs(r.nAccepted - d.nAccepted)).toBeLessThanOrEqual(2);
          } else {
            // Band differences cost lower + upper + 1 evaluations per Jacobian, not n (beside rodas5's ≤ 12 per
            // Jacobian, one per step, or BDF's ≤ 2 per step, where 'auto' takes BDF for n ≥ 20).
            const w = p.band!.lower + p.band!.upper + 1;
            expect(r.nfev).toBeLessThan(r.njev * (w + 12) + 2 * (r.nAccepted + r.nRejected) + 20);
          }
        });
      }
    }
  }

  it('a non-finite band Jacobian entry names its (row, column)', () => {
    const r = solveIvp((_t, y, f) => { f[0] = -y[0]; f[1] = -y[1] + y[0]; }, [0, 1], [1, 1], {
      method: 'rodas5', jacobianBand: { lower: 1, upper: 0 },
      jacobian: (_t, _y, J) => { J[0] = 0; J[1] = -1; J[2] = Number.NaN; J[3] = -1; },
    });
    expect(r.status).toBe(-1);
    expect(r.failure!.kind).toBe('non-finite-jacobian');
    expect(r.failure!.cause).toContain('(1, 0)');
  });

  it('refuses bandwidths that are not integers in [0, n − 1], naming the option and value', () => {
    const f = (_t: number, y: Float64Array, d: Float64Array) => { d[0] = -y[0]; d[1] = -y[1]; };
    expect(() => solveIvp(f, [0, 1], [1, 1], { jacobianBand: { lower: 2, upper: 0 } })).toThrow(/jacobianBand\.lower' = 2; expected an integer in \[0, 1\]/);
    expect(() => solveIvp(f, [0, 1], [1, 1], { jacobianBand: { lower: 0, upper: 0.5 } })).toThrow(/jacobianBand\.upper' = 0\.5/);
    expect(() => solveIvp(f, [0, 1], [1, 1], { jacobianBand: null as never })).toThrow(/jacobianBand/);
  });
});
