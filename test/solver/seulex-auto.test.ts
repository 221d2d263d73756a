// Which stiff method 'auto' runs: SEULEX at rtol ≤ 1e-8 on small dense problems, rodas5 elsewhere and where extrapolation stops paying.
import { describe, expect, it } from 'vitest';
import { solveIvp } from '../../src/solver/index.ts';
import { HC4_T_END, hc4Atol, hc4Jacobian, hc4Rhs, hc4Y0 } from '../../benchmarks/problems/hc4.ts';
import { loadHc4Reference } from '../../benchmarks/problems/reference.ts';
import { TEST_SET } from '../../benchmarks/problems/test-set.ts';
import { loadTestSetReference } from '../../benchmarks/test-set-bench.ts';
import { endState, scaledError } from './helpers.ts';

const ref = loadHc4Reference();
const hc4 = (rtol: number, n0 = ref.cases[2].n0_cm3) =>
  solveIvp(hc4Rhs, [0, HC4_T_END], hc4Y0(n0), { rtol, atol: hc4Atol(n0), jacobian: hc4Jacobian, tEval: ref.times_ps, autonomous: true });

describe("'auto' and SEULEX", () => {
  it('runs HC-4 with SEULEX alone at rtol 1e-9 and 1e-10, and gives what seulex gives', () => {
    for (const rtol of [1e-9, 1e-10]) {
      const r = hc4(rtol);
      expect(r.status, r.message).toBe(0);
      expect(r.methodsUsed!.rodasSteps).toBe(0);
      expect(r.methodsUsed!.dop853Steps).toBe(0);
      expect(r.methodsUsed!.seulexSteps).toBe(r.nAccepted);
      const n0 = ref.cases[2].n0_cm3;
      const s = solveIvp(hc4Rhs, [0, HC4_T_END], hc4Y0(n0), { method: 'seulex', rtol, atol: hc4Atol(n0), jacobian: hc4Jacobian, tEval: ref.times_ps, autonomous: true });
      expect(Array.from(r.y[1])).toEqual(Array.from(s.y[1]));
    }
  });

  it('keeps rodas5 on HC-4 at rtol 1e-7 and looser (no seulexSteps)', () => {
    for (const rtol of [1e-4, 1e-7]) {
      const r = hc4(rtol);
      expect(r.status, r.message).toBe(0);
      expect(r.methodsUsed!.seulexSteps).toBeUndefined();
      expect(r.methodsUsed!.rodasSteps).toBe(r.nAccepted);
    }
  });

  it('keeps rodas5 with a banded Jacobian, even at rtol 1e-9', () => {
    const p = TEST_SET.find((q) => q.name === 'HEAT-50')!;
    const r = solveIvp(p.rhs, [0, p.t1], p.y0, { rtol: 1e-9, atol: p.atol, jacobian: p.bandJacobian, jacobianBand: p.band });
    expect(r.status, r.message).toBe(0);
    expect(r.methodsUsed!.seulexSteps).toBeUndefined();
    expect(r.methodsUsed!.rodasSteps).toBeGreaterThan(0);
  });

  it('hands VDPOL (ε = 1e-6) to rodas5 when the order stays low, and stays accurate', () => {
    const p = TEST_SET.find((q) => q.name === 'VDPOL-1e3')!;
    const r = solveIvp(p.rhs, [0, p.t1], p.y0, { rtol: 1e-9, atol: p.atol, jacobian: p.jacobian });
    expect(r.status, r.message).toBe(0);
    const u = r.methodsUsed!;
    expect(u.seulexSteps).toBeGreaterThan(0);
    expect(u.rodasSteps).toBeGreaterThan(10 * u.seulexSteps!);
    expect(scaledError(endState(r.y), loadTestSetReference()['VDPOL-1e3'].y_end, 1e-9, p.atol)).toBeLessThan(10);
  });

  it('solves ROBER, HIRES and OREGO at rtol 1e-9 with SEULEX, within 20× the tolerance at t1', () => {
    const refs = loadTestSetReference();
    for (const name of ['ROBER', 'HIRES', 'OREGO']) {
      const p = TEST_SET.find((q) => q.name === name)!;
      const r = solveIvp(p.rhs, [0, p.t1], p.y0, { rtol: 1e-9, atol: p.atol, jacobian: p.jacobian });
      expect(r.status, `${name}: ${r.message}`).toBe(0);
      expect(r.methodsUsed!.seulexSteps, name).toBeGreaterThan(0);
      expect(scaledError(endState(r.y), refs[name].y_end, 1e-9, p.atol), name).toBeLessThan(20);
    }
  });
});
