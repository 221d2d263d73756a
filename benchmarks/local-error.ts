// Where a wrong success's end error comes from: the true local error of every accepted step, beside the end error.
// For each case (default: every wrong success on a stiff problem in results/outcomes.json, each beside rodas5 at the
// same rtol), the solve is repeated with its steps recorded, and every step t_n → t_{n+1} is redone from (t_n, y_n)
// by rodas5 at rtol 1e-13 (atol 1e-6 × the problem's). The difference, scaled by atol + rtol·max(|y_n|, |y_{n+1}|),
// is the step's true local error: RMS (the norm of bdf's and seulex's error tests) and max over components.
// Local errors within the tolerance beside a large end error mean accumulated (global) error, which local error
// control does not bound; local errors above it mean the solver's estimate was optimistic.
//
//   node bin/run-ts.mjs benchmarks/local-error.ts [--cases=HIRES:bdf:1e-8,OREGO:seulex:1e-4] [--max-steps 30000]
//
// Untimed; writes results/local-error.json.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { solveIvp, type MethodName } from '../src/solver/index.ts';
import { options, outcomeCases, type Case, type Outcome } from './outcomes.ts';

const here = dirname(fileURLToPath(import.meta.url));
/** The value after the first '=' (case names hold '=' themselves: "square wave y′=−y+s(t)"). */
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

interface Cell { case: string; method: MethodName; rtol: number }

function defaultCells(cases: Case[]): Cell[] {
  const file = join(here, 'results', 'outcomes.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run benchmarks/outcomes.ts first, or pass --cases`);
  const list = (JSON.parse(readFileSync(file, 'utf8')) as { outcomes: Outcome[] }).outcomes;
  const stiff = new Set(cases.filter((c) => c.problem?.stiff).map((c) => c.name));
  const cells: Cell[] = [];
  for (const o of list) {
    if (!o.wrongSuccess || !stiff.has(o.case)) continue;
    cells.push({ case: o.case, method: o.method, rtol: o.rtol });
    if (o.method !== 'rodas5') cells.push({ case: o.case, method: 'rodas5', rtol: o.rtol });
  }
  return cells;
}

function parseCells(text: string): Cell[] {
  return text.split(',').map((s) => {
    // METHOD and RTOL are the last two fields: a case name may hold ':' ("relay y′=(y<1?1:−1)").
    const j = s.lastIndexOf(':');
    const i = s.lastIndexOf(':', j - 1);
    const [c, m, r] = i > 0 ? [s.slice(0, i), s.slice(i + 1, j), s.slice(j + 1)] : ['', '', ''];
    const rtol = Number(r);
    if (!c || !m || !(rtol > 0)) throw new Error(`--cases: "${s}" is not CASE:METHOD:RTOL (e.g. HIRES:bdf:1e-8)`);
    return { case: c, method: m as MethodName, rtol };
  });
}

const quantile = (v: number[], q: number) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(q * v.length))];

export function localErrors(c: Case, method: MethodName, rtol: number, maxSteps: number) {
  const o = options(c, method, rtol, maxSteps);
  const run = solveIvp(c.rhs, [0, c.t1], c.y0, o);
  const last = run.t.length - 1;
  let end = 0;
  for (let i = 0; i < c.n; i++) end = Math.max(end, Math.abs(run.y[i][last] - c.exact[i]) / (c.atol + rtol * Math.abs(c.exact[i])));
  const ref = { ...options(c, 'rodas5', 1e-13, 10 * maxSteps), atol: c.atol * 1e-6 };
  const rms: number[] = [];
  const max: number[] = [];
  let worst = -1;
  let worstT = 0;
  for (let m = 0; m < last; m++) {
    const y0 = run.y.map((col) => col[m]);
    const e = solveIvp(c.rhs, [run.t[m], run.t[m + 1]], y0, ref);
    if (e.status !== 0) throw new Error(`${c.name}: the reference step from t = ${run.t[m]} failed (${e.message})`);
    const k = e.t.length - 1;
    let s2 = 0;
    let m1 = 0;
    for (let i = 0; i < c.n; i++) {
      const y1 = run.y[i][m + 1];
      const q = (y1 - e.y[i][k]) / (c.atol + rtol * Math.max(Math.abs(y0[i]), Math.abs(y1)));
      s2 += q * q;
      m1 = Math.max(m1, Math.abs(q));
    }
    rms.push(Math.sqrt(s2 / c.n));
    if (m1 > worst) [worst, worstT] = [m1, run.t[m]];
    max.push(m1);
  }
  return {
    case: c.name, method, rtol, status: run.status, endError: end, steps: last,
    rmsMedian: quantile(rms, 0.5), rmsMax: Math.max(...rms), rmsSum: rms.reduce((a, b) => a + b, 0),
    maxMedian: quantile(max, 0.5), maxMax: Math.max(...max), worstAtT: worstT,
    stepsAboveOne: rms.filter((v) => v > 1).length,
  };
}

function main(): void {
  const i = process.argv.indexOf('--max-steps');
  const maxSteps = i > 0 ? Number(process.argv[i + 1]) : 30000;
  const cases = outcomeCases(Infinity);
  const given = arg('cases');
  const cells = given ? parseCells(given) : defaultCells(cases);
  const rows = [];
  console.log('# true local error per accepted step, in units of the tolerance (1 = at it)');
  console.log('| case | method | rtol | end error | steps | RMS median | RMS max | RMS > 1 (steps) | Σ RMS | max-norm median | max-norm max (at t) |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const cell of cells) {
    const c = cases.find((k) => k.name === cell.case);
    if (!c) throw new Error(`--cases: no case "${cell.case}" (have ${cases.map((k) => k.name).join(', ')})`);
    const r = localErrors(c, cell.method, cell.rtol, maxSteps);
    rows.push(r);
    const f = (v: number) => (v < 0.01 ? v.toExponential(0) : v.toPrecision(2));
    console.log(`| ${r.case} | ${r.method} | ${r.rtol} | ${f(r.endError)}× | ${r.steps} | ${f(r.rmsMedian)} | ${f(r.rmsMax)} | ${r.stepsAboveOne} | ${r.rmsSum.toFixed(0)} | ${f(r.maxMedian)} | ${f(r.maxMax)} (${r.worstAtT.toPrecision(4)}) |`);
  }
  writeFileSync(join(here, 'results', 'local-error.json'), JSON.stringify({ date: new Date().toISOString(), rows }, null, 1) + '\n');
  console.log('# wrote benchmarks/results/local-error.json');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    main();
  } catch (e) {
    console.error(`local-error: ${(e as Error).message}`);
    process.exit(2);
  }
}
