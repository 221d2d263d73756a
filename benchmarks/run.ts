// Benchmark entry: `npm run bench [-- --quick] [-- --only=hc4,set,stiff,model] [-- --rounds=N] [-- --max-n=N] [-- --problems=A,B] [-- --json]`.
// --problems names test-set problems (benchmarks/problems/test-set.ts): ROBER, HIRES, VDPOL-1e3, VDPOL-1e6, OREGO,
// POLLU, HEAT-50/100/200/400, BRUSS-50/100/200, BRUSS2D-8/16/24 (sparse: CVODE KLU beside CVODE band), ARENSTORF,
// PLEIADES; e.g. `npm run bench -- --only=set --problems=BRUSS2D-8,BRUSS2D-16,BRUSS2D-24 --rounds=5`.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hc4Interleaved, hc4Panel, hc4Ratio, type Hc4Row } from './hc4-interleaved.ts';
import { WORK_PRECISION_RTOLS } from './hc4-bench.ts';
import { loadSimulate, modelGridRows } from './model-grid.ts';
import { buildCvode, checkScipy } from './peers.ts';
import { stiffSetRows } from './stiff-set-bench.ts';
import { roundRatio, runTestSet, TEST_SET, testSetPanels, testSetSolvers } from './test-set-bench.ts';
import { workPrecisionSvg } from './lib/svg.ts';
import { buildTestSetCvode } from './peers-test-set.ts';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, 'results');
const args = process.argv.slice(2);
const json = args.includes('--json');
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const want = (s: string) => !only || only.includes(s);
const roundsArg = Number(args.find((a) => a.startsWith('--rounds='))?.slice(9));
const say = (s: string) => (json ? console.error(s) : console.log(s));
const fmt = (x: number, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : '-');
const exp = (x: number) => (Number.isFinite(x) ? x.toExponential(1) : x === Infinity ? 'inf' : '-');
function table(head: string[], rows: string[][]): void {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  say(head.map((h, i) => h.padEnd(w[i])).join('  '));
  for (const r of rows) say(r.map((c, i) => c.padEnd(w[i])).join('  '));
}

mkdirSync(outDir, { recursive: true });
const cvode = buildCvode();
const cvodeSet = cvode.ok ? buildTestSetCvode() : cvode;
const scipy = checkScipy();
const cond = `node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} threads, load average ${os.loadavg().map((l) => l.toFixed(1)).join('/')} at start), CPU time per process`;
say(`# hotcarrier solver benchmarks — ${cond}`);
say(cvode.ok ? `# CVODE: ${cvode.detail}` : `# CVODE: not run — ${cvode.reason}`);
say(scipy.ok ? `# scipy: ${scipy.detail}` : `# scipy: not run — ${scipy.reason}`);

