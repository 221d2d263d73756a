// Where BDF's end error on BRUSS-2D comes from: the error along the path, the true local error of every step,
// the phase of the end state, the error against rtol, and global error control (solveIvpGlobal) beside CVODE KLU.
// Run: node bin/run-ts.mjs benchmarks/bruss2d-error.ts [--problems=BRUSS2D-8,BRUSS2D-16] [--rounds=3] [--no-local]
//
// Reference along the path: ours rodas5 at rtol 1e-10, atol 1e-13, restarted at the forcing switch t = 1.1 (checked
// against the stored end reference, scipy Radau at rtol 1e-12). Errors are max_i |y_i − ref_i| / (atol + rtol·|ref_i|)
// at the run's rtol (1 = at the tolerance) unless said otherwise. The true local error of a step t_n → t_{n+1} is
// y_{n+1} minus rodas5 (rtol 1e-12, atol 1e-15) from (t_n, y_n), in the error test's RMS norm and in the max norm.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { solveIvp, solveIvpGlobal } from '../src/index.ts';
import type { SolveIvpOptions } from '../src/solver/types.ts';
import { cpuPerCall, median } from './lib/cpu.ts';
import { buildTestSetCvode } from './peers-test-set.ts';
import { TEST_SET, type TestProblem } from './problems/test-set.ts';
import { loadTestSetReference } from './test-set-bench.ts';

const here = dirname(fileURLToPath(import.meta.url));
const CVODE_BIN = join(here, 'build', 'test_set_cvode');
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const NAMES = (arg('problems') ?? 'BRUSS2D-8,BRUSS2D-16,BRUSS2D-24').split(',');
const ROUNDS = Number(arg('rounds') ?? 3);
const LOCAL = !process.argv.includes('--no-local');
const RTOL = 1e-6;
const SWITCH = 1.1;

const base = (p: TestProblem) => ({ atol: p.atol, jacobian: p.sparseJacobian, jacobianSparsity: p.sparsity, autonomous: true, maxSteps: 10_000_000 });
const tight = (p: TestProblem): SolveIvpOptions => ({ ...base(p), method: 'rodas5', rtol: 1e-10, atol: 1e-13 });

/** States of the reference at the sorted times ts (all > 0), restarted at SWITCH. */
function reference(p: TestProblem, ts: number[]): number[][] {
  const a = solveIvp(p.rhs, [0, SWITCH], p.y0!, { ...tight(p), tEval: [...ts.filter((t) => t <= SWITCH), SWITCH] });
  const y1 = a.y.map((c) => c[c.length - 1]);
  const before = ts.filter((t) => t <= SWITCH).map((_, k) => a.y.map((c) => c[k]));
  const late = ts.filter((t) => t > SWITCH);
  const b = solveIvp(p.rhs, [SWITCH, late[late.length - 1]], y1, { ...tight(p), tEval: late });
  return [...before, ...late.map((_, k) => b.y.map((c) => c[k]))];
}

function scaled(y: ArrayLike<number>, ref: ArrayLike<number>, atol: number, rtol: number): number {
  let e = 0;
  for (let i = 0; i < ref.length; i++) e = Math.max(e, Math.abs(y[i] - ref[i]) / (atol + rtol * Math.abs(ref[i])));
  return e === e ? e : Infinity;
}

