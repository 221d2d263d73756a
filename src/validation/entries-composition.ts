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
    journal: 'Adv. Mater. 35, 2301834 ("Enhanced Hot-Phonon Bottleneck Effect on Slowing Hot Carrier Cooling in Metal Halide Perovskite Quantum Dots with Alloyed A-Site")',
    year: 2023,
    figure: 'Abstract (fast and slow cooling stages of FAPbI3, MAPbI3, CsPbI3, FA0.5MA0.5PbI3, FA0.5Cs0.5PbI3, MA0.5Cs0.5PbI3 QDs); Tc(t) at 470 nm as the review\'s Fig. 5b reproduces (its ref. 99)',
    readAt: 'abstract (OpenAlex record W4380446434 via preview.concepedia.online, a closed-access record; and the authors\' group page with the DOI); the review\'s §2.3 and Fig. 5 caption. No full text, figure or table of the paper is stored here: no lifetime per composition, excitation level in photons or ⟨N⟩, pump or QD size could be read',
  },
  sample: 'APbI3 perovskite QDs, pure (FA, MA, Cs) and A-site alloyed (FA0.5MA0.5, FA0.5Cs0.5, MA0.5Cs0.5); 10 nm assumed (the size is not in the abstract)',
};
const ORGANIC = ['FAPbI3', 'MAPbI3', 'FA0.5MA0.5PbI3', 'FA0.5Cs0.5PbI3', 'MA0.5Cs0.5PbI3'];
const ALL_SIX = ['CsPbI3', ...ORGANIC];
/** The fast-stage lifetime: the fast component of the bi-exponential fit, or the single exponential when one fits. */
function fastStagePs(r: Parameters<typeof curveOf>[0], what: string): number {
  const v = r.metrics.fastPs ?? r.metrics.slowPs;
  if (v === null) throw new Error(`${what}: no exponential fit`);
  return v;
}
/** The slow-stage lifetime: the slow component of a two-component fit (none when a single exponential fits). */
function slowStagePs(r: Parameters<typeof curveOf>[0], what: string): number {
  if (r.metrics.fastPs === null || r.metrics.slowPs === null) throw new Error(`${what}: no resolved slow stage`);
  return r.metrics.slowPs;
}

/** Review Fig. 5b: 470 nm pump (caption). Size and ⟨N⟩ are not given: 10 nm, ⟨N⟩ = 0.1 (low) and 1 ("above 1 sun") assumed. */
const iodideNc = (composition: string, nPerNc: number) => ({ composition, edgeNm: 10, nPerNc, pumpNm: 470, latticeK: 295, ...FINE });

const tau = (r: Parameters<typeof curveOf>[0], what: string) => need(oneOverETimePs(curveOf(r)), what);

const SNPB_2023 = {
  doi: '10.1038/s41377-023-01236-w',
  source: {
    authors: 'not shown in the record read here (see the DOI); title "Thermalization and relaxation mediated by phonon management in tin-lead perovskites"',
    journal: 'Light Sci. Appl. 12 (2023)',
    year: 2023,
    figure: 'Abstract: MASnxPb1-xI3 and CsSnxPb1-xI3 NCs; hot-phonon bottleneck above ~1e18 cm^-3; tin addition suppresses cooling',
    readAt: 'abstract, Oxford Research Archive record uuid:4d331856-4c36-4444-ba3b-b157e52de62a (publisher DOI given there; the version-of-record PDF it lists is not stored here, so no figure, tin fraction, size, pump or cooling time per composition could be read)',
  },
  sample: 'MASn0.5Pb0.5I3 (and MAPbI3) colloidal NCs, 10 nm assumed. The paper studies MASnxPb1-xI3 and CsSnxPb1-xI3 NCs (abstract); the tin fractions x and the size are not in the abstract: x = 0.5 and 10 nm are assumptions',
};
/** Tin–lead NCs: pump and size not in the abstract, 400 nm and 10 nm assumed; excitation as pair density inside the NC. */
const snPbNc = (composition: string, densityCm3: number) => ({ composition, edgeNm: 10, densityCm3, pumpNm: 400, latticeK: 295, ...FINE });

