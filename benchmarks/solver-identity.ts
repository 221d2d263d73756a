// Every number solveIvp returns (counters, status, methods used, t and y), compared bit for bit between two
// source trees: HC-4's 20 densities at rtol 1e-3 … 1e-10 (rodas5, seulex, auto; at the 9 reference times and,
// at three rtols, per-step output) and the small test-set problems (rodas5, auto, with and without the analytic
// Jacobian, at rtol 1e-4, 1e-6, 1e-8).
//   node bin/run-ts.mjs benchmarks/solver-identity.ts --src OLD_TREE [--src NEW_TREE]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HC4_T_END, hc4Atol, hc4Densities, hc4Jacobian, hc4Rhs, hc4Y0 } from './problems/hc4.ts';
import { TEST_SET } from './problems/test-set.ts';
import { WORK_PRECISION_RTOLS } from './hc4-bench.ts';

const args = process.argv.slice(2);
const srcs: string[] = [];
for (let i = 0; i < args.length; i++) if (args[i] === '--src') srcs.push(resolve(args[i + 1]));
if (srcs.length === 1) srcs.push(resolve(import.meta.dirname, '..'));
type Solve = (rhs: unknown, span: number[], y0: ArrayLike<number>, opt: object) => Record<string, unknown>;
const solvers: Solve[] = await Promise.all(srcs.map(async (root) => (await import(pathToFileURL(`${root}/src/solver/index.ts`).href)).solveIvp));

const cases: { name: string; rhs: unknown; span: number[]; y0: ArrayLike<number>; opt: object }[] = [];
const times = [0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000];
for (const rtol of WORK_PRECISION_RTOLS) {
  for (const method of ['rodas5', 'seulex', 'auto']) {
    for (const n0 of hc4Densities(20)) {
      const base = { method, rtol, atol: hc4Atol(n0), jacobian: hc4Jacobian, autonomous: true };
      cases.push({ name: `HC-4 ${method} ${rtol} ${n0.toExponential(2)}`, rhs: hc4Rhs, span: [0, HC4_T_END], y0: hc4Y0(n0), opt: { ...base, tEval: times } });
      if (rtol === 1e-3 || rtol === 1e-6 || rtol === 1e-9) cases.push({ name: `HC-4 ${method} ${rtol} ${n0.toExponential(2)} per-step`, rhs: hc4Rhs, span: [0, HC4_T_END], y0: hc4Y0(n0), opt: base });
    }
  }
}
for (const p of TEST_SET.filter((q) => q.n <= 20)) {
  for (const rtol of [1e-4, 1e-6, 1e-8]) {
    for (const method of p.stiff ? ['rodas5', 'auto'] : ['auto']) {
      for (const jac of p.jacobian ? [true, false] : [false]) {
        const opt = { method, rtol, atol: p.atol, ...(jac ? { jacobian: p.jacobian } : {}), maxSteps: 200000 };
        cases.push({ name: `${p.name} ${method} ${rtol} jac=${jac}`, rhs: p.rhs, span: [0, p.t1], y0: p.y0, opt });
      }
    }
  }
}

let numbers = 0;
let diffs = 0;
let first = '';
const walk = (a: unknown, b: unknown, path: string): void => {
  if (typeof a === 'number' && typeof b === 'number') {
    numbers++;
    if (!Object.is(a, b)) { diffs++; first ||= `${path}: ${a} vs ${b}`; }
    return;
  }
  if (ArrayBuffer.isView(a) || Array.isArray(a)) {
    const x = a as ArrayLike<unknown>, y = b as ArrayLike<unknown>;
    if (x.length !== y.length) { diffs++; first ||= `${path}: length ${x.length} vs ${y.length}`; return; }
    for (let i = 0; i < x.length; i++) walk(x[i], y[i], `${path}[${i}]`);
    return;
  }
  if (a && typeof a === 'object' && b && typeof b === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) walk((a as never)[k], (b as never)[k], `${path}.${k}`);
    return;
  }
  if (a !== b) { diffs++; first ||= `${path}: ${String(a)} vs ${String(b)}`; }
};
for (const c of cases) {
  const [ra, rb] = solvers.map((s) => s(c.rhs, c.span, c.y0, c.opt));
  walk(ra, rb, c.name);
}
console.log(`${cases.length} solves, ${numbers} numbers compared bit for bit; ${diffs} differ${first ? ` (first: ${first})` : ''}`);
process.exitCode = diffs ? 1 : 0;