if (want('hc4')) {
  const rounds = roundsArg || (quick ? 3 : 7);
  const { rows, unit, unitRounds } = hc4Interleaved(rounds, quick ? 0.03 : 0.06, cvode.ok, scipy.ok, say);
  if (json) for (const r of rows) console.log(JSON.stringify({ benchmark: 'hc4-interleaved', ...r }));
  say(`\n## HC-4, interleaved (${rounds} rounds; scipy ${Math.max(1, Math.ceil(rounds / 3))}); µs per trajectory, medians; ratio = median over rounds of CVODE/ours in the same round`);
  const range = (k: 'rhs_ns' | 'jac_ns' | 'lu_ns' | 'solve_ns') => `${unit[k].toFixed(0)} (${Math.min(...unitRounds.map((u) => u[k])).toFixed(0)}–${Math.max(...unitRounds.map((u) => u[k])).toFixed(0)})`;
  const row = (s: string, rtol: number) => rows.find((r) => r.solver === s && r.rtol === rtol);
  const body = WORK_PRECISION_RTOLS.map((rtol) => {
    const [ro, sx, au, cv, ls] = ['ours rodas5', 'ours seulex', 'ours auto', 'CVODE', 'scipy LSODA'].map((s) => row(s, rtol));
    return [rtol.toExponential(0), fmt(ro?.us ?? NaN, 1), fmt(sx?.us ?? NaN, 1), fmt(au?.us ?? NaN, 1), fmt(cv?.us ?? NaN, 1), fmt(ls?.us ?? NaN, 0),
      fmt(hc4Ratio(rows, 'ours rodas5', 'CVODE', rtol)), fmt(hc4Ratio(rows, 'ours seulex', 'CVODE', rtol)), fmt(hc4Ratio(rows, 'ours auto', 'CVODE', rtol)),
      exp(ro?.max_rel_err ?? NaN), exp(sx?.max_rel_err ?? NaN), exp(au?.max_rel_err ?? NaN), exp(cv?.max_rel_err ?? NaN)];
  });
  table(['rtol', 'rodas5 µs', 'seulex µs', 'auto µs', 'CVODE µs', 'LSODA µs', 'CVODE/rodas5', 'CVODE/seulex', 'CVODE/auto', 'err rodas5', 'err seulex', 'err auto', 'err CVODE'], body);
  say(`\n## HC-4 evaluation floor, unit costs re-priced just before each timing of ours; time/floor = median over rounds of the ratio within a round (min–max); floor µs at the median unit costs`);
  say(`# unit costs, median (min–max) of ${unitRounds.length} pricings: rhs ${range('rhs_ns')} ns, Jacobian ${range('jac_ns')} ns, 4×4 LU ${range('lu_ns')} ns, solve ${range('solve_ns')} ns`);
  const ratio = (r: Hc4Row | undefined) => (r?.ratio_rounds ? `${fmt(r.ratio ?? NaN)} (${fmt(Math.min(...r.ratio_rounds))}–${fmt(Math.max(...r.ratio_rounds))})` : '-');
  const floorBody = WORK_PRECISION_RTOLS.map((rtol) => {
    const [ro, sx, au] = ['ours rodas5', 'ours seulex', 'ours auto'].map((s) => row(s, rtol));
    return [rtol.toExponential(0), fmt(ro?.floor_mid_us ?? NaN, 1), ratio(ro), fmt(sx?.floor_mid_us ?? NaN, 1), ratio(sx), fmt(au?.floor_mid_us ?? NaN, 1), ratio(au),
      fmt((sx?.floor_mid_us ?? NaN) / (ro?.floor_mid_us ?? NaN))];
  });
  table(['rtol', 'rodas5 floor µs', 'rodas5/floor', 'seulex floor µs', 'seulex/floor', 'auto floor µs', 'auto/floor', 'floor seulex/rodas5'], floorBody);
  writeFileSync(join(outDir, 'hc4-interleaved.json'), JSON.stringify({ conditions: cond, unit, unitRounds, rows }, null, 1));
  writeFileSync(join(outDir, 'hc4-work-precision.svg'), workPrecisionSvg('HC-4 work–precision (CPU time per trajectory vs max relative error)', `rtol 1e-3 … 1e-10, interleaved rounds, medians; ${cond}`, [hc4Panel(rows)]));
  say(`# wrote benchmarks/results/hc4-interleaved.json and hc4-work-precision.svg`);
}

