// One component carrying the error: y′ = cos(ωt)·y on [0, 20], y(0) = 1, atol 1e-12, for 40 frequencies
// ω = 0.5 … 3.23 (exact: y = exp(sin(ωt)/ω)). No damping and nothing forgotten, so the end error is the sum of what
// the steps leave; and an embedded estimate of one component passes through zero now and then. For each method and
// rtol: the end error over the tolerance (median, 90th percentile, largest), the share of accepted steps whose true
// local error (against the exact flow from the step's own start) is above the tolerance and the largest of those,
// and the evaluations per solve. Untimed; docs/solvers.md quotes it for DOP853's floor against an estimate through
// zero.
//
//   node bin/run-ts.mjs benchmarks/one-component.ts [--methods dop853,auto,rodas5,seulex,bdf,odex] [--rtols 1e-6,1e-8]
import { solveIvp, type MethodName } from '../src/solver/index.ts';

const list = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return (i >= 0 ? process.argv[i + 1] : fallback).split(',');
};
const METHODS = list('methods', 'dop853,auto,rodas5,seulex,bdf,odex') as MethodName[];
const RTOLS = list('rtols', '1e-6,1e-8').map(Number);
for (const r of RTOLS) if (!(r >= 1e-14 && r <= 1e-2)) throw new Error(`--rtols: ${r} is not a tolerance in [1e-14, 1e-2]`);

const T1 = 20;
const ATOL = 1e-12;
const OMEGAS = Array.from({ length: 40 }, (_, k) => 0.5 + 0.07 * k);
const quantile = (v: number[], q: number) => [...v].sort((a, b) => a - b)[Math.round(q * (v.length - 1))];

console.log('| method | rtol | end error median | p90 | largest | steps above tol | largest step error | evaluations |');
console.log('|---|---|---|---|---|---|---|---|');
for (const method of METHODS) {
  for (const rtol of RTOLS) {
    const ends: number[] = [];
    const steps: number[] = [];
    let nfev = 0;
    for (const w of OMEGAS) {
      const F = (t: number) => Math.sin(w * t) / w;
      const r = solveIvp((t, y, f) => { f[0] = Math.cos(w * t) * y[0]; }, [0, T1], [1], { method, rtol, atol: ATOL });
      if (r.status !== 0) throw new Error(`${method} at rtol ${rtol}, ω = ${w}: ${r.message}`);
      nfev += r.nfev;
      const y = r.y[0];
      for (let m = 0; m + 1 < r.t.length; m++) {
        const exact = y[m] * Math.exp(F(r.t[m + 1]) - F(r.t[m]));
        steps.push(Math.abs(y[m + 1] - exact) / (ATOL + rtol * Math.max(Math.abs(y[m]), Math.abs(y[m + 1]))));
      }
      const yEnd = Math.exp(F(T1));
      ends.push(Math.abs(y[y.length - 1] - yEnd) / (ATOL + rtol * yEnd));
    }
    const above = steps.filter((e) => e > 1).length / steps.length;
    console.log(`| ${method} | ${rtol.toExponential(0)} | ${quantile(ends, 0.5).toFixed(2)}× | ${quantile(ends, 0.9).toFixed(1)}× | ${quantile(ends, 1).toFixed(1)}× | ${(100 * above).toFixed(1)} % | ${quantile(steps, 1).toFixed(1)}× | ${(nfev / OMEGAS.length).toFixed(0)} |`);
  }
}
