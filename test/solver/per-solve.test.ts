// Per-solve set-up of the solver front (one allocation for the tEval grid and the result, pooled rodas5 work, auto's
// start-up test): the same steps and values as before those changes, and no dependence on earlier solves.
import { describe, expect, it } from 'vitest';
import { solveIvp } from '../../src/solver/index.ts';
import { HC4_T_END, hc4Atol, hc4Jacobian, hc4Rhs, hc4Y0 } from '../../benchmarks/problems/hc4.ts';

const TIMES = [0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000];

/**
 * HC-4 as solved by main before the per-solve changes (commit 0e95581): accepted, rejected, nfev, njev, nlu, and y
 * at t = 1, 30, 1000 per component. The changes only move allocations, so steps must match exactly and values to
 * round-off (they match bit for bit on one machine; the tolerance allows for a different libm).
 */
const GOLDEN: { method: 'rodas5' | 'auto'; rtol: number; n0: number; counters: number[]; y: number[][] }[] = [
  { method: 'rodas5', rtol: 0.001, n0: 1e+17, counters: [15, 1, 144, 15, 16], y: [[99899031532612780, 97015316105911250, 36553937763983760], [726.1039483326936, 300.00538175921537, 300.0016089071756], [1.3251788788853975, 1.1196435593162497, 1.1196255504181325], [300.0023635319015, 300.0050920978187, 300.0015714256194]] },
  { method: 'rodas5', rtol: 0.001, n0: 3e+18, counters: [18, 0, 164, 18, 18], y: [[2995564745577341000, 2870939374878650400, 876213135210621300], [1277.303159291654, 301.4394385435968, 300.0913836969599], [4.527829273803728, 1.1258754500933006, 1.119982043906745], [300.0497104697354, 300.1554808696551, 300.0403470907087]] },
  { method: 'rodas5', rtol: 0.001, n0: 1e+20, counters: [29, 1, 270, 29, 30], y: [[83787473827521460000, 25751336881965810000, 2041613670273709800], [3485.775527699262, 1952.892532922079, 300.7577483043751], [16.67541029261409, 8.936803472160062, 1.122925897674838], [300.521385022357, 314.12862182944355, 300.2593552188978]] },
  { method: 'rodas5', rtol: 1e-05, n0: 1e+17, counters: [25, 1, 234, 25, 26], y: [[99899031532612800, 97015316107271330, 36553758946427710], [726.0713275668007, 300.0053815595453, 300.0016089804985], [1.3251826474186907, 1.1196435586285425, 1.1196255508041084], [300.0023635883647, 300.0050920978236, 300.0015714721078]] },
  { method: 'rodas5', rtol: 1e-05, n0: 3e+18, counters: [36, 1, 333, 36, 37], y: [[2995564745577340000, 2870939374932065300, 876161798671570600], [1277.3262728651805, 301.43946127301825, 300.09137613533966], [4.527779284847503, 1.1258755538810687, 1.1199820170752426], [300.04970900133947, 300.15548108908865, 300.0403466391141]] },
  { method: 'rodas5', rtol: 1e-05, n0: 1e+20, counters: [64, 0, 578, 64, 64], y: [[83788073793995780000, 25750212946991670000, 2041437512179097900], [3485.78262224209, 1952.9084539481921, 300.757581317744], [16.674942046788008, 8.937788558165199, 1.1229251534566815], [300.5213959634396, 314.1276641394796, 300.2593189975519]] },
  { method: 'auto', rtol: 0.001, n0: 1e+17, counters: [15, 1, 144, 16, 16], y: [[99899031532612780, 97015316105911250, 36553937763983760], [726.1039483326936, 300.00538175921537, 300.0016089071756], [1.3251788788853975, 1.1196435593162497, 1.1196255504181325], [300.0023635319015, 300.0050920978187, 300.0015714256194]] },
  { method: 'auto', rtol: 0.001, n0: 3e+18, counters: [18, 0, 164, 19, 18], y: [[2995564745577341000, 2870939374878650400, 876213135210621300], [1277.303159291654, 301.4394385435968, 300.0913836969599], [4.527829273803728, 1.1258754500933006, 1.119982043906745], [300.0497104697354, 300.1554808696551, 300.0403470907087]] },
  { method: 'auto', rtol: 0.001, n0: 1e+20, counters: [29, 1, 270, 30, 30], y: [[83787473827521460000, 25751336881965810000, 2041613670273709800], [3485.775527699262, 1952.892532922079, 300.7577483043751], [16.67541029261409, 8.936803472160062, 1.122925897674838], [300.521385022357, 314.12862182944355, 300.2593552188978]] },
  { method: 'auto', rtol: 1e-05, n0: 1e+17, counters: [25, 1, 234, 26, 26], y: [[99899031532612800, 97015316107271330, 36553758946427710], [726.0713275668007, 300.0053815595453, 300.0016089804985], [1.3251826474186907, 1.1196435586285425, 1.1196255508041084], [300.0023635883647, 300.0050920978236, 300.0015714721078]] },
  { method: 'auto', rtol: 1e-05, n0: 3e+18, counters: [36, 1, 333, 37, 37], y: [[2995564745577340000, 2870939374932065300, 876161798671570600], [1277.3262728651805, 301.43946127301825, 300.09137613533966], [4.527779284847503, 1.1258755538810687, 1.1199820170752426], [300.04970900133947, 300.15548108908865, 300.0403466391141]] },
  { method: 'auto', rtol: 1e-05, n0: 1e+20, counters: [64, 0, 578, 65, 64], y: [[83788073793995780000, 25750212946991670000, 2041437512179097900], [3485.78262224209, 1952.9084539481921, 300.757581317744], [16.674942046788008, 8.937788558165199, 1.1229251534566815], [300.5213959634396, 314.1276641394796, 300.2593189975519]] },
];

