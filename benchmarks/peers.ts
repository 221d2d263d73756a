// Peer solvers: builds the SUNDIALS CVODE HC-4 driver and checks that scipy is importable.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const CVODE_SRC = join(here, 'cvode', 'hc4_cvode.c');
const CVODE_BIN = join(here, 'build', 'hc4_cvode');
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

export function checkScipy(): Availability {
  const r = spawnSync('python3', ['-c', 'import scipy, numpy; print(scipy.__version__)'], { encoding: 'utf8' });
  if (r.error) return { ok: false, reason: 'python3 not found' };
  if (r.status !== 0) return { ok: false, reason: 'python3 found but scipy/numpy is not importable' };
  return { ok: true, detail: `scipy ${r.stdout.trim()}` };
}
