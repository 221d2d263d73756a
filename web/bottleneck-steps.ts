// The teaching view's guided bottleneck comparison: three curves and what each shows. The densities were chosen by
// measuring the engine's curves (CsPbI3, 8 nm, 470 nm pump, 300 K): at 5e18 cm⁻³ the hot-LO curve's 1/e time is
// about 3× the one with LO held at the lattice temperature (15.9 vs 4.5 ps; with Auger heating off instead, 4.2 ps:
// the tail needs both); at 1e17 cm⁻³ the two agree within a few % (1.08 vs 1.06 ps). At 1e19 cm⁻³
// (the earlier choice) the dense carriers' screening of the Fröhlich coupling keeps Tc near 3000 K for picoseconds
// even with LO held, so "cooling is fast" was false there. The captions quote the numbers of the curves drawn, and
// test/e2e/web-helpers.test.ts checks the claims in their words against the engine.

import type { SimulationInput, SimulationResult } from '../src/model/types.ts';
import { formatNumber } from './format.ts';

/** What a caption quotes of a step's curve. */
export interface StepNumbers {
  /** Time for Tc − T_L to fall to 1/e of its peak (ps); null if never within the window. */
  tau1ePs: number | null;
  /** Highest LO-phonon temperature (K). */
  peakLoK: number;
  /** Mean excitations per NC (null for a film). */
  nPerNc: number | null;
}

export function stepNumbers(r: SimulationResult): StepNumbers {
  let peakLoK = -Infinity;
  for (const t of r.tLoK) if (t > peakLoK) peakLoK = t;
  return { tau1ePs: r.metrics.tau1ePs, peakLoK, nPerNc: r.derived.nPerNc };
}

export interface BottleneckStep {
  title: string;
  input: SimulationInput;
  /** The caption, from the numbers of this step and of the steps before it (`steps[i]` for step i + 1). */
  caption(steps: StepNumbers[]): string;
}

const SAMPLE = { composition: 'CsPbI3', edgeNm: 8, pumpNm: 470, latticeK: 300 } as const;
const ps = (v: number | null) => (v === null ? 'more than the whole window' : `${formatNumber(v)} ps`);
const perNc = (n: number | null) => (n === null ? '' : ` (about ${formatNumber(n, 2)} per nanocrystal)`);

export const BOTTLENECK_STEPS: BottleneckStep[] = [
  {
    title: 'Step 1: many carriers, LO phonons free to heat up',
    input: { ...SAMPLE, densityCm3: 5e18 },
    caption: ([s]) => `At 5e18 cm⁻³${perNc(s.nPerNc)} the carriers emit LO phonons faster than those decay: the LO modes heat up to ${formatNumber(s.peakLoK)} K and hand energy back. Look at the long, slow tail: Tc − T_L takes ${ps(s.tau1ePs)} to fall to 1/e. That is the hot-phonon bottleneck.`,
  },
  {
    title: 'Step 2: same carriers, LO held at the lattice temperature — no bottleneck',
    input: { ...SAMPLE, densityCm3: 5e18, switches: { hotPhonons: false } },
    caption: ([s1, s2]) => `Same sample and density (step 1 is the other curve), but the LO modes are held at the lattice temperature: they cannot heat up. The slow tail is gone: 1/e in ${ps(s2.tau1ePs)} instead of ${ps(s1.tau1ePs)}. So the tail in step 1 needs hot LO phonons. (It needs Auger heating too: Auger recombination hands energy back to the remaining carriers, and the Bottleneck demo preset also shows that switch.) What remains is still slower than in step 3: this many carriers screen their own pull on the lattice.`,
  },
  {
    title: 'Step 3: few carriers',
    input: { ...SAMPLE, densityCm3: 1e17 },
    caption: ([s1, , s3]) => `At 1e17 cm⁻³${perNc(s3.nPerNc)}, with the LO modes again free to heat up, the carriers make too few LO phonons to heat them (they reach only ${formatNumber(s3.peakLoK)} K): Tc falls to 1/e in ${ps(s3.tau1ePs)}, against ${ps(s1.tau1ePs)} in step 1. The bottleneck is a high-density effect.`,
  },
];
