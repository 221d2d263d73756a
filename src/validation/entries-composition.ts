// Validation entries on NC composition and size from the sources of the review's Fig. 5b and 5c, and a size
// series of cuboidal CsPbBr3 NCs. These papers' numbers are not readable here; each entry is the direction or
// comparison the text states, with the threshold that statement supports, and says what was assumed.

import { oneOverETimePs } from './extract.ts';
import { FINE, curveOf, need } from './helpers.ts';
import type { ValidationEntry } from './types.ts';

const LI_H_2023 = {
  doi: '10.1002/adma.202301834',
  source: {
    authors: 'Li H., Wang Q., Oteki Y., Ding C., Liu D., Guo Y., Li Y., Wei Y., Wang D., Yang Y., Masuda T., Chen M., Zhang Z., Sogabe T., Hayase S., Okada Y., Iikubo S., Shen Q.',
    journal: 'Adv. Mater. 35, 2301834',
    year: 2023,
    figure: 'Tc(t) of FAPbI3, CsPbI3 and FA0.5Cs0.5PbI3 NCs at 470 nm, as the review\'s Fig. 5b reproduces and §2.3 describes (its ref. 99)',
    readAt: 'the review\'s §2.3 and Fig. 5 caption (doi:10.1002/adma.202401788); the paper itself is not readable here',
  },
  sample: 'FAPbI3, CsPbI3 and FA0.5Cs0.5PbI3 colloidal NCs (10 nm assumed: the size is not in the review\'s text)',
};
/** Review Fig. 5b: 470 nm pump (caption). Size and ⟨N⟩ are not given there: 10 nm and ⟨N⟩ = 0.1 (low), 10 (high) assumed. */
const iodideNc = (composition: string, nPerNc: number) => ({ composition, edgeNm: 10, nPerNc, pumpNm: 470, latticeK: 295, ...FINE });

const tau = (r: Parameters<typeof curveOf>[0], what: string) => need(oneOverETimePs(curveOf(r)), what);