export const COMPOSITION_ENTRIES: ValidationEntry[] = [
  {
    id: 'lih2023-fast-stage-organic-shorter-than-cs',
    title: 'Iodide QDs (review Fig. 5b): the fast cooling stage of every organic-cation QD is shorter than CsPbI3\'s',
    ...LI_H_2023,
    paperConditions: { pump: '470 nm (review Fig. 5b caption)', excitation: 'low (⟨N⟩ = 0.1 assumed)', lattice: 'room temperature' },
    conversion: `--edge-nm 10 --n-per-nc 0.1 --pump-nm 470 for ${ALL_SIX.join(', ')}`,
    runs: Object.fromEntries(ALL_SIX.map((c) => [c, iodideNc(c, 0.1)])),
    quantity: { name: 'slowest organic fast stage / CsPbI3 fast stage', definition: 'max over the five organic-cation QDs of τ_fast(X) / τ_fast(CsPbI3); τ_fast the fast component of a bi-exponential fit of Tc − T_L (the single exponential when one fits)', unit: '' },
    published: { value: 0.91, uncertainty: null, unit: '', note: '"The lifetimes of the initial fast cooling stage (<1 ps) of all the organic cation-containing PQDs are shorter than those of the CsPbI3 QDs" (abstract), which the paper ties to a stronger electron–phonon coupling extracted from temperature-dependent PL' },
    tolerance: { kind: 'at-most', limit: 0.91 },
    toleranceReason: 'a reported ordering: every organic-cation QD shorter than CsPbI3; at least 10 % shorter (ratio ≤ 1/1.1) is the least that a stated ordering of fitted sub-ps lifetimes with ~10 % fit scatter means',
    calibration: false,
    measure: (r) => {
      const cs = fastStagePs(r.CsPbI3, 'CsPbI3');
      const ratios = ORGANIC.map((c) => [c, fastStagePs(r[c], c) / cs] as const);
      const worst = ratios.reduce((m, x) => (x[1] > m[1] ? x : m));
      return { value: worst[1], note: `CsPbI3 ${cs.toFixed(3)} ps; ${ratios.map(([c, v]) => `${c} ×${v.toFixed(2)}`).join(', ')}` };
    },
    pointsAt: 'composition: Fröhlich coupling of the organic-cation compounds (FAPbI3 dielectric constants are unsourced estimates) and the alloy mixing of α',
  },
  {
    id: 'lih2023-fast-stage-sub-ps',
    title: 'Iodide QDs: the initial fast cooling stage is shorter than 1 ps in all six compositions',
    ...LI_H_2023,
    paperConditions: { pump: '470 nm', excitation: 'low (⟨N⟩ = 0.1 assumed)', lattice: 'room temperature' },
    conversion: 'as the fast-stage ordering entry',
    runs: Object.fromEntries(ALL_SIX.map((c) => [c, iodideNc(c, 0.1)])),
    quantity: { name: 'longest fast-stage lifetime of the six', definition: 'max over the six QD compositions of τ_fast (as above)', unit: 'ps' },
    published: { value: 1, uncertainty: null, unit: 'ps', note: '"the initial fast cooling stage (<1 ps)" (abstract): an upper bound for every sample' },
    tolerance: { kind: 'at-most', limit: 1 },
    toleranceReason: 'the paper gives a bound ("< 1 ps") for all six; the model must give ≤ 1 ps for each',
    calibration: false,
    measure: (r) => {
      const v = ALL_SIX.map((c) => [c, fastStagePs(r[c], c)] as const);
      const worst = v.reduce((m, x) => (x[1] > m[1] ? x : m));
      return { value: worst[1], note: `longest: ${worst[0]}; ${v.map(([c, t]) => `${c} ${t.toFixed(3)}`).join(', ')} ps` };
    },
    pointsAt: 'carrier–LO emission in iodide NCs near the Bohr size: the cube\'s lowest gap (1P → 1S) is 4.7 ħω_LO for CsPbI3 at 10 nm with its 10.6 meV LO phonon (DFPT, one mode), so the last part of the fast stage is blocked (0.985 ps without it, `--no-lowest-gap`); the injected temperature at 470 nm; and CsPbI3\'s LO energy (with Poncé et al. 2019\'s 15.8 meV instead of the sheet\'s DFPT 10.6 meV this entry agrees (CsPbI3 0.57 ps, the longest FAPbI3\'s 0.93), and the ordering entries beside it do not: docs/model.md, "CsPbI3\'s LO energy")',
  },
  {
    id: 'lih2023-cs-alloy-does-not-slow-fapbi3',
    title: 'Iodide NCs (review Fig. 5b): alloying Cs into FAPbI3 does not efficiently slow its cooling',
    ...LI_H_2023,
    source: { ...LI_H_2023.source, figure: 'Fig. 5b of the review (Tc(t) of FAPbI3, CsPbI3, FA0.5Cs0.5PbI3 NCs at 470 nm) as its §2.3 describes it', readAt: 'the review\'s §2.3 (doi:10.1002/adma.202401788); the statement is the review\'s reading of this paper\'s figure' },
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
    id: 'lih2023-alloy-slow-stage-longer-high-excitation',
    title: 'Iodide QDs above 1 sun: the slow cooling stage of each alloyed QD is longer than those of its parents',
    ...LI_H_2023,
    paperConditions: { pump: '470 nm (review Fig. 5b caption)', excitation: '"illumination greater than 1 sun" (abstract; the sun-equivalent is not converted to ⟨N⟩ in the readable text: ⟨N⟩ = 1 assumed)', lattice: 'room temperature (assumed)' },
    conversion: '--edge-nm 10 --n-per-nc 1 --pump-nm 470 for the three alloys (FA0.5MA0.5, FA0.5Cs0.5, MA0.5Cs0.5) and the three pure QDs',
    runs: Object.fromEntries(ALL_SIX.map((c) => [c, iodideNc(c, 1)])),
    quantity: { name: 'slow-stage ratio alloy / longer parent, weakest alloy', definition: 'min over the three alloys of τ_slow(alloy) / max(τ_slow(parent A), τ_slow(parent B)); the abstract says "the alloyed PQDs", all three; τ_slow the slow component of a bi-exponential fit of Tc − T_L', unit: '' },
    published: { value: 1.1, uncertainty: null, unit: '', note: '"The lifetimes of the slow cooling stage of the alloyed PQDs are longer under illumination greater than 1 sun, which is ascribed to the introduction of co-vibrational optical phonon modes" (abstract)' },
    tolerance: { kind: 'at-least', limit: 1.1 },
    toleranceReason: 'a reported ordering of fitted slow-stage lifetimes; at least 10 % longer than the longer of the two pure compounds, above the fit scatter',
    calibration: false,
    measure: (r) => {
      const parents: Record<string, [string, string]> = {
        'FA0.5MA0.5PbI3': ['FAPbI3', 'MAPbI3'], 'FA0.5Cs0.5PbI3': ['FAPbI3', 'CsPbI3'], 'MA0.5Cs0.5PbI3': ['MAPbI3', 'CsPbI3'],
      };
      const ratios = Object.entries(parents).map(([mix, [a, b]]) =>
        [mix, slowStagePs(r[mix], mix) / Math.max(slowStagePs(r[a], a), slowStagePs(r[b], b))] as const);
      const weakest = ratios.reduce((m, x) => (x[1] < m[1] ? x : m));
      const pure = ['FAPbI3', 'MAPbI3', 'CsPbI3'].map((c) => `${c} ${slowStagePs(r[c], c).toFixed(1)}`).join(', ');
      return { value: weakest[1], note: `weakest: ${weakest[0]}; ${ratios.map(([c, v]) => `${c} ×${v.toFixed(2)}`).join(', ')}; pure slow stages ${pure} ps` };
    },
    pointsAt: 'the alloy\'s co-vibrational optical modes (acoustic→optical up-conversion and the LO pool of mixed A-sites): beyond the linear mixing of the parents\' parameters the model has only an estimated LO lifetime ×(1 + 0.5·4x(1 − x)) for organic–inorganic alloys (×1.5 for the two Cs alloys, none for FA0.5MA0.5PbI3), and the LO lifetime barely sets the slow stage here (MA0.5Cs0.5PbI3, 3 Dec: 28.3 ps with its 0.9 ps LO lifetime, 28.8 ps with 0.4 ps)',
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
      authors: 'not shown in the records read here (PubMed 36939330; see the DOI); title "Confinement and Exciton Binding Energy Effects on Hot Carrier Cooling in Lead Halide Perovskite Nanomaterials"',
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
    pointsAt: 'the intrinsic bottleneck near the Bohr size: the cube\'s lowest gap (1P → 1S) is 6.5 ħω_LO at 6 nm and 1.6 ħω_LO at 12 nm for CsPbBr3 (×1.17 without it); a perfect cube\'s single-particle levels, no shape or size dispersion and no exciton picture below the gap',
  },
  {
    id: 'snpb2023-bottleneck-above-1e18',
    title: 'Tin–lead NCs: slow cooling by a hot-phonon bottleneck appears above ~1e18 cm^-3',
    ...SNPB_2023,
    paperConditions: { pump: '400 nm assumed', density: '1 × 10^17 vs 1 × 10^19 cm^-3 (either side of the abstract\'s ~1e18 onset)', lattice: 'room temperature' },
    conversion: '--composition MAPb0.5Sn0.5I3 --edge-nm 10 --pump-nm 400 at --density 1e17 and 1e19 (pairs per NC volume: ⟨N⟩ 0.1 and 10)',
    runs: { low: snPbNc('MAPb0.5Sn0.5I3', 1e17), high: snPbNc('MAPb0.5Sn0.5I3', 1e19) },
    quantity: { name: '1/e time ratio 1e19/1e17', definition: 'τ(1e19)/τ(1e17) of the tin–lead NCs, τ the 1/e time of Tc − T_L', unit: '' },
    published: { value: 2, uncertainty: null, unit: '', note: '"slow cooling mediated by a hot phonon bottleneck effect appears at carrier densities above ~10^18 cm^-3 for tin-lead alloy nanocrystals" (abstract)' },
    tolerance: { kind: 'at-least', limit: 2 },
    toleranceReason: '"slow cooling" that "appears" above the onset, compared across two decades of density: at least a doubling of the cooling time',
    calibration: false,
    measure: (r) => {
      const lo = tau(r.low, '1e17'), hi = tau(r.high, '1e19');
      return { value: hi / lo, note: `1/e ${hi.toFixed(2)} ps vs ${lo.toFixed(3)} ps` };
    },
    pointsAt: 'the hot-phonon bottleneck (and Auger heating) in tin–lead NCs',
  },
  {
    id: 'snpb2023-tin-suppresses-cooling',
    title: 'Tin–lead NCs: adding tin slows cooling (MASn0.5Pb0.5I3 vs MAPbI3, above the onset)',
    ...SNPB_2023,
    paperConditions: { pump: '400 nm assumed', density: '3 × 10^18 cm^-3 (above the ~1e18 onset; assumed)', lattice: 'room temperature' },
    conversion: '--edge-nm 10 --pump-nm 400 --density 3e18 for MAPb0.5Sn0.5I3 and MAPbI3',
    runs: { snpb: snPbNc('MAPb0.5Sn0.5I3', 3e18), pb: snPbNc('MAPbI3', 3e18) },
    quantity: { name: '1/e time ratio Sn–Pb/Pb', definition: 'τ(MASn0.5Pb0.5I3) / τ(MAPbI3), τ the 1/e time of Tc − T_L', unit: '' },
    published: { value: 1.1, uncertainty: null, unit: '', note: '"tin addition is found to give rise to suppressed cooling" (abstract)' },
    tolerance: { kind: 'at-least', limit: 1.1 },
    toleranceReason: 'a reported direction; at least 10 % slower, above the fit scatter of two TA series',
    calibration: false,
    measure: (r) => {
      const a = tau(r.snpb, 'Sn–Pb'), b = tau(r.pb, 'Pb');
      return { value: a / b, note: `MASn0.5Pb0.5I3 ${a.toFixed(3)} ps, MAPbI3 ${b.toFixed(3)} ps` };
    },
    pointsAt: 'tin–lead mixing: a newly introduced high-energy band, screened Fröhlich coupling, suppressed Klemens decay and lower thermal conductivity (acoustic phonon transport) with more tin (the abstract\'s four reasons), none composition-resolved in the model',
  },
];
