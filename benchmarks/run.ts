// Benchmark entry (`npm run bench [-- --json] [-- --quick] [-- --only=hc4,peers,stiff,wp,model]`).
import os from 'node:os';
import { hc4Sweep, WORK_PRECISION_RTOLS } from './hc4-bench.ts';
import { modelGridRows, loadSimulate } from './model-grid.ts';
import { buildCvode, checkScipy, runCvode, runScipy } from './peers.ts';
import { stiffSetRows } from './stiff-set-bench.ts';
import type { BenchRow } from './lib/measure.ts';
import type { MethodName } from '../src/solver/index.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const want = (s: string) => !only || only.includes(s);
const R = (full: number) => (quick ? Math.max(1, Math.ceil(full / 5)) : full);

/** A comment line (`# …`): on stdout with the tables, on stderr with --json so stdout stays pure JSON lines. */
function note(text: string): void {
  const line = text.startsWith('#') ? text : `# ${text}`;
  if (json) console.error(line);
  else console.log(line);
}

const COLS: [string, (r: BenchRow) => string][] = [
  ['problem', (r) => r.problem],
  ['method', (r) => r.method],
  ['rtol', (r) => (Number.isNaN(r.rtol) ? '-' : r.rtol.toExponential(0))],
  ['us/traj', (r) => r.us_per_traj.toFixed(1)],
  ['nfev/traj', (r) => r.nfev_per_traj.toFixed(1)],
  ['max_rel_err', (r) => (Number.isNaN(r.max_rel_err) ? '-' : r.max_rel_err.toExponential(2))],
  ['note', (r) => [r.jacobian === 'not used' ? 'no Jacobian' : r.jacobian, r.max_scaled_err !== undefined ? `scaled_err ${(r.max_scaled_err as number).toFixed(2)}` : '',
    r.speedup_vs_cvode ? `${(r.speedup_vs_cvode as number).toFixed(2)}x vs CVODE` : '',
    r.speedup_vs_scipy_lsoda ? `${(r.speedup_vs_scipy_lsoda as number).toFixed(1)}x vs LSODA` : '',
    r.failed ? `${r.failed} failed` : ''].filter(Boolean).join(', ')],
];

function emit(title: string, rows: BenchRow[]): void {
  if (json) {
    for (const r of rows) console.log(JSON.stringify(r));
    return;
  }
  console.log(`\n## ${title}`);
  const cells = rows.map((r) => COLS.map(([, f]) => f(r)));
  const widths = COLS.map(([h], i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  console.log(COLS.map(([h], i) => h.padEnd(widths[i])).join('  '));
  for (const c of cells) console.log(c.map((v, i) => v.padEnd(widths[i])).join('  '));
}

note(`# hotcarrier solver benchmarks — node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} threads), ${os.platform()}`);
note('# times are medians over repeated runs; HC-4 uses the analytic Jacobian for every solver, output at the 9 reference times');

const ours: MethodName[] = ['rodas5', 'auto', 'odex'];
const cvode = want('peers') ? buildCvode() : ({ ok: false, reason: 'skipped (--only)' } as const);
const scipy = want('peers') ? checkScipy() : ({ ok: false, reason: 'skipped (--only)' } as const);
note(cvode.ok ? `# CVODE: built from benchmarks/cvode/hc4_cvode.c against ${cvode.detail}` : `# CVODE: not run — ${cvode.reason}`);
note(scipy.ok ? `# scipy: ${scipy.detail} (python3 benchmarks/scipy/hc4_scipy.py)` : `# scipy: not run — ${scipy.reason}`);

if (want('hc4') || want('peers')) {
  const rows: BenchRow[] = [];
  for (const m of ours) rows.push(hc4Sweep(m, 1e-6, m === 'odex' ? R(3) : R(25)));
  const peerRows: BenchRow[] = [];
  if (cvode.ok) {
    const c = runCvode(1e-6, R(51), 'hc4-sweep');
    if (c) peerRows.push(c);
    else note('# CVODE: driver failed to run');
  }
  if (scipy.ok) peerRows.push(...runScipy(1e-6, R(5), ['LSODA', 'BDF', 'Radau'], 'hc4-sweep'));
  const cv = peerRows.find((r) => r.method.startsWith('cvode'));
  const ls = peerRows.find((r) => r.method === 'scipy-LSODA');
  for (const r of rows) {
    if (cv) r.speedup_vs_cvode = cv.us_per_traj / r.us_per_traj;
    if (ls) r.speedup_vs_scipy_lsoda = ls.us_per_traj / r.us_per_traj;
  }
  emit('HC-4 standard sweep (20 densities 1e16…1e20 cm^-3, rtol 1e-6, atol [1e-9 n0, 1e-3, 1e-9, 1e-6])', [...rows, ...peerRows]);
  if (!json) {
    const best = rows.find((r) => r.method === 'auto')!;
    if (cv) {
      const acc = best.max_rel_err <= cv.max_rel_err ? 'equal or better' : 'WORSE';
      console.log(`auto vs CVODE: ${(cv.us_per_traj / best.us_per_traj).toFixed(2)}x the speed, accuracy ${acc} (${best.max_rel_err.toExponential(2)} vs ${cv.max_rel_err.toExponential(2)})`);
    }
    if (ls) console.log(`auto vs scipy LSODA: ${(ls.us_per_traj / best.us_per_traj).toFixed(1)}x the speed (bar: 20x)`);
  }
}

if (want('stiff')) emit('Stiff test set (rtol 1e-6; one trajectory each)', stiffSetRows(R(10)));

if (want('wp')) {
  const rows: BenchRow[] = [];
  for (const rtol of WORK_PRECISION_RTOLS) {
    for (const m of ['rodas5', 'auto'] as MethodName[]) rows.push(hc4Sweep(m, rtol, R(10), 'hc4-work-precision'));
    if (rtol >= 1e-8 || !quick) rows.push(hc4Sweep('odex', rtol, 1, 'hc4-work-precision'));
    if (cvode.ok) {
      const c = runCvode(rtol, R(21), 'hc4-work-precision');
      if (c) rows.push(c);
    }
    if (scipy.ok) rows.push(...runScipy(rtol, 1, ['LSODA'], 'hc4-work-precision'));
  }
  emit('HC-4 work–precision (sweep of 20 densities per point)', rows);
}

if (want('model')) {
  const { simulate, reason } = await loadSimulate();
  if (simulate) emit('Engine model grid (CsPbI3; densities 1e16…1e19 × edges 4, 6, 8, 12 nm and bulk)', modelGridRows(simulate, R(5)));
  else note(`# model grid: not run — ${reason}`);
}
