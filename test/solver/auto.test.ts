// Method 'auto': picks DOP853 on non-stiff problems, rodas5 on stiff ones, and records its switches.
import { describe, expect, it } from 'vitest';
import { solveIvp } from '../../src/solver/index.ts';
import { STIFF_SET } from '../../benchmarks/problems/stiff-set.ts';
import { loadStiffReference } from '../../benchmarks/problems/reference.ts';
import { endState, scaledError } from './helpers.ts';

const lotkaVolterra = (_t: number, y: Float64Array, f: Float64Array) => {
  f[0] = 1.5 * y[0] - y[0] * y[1];
  f[1] = -3 * y[1] + y[0] * y[1];
};

describe("method 'auto'", () => {
  it('is the default', () => {
    const r = solveIvp(lotkaVolterra, [0, 1], [1, 1]);
    expect(r.method).toBe('auto');
    expect(r.methodsUsed).toBeDefined();
  });

  it('stays with DOP853 on a non-stiff problem, step for step', () => {
    const r = solveIvp(lotkaVolterra, [0, 15], [1, 1], { rtol: 1e-8, atol: 1e-10 });
    const dop = solveIvp(lotkaVolterra, [0, 15], [1, 1], { method: 'dop853', rtol: 1e-8, atol: 1e-10 });
    expect(r.status).toBe(0);
    expect(r.methodsUsed).toEqual({ odexSteps: 0, rodasSteps: 0, switches: 0, dop853Steps: dop.nAccepted });
    expect(Array.from(r.t)).toEqual(Array.from(dop.t));
    expect(r.y[0][r.t.length - 1]).toBe(dop.y[0][dop.t.length - 1]);
  });

  it('uses rodas5 on ROBER throughout', () => {
    const p = STIFF_SET.find((q) => q.name === 'ROBER')!;
    const r = solveIvp(p.rhs, [0, 1e11], [1, 0, 0], { rtol: 1e-6, atol: p.atol, jacobian: p.jacobian });
    expect(r.methodsUsed!.dop853Steps).toBe(0);
    expect(r.methodsUsed!.rodasSteps).toBe(r.nAccepted);
  });

  it('keeps the accuracy on VDPOL and accounts for every step', () => {
    const p = STIFF_SET.find((q) => q.name === 'VDPOL')!;
    const ref = loadStiffReference().VDPOL;
    const r = solveIvp(p.rhs, [0, 2], ref.y0, { rtol: 1e-6, atol: p.atol, jacobian: p.jacobian });
    expect(r.status).toBe(0);
    expect(r.methodsUsed!.dop853Steps! + r.methodsUsed!.rodasSteps).toBe(r.nAccepted);
    expect(scaledError(endState(r.y), ref.y_end, 1e-6, p.atol)).toBeLessThan(5);
  });

  it('switches from DOP853 to rodas5 when a problem turns stiff (DOP853\'s own stiffness test)', () => {
    // y' = −λ(t)(y − cos t) with λ growing from 1 to 1e5: non-stiff at first, stiff later.
    const rhs = (t: number, y: Float64Array, f: Float64Array) => {
      const lambda = Math.pow(10, Math.min(5, t));
      f[0] = -lambda * (y[0] - Math.cos(t));
    };
    const r = solveIvp(rhs, [0, 0.004], [0], {});
    expect(r.methodsUsed!.rodasSteps).toBe(0);
    const r2 = solveIvp(rhs, [0, 10], [0], { rtol: 1e-6, atol: 1e-9, tEval: [0.004, 10] });
    expect(r2.status).toBe(0);
    expect(r2.methodsUsed!.dop853Steps).toBeGreaterThan(0);
    expect(r2.methodsUsed!.rodasSteps).toBeGreaterThan(0);
    expect(r2.methodsUsed!.switches).toBe(1);
    expect(r2.y[0][1]).toBeCloseTo(Math.cos(10), 4);
    // Plain DOP853 on the same problem keeps going in stability-bounded steps: many times the work.
    const plain = solveIvp(rhs, [0, 10], [0], { method: 'dop853', rtol: 1e-6, atol: 1e-9, tEval: [0.004, 10] });
    expect(plain.nfev).toBeGreaterThan(20 * r2.nfev);
  });

  it('switches from rodas5 to DOP853 when a stiff problem turns non-stiff', () => {
    // λ falls from 1e5 to 1e-3: stiff at first, then an explicit method is cheaper.
    const rhs = (t: number, y: Float64Array, f: Float64Array) => {
      const lambda = Math.pow(10, 5 - t);
      f[0] = -lambda * (y[0] - Math.cos(t));
    };
    // rtol 1e-7: at 1e-8 and below the stiff method is SEULEX (test/solver/seulex-auto.test.ts).
    const r = solveIvp(rhs, [0, 8], [0], { rtol: 1e-7, atol: 1e-10, tEval: [8] });
    expect(r.status).toBe(0);
    expect(r.methodsUsed!.rodasSteps).toBeGreaterThan(0);
    expect(r.methodsUsed!.dop853Steps).toBeGreaterThan(0);
    expect(r.methodsUsed!.switches).toBeGreaterThanOrEqual(1);
    const rodas = solveIvp(rhs, [0, 8], [0], { method: 'rodas5', rtol: 1e-10, atol: 1e-12, tEval: [8] });
    expect(Math.abs(r.y[0][0] - rodas.y[0][0])).toBeLessThan(1e-6);
  });
});
