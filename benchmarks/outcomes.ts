// What every solver of ours returns on every test-set problem (n ≤ --max-n) and the discontinuity cases, at rtol
// 1e-4, 1e-6 and 1e-8: its status and its end error scaled by the tolerance, max |y − ref|/(atol + rtol·|ref|).
// A status ok with an error above 10× is a wrong success and is listed as one. Not timed: this is the outcome
// table issue 10 asks for ("the README lists the cases and what each solver returns"), not a speed comparison.
//
//   node bin/run-ts.mjs benchmarks/outcomes.ts [--max-n 100] [--max-steps 30000] [--json]
//
// The stiff problems get their analytic Jacobian (band layout with `jacobianBand` for rodas5, bdf and auto on
// HEAT and BRUSS, as in the timed bench); the explicit methods (dop853, odex) run them too and usually stop at
// --max-steps, which is a failure status, not a wrong success. Writes results/outcomes.json.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { solveIvp, type MethodName, type SolveIvpOptions } from '../src/solver/index.ts';
import type { RhsFn } from '../src/solver/types.ts';
import { nanBelowZero, pulse, relay, squareExact, squareRhs } from './problems/discontinuities.ts';
import { TEST_SET, type TestProblem } from './problems/test-set.ts';
import { loadTestSetReference } from './test-set-bench.ts';

const here = dirname(fileURLToPath(import.meta.url));
const METHODS: MethodName[] = ['auto', 'rodas5', 'seulex', 'bdf', 'dop853', 'odex'];
const RTOLS = [1e-4, 1e-6, 1e-8];
const WRONG = 10;

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

export interface Case { name: string; n: number; t1: number; y0: number[]; rhs: RhsFn; atol: number; exact: number[]; problem?: TestProblem }

/** The discontinuity and pulse cases (problems/discontinuities.ts), with their exact end states. */
function discontinuityCases(): Case[] {
  return [
    { name: 'relay y′=(y<1?1:−1)', n: 1, t1: 3, y0: [0], atol: 1e-9, exact: [1], rhs: relay },
    { name: 'pulse y′=1e9·exp(−1e9 t)', n: 1, t1: 1e-6, y0: [0], atol: 1e-9, exact: [1 - Math.exp(-1e3)], rhs: pulse },
    { name: 'square wave y′=−y+s(t)', n: 1, t1: 10, y0: [0], atol: 1e-9, exact: [squareExact(10)], rhs: squareRhs() },
    { name: 'NaN below 0 y′=(y<0?NaN:−50y)', n: 1, t1: 1, y0: [1], atol: 1e-9, exact: [Math.exp(-50)], rhs: nanBelowZero },
  ];
}

export function options(c: Case, method: MethodName, rtol: number, maxSteps: number): SolveIvpOptions {
  const o: SolveIvpOptions = { method, rtol, atol: c.atol, maxSteps };
  const p = c.problem;
  if (!p || method === 'dop853' || method === 'odex') return o;
  if (p.band && p.bandJacobian && method !== 'seulex') return { ...o, jacobianBand: p.band, jacobian: p.bandJacobian };
  if (p.jacobian) o.jacobian = p.jacobian;
  return o;
}

export interface Outcome { case: string; n: number; method: MethodName; rtol: number; status: number; kind: string | null; scaledError: number; nfev: number; wrongSuccess: boolean }

/** Every test-set problem with n ≤ maxN and a stored reference, then the discontinuity cases. */
export function outcomeCases(maxN: number): Case[] {
  const ref = loadTestSetReference();
  const cases: Case[] = [];
  for (const p of TEST_SET) {
    const r = ref[p.name];
    if (p.n <= maxN && r) cases.push({ name: p.name, n: p.n, t1: p.t1, y0: p.y0, rhs: p.rhs, atol: p.atol, exact: r.y_end, problem: p });
  }
  return [...cases, ...discontinuityCases()];
}

export function outcomes(maxN: number, maxSteps: number): Outcome[] {
  const out: Outcome[] = [];
  for (const c of outcomeCases(maxN)) {
    for (const method of METHODS) {
      for (const rtol of RTOLS) {
        const r = solveIvp(c.rhs, [0, c.t1], c.y0, options(c, method, rtol, maxSteps));
        const last = r.t.length - 1;
        let e = 0;
        for (let i = 0; i < c.n; i++) e = Math.max(e, Math.abs(r.y[i][last] - c.exact[i]) / (c.atol + rtol * Math.abs(c.exact[i])));
        out.push({ case: c.name, n: c.n, method, rtol, status: r.status, kind: r.failure?.kind ?? null, scaledError: e, nfev: r.nfev, wrongSuccess: r.status === 0 && !(e <= WRONG) });
      }
    }
  }
  return out;
}

function cell(o: Outcome): string {
  if (o.status !== 0) return `${o.kind ?? 'failed'}`;
  const e = o.scaledError < 0.01 ? o.scaledError.toExponential(0) : o.scaledError < 100 ? o.scaledError.toPrecision(2) : o.scaledError.toExponential(1);
  return o.wrongSuccess ? `**ok ${e}×**` : `ok ${e}×`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const maxN = arg('max-n', 100);
  const list = outcomes(maxN, arg('max-steps', 30000));
  writeFileSync(join(here, 'results', 'outcomes.json'), JSON.stringify({ date: new Date().toISOString(), maxN, rtols: RTOLS, outcomes: list }, null, 1) + '\n');
  if (process.argv.includes('--json')) console.log(JSON.stringify(list));
  else {
    console.log(`# status and end error / tolerance per solver, rtol ${RTOLS.join(' / ')}; **bold**: status ok above ${WRONG}× (a wrong success)`);
    console.log(`| case | ${METHODS.join(' | ')} |`);
    console.log(`|---|${METHODS.map(() => '---').join('|')}|`);
    for (const name of [...new Set(list.map((o) => o.case))]) {
      const row = METHODS.map((m) => list.filter((o) => o.case === name && o.method === m).map(cell).join(' / '));
      console.log(`| ${name} | ${row.join(' | ')} |`);
    }
    const wrong = list.filter((o) => o.wrongSuccess);
    console.log(`# wrong successes: ${wrong.length} of ${list.length} solves`);
    for (const o of wrong) console.log(`#   ${o.case} ${o.method} rtol ${o.rtol}: ${o.scaledError.toPrecision(3)}×`);
    console.log('# wrote benchmarks/results/outcomes.json');
  }
}
