// Loads the benchmark reference solutions copied into benchmarks/reference/ (so fresh CI clones have them).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export interface StiffReference {
  t_end: number;
  y0: number[];
  y_end: number[];
}

export interface Hc4Reference {
  times_ps: number[];
  cases: { n0_cm3: number; y0: number[]; y: number[][] }[];
}

export function loadStiffReference(): Record<'HIRES' | 'ROBER' | 'VDPOL', StiffReference> {
  return JSON.parse(readFileSync(join(here, '..', 'reference', 'stiff-set-reference.json'), 'utf8'));
}

export function loadHc4Reference(): Hc4Reference {
  return JSON.parse(readFileSync(join(here, '..', 'reference', 'hc4_reference.json'), 'utf8'));
}

/** Largest |y − ref| / |ref| over all components (relative error; the bench's max_rel_err). */
export function maxRelErr(y: ArrayLike<number>, ref: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < ref.length; i++) m = Math.max(m, Math.abs(y[i] - ref[i]) / Math.abs(ref[i]));
  return m;
}
