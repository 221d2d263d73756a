// Ours bdf (sparse) against CVODE KLU on BRUSS2D-8/16/24 at rtol 1e-6 in alternating pairs: each pair times one
// then the other (order swapped every pair, ≥ 0.15 s CPU each) in a process that runs nothing else of ours, and the
// table gives the median and quartiles of the per-pair ratio CVODE KLU / bdf. Not a section of run.ts; a check on the
// `set` bench's BRUSS2D ratios, whose rounds are far apart in time on a shared machine.
// Run: node bin/run-ts.mjs benchmarks/bruss2d-klu-pairs.ts [--pairs=15]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { solveIvp } from '../src/index.ts';
import { cpuPerCall, median } from './lib/cpu.ts';
import { buildTestSetCvode } from './peers-test-set.ts';
import { TEST_SET } from './problems/test-set.ts';

const BIN = join(dirname(fileURLToPath(import.meta.url)), 'build', 'test_set_cvode');
const PAIRS = Number(process.argv.find((a) => a.startsWith('--pairs='))?.slice(8) ?? 15);
const cv = buildTestSetCvode();
if (!cv.ok || !existsSync(BIN)) throw new Error(`CVODE driver not available: ${(cv as { reason?: string }).reason ?? 'no binary'}`);
console.log(`# bruss2d-klu-pairs: ${new Date().toISOString()}, load ${loadavg().map((v) => v.toFixed(2)).join(' ')}, ${PAIRS} pairs`);
for (const name of ['BRUSS2D-8', 'BRUSS2D-16', 'BRUSS2D-24']) {
  const p = TEST_SET.find((q) => q.name === name)!;
  const o = { method: 'bdf' as const, rtol: 1e-6, atol: p.atol, jacobian: p.sparseJacobian, jacobianSparsity: p.sparsity, autonomous: true, maxSteps: 1_000_000, tEval: [p.t1] };
  const ours = () => cpuPerCall(() => solveIvp(p.rhs, [0, p.t1], p.y0!, o), 0.15);
  const klu = () => JSON.parse(spawnSync(BIN, [name, '1e-6', '0.15', 'klu'], { encoding: 'utf8' }).stdout.trim()).cpu_s as number;
  ours();
  klu();
  const a: number[] = [];
  const b: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const [x, y] = i % 2 ? (() => { const y0 = klu(); return [ours(), y0]; })() : [ours(), klu()];
    a.push(x);
    b.push(y);
    r.push(y / x);
  }
  const s = [...r].sort((u, v) => u - v);
  console.log(`${name}: ours bdf ${(1e3 * median(a)).toFixed(1)} ms, CVODE KLU ${(1e3 * median(b)).toFixed(1)} ms; KLU/bdf per pair: median ${median(r).toFixed(2)}, quartiles ${s[Math.floor(PAIRS / 4)].toFixed(2)}–${s[Math.floor((3 * PAIRS) / 4)].toFixed(2)}`);
}
