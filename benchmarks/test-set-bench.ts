// The public test set, timed interleaved in rounds: ours (rodas5, auto, bdf on the stiff problems, dop853 on the non-stiff pair), CVODE (dense, band, KLU) and scipy (LSODA, BDF, Radau), CPU time.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { solveIvp, type MethodName } from '../src/solver/index.ts';
import { TEST_SET, type TestProblem } from './problems/test-set.ts';
import { cpuPerCall, median } from './lib/cpu.ts';
import type { WpPanel } from './lib/svg.ts';

const here = dirname(fileURLToPath(import.meta.url));
const CVODE_BIN = join(here, 'build', 'test_set_cvode');
const SCIPY = join(here, 'scipy', 'test_set.py');

export interface Reference { t1: number; y_end: number[]; computed_with: string }
export function loadTestSetReference(): Record<string, Reference> {
  return JSON.parse(readFileSync(join(here, 'reference', 'test-set-reference.json'), 'utf8'));
}

/** One solver's outcome on one problem at one rtol: CPU seconds per solve, end state, status. */
export interface Outcome { cpu_s: number; y_end: number[]; status: number; nfev: number; message?: string }

/** Scaled end error max |y − ref| / (atol + rtol·|ref|) (1 = at the tolerance) and the tolerance-free error of the diagrams. */
export function errors(y: number[], ref: number[], atol: number, rtol: number): { scaled: number; wp: number } {
  let scaled = 0;
  let wp = 0;
  for (let i = 0; i < ref.length; i++) {
    const d = Math.abs(y[i] - ref[i]);
    scaled = Math.max(scaled, d / (atol + rtol * Math.abs(ref[i])));
    wp = Math.max(wp, d / (Math.abs(ref[i]) + 1e6 * atol));
  }
  return { scaled: scaled === scaled ? scaled : Infinity, wp: wp === wp ? wp : Infinity };
}

const warmed = new Set<string>();

/**
 * Our solve as a user who wants the end state would call it: output at t1 only (tEval, like the peers, which
 * return the end state), the banded Jacobian where the problem declares one (jacobianBand, as CVODE's band
 * solver below). The first call per problem and method is preceded by an untimed warm-up of ≥ 300 ms CPU
 * (JIT compilation and re-optimisation for a new right-hand side, measured to take 50–150 ms of CPU per problem;
 * the C and Python peers do not pay compilation inside their timed part either).
 */
function ours(p: TestProblem, method: MethodName, rtol: number, minS: number, storage: 'best' | 'band' = 'best'): Outcome {
  // The sparse pattern where the problem declares one (BRUSS-2D: jacobianSparsity, as CVODE's KLU below), else the band.
  const sparse = storage === 'best' && p.sparsity !== undefined;
  const opts = {
    method, rtol, atol: p.atol, jacobian: sparse ? p.sparseJacobian : p.band ? p.bandJacobian : p.jacobian,
    jacobianBand: sparse ? undefined : p.band, jacobianSparsity: sparse ? p.sparsity : undefined,
    autonomous: true, maxSteps: 1_000_000, tEval: [p.t1],
  };
  const key = `${p.name}|${method}|${storage}`;
  if (!warmed.has(key)) {
    warmed.add(key);
    cpuPerCall(() => solveIvp(p.rhs, [0, p.t1], p.y0, opts), 0.3);
  }
  const r = solveIvp(p.rhs, [0, p.t1], p.y0, opts);
  const cpu = cpuPerCall(() => solveIvp(p.rhs, [0, p.t1], p.y0, opts), minS);
  return { cpu_s: cpu, y_end: r.y.map((c) => c[c.length - 1]), status: r.status, nfev: r.nfev, message: r.status ? r.message : undefined };
}

function peer(cmd: string, args: string[]): Outcome | null {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0 || !r.stdout.trim()) return null;
  const o = JSON.parse(r.stdout.trim().split('\n').pop()!);
  return { cpu_s: o.cpu_s, y_end: o.y_end, status: o.status, nfev: o.nfev };
}

export interface Solver { name: string; run: (p: TestProblem, rtol: number, minS: number) => Outcome | null }

