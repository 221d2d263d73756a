// Global error control on the test set's non-stiff pair (Arenstorf, Pleiades): ours `auto` plain and with
// solveIvpGlobal at rtol 1e-6, against CVODE (Adams) at rtol 1e-6 … 1e-12 with atol tightened alongside, timed
// interleaved in rounds in CPU time. Every error is scaled by the caller's tolerance at rtol 1e-6 (1 = at it), so
// the table answers: what does each solver cost to return an end state within the 1e-6 tolerance?
// Run: node bin/run-ts.mjs benchmarks/global-error-bench.ts [--rounds=N] [--json]
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { solveIvp, solveIvpGlobal } from '../src/index.ts';
import { cpuPerCall, median } from './lib/cpu.ts';
import { buildTestSetCvode } from './peers-test-set.ts';
import { TEST_SET, type TestProblem } from './problems/test-set.ts';
import { loadTestSetReference } from './test-set-bench.ts';

const here = dirname(fileURLToPath(import.meta.url));
const CVODE_BIN = join(here, 'build', 'test_set_cvode');
const RTOL = 1e-6;
const CVODE_RTOLS = [1e-6, 1e-7, 1e-8, 1e-9, 1e-10, 1e-11, 1e-12];
const MIN_S = 0.05;
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const ROUNDS = Number(arg('rounds') ?? 5);
const JSON_OUT = process.argv.includes('--json');

/** Arenstorf is periodic (exact end = y0); Pleiades has the stored DOP853 reference at rtol 1e-13. */
function exactEnd(p: TestProblem): number[] {
  return p.name === 'ARENSTORF' ? [...p.y0!] : loadTestSetReference()[p.name].y_end;
}
function scaled(y: number[], ref: number[], atol: number): number {
  let e = 0;
  for (let i = 0; i < ref.length; i++) e = Math.max(e, Math.abs(y[i] - ref[i]) / (atol + RTOL * Math.abs(ref[i])));
  return e === e ? e : Infinity;
}

interface Sample { cpu_s: number; err: number; nfev: number; status: number }
type Runner = (p: TestProblem) => Sample | null;

function ours(global: boolean): Runner {
  return (p) => {
    const o = { method: 'auto' as const, rtol: RTOL, atol: p.atol, autonomous: true, tEval: [p.t1], maxSteps: 1_000_000 };
    const call = () => (global ? solveIvpGlobal(p.rhs, [0, p.t1], p.y0!, o) : solveIvp(p.rhs, [0, p.t1], p.y0!, o));
    const r = call();
    const cpu = cpuPerCall(call, MIN_S);
    return { cpu_s: cpu, err: scaled(r.y.map((c) => c[c.length - 1]), exactEnd(p), p.atol), nfev: r.nfev, status: r.status };
  };
}
function cvode(rtol: number): Runner {
  return (p) => {
    const atol = p.atol * (rtol / RTOL);
    const r = spawnSync(CVODE_BIN, [p.name, String(rtol), String(MIN_S), 'dense', `atol=${atol}`], { encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0 || !r.stdout.trim()) return null;
    const o = JSON.parse(r.stdout.trim().split('\n').pop()!);
    return { cpu_s: o.cpu_s, err: scaled(o.y_end, exactEnd(p), p.atol), nfev: o.nfev, status: o.status };
  };
}

const cv = buildTestSetCvode();
const solvers: [string, Runner][] = [['ours auto', ours(false)], ['ours auto + global', ours(true)]];
if (cv.ok && existsSync(CVODE_BIN)) for (const r of CVODE_RTOLS) solvers.push([`CVODE rtol ${r}`, cvode(r)]);
const say = (s: string) => (JSON_OUT ? process.stderr.write(`# ${s}\n`) : console.log(s));
say(`global-error bench: ${new Date().toISOString()}, load ${loadavg().map((v) => v.toFixed(2)).join(' ')}, ${ROUNDS} rounds${cv.ok ? '' : `; CVODE not run: ${(cv as { reason: string }).reason}`}`);

const rows: Record<string, unknown>[] = [];
for (const name of ['ARENSTORF', 'PLEIADES']) {
  const p = TEST_SET.find((q) => q.name === name)!;
  for (const [, run] of solvers) run(p); // untimed warm-up (JIT)
  const times: Record<string, number[]> = {};
  const last: Record<string, Sample> = {};
  for (let round = 0; round < ROUNDS; round++) {
    for (let k = 0; k < solvers.length; k++) {
      const [label, run] = solvers[(k + round) % solvers.length];
      const s = run(p);
      if (!s) continue;
      (times[label] ??= []).push(s.cpu_s);
      last[label] = s;
    }
  }
  const ourGlobal = times['ours auto + global'];
  // CVODE's cheapest tolerance that returns an end state within the 1e-6 tolerance (scaled error ≤ 1).
  const within = CVODE_RTOLS.map((r) => `CVODE rtol ${r}`).find((l) => last[l] && last[l].status === 0 && last[l].err <= 1);
  for (const label of Object.keys(times)) {
    const t = times[label];
    const perRound = label.startsWith('CVODE') && ourGlobal ? median(t.map((v, i) => v / ourGlobal[i])) : null;
    const row = { problem: name, solver: label, ms: 1e3 * median(t), scaled_err: last[label].err, status: last[label].status, nfev: last[label].nfev, cvode_over_global: perRound, rounds_ms: t.map((v) => 1e3 * v) };
    rows.push(row);
    if (JSON_OUT) console.log(JSON.stringify(row));
    else say(`${name.padEnd(10)} ${label.padEnd(20)} ${row.ms.toFixed(3).padStart(9)} ms  err ${row.scaled_err.toExponential(1).padStart(8)}  status ${row.status}  nfev ${row.nfev}${perRound ? `  CVODE/global ${perRound.toFixed(2)}` : ''}${label === within ? '  ← CVODE within the tolerance' : ''}`);
  }
  if (!within) say(`${name}: no CVODE tolerance down to ${CVODE_RTOLS.at(-1)} returned an end state within the 1e-6 tolerance`);
}
writeFileSync(join(here, 'results', 'global-error.json'), JSON.stringify({ when: new Date().toISOString(), load: loadavg(), rounds: ROUNDS, rows }, null, 1));