export const COMPOSITION_ENTRIES: ValidationEntry[] = [
  {
    id: 'lih2023-cspbi3-slower-than-fapbi3-nc',
    title: 'Iodide NCs (review Fig. 5b): CsPbI3 NCs cool more slowly than FAPbI3 NCs',
    ...LI_H_2023,
    paperConditions: { pump: '470 nm (review Fig. 5b caption)', excitation: 'low (⟨N⟩ = 0.1 assumed)', lattice: 'room temperature' },
    conversion: '--edge-nm 10 --n-per-nc 0.1 --pump-nm 470 for CsPbI3 and FAPbI3',
    runs: { cs: iodideNc('CsPbI3', 0.1), fa: iodideNc('FAPbI3', 0.1) },
    quantity: { name: '1/e time ratio CsPbI3/FAPbI3', definition: 'τ(CsPbI3 NC) / τ(FAPbI3 NC), τ the 1/e time of Tc − T_L', unit: '' },
    published: { value: 1.1, uncertainty: null, unit: '', note: '"CsPbI3 NCs cooling more slowly than FAPbI3 NCs" (review §2.3 on ref. 99)' },
    tolerance: { kind: 'at-least', limit: 1.1 },
    toleranceReason: 'a reported ordering of two Tc(t) curves; at least 10 % apart is the least a visible ordering of two TA-derived curves with ~10 % fit scatter means',
    calibration: false,
    measure: (r) => {
      const cs = tau(r.cs, 'CsPbI3'), fa = tau(r.fa, 'FAPbI3');
      return { value: cs / fa, note: `CsPbI3 ${cs.toFixed(3)} ps, FAPbI3 ${fa.toFixed(3)} ps` };
    },
    pointsAt: 'composition: Fröhlich coupling (FAPbI3 dielectric constants are unsourced estimates) and per-compound LO lifetimes',
  },
  {
    id: 'lih2023-cs-alloy-does-not-slow-fapbi3',
    title: 'Iodide NCs (review Fig. 5b): alloying Cs into FAPbI3 does not efficiently slow its cooling',
    ...LI_H_2023,
    paperConditions: { pump: '470 nm', excitation: 'low (⟨N⟩ = 0.1 assumed)', lattice: 'room temperature' },
    conversion: 'as above, plus FA0.5Cs0.5PbI3',
    runs: { cs: iodideNc('CsPbI3', 0.1), fa: iodideNc('FAPbI3', 0.1), mix: iodideNc('FA0.5Cs0.5PbI3', 0.1) },
    quantity: { name: 'alloy position between FAPbI3 and CsPbI3', definition: '(τ(mix) − τ(FA)) / (τ(Cs) − τ(FA)): 0 = cools like FAPbI3, 1 = like CsPbI3', unit: '' },
    published: { value: 0.5, uncertainty: null, unit: '', note: '"alloying Cs into FAPbI3 NCs cannot efficiently decelerate the cooling rate of FAPbI3 NCs" (review §2.3 on ref. 99): the alloy stays nearer FAPbI3' },
    tolerance: { kind: 'at-most', limit: 0.5 },
    toleranceReason: '"cannot efficiently decelerate" means the alloy\'s cooling lies nearer FAPbI3\'s than CsPbI3\'s: at most half-way',
    calibration: false,
    measure: (r) => {
      const cs = tau(r.cs, 'CsPbI3'), fa = tau(r.fa, 'FAPbI3'), mix = tau(r.mix, 'alloy');
      if (!(cs > fa)) throw new Error(`CsPbI3 (${cs.toFixed(3)} ps) is not slower than FAPbI3 (${fa.toFixed(3)} ps): the position is undefined`);
      return { value: (mix - fa) / (cs - fa), note: `FA ${fa.toFixed(3)}, mix ${mix.toFixed(3)}, Cs ${cs.toFixed(3)} ps` };
    },
    pointsAt: 'alloy interpolation of the phonon parameters (mixing rules)',
  },
  {
    id: 'lih2023-alloy-stronger-high-excitation-slowing',
    title: 'Iodide NCs: the high-excitation slowing is stronger in the FA–Cs alloy than in CsPbI3',
    ...LI_H_2023,
    paperConditions: { pump: '470 nm', excitation: 'low vs high (⟨N⟩ = 0.1 vs 10 assumed)', lattice: 'room temperature' },
    conversion: '--edge-nm 10 --pump-nm 470, ⟨N⟩ 0.1 and 10, for FA0.5Cs0.5PbI3 and CsPbI3',
    runs: { mixLow: iodideNc('FA0.5Cs0.5PbI3', 0.1), mixHigh: iodideNc('FA0.5Cs0.5PbI3', 10), csLow: iodideNc('CsPbI3', 0.1), csHigh: iodideNc('CsPbI3', 10) },
    quantity: { name: 'slowing ratio alloy/CsPbI3', definition: '[τ(⟨N⟩=10)/τ(⟨N⟩=0.1)] of the alloy over the same ratio of CsPbI3', unit: '' },
    published: { value: 1.1, uncertainty: null, unit: '', note: 'the Auger-heating slowing "is more evident in organic–inorganic cation alloyed c-PeNCs" (review §2.3 on ref. 99)' },
    tolerance: { kind: 'at-least', limit: 1.1 },
    toleranceReason: '"more evident" read as at least 10 % stronger slowing, above the fit scatter of two TA series',
    calibration: false,
    measure: (r) => {
      const mix = tau(r.mixHigh, 'alloy high') / tau(r.mixLow, 'alloy low');
      const cs = tau(r.csHigh, 'Cs high') / tau(r.csLow, 'Cs low');
      return { value: mix / cs, note: `slowing ×${mix.toFixed(2)} (alloy) vs ×${cs.toFixed(2)} (CsPbI3)` };
    },
    pointsAt: 'Auger heating plus up-conversion through the alloy\'s co-vibrational modes (not modelled beyond mixing)',
  },
  {
    id: 'review-yu2021-below-bohr-slower',
    title: 'NC size (review Fig. 5c): below the Bohr diameter the phonon bottleneck slows cooling significantly',
    doi: '10.1002/adma.202401788',
    source: {
      authors: 'Yang W., Jo S.-H., Lee T.-W. (review), describing Yu B., Chen L., Qu Z., Zhang C., Qin Z., Wang X., Xiao M., J. Phys. Chem. Lett. 12, 238 (2021) (its ref. 100; that paper\'s DOI could not be read here)',
      journal: 'Adv. Mater. 2024, 2401788 (review), §2.3 and Fig. 5c',
      year: 2024,
      figure: 'Fig. 5c "size-dependent lifetime parameters for hot-carrier dynamics"; text: "As c-PeNC size decreases below the Bohr diameter ... this phonon bottleneck slows hot-carrier cooling significantly"',
      readAt: 'the review\'s text (project seed)',
    },
    sample: 'perovskite NCs above and below the Bohr diameter (CsPbBr3, 5 nm vs 12 nm assumed: the composition and sizes of ref. 100 are not in the review\'s text)',
    paperConditions: { pump: '350 nm assumed', excitation: 'low (⟨N⟩ = 0.1 assumed)', lattice: 'room temperature' },
    conversion: '--composition CsPbBr3 --n-per-nc 0.1 --pump-nm 350 at --edge-nm 5 and 12 (Bohr diameter ~7 nm)',
    runs: { small: { composition: 'CsPbBr3', edgeNm: 5, nPerNc: 0.1, pumpNm: 350, latticeK: 295, ...FINE }, large: { composition: 'CsPbBr3', edgeNm: 12, nPerNc: 0.1, pumpNm: 350, latticeK: 295, ...FINE } },
    quantity: { name: '1/e time ratio 5/12 nm', definition: 'τ(below Bohr) / τ(above Bohr), τ the 1/e time of Tc − T_L', unit: '' },
    published: { value: 1.5, uncertainty: null, unit: '', note: 'direction, "significantly" slower below the Bohr diameter (review on ref. 100)' },
    tolerance: { kind: 'at-least', limit: 1.5 },
    toleranceReason: '"significantly" read as at least ×1.5; the review gives no number, so only a clear slowing counts as agreement',
    calibration: false,
    measure: (r) => {
      const s = tau(r.small, '5 nm'), l = tau(r.large, '12 nm');
      return { value: s / l, note: `5 nm ${s.toFixed(3)} ps, 12 nm ${l.toFixed(3)} ps` };
    },
    pointsAt: 'the intrinsic phonon bottleneck; note that it pulls against the strongly-confined CsPbBr3 entries (sub-ps at 2.6–6.2 nm)',
  },
  {
    id: 'acsnano2023-cspbbr3-weak-size-effect',
    title: 'Cuboidal CsPbBr3 NCs (pump–push–probe): only a weak size effect on cooling',
    doi: '10.1021/acsnano.2c12373',
    source: {
      authors: 'ACS Nano 17, 6638 (2023) author list as published ("Confinement and Exciton Binding Energy Effects on Hot Carrier Cooling in Lead Halide Perovskite Nanomaterials")',
      journal: 'ACS Nano 17, 6638',
      year: 2023,
      figure: 'Abstract: "In cuboidal nanocrystals, we observe only a weak size effect on the cooling dynamics"',
      readAt: 'abstract on PubMed (36939330) and the TU Dresden research portal',
    },
    sample: 'cuboidal CsPbBr3 NCs, two sizes (6 nm and 12 nm assumed: the sizes are not in the abstract)',
    paperConditions: { pump: 'above-gap pump + IR push (350 nm pump assumed)', excitation: 'low (⟨N⟩ = 0.1 assumed)', lattice: 'room temperature' },
    conversion: '--composition CsPbBr3 --n-per-nc 0.1 --pump-nm 350 at --edge-nm 6 and 12',
    runs: { small: { composition: 'CsPbBr3', edgeNm: 6, nPerNc: 0.1, pumpNm: 350, latticeK: 295, ...FINE }, large: { composition: 'CsPbBr3', edgeNm: 12, nPerNc: 0.1, pumpNm: 350, latticeK: 295, ...FINE } },
    quantity: { name: '1/e time ratio 6/12 nm', definition: 'τ(6 nm) / τ(12 nm), τ the 1/e time of Tc − T_L', unit: '' },
    published: { value: 1, uncertainty: null, unit: '', note: '"only a weak size effect" (abstract)' },
    tolerance: { kind: 'factor', factor: 1.5 },
    toleranceReason: '"only a weak size effect": a change of less than ×1.5 either way between the sizes; a larger one would be a size effect worth the name',
    calibration: false,
    measure: (r) => {
      const s = tau(r.small, '6 nm'), l = tau(r.large, '12 nm');
      return { value: s / l, note: `6 nm ${s.toFixed(3)} ps, 12 nm ${l.toFixed(3)} ps` };
    },
    pointsAt: 'the intrinsic bottleneck near the Bohr size',
  },
];