export function testSetSolvers(cvode: boolean, scipy: boolean, scipyMethods = ['LSODA', 'BDF', 'Radau']): Solver[] {
  const s: Solver[] = [
    { name: 'ours auto', run: (p, rtol, m) => ours(p, 'auto', rtol, m) },
    { name: 'ours rodas5', run: (p, rtol, m) => ours(p, 'rodas5', rtol, m) },
    // The explicit method alone on the non-stiff problems only (on the stiff ones it crawls at its stability bound).
    { name: 'ours dop853', run: (p, rtol, m) => (p.stiff ? null : ours(p, 'dop853', rtol, m)) },
    // BDF alone on the stiff problems (auto picks it for the stiff ones with n ≥ 20, src/solver/auto.ts).
    { name: 'ours bdf', run: (p, rtol, m) => (p.stiff ? ours(p, 'bdf', rtol, m) : null) },
    // On the sparse problems, BDF with the band storage too (what jacobianSparsity gains over jacobianBand).
    { name: 'ours bdf band', run: (p, rtol, m) => (p.sparsity && p.band ? ours(p, 'bdf', rtol, m, 'band') : null) },
  ];
  if (cvode && existsSync(CVODE_BIN)) {
    // Dense CVODE not on the sparse problems (BRUSS2D-24: 20 s per solve; band and KLU are the comparisons there).
    s.push({ name: 'CVODE', run: (p, rtol, m) => (p.sparsity ? null : peer(CVODE_BIN, [p.name, String(rtol), String(m)])) });
    s.push({ name: 'CVODE band', run: (p, rtol, m) => (p.band ? peer(CVODE_BIN, [p.name, String(rtol), String(m), 'band']) : null) });
    // KLU: only when the driver was built with it (peers-test-set.ts); otherwise the driver exits with status 2 and this is '-'.
    s.push({ name: 'CVODE KLU', run: (p, rtol, m) => (p.sparsity ? peer(CVODE_BIN, [p.name, String(rtol), String(m), 'klu']) : null) });
  }
  // LSODA takes dense Jacobians only: not on the sparse problems (scipy BDF and Radau get the sparse Jacobian).
  if (scipy) for (const meth of scipyMethods) s.push({ name: `scipy ${meth}`, run: (p, rtol, m) => (p.sparsity && meth === 'LSODA' ? null : peer('python3', [SCIPY, 'time', p.name, String(rtol), meth, String(m)])) });
  return s;
}

export interface Cell { problem: string; solver: string; rtol: number; cpu_s: number; rounds: number[]; scaled_err: number; wp_err: number; status: number; nfev: number; message?: string }

/**
 * For each problem and rtol: `rounds` rounds; in each round every solver runs once (order rotated per round),
 * each timing its own solves for at least minS CPU seconds. Reports per-solver medians and the per-round times.
 */
export function runTestSet(problems: TestProblem[], solvers: Solver[], rtols: number[], rounds: number, minS: number, log: (s: string) => void): Cell[] {
  const ref = loadTestSetReference();
  const cells: Cell[] = [];
  for (const p of problems) {
    const R = ref[p.name];
    if (!R) { log(`# ${p.name}: no reference in test-set-reference.json, skipped`); continue; }
    for (const rtol of rtols) {
      const times: Record<string, number[]> = {};
      const last: Record<string, Outcome | null> = {};
      for (let k = 0; k < rounds; k++) {
        for (let j = 0; j < solvers.length; j++) {
          const s = solvers[(j + k) % solvers.length];
          // scipy BDF and Radau only at rtol 1e-6 (the table); LSODA at every rtol (the diagrams).
          if ((s.name === 'scipy BDF' || s.name === 'scipy Radau') && rtol !== 1e-6) continue;
          // A solver that failed or took > 20 s in round 1 is not repeated.
          if (k > 0 && (!last[s.name] || last[s.name]!.status !== 0 || last[s.name]!.cpu_s > 20)) continue;
          const o = s.run(p, rtol, minS);
          last[s.name] = o;
          if (o) (times[s.name] ??= []).push(o.cpu_s);
        }
      }
      for (const s of solvers) {
        const o = last[s.name];
        if (!o && (s.name === 'scipy BDF' || s.name === 'scipy Radau') && rtol !== 1e-6) continue;
        if (!o) { cells.push({ problem: p.name, solver: s.name, rtol, cpu_s: NaN, rounds: [], scaled_err: NaN, wp_err: NaN, status: -99, nfev: 0, message: 'did not run' }); continue; }
        const e = o.status === 0 ? errors(o.y_end, R.y_end, p.atol, rtol) : { scaled: NaN, wp: NaN };
        cells.push({ problem: p.name, solver: s.name, rtol, cpu_s: median(times[s.name] ?? []), rounds: times[s.name] ?? [], scaled_err: e.scaled, wp_err: e.wp, status: o.status, nfev: o.nfev, message: o.message });
      }
      log(`# ${p.name} rtol ${rtol.toExponential(0)} done`);
    }
  }
  return cells;
}

/** Per-round ratio CVODE / ours (same round), median over rounds. */
export function roundRatio(cells: Cell[], problem: string, rtol: number, ourName: string, peerName: string): number {
  const a = cells.find((c) => c.problem === problem && c.rtol === rtol && c.solver === ourName);
  const b = cells.find((c) => c.problem === problem && c.rtol === rtol && c.solver === peerName);
  if (!a || !b || a.rounds.length === 0 || b.rounds.length === 0) return NaN;
  const k = Math.min(a.rounds.length, b.rounds.length);
  const r: number[] = [];
  for (let i = 0; i < k; i++) r.push(b.rounds[i] / a.rounds[i]);
  return median(r);
}

export function testSetPanels(cells: Cell[]): WpPanel[] {
  const problems = [...new Set(cells.map((c) => c.problem))];
  return problems.map((pr) => {
    const solvers = [...new Set(cells.filter((c) => c.problem === pr).map((c) => c.solver))];
    return {
      title: pr,
      series: solvers.map((s) => ({
        solver: s,
        points: cells.filter((c) => c.problem === pr && c.solver === s && c.status === 0).map((c) => ({ err: c.wp_err, sec: c.cpu_s, rtol: c.rtol })),
      })).filter((x) => x.points.length > 0),
    };
  });
}

export { TEST_SET };