function hc4(method: 'rodas5' | 'auto', rtol: number, n0: number, tEval: ArrayLike<number> = TIMES) {
  return solveIvp(hc4Rhs, [0, HC4_T_END], hc4Y0(n0), { method, rtol, atol: hc4Atol(n0), jacobian: hc4Jacobian, tEval, autonomous: true });
}

describe('per-solve set-up', () => {
  it('HC-4 takes the same steps and reaches the same values as before (rodas5 and auto, rtol 1e-3 and 1e-5)', () => {
    for (const g of GOLDEN) {
      const r = hc4(g.method, g.rtol, g.n0);
      expect([r.nAccepted, r.nRejected, r.nfev, r.njev, r.nlu], `${g.method} ${g.rtol} ${g.n0}`).toEqual(g.counters);
      g.y.forEach((want, i) => [2, 5, 8].forEach((k, j) => {
        expect(Math.abs(r.y[i][k] - want[j])).toBeLessThanOrEqual(1e-12 * Math.abs(want[j]));
      }));
    }
  });

  it('the result\'s t holds the tEval values, is not the caller\'s array, and the caller may change that array afterwards', () => {
    const grid = Float64Array.from(TIMES);
    const a = hc4('rodas5', 1e-4, 1e18, grid);
    const b = hc4('rodas5', 1e-4, 1e18, TIMES);
    expect(a.t).not.toBe(grid);
    expect(Array.from(a.t)).toEqual(TIMES);
    grid.fill(0);
    expect(Array.from(a.t)).toEqual(TIMES);
    for (let i = 0; i < 4; i++) expect(Array.from(a.y[i])).toEqual(Array.from(b.y[i]));
    expect(a.y[0].length).toBe(TIMES.length);
  });

  it('a failed solve returns the tEval points it reached, with their values', () => {
    const rhs = (t: number, y: Float64Array, d: Float64Array) => { d[0] = t < 2 ? -y[0] : Number.NaN; };
    const r = solveIvp(rhs, [0, 4], [1], { method: 'rodas5', tEval: [0, 1, 1.5, 3, 4] });
    expect(r.status).toBe(-1);
    expect(Array.from(r.t)).toEqual([0, 1, 1.5]);
    expect(r.y[0].length).toBe(3);
    expect(r.y[0][1]).toBeCloseTo(Math.exp(-1), 5);
  });

  it('a Jacobian that writes its nonzero entries only gives the same solve after an unrelated solve of the same size', () => {
    // Linear 4-state chain; the Jacobian leaves its zero entries alone.
    const k = [1, 1e3, 1e5, 10];
    const rhs = (_t: number, y: Float64Array, d: Float64Array) => {
      d[0] = -k[0] * y[0];
      for (let i = 1; i < 4; i++) d[i] = k[i - 1] * y[i - 1] - k[i] * y[i];
    };
    const jac = (_t: number, _y: Float64Array, J: Float64Array) => {
      J[0] = -k[0];
      for (let i = 1; i < 4; i++) { J[i * 4 + i - 1] = k[i - 1]; J[i * 4 + i] = -k[i]; }
    };
    for (const method of ['rodas5', 'auto'] as const) {
      const solve = () => solveIvp(rhs, [0, 10], [1, 0, 0, 0], { method, rtol: 1e-6, atol: 1e-12, jacobian: jac, tEval: [1, 5, 10] });
      const first = solve();
      hc4(method, 1e-3, 1e20); // fills the pooled work (and its Jacobian) with HC-4's dense values
      const again = solve();
      expect(again.nAccepted).toBe(first.nAccepted);
      expect(again.nfev).toBe(first.nfev);
      for (let i = 0; i < 4; i++) expect(Array.from(again.y[i])).toEqual(Array.from(first.y[i]));
    }
  });
});
