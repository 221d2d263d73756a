// Synthetic "measurements" made by the model itself with seeded Gaussian noise: for trying and testing fits
// (parameter-recovery studies). Deterministic for a given seed, so results can be reproduced exactly.

import { simulate } from '../model/simulate.ts';
import type { SimulationInput } from '../model/types.ts';
import { modelTcAt, type MeasuredSeries } from './measured.ts';

/** Seeded uniform generator on [0, 1) (mulberry32, a 32-bit counter-based mixer). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Seeded standard normal deviates (Box–Muller on mulberry32). */
export function gaussian(seed: number): () => number {
  const u = mulberry32(seed);
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

export interface SyntheticOptions {
  /** Noise seed. */
  seed: number;
  /** One-sigma noise as a fraction of Tc. */
  relSigma: number;
  /** Smallest sigma (K). Default 0. */
  minSigmaK?: number;
  /** Include the sigma column (default true). */
  withSigma?: boolean;
  name?: string;
}

/**
 * The model for `truth` at `delaysPs` (a dense run at rtol 1e-9 from 0.05 ps to 1.5× the last delay, read in log t)
 * plus Gaussian noise of sigma = max(minSigmaK, relSigma·Tc), drawn in delay order.
 */
export function syntheticSeries(truth: SimulationInput, delaysPs: readonly number[], options: SyntheticOptions): MeasuredSeries {
  const last = delaysPs[delaysPs.length - 1];
  const r = simulate({ ...truth, tStartPs: 0.05, tEndPs: Math.max(30, 1.5 * last), nPoints: 2000, rtol: 1e-9 });
  const normal = gaussian(options.seed);
  const sigma = delaysPs.map((t) => Math.max(options.minSigmaK ?? 0, options.relSigma * (modelTcAt(r, t) as number)));
  const tc = delaysPs.map((t, i) => (modelTcAt(r, t) as number) + sigma[i] * normal());
  return {
    name: options.name ?? 'synthetic', tPs: Float64Array.from(delaysPs), tcK: Float64Array.from(tc),
    sigmaK: options.withSigma === false ? null : Float64Array.from(sigma), header: [], delayUnit: 'ps', notes: [],
  };
}