const cv = buildTestSetCvode();
const say = (s: string) => console.log(s);
say(`# bruss2d-error: ${new Date().toISOString()}, load ${loadavg().map((v) => v.toFixed(2)).join(' ')}, ${ROUNDS} rounds${cv.ok ? '' : `; CVODE not run: ${(cv as { reason: string }).reason}`}`);
const out: Record<string, unknown>[] = [];
for (const name of NAMES) {
  const p = TEST_SET.find((q) => q.name === name)!;
  const endRef = loadTestSetReference()[name].y_end;
  const row: Record<string, unknown> = { problem: name };
  // 1. Error along the path.
  const ts: number[] = [];
  for (let t = 0.5; t <= p.t1 + 1e-9; t += 0.5) ts.push(Math.min(+t.toFixed(10), p.t1));
  if (ts[ts.length - 1] !== p.t1) ts.push(p.t1);
  // The phase test's times (step 2e-6 around t1 − 0.1) share the reference solve with the path's.
  const dt = 2e-6;
  const tc = p.t1 - 0.1;
  const shifts: number[] = [];
  for (let j = -300; j <= 300; j++) shifts.push(tc + j * dt);
  const all = [...new Set([...ts, ...shifts])].sort((a, b) => a - b);
  const Rall = reference(p, all);
  const at = (t: number) => Rall[all.indexOf(t)];
  const R = ts.map(at);
  const refCheck = scaled(R[R.length - 1], endRef, p.atol, RTOL);
  const bdfOpt = { ...base(p), method: 'bdf' as const, rtol: RTOL };
  const s = solveIvp(p.rhs, [0, p.t1], p.y0!, { ...bdfOpt, tEval: ts });
  const path = ts.map((t, k) => [t, +scaled(s.y.map((c) => c[k]), R[k], p.atol, RTOL).toFixed(2)]);
  say(`\n## ${name} (n = ${p.n}); path reference vs stored end reference: ${refCheck.toExponential(1)} of the 1e-6 tolerance`);
  say(`bdf rtol 1e-6, error along the path (t: error): ${path.map(([t, e]) => `${t}: ${e}`).join(', ')}`);
  Object.assign(row, { reference_check: refCheck, path });
  // 2. True local error of every accepted step.
  if (LOCAL) {
    const st = solveIvp(p.rhs, [0, p.t1], p.y0!, bdfOpt);
    const rms: number[] = [];
    const mx: number[] = [];
    for (let m = 0; m + 1 < st.t.length; m++) {
      const y0 = st.y.map((c) => c[m]);
      const y1 = st.y.map((c) => c[m + 1]);
      const e = solveIvp(p.rhs, [st.t[m], st.t[m + 1]], y0, { ...base(p), method: 'rodas5', rtol: 1e-12, atol: 1e-15 });
      let s2 = 0;
      let m1 = 0;
      for (let i = 0; i < p.n; i++) {
        const sc = p.atol + RTOL * Math.max(Math.abs(y0[i]), Math.abs(y1[i]));
        const q = (y1[i] - e.y[i][e.y[i].length - 1]) / sc;
        s2 += q * q;
        m1 = Math.max(m1, Math.abs(q));
      }
      rms.push(Math.sqrt(s2 / p.n));
      mx.push(m1);
    }
    const local = { steps: rms.length, rms_median: median(rms), rms_max: Math.max(...rms), max_median: median(mx), max_max: Math.max(...mx), rms_sum: rms.reduce((a, b) => a + b, 0) };
    say(`true local error of bdf's ${local.steps} steps: RMS norm (the error test's) median ${local.rms_median.toFixed(3)}, max ${local.rms_max.toFixed(2)}, sum ${local.rms_sum.toFixed(1)}; max norm median ${local.max_median.toFixed(2)}, max ${local.max_max.toFixed(2)}`);
    row.local = local;
  }
  // 3. Phase: the end state against the reference shifted in time.
  const Rs = shifts.map(at);
  const yc = solveIvp(p.rhs, [0, tc], p.y0!, { ...bdfOpt, tEval: [tc] }).y.map((c) => c[0]);
  let best = Infinity;
  let bj = 0;
  for (let j = 0; j < shifts.length; j++) {
    const e = scaled(yc, Rs[j], p.atol, RTOL);
    if (e < best) [best, bj] = [e, j - 300];
  }
  const atC = scaled(yc, Rs[300], p.atol, RTOL);
  say(`phase at t = ${tc}: error ${atC.toFixed(1)}; against the reference at t + ${(bj * dt).toExponential(1)}: ${best.toFixed(1)}`);
  row.phase = { t: tc, error: atC, shift: bj * dt, shifted_error: best };
  // 4. End error against rtol (tolerance proportionality).
  const byRtol: [number, number][] = [];
  for (const rtol of [1e-4, 1e-6, 1e-8]) {
    const r = solveIvp(p.rhs, [0, p.t1], p.y0!, { ...bdfOpt, rtol, tEval: [p.t1] });
    byRtol.push([rtol, scaled(r.y.map((c) => c[0]), endRef, p.atol, rtol)]);
  }
  say(`bdf end error at its own rtol: ${byRtol.map(([r, e]) => `${r}: ${e.toFixed(1)}`).join(', ')}`);
  row.by_rtol = byRtol;
  // 5. Cost of an end state within the 1e-6 tolerance: bdf, bdf + solveIvpGlobal, CVODE KLU at rtol 1e-6 … 1e-9 (atol alongside).
  const o = { ...bdfOpt, tEval: [p.t1] };
  type Run = { y: number[]; nfev: number; extra?: string; cpu?: number };
  const runs: [string, () => Run][] = [
    ['ours bdf', () => { const r = solveIvp(p.rhs, [0, p.t1], p.y0!, o); return { y: r.y.map((c) => c[0]), nfev: r.nfev }; }],
    ['ours bdf + global', () => {
      const r = solveIvpGlobal(p.rhs, [0, p.t1], p.y0!, o);
      return { y: r.y.map((c) => c[0]), nfev: r.nfev, extra: `rtols ${r.globalError.rtols.map((v) => v.toExponential(0)).join(' ')}, estimate ${r.globalError.estimate?.toFixed(2)}` };
    }],
  ];
  if (cv.ok && existsSync(CVODE_BIN)) {
    for (const rt of [1e-6, 1e-7, 1e-8, 1e-9]) {
      runs.push([`CVODE KLU rtol ${rt.toExponential(0)}`, () => {
        const c = spawnSync(CVODE_BIN, [name, String(rt), '0.05', 'klu', `atol=${p.atol * (rt / RTOL)}`], { encoding: 'utf8', timeout: 120_000 });
        const j = JSON.parse(c.stdout.trim().split('\n').pop()!);
        return { y: j.y_end, nfev: j.nfev, cpu: j.cpu_s as number };
      }]);
    }
  }
  const times: Record<string, number[]> = {};
  const last: Record<string, Run> = {};
  for (const [label, run] of runs) last[label] = run(); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < runs.length; k++) {
      const [label, run] = runs[(k + round) % runs.length];
      let t: number;
      if (label.startsWith('CVODE')) {
        last[label] = run();
        t = last[label].cpu!;
      } else t = cpuPerCall(() => { last[label] = run(); }, 0.2);
      (times[label] ??= []).push(t);
    }
  }
  const cost: Record<string, unknown>[] = [];
  for (const [label] of runs) {
    const ms = 1e3 * median(times[label]);
    const err = scaled(last[label].y, endRef, p.atol, RTOL);
    const extra = last[label].extra ?? '';
    say(`${label.padEnd(20)} ${ms.toFixed(1).padStart(8)} ms  error at the 1e-6 tolerance ${err.toFixed(2).padStart(7)}  nfev ${last[label].nfev}${extra ? `  ${extra}` : ''}`);
    cost.push({ solver: label, ms, rounds_ms: times[label].map((v) => 1e3 * v), scaled_err: err, nfev: last[label].nfev });
  }
  row.cost = cost;
  out.push(row);
}
writeFileSync(join(here, 'results', 'bruss2d-error.json'), JSON.stringify({ when: new Date().toISOString(), load: loadavg(), rounds: ROUNDS, rows: out }, null, 1));
