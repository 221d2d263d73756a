// HC-4 timed interleaved in rounds at rtol 1e-3 … 1e-10: ours (rodas5, seulex, auto), CVODE, scipy LSODA; CPU time; the floor.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hc4Accuracy, hc4Floor, hc4OursCpu, hc4UnitPricer, type Hc4UnitCosts, WORK_PRECISION_RTOLS } from './hc4-bench.ts';
import { loadHc4Reference, maxRelErr } from './problems/reference.ts';
import { median } from './lib/cpu.ts';
import type { WpPanel } from './lib/svg.ts';

const here = dirname(fileURLToPath(import.meta.url));
const CVODE_BIN = join(here, 'build', 'hc4_cvode');
const SCIPY = join(here, 'scipy', 'hc4_scipy.py');

/**
 * One solver at one rtol. Ours also carry the floor: `floor_rounds[k]` prices the counters at the unit costs
 * measured in round k at this rtol (beside the solver timings), `ratio_rounds[k]` = rounds[k] / floor_rounds[k],
 * `floor_us` and `ratio` are their medians; `floor_mid_us` prices the counters at the run's median unit costs
 * (the same prices for every solver, for comparing floors).
 */
export interface Hc4Row {
  solver: string; rtol: number; us: number; rounds: number[]; max_rel_err: number; nfev: number;
  floor_us?: number; floor_rounds?: number[]; ratio?: number; ratio_rounds?: number[]; floor_mid_us?: number;
}

/** Unit costs priced in one round at one rtol, just before one of our solvers was timed. */
export interface Hc4UnitRound extends Hc4UnitCosts { round: number; rtol: number; solver: string }

