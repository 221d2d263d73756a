// In-process interleaved A/B of two source trees on HC-4's 20-density sweep: rounds alternate A and B (order
// swapped every round), each timing the sweep for ≥ minS CPU seconds per method and rtol; prints per-cell
// medians and the median (min–max) over rounds of B/A within a round.
//   node bin/run-ts.mjs benchmarks/solver-ab.ts --src A_TREE [--src B_TREE] [--rounds 15] [--methods rodas5,auto] [--rtols 1e-3,1e-5]
//   [--t1 1e-9] (solve to t1 only, output at t1: a one-step solve shows the per-solve cost)
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { HC4_T_END, hc4Atol, hc4Densities, hc4Jacobian, hc4Rhs, hc4Y0 } from './problems/hc4.ts';
import { cpuPerCall, median } from './lib/cpu.ts';

const args = process.argv.slice(2);
const opt = (k: string, d: string) => { const i = args.indexOf(k); return i >= 0 ? args[i + 1] : d; };
const srcs: string[] = [];
for (let i = 0; i < args.length; i++) if (args[i] === '--src') srcs.push(resolve(args[i + 1]));
if (srcs.length === 1) srcs.push(resolve(import.meta.dirname, '..'));
const rounds = Number(opt('--rounds', '15'));
const minS = Number(opt('--min-s', '0.05'));
const methods = opt('--methods', 'rodas5,auto').split(',');
const rtols = opt('--rtols', '1e-3,1e-5,1e-7').split(',').map(Number);
type Solve = (rhs: unknown, span: number[], y0: ArrayLike<number>, o: object) => unknown;
const solvers: Solve[] = await Promise.all(srcs.map(async (root) => (await import(pathToFileURL(`${root}/src/solver/index.ts`).href)).solveIvp));
const t1 = Number(opt('--t1', String(HC4_T_END)));
const times = t1 === HC4_T_END ? [0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000] : [t1];
const ds = hc4Densities(20);
const sweep = (s: Solve, method: string, rtol: number) => () => {
  for (const n0 of ds) s(hc4Rhs, [0, t1], hc4Y0(n0), { method, rtol, atol: hc4Atol(n0), jacobian: hc4Jacobian, tEval: times, autonomous: true });
};
const cells = methods.flatMap((m) => rtols.map((r) => ({ m, r, t: [[], []] as number[][] })));
for (const c of cells) for (const s of solvers) cpuPerCall(sweep(s, c.m, c.r), 0.02); // warm-up
for (let k = 0; k < rounds; k++) {
  for (const c of cells) {
    for (const j of k % 2 ? [1, 0] : [0, 1]) c.t[j].push((cpuPerCall(sweep(solvers[j], c.m, c.r), minS) / ds.length) * 1e6);
  }
}
console.log(`A = ${srcs[0]}\nB = ${srcs[1]}\n${rounds} rounds, ≥ ${minS} s CPU per cell and tree`);
for (const c of cells) {
  const q = c.t[1].map((b, i) => b / c.t[0][i]);
  console.log(`${c.m.padEnd(7)} rtol ${c.r.toExponential(0)}: A ${median(c.t[0]).toFixed(2)} µs, B ${median(c.t[1]).toFixed(2)} µs; B/A median ${median(q).toFixed(3)} (${Math.min(...q).toFixed(3)}–${Math.max(...q).toFixed(3)})`);
}
