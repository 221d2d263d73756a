// Bad options throw before solving, naming the option, the value and what is allowed.
import { describe, expect, it } from 'vitest';
import { solveIvp } from '../../src/solver/index.ts';
import type { SolveIvpOptions } from '../../src/solver/types.ts';
import { oscillator } from './helpers.ts';

function badOption(options: SolveIvpOptions, pattern: RegExp, tSpan: [number, number] = [0, 1], y0: number[] = [1, 0]) {
  let calls = 0;
  const rhs = (t: number, y: Float64Array, f: Float64Array) => {
    calls++;
    oscillator(t, y, f);
  };
  expect(() => solveIvp(rhs, tSpan, y0, options)).toThrow(pattern);
  expect(calls).toBe(0);
}

describe('option validation', () => {
  it('rtol ≤ 0, NaN or Infinity', () => {
    badOption({ rtol: 0 }, /'rtol' = 0; expected a finite number > 0/);
    badOption({ rtol: -1e-6 }, /'rtol' = -0.000001/);
    badOption({ rtol: Number.NaN }, /'rtol' = NaN/);
    badOption({ rtol: Number.POSITIVE_INFINITY }, /'rtol' = Infinity/);
  });
  it('atol of the wrong length or negative', () => {
    badOption({ atol: [1e-9] }, /'atol' = \[1e-9\]; expected a number or an array of length 2/);
    badOption({ atol: [1e-9, -1] }, /'atol\[1\]' = -1; expected a finite number ≥ 0/);
    badOption({ atol: -1 }, /'atol' = -1/);
    badOption({ atol: Number.NaN }, /'atol' = NaN/);
  });
  it('t1 == t0 or non-finite times', () => {
    badOption({}, /'tSpan' = \[1,1\]; t1 must differ from t0/, [1, 1]);
    badOption({}, /'tSpan\[1\]' = Infinity; expected a finite number/, [0, Number.POSITIVE_INFINITY]);
    badOption({}, /'tSpan\[0\]' = NaN/, [Number.NaN, 1]);
  });
  it('y0 containing NaN or empty', () => {
    badOption({}, /'y0\[1\]' = NaN; expected a finite number/, [0, 1], [1, Number.NaN]);
    badOption({}, /'y0'/, [0, 1], []);
  });
  it('tEval unsorted or outside the span', () => {
    badOption({ tEval: [0, 0.5, 0.2] }, /'tEval\[2\]' = 0.2; tEval must be sorted .*ascending/);
    badOption({ tEval: [0, 1.5] }, /'tEval\[1\]' = 1.5; expected a time within \[0, 1\]/);
    badOption({ tEval: [-0.1] }, /'tEval\[0\]' = -0.1/);
    badOption({ tEval: [1, 0.5, 0.6] }, /descending/, [1, 0]);
  });
  it('unknown method name', () => {
    badOption({ method: 'rk45' as never }, /'method' = "rk45"; allowed: 'odex', 'dop853', 'rodas5', 'seulex', 'bdf', 'auto'/);
  });
  it('maxSteps < 1 or not an integer', () => {
    badOption({ maxSteps: 0 }, /'maxSteps' = 0; expected an integer ≥ 1/);
    badOption({ maxSteps: 2.5 }, /'maxSteps' = 2.5/);
  });
  it('other options', () => {
    badOption({ maxStep: 0 }, /'maxStep' = 0/);
    badOption({ firstStep: -1 }, /'firstStep' = -1/);
    badOption({ firstStep: 5 }, /'firstStep' = 5; expected a number in \(0, 1\]/);
    badOption({ jacobian: 3 as never }, /'jacobian'/);
  });
  it('accepts good options', () => {
    const r = solveIvp(oscillator, [0, 1], [1, 0], { rtol: 1e-8, atol: [1e-10, 1e-10], tEval: [0, 0.5, 1], maxSteps: 1000 });
    expect(r.status).toBe(0);
    expect(Array.from(r.t)).toEqual([0, 0.5, 1]);
  });
});