function cvodeOnce(rtol: number, repeats: number): { us: number; err: number; nfev: number } | null {
  const r = spawnSync(CVODE_BIN, [String(rtol), String(repeats), '20'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  const ref = loadHc4Reference();
  let err = 0;
  for (const c of ref.cases) {
    const row = lines.find((l) => l.n0 === c.n0_cm3);
    for (let k = 0; k < ref.times_ps.length; k++) err = Math.max(err, maxRelErr(row.y.slice(4 * k, 4 * k + 4), c.y[k]));
  }
  return { us: lines[0].us_per_traj, err, nfev: lines[0].nfev_per_traj };
}

function scipyOnce(rtol: number, method: string): { us: number; err: number; nfev: number } | null {
  const r = spawnSync('python3', [SCIPY, String(rtol), '1', '20', method], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const o = JSON.parse(r.stdout.trim().split('\n').pop()!);
  return { us: o.us_per_traj, err: o.max_rel_err, nfev: o.nfev_per_traj };
}

/**
 * `rounds` rounds; in each, every rtol and every solver once (solver order rotated per round). Ours time the
 * 20-density sweep for ≥ minS CPU seconds; CVODE repeats the sweep `cvodeRepeats` times inside its process
 * (median of those); scipy LSODA sweeps once per round. The floor's unit costs are priced again just before
 * each timing of ours (the minimum of 3 measurements of ≥ 10 ms CPU each per unit), so each round's time/floor
 * ratio sees the machine's state of that moment (on this shared VM it flips between states ~1.6× apart); one
 * untimed pass of ours comes first (the JIT's first pass).
 */
export function hc4Interleaved(rounds: number, minS: number, cvode: boolean, scipy: boolean, log: (s: string) => void): { rows: Hc4Row[]; unit: Hc4UnitCosts; unitRounds: Hc4UnitRound[] } {
  const price = hc4UnitPricer();
  const unitRounds: Hc4UnitRound[] = [];
  let round = 0;
  type Run = { us: number; err: number; nfev: number; c?: ReturnType<typeof hc4OursCpu> };
  const ours = (method: 'rodas5' | 'seulex' | 'auto') => (rtol: number): Run => {
    unitRounds.push({ round, rtol, solver: `ours ${method}`, ...price(3, 0.01) });
    const c = hc4OursCpu(method, rtol, minS);
    return { us: c.us, err: NaN, nfev: c.nfev, c };
  };
  const solvers: { name: string; run: (rtol: number) => Run | null }[] = [
    { name: 'ours rodas5', run: ours('rodas5') },
    { name: 'ours seulex', run: ours('seulex') },
    { name: 'ours auto', run: ours('auto') },
  ];
  if (cvode && existsSync(CVODE_BIN)) solvers.push({ name: 'CVODE', run: (rtol) => cvodeOnce(rtol, 5) });
  if (scipy) solvers.push({ name: 'scipy LSODA', run: (rtol) => scipyOnce(rtol, 'LSODA') });
  for (const m of ['rodas5', 'seulex', 'auto'] as const) for (const rtol of WORK_PRECISION_RTOLS) hc4OursCpu(m, rtol, 0.01); // untimed: the JIT's first pass
  const rows: Hc4Row[] = [];
  const acc: Record<string, { rounds: number[]; err: number; nfev: number; c?: ReturnType<typeof hc4OursCpu> }> = {};
  for (let k = 0; k < rounds; k++) {
    round = k;
    for (const rtol of WORK_PRECISION_RTOLS) {
      for (let j = 0; j < solvers.length; j++) {
        const s = solvers[(j + k) % solvers.length];
        if (s.name.startsWith('scipy') && k >= Math.max(1, Math.ceil(rounds / 3))) continue; // scipy is 100× slower: fewer rounds
        const o = s.run(rtol);
        if (!o) continue;
        const key = `${s.name}|${rtol}`;
        acc[key] ??= { rounds: [], err: o.err, nfev: o.nfev, c: o.c };
        acc[key].rounds.push(o.us);
      }
    }
    log(`# HC-4 round ${k + 1}/${rounds} done`);
  }
  for (const s of solvers) {
    for (const rtol of WORK_PRECISION_RTOLS) {
      const a = acc[`${s.name}|${rtol}`];
      if (!a) continue;
      const err = s.name.startsWith('ours') ? hc4Accuracy(s.name.slice(5) as 'auto' | 'rodas5' | 'seulex', rtol) : a.err;
      const row: Hc4Row = { solver: s.name, rtol, us: median(a.rounds), rounds: a.rounds, max_rel_err: err, nfev: a.nfev };
      if (a.c) {
        const c = a.c;
        const floors = unitRounds.filter((u) => u.rtol === rtol && u.solver === s.name).sort((x, y) => x.round - y.round).map((u) => hc4Floor(c, u));
        row.floor_rounds = floors;
        row.floor_us = median(floors);
        row.ratio_rounds = a.rounds.map((us, i) => us / floors[i]);
        row.ratio = median(row.ratio_rounds);
      }
      rows.push(row);
    }
  }
  const mid = (key: keyof Hc4UnitCosts) => median(unitRounds.map((u) => u[key]));
  const unit = { rhs_ns: mid('rhs_ns'), jac_ns: mid('jac_ns'), lu_ns: mid('lu_ns'), solve_ns: mid('solve_ns') };
  for (const r of rows) {
    const c = acc[`${r.solver}|${r.rtol}`].c;
    if (c) r.floor_mid_us = hc4Floor(c, unit);
  }
  return { rows, unit, unitRounds };
}

/** Median over rounds of (peer time / our time) in the same round. */
export function hc4Ratio(rows: Hc4Row[], ours: string, peer: string, rtol: number): number {
  const a = rows.find((r) => r.solver === ours && r.rtol === rtol);
  const b = rows.find((r) => r.solver === peer && r.rtol === rtol);
  if (!a || !b) return NaN;
  const k = Math.min(a.rounds.length, b.rounds.length);
  const q: number[] = [];
  for (let i = 0; i < k; i++) q.push(b.rounds[i] / a.rounds[i]);
  return median(q);
}

export function hc4Panel(rows: Hc4Row[]): WpPanel {
  const names = [...new Set(rows.map((r) => r.solver))];
  return {
    title: 'HC-4 (20 densities, 9 output times)',
    xLabel: 'max relative error vs hc4_reference.json',
    series: names.map((n) => ({ solver: n, points: rows.filter((r) => r.solver === n).map((r) => ({ err: r.max_rel_err, sec: r.us * 1e-6, rtol: r.rtol })) })),
  };
}
