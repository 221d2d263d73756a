// Peer solvers on HC-4: builds and runs the SUNDIALS CVODE driver and the scipy solve_ivp script when present.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadHc4Reference, maxRelErr } from './problems/reference.ts';
import type { BenchRow } from './lib/measure.ts';

const here = dirname(fileURLToPath(import.meta.url));
const CVODE_SRC = join(here, 'cvode', 'hc4_cvode.c');
const CVODE_BIN = join(here, 'build', 'hc4_cvode');
const SCIPY_SCRIPT = join(here, 'scipy', 'hc4_scipy.py');
const CVODE_LIBS = ['-lsundials_cvode', '-lsundials_nvecserial', '-lsundials_sunmatrixdense', '-lsundials_sunlinsoldense', '-lm'];

export type Availability = { ok: true; detail: string } | { ok: false; reason: string };

/**
 * Build benchmarks/build/hc4_cvode with gcc when the CVODE headers are installed (Debian: libsundials-dev).
 * SUNDIALS 7 moved shared code into libsundials_core, so that library is tried as well.
 */
export function buildCvode(): Availability {
  const header = ['/usr/include/cvode/cvode.h', '/usr/local/include/cvode/cvode.h'].find(existsSync);
  if (!header) return { ok: false, reason: 'CVODE headers not found (install libsundials-dev)' };
  if (spawnSync('gcc', ['--version']).status !== 0) return { ok: false, reason: 'gcc not found' };
  if (existsSync(CVODE_BIN) && statSync(CVODE_BIN).mtimeMs >= statSync(CVODE_SRC).mtimeMs) {
    return { ok: true, detail: `${header} (cached build)` };
  }
  mkdirSync(dirname(CVODE_BIN), { recursive: true });
  let last = '';
  for (const extra of [[], ['-lsundials_core']]) {
    const r = spawnSync('gcc', ['-O2', '-o', CVODE_BIN, CVODE_SRC, ...CVODE_LIBS, ...extra], { encoding: 'utf8' });
    if (r.status === 0) return { ok: true, detail: header };
    last = r.stderr;
  }
  return { ok: false, reason: `gcc could not build the CVODE driver: ${last.split('\n').slice(0, 3).join(' ')}` };
}

/** Run the CVODE sweep at one rtol: median µs/trajectory, nfev, and max_rel_err against the reference. */
export function runCvode(rtol: number, repeats: number, benchmark: string): BenchRow | null {
  const r = spawnSync(CVODE_BIN, [String(rtol), String(repeats), '20'], { encoding: 'utf8' });
  if (r.status !== 0) return null;
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  const head = lines[0];
  const reference = loadHc4Reference();
  let err = 0;
  for (const c of reference.cases) {
    const row = lines.find((l) => l.n0 === c.n0_cm3);
    if (!row) return null;
    for (let k = 0; k < reference.times_ps.length; k++) err = Math.max(err, maxRelErr(row.y.slice(4 * k, 4 * k + 4), c.y[k]));
  }
  return {
    benchmark, problem: 'HC-4', method: `cvode-bdf-dense (SUNDIALS ${head.version})`, rtol, us_per_traj: head.us_per_traj,
    nfev_per_traj: head.nfev_per_traj, max_rel_err: err, steps_per_traj: head.steps_per_traj, jacobian: 'analytic', language: 'C -O2',
  };
}

export function checkScipy(): Availability {
  const r = spawnSync('python3', ['-c', 'import scipy, numpy; print(scipy.__version__)'], { encoding: 'utf8' });
  if (r.error) return { ok: false, reason: 'python3 not found' };
  if (r.status !== 0) return { ok: false, reason: 'python3 found but scipy/numpy is not importable' };
  return { ok: true, detail: `scipy ${r.stdout.trim()}` };
}

/** Run scipy's solve_ivp on the HC-4 sweep; timing per trajectory is measured inside Python. */
export function runScipy(rtol: number, repeats: number, methods: string[], benchmark: string): BenchRow[] {
  const r = spawnSync('python3', [SCIPY_SCRIPT, String(rtol), String(repeats), '20', methods.join(',')], { encoding: 'utf8' });
  if (r.status !== 0) return [];
  return r.stdout.trim().split('\n').map((l) => {
    const o = JSON.parse(l);
    return {
      benchmark, problem: 'HC-4', method: `scipy-${o.method}`, rtol, us_per_traj: o.us_per_traj, nfev_per_traj: o.nfev_per_traj,
      max_rel_err: o.max_rel_err, jacobian: 'analytic', language: `Python (scipy ${o.scipy_version})`,
    };
  });
}