if (want('set')) {
  const rounds = roundsArg || (quick ? 1 : 3);
  const rtols = quick ? [1e-6] : [1e-4, 1e-6, 1e-8];
  const maxN = Number(args.find((a) => a.startsWith('--max-n='))?.slice(8)) || (quick ? 100 : Infinity);
  const pick = args.find((a) => a.startsWith('--problems='))?.slice(11).split(',');
  const problems = TEST_SET.filter((p) => p.n <= maxN && (!pick || pick.includes(p.name)));
  const suffix = pick ? `-${pick.join('-').toLowerCase()}` : '';
  if (problems.length < TEST_SET.length) say(`# test set: ${TEST_SET.length - problems.length} problems left out (--max-n = ${maxN}, --problems = ${pick?.join(",") ?? "all"})`);
  const cells = runTestSet(problems, testSetSolvers(cvodeSet.ok, scipy.ok), rtols, rounds, quick ? 0.02 : 0.05, say);
  if (json) for (const c of cells) console.log(JSON.stringify({ benchmark: 'test-set', ...c }));
  say(`\n## Test set at rtol 1e-6, interleaved (${rounds} rounds): CPU ms per solve (median) and scaled end error max |y − ref|/(atol + rtol·|ref|); 'FAIL' = status −1`);
  const solvers = [...new Set(cells.map((c) => c.solver))];
  const body = problems.map((p) => {
    const row = [p.name, String(p.n)];
    for (const s of solvers) {
      const c = cells.find((x) => x.problem === p.name && x.solver === s && x.rtol === 1e-6);
      row.push(!c || c.status === -99 ? '-' : c.status !== 0 ? 'FAIL' : `${fmt(c.cpu_s * 1e3, 2)} (${exp(c.scaled_err)})`);
    }
    row.push(fmt(roundRatio(cells, p.name, 1e-6, 'ours auto', 'CVODE')), fmt(roundRatio(cells, p.name, 1e-6, 'ours rodas5', 'CVODE')),
      p.stiff ? '-' : fmt(roundRatio(cells, p.name, 1e-6, 'ours dop853', 'CVODE')),
      p.band ? fmt(roundRatio(cells, p.name, 1e-6, 'ours auto', 'CVODE band')) : '-', p.band ? fmt(roundRatio(cells, p.name, 1e-6, 'ours rodas5', 'CVODE band')) : '-',
      p.stiff ? fmt(roundRatio(cells, p.name, 1e-6, 'ours bdf', p.band ? 'CVODE band' : 'CVODE')) : '-',
      p.sparsity ? fmt(roundRatio(cells, p.name, 1e-6, 'ours bdf', 'CVODE KLU')) : '-');
    return row;
  });
  say('# ours: output at t1 only, jacobianBand on HEAT and BRUSS, jacobianSparsity on BRUSS2D-8/16/24 (and `ours bdf band` there);');
  say('# CVODE: dense, band on HEAT, BRUSS and BRUSS2D (CVODE band), KLU on BRUSS2D (CVODE KLU)');
  table(['problem', 'n', ...solvers, 'CVODE/auto', 'CVODE/rodas5', 'CVODE/dop853', 'CVODE band/auto', 'CVODE band/rodas5', 'CVODE (band)/bdf', 'CVODE KLU/bdf'], body);
  writeFileSync(join(outDir, `test-set${suffix}.json`), JSON.stringify({ conditions: cond, cells }, null, 1));
  writeFileSync(join(outDir, `test-set${suffix}-work-precision.svg`), workPrecisionSvg('Test set work–precision (CPU time per solve vs end error)', `rtol ${rtols.map((r) => r.toExponential(0)).join(', ')}; interleaved rounds, medians; ${cond}`, testSetPanels(cells)));
  say(`# wrote benchmarks/results/test-set${suffix}.json and test-set${suffix}-work-precision.svg`);
}

if (want('stiff')) {
  const rows = stiffSetRows(quick ? 2 : 10);
  say('\n## Stiff set (HIRES, ROBER, VDPOL unscaled μ = 1000 to t = 2), rtol 1e-6, wall time µs (median), ours only');
  table(['problem', 'method', 'jacobian', 'µs', 'nfev', 'scaled err', 'status'], rows.map((r) => [r.problem, r.method, String(r.jacobian), fmt(r.us_per_traj, 0), String(r.nfev_per_traj), fmt(r.max_scaled_err as number), String(r.status)]));
}

if (want('model')) {
  const { simulate, reason } = await loadSimulate();
  if (simulate) {
    const rounds = roundsArg || (quick ? 2 : 7);
    const rows = modelGridRows(simulate, rounds, quick ? 0.1 : 0.3);
    say(`\n## Engine model grid (CsPbI3; densities 1e16…1e19 × edges 4, 6, 8, 12 nm and bulk), interleaved (${rounds} rounds), CPU µs per trajectory (median); ratio = median over rounds of method/auto in the same round`);
    table(['method', 'µs/traj', 'min–max', 'method/auto', 'nfev/traj', 'note'], rows.map((r) => {
      const u = r.rounds_us as number[];
      return [r.method, fmt(r.us_per_traj, 1), `${fmt(Math.min(...u), 0)}–${fmt(Math.max(...u), 0)}`, fmt(r.ratio_to_auto as number, 2), fmt(r.nfev_per_traj, 1), r.failed ? `${r.failed} failed` : ''];
    }));
  } else say(`# model grid: not run — ${reason}`);
}
