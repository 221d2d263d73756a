// Which stiff method 'auto' runs: SEULEX at rtol ≤ 1e-8 on small dense problems, rodas5 elsewhere and where extrapolation stops paying.
import { describe, expect, it } from 'vitest';
import { solveIvp } from '../../src/solver/index.ts';
import { HC4_T_END, hc4Atol, hc4Jacobian, hc4Rhs, hc4Y0 } from '../../benchmarks/problems/hc4.ts';
import { loadHc4Reference } from '../../benchmarks/problems/reference.ts';
import { TEST_SET } from '../../benchmarks/problems/test-set.ts';
import { loadTestSetReference } from '../../benchmarks/test-set-bench.ts';
import { endState, scaledError } from './helpers.ts';
import { Seulex } from '../../src/solver/seulex.ts';
import { validateOptions } from '../../src/solver/validate.ts';
import { Recorder, newCounters } from '../../src/solver/recorder.ts';
import type { RhsFn } from '../../src/solver/types.ts';

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

  it('never takes SEULEX with a banded Jacobian, even at rtol 1e-9 (HEAT-50, stiff from the start: BDF)', () => {
    const p = TEST_SET.find((q) => q.name === 'HEAT-50')!;
    const r = solveIvp(p.rhs, [0, p.t1], p.y0, { rtol: 1e-9, atol: p.atol, jacobian: p.bandJacobian, jacobianBand: p.band });
    expect(r.status, r.message).toBe(0);
    expect(r.methodsUsed!.seulexSteps).toBeUndefined();
    expect(r.methodsUsed!.bdfSteps).toBeGreaterThan(0);
  });

  it('solves VDPOL (ε = 1e-6) at rtol 1e-9 within 10× the tolerance, every accepted step accounted for', () => {
    const p = TEST_SET.find((q) => q.name === 'VDPOL-1e3')!;
    const r = solveIvp(p.rhs, [0, p.t1], p.y0, { rtol: 1e-9, atol: p.atol, jacobian: p.jacobian });
    expect(r.status, r.message).toBe(0);
    const u = r.methodsUsed!;
    expect(u.seulexSteps).toBeGreaterThan(0);
    expect((u.seulexSteps ?? 0) + u.rodasSteps + (u.dop853Steps ?? 0)).toBe(r.nAccepted);
    expect(scaledError(endState(r.y), loadTestSetReference()['VDPOL-1e3'].y_end, 1e-9, p.atol)).toBeLessThan(10);
  });

  it('Seulex.lowOrderLimit: the run stops with lowOrder set after that many steps at order ≤ 3 (auto then hands over to rodas5)', () => {
    const rhs: RhsFn = (_t, y, f) => { f[0] = -y[0]; f[1] = -100 * (y[1] - Math.cos(y[0])); };
    const run = (rtol: number) => {
      const opt = validateOptions(rhs, [0, 10], [1, 0], { rtol });
      const m = new Seulex(rhs, 2, opt, newCounters(), new Recorder(2, null));
      m.lowOrderLimit = 5;
      return { end: m.run(0, Float64Array.from([1, 0]), 10, 0), m };
    };
    const loose = run(1e-3); // starts at 3 rows
    expect(loose.end).toBe('switch');
    expect(loose.m.lowOrder).toBe(true);
    expect(loose.m.steps).toBe(5);
    const tight = run(1e-6); // runs at order ≥ 4
    expect(tight.end).toBe('done');
    expect(tight.m.lowOrder).toBe(false);
  });

  it('a problem that turns non-stiff stays in SEULEX at rtol 1e-8 when its steps already outgrow the stiff mode', () => {
    // λ falls from 1e5 to 1e-3 (auto.test.ts runs it at 1e-7, where rodas5 hands over to DOP853).
    const rhs: RhsFn = (t, y, f) => { f[0] = -Math.pow(10, 5 - t) * (y[0] - Math.cos(t)); };
    const r = solveIvp(rhs, [0, 8], [0], { rtol: 1e-8, atol: 1e-10, tEval: [8] });
    const rodas = solveIvp(rhs, [0, 8], [0], { method: 'rodas5', rtol: 1e-10, atol: 1e-12, tEval: [8] });
    expect(r.status, r.message).toBe(0);
    expect(r.methodsUsed!.seulexSteps).toBe(r.nAccepted);
    expect(Math.abs(r.y[0][0] - rodas.y[0][0])).toBeLessThan(1e-8);
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
