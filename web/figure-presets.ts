// Presets recreating the review's Figure 5 comparisons as sets of curves (Yang, Jo & Lee, Adv. Mater. 2024, Fig. 5),
// and a teaching set that takes the hot-phonon bottleneck apart.

import type { SimulationInput } from '../src/model/types.ts';

export interface FigurePreset {
  id: string;
  /** Button text. */
  button: string;
  title: string;
  /** What the curves show, in a sentence a class can read (the teaching view keeps it on screen). */
  caption: string;
  /** The curves; the first becomes the current curve, the rest overlays. */
  inputs: SimulationInput[];
}

/** Fig. 5b: FAPbI3, CsPbI3 and FA0.5Cs0.5PbI3 NCs pumped at 470 nm (ref 99). */
const fig5b: FigurePreset = {
  id: '5b',
  button: 'Fig. 5b',
  title: 'Fig. 5b: CsPbI3 vs FAPbI3 vs FA0.5Cs0.5PbI3 NCs, 470 nm pump',
  caption: 'Three nanocrystals that differ only in the A-site cation (Cs, FA or a mix), pumped the same way: the cation changes how strongly carriers couple to LO phonons, so the curves cool at different rates.',
  inputs: ['CsPbI3', 'FAPbI3', 'FA0.5Cs0.5PbI3'].map((composition) => ({
    composition, edgeNm: 10, nPerNc: 0.5, pumpNm: 470, latticeK: 300,
  })),
};

/** Fig. 5c: one composition at sizes below and above the exciton Bohr diameter, low excitation (ref 100). */
const fig5c: FigurePreset = {
  id: '5c',
  button: 'Fig. 5c',
  title: 'Fig. 5c: CsPbBr3 NCs of several sizes, low excitation',
  caption: 'The same material in crystals from 4 to 15 nm, lightly excited: in the smallest crystals the electron levels are spread far apart, which changes how fast carriers can hand energy to the lattice.',
  inputs: [4, 6, 8, 11, 15].map((edgeNm) => ({ composition: 'CsPbBr3', edgeNm, nPerNc: 0.1, pumpNm: 400, latticeK: 300 })),
};

/** Fig. 5d: medium MAPbBr3 NCs and a bulk film at several carrier densities (ref 101). */
const fig5d: FigurePreset = {
  id: '5d',
  button: 'Fig. 5d',
  title: 'Fig. 5d: MAPbBr3 NCs and bulk film at several densities',
  caption: 'Nanocrystals and a film of the same material at three excitation densities: more carriers heat the LO phonons more, and cooling slows — the hot-phonon bottleneck grows with density.',
  inputs: [3e17, 1e18, 5e18].flatMap((densityCm3) => [
    { composition: 'MAPbBr3', edgeNm: 11, densityCm3, pumpNm: 400, latticeK: 300 },
    { composition: 'MAPbBr3', edgeNm: null, densityCm3, pumpNm: 400, latticeK: 300 },
  ]),
};

/**
 * For teaching: the hot-phonon bottleneck taken apart. At 5e18 cm⁻³ the carriers emit LO phonons faster than the
 * phonons decay, so the finite LO population heats and re-feeds the carriers, and Auger recombination keeps re-heating
 * them. Measured (engine of this commit): 1/e in 15.9 ps; 4.5 ps with the LO modes held at the lattice temperature;
 * 4.2 ps with Auger heating off; 1.08 ps at 1e17 cm⁻³. (At 1e19 cm⁻³ the carriers' screening of the coupling keeps
 * cooling slow, 12 ps, even with LO held, so the demo does not use it.)
 */
const bottleneck: FigurePreset = {
  id: 'bottleneck',
  button: 'Bottleneck demo',
  title: 'Hot-phonon bottleneck: CsPbI3 8 nm at 5e18 cm⁻³ with and without a finite LO population, Auger heating off, and 1e17 cm⁻³',
  caption: 'At high density the LO phonons heat up and hand energy back to the carriers, and Auger recombination keeps re-heating them: cooling drags on in a long tail (the bottleneck). Holding the LO phonons at the lattice temperature, or switching Auger heating off, shortens the tail several-fold; exciting fewer carriers removes it.',
  inputs: [
    { composition: 'CsPbI3', edgeNm: 8, densityCm3: 5e18, pumpNm: 470, latticeK: 300 },
    { composition: 'CsPbI3', edgeNm: 8, densityCm3: 5e18, pumpNm: 470, latticeK: 300, switches: { hotPhonons: false } },
    { composition: 'CsPbI3', edgeNm: 8, densityCm3: 5e18, pumpNm: 470, latticeK: 300, switches: { augerHeating: false } },
    { composition: 'CsPbI3', edgeNm: 8, densityCm3: 1e17, pumpNm: 470, latticeK: 300 },
  ],
};

export const FIGURE_PRESETS: readonly FigurePreset[] = [fig5b, fig5c, fig5d, bottleneck];
