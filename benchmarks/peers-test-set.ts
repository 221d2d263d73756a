// Builds the CVODE driver for the test set (benchmarks/cvode/test_set_cvode.c) into build/, like peers.ts does for HC-4.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Availability } from './peers.ts';

const here = dirname(fileURLToPath(import.meta.url));
const SRC = join(here, 'cvode', 'test_set_cvode.c');
const BIN = join(here, 'build', 'test_set_cvode');
const LIBS = ['-lsundials_cvode', '-lsundials_nvecserial', '-lsundials_sunmatrixdense', '-lsundials_sunlinsoldense', '-lsundials_sunmatrixband', '-lsundials_sunlinsolband', '-lsundials_sunnonlinsolfixedpoint', '-lm'];

export function buildTestSetCvode(): Availability {
  if (existsSync(BIN) && statSync(BIN).mtimeMs >= statSync(SRC).mtimeMs) return { ok: true, detail: 'cached build' };
  mkdirSync(dirname(BIN), { recursive: true });
  let last = '';
  // With KLU (CVODE's sparse direct solver, `klu` runs) when SUNDIALS has it, else without.
  const KLU = ['-DHAVE_KLU', '-I/usr/include/suitesparse', '-lsundials_sunlinsolklu', '-lsundials_sunmatrixsparse', '-lklu'];
  for (const extra of [KLU, [...KLU, '-lsundials_core'], [], ['-lsundials_core']]) {
    const r = spawnSync('gcc', ['-O2', '-o', BIN, SRC, ...LIBS, ...extra], { encoding: 'utf8' });
    if (r.status === 0) return { ok: true, detail: extra.length >= KLU.length ? 'built with KLU' : 'built (no KLU)' };
    last = r.stderr;
  }
  return { ok: false, reason: `gcc could not build the test-set CVODE driver: ${last.split('\n').slice(0, 3).join(' ')}` };
}
