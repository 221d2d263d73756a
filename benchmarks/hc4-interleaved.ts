// HC-4 timed interleaved in rounds at rtol 1e-3 … 1e-10: ours (rodas5, seulex, auto), CVODE, scipy LSODA; CPU time; the floor.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hc4Accuracy, hc4Floor, hc4OursCpu, hc4UnitCosts, WORK_PRECISION_RTOLS } from './hc4-bench.ts';
import { loadHc4Reference, maxRelErr } from './problems/reference.ts';
import { median } from './lib/cpu.ts';
import type { WpPanel } from './lib/svg.ts';

const here = dirname(fileURLToPath(import.meta.url));
const CVODE_BIN = join(here, 'build', 'hc4_cvode');
const SCIPY = join(here, 'scipy', 'hc4_scipy.py');

export interface Hc4Row { solver: string; rtol: number; us: number; rounds: number[]; max_rel_err: number; nfev: number; floor_us?: number }

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
 * (median of those); scipy LSODA sweeps once per round.
 */
export function hc4Interleaved(rounds: number, minS: number, cvode: boolean, scipy: boolean, log: (s: string) => void): { rows: Hc4Row[]; unit: ReturnType<typeof hc4UnitCosts> } {
  const unit = hc4UnitCosts();
  const solvers: { name: string; run: (rtol: number) => { us: number; err: number; nfev: number; c?: ReturnType<typeof hc4OursCpu> } | null }[] = [
    { name: 'ours rodas5', run: (rtol) => { const c = hc4OursCpu('rodas5', rtol, minS); return { us: c.us, err: NaN, nfev: c.nfev, c }; } },
    { name: 'ours seulex', run: (rtol) => { const c = hc4OursCpu('seulex', rtol, minS); return { us: c.us, err: NaN, nfev: c.nfev, c }; } },
    { name: 'ours auto', run: (rtol) => { const c = hc4OursCpu('auto', rtol, minS); return { us: c.us, err: NaN, nfev: c.nfev, c }; } },
  ];
  if (cvode && existsSync(CVODE_BIN)) solvers.push({ name: 'CVODE', run: (rtol) => cvodeOnce(rtol, 5) });
  if (scipy) solvers.push({ name: 'scipy LSODA', run: (rtol) => scipyOnce(rtol, 'LSODA') });
  const rows: Hc4Row[] = [];
  const acc: Record<string, { rounds: number[]; err: number; nfev: number; c?: ReturnType<typeof hc4OursCpu> }> = {};
  for (let k = 0; k < rounds; k++) {
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
      rows.push({ solver: s.name, rtol, us: median(a.rounds), rounds: a.rounds, max_rel_err: err, nfev: a.nfev, floor_us: a.c ? hc4Floor(a.c, unit) : undefined });
    }
  }
  return { rows, unit };
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
