// Validation entries on how the pump (its photon energy and its intensity) changes NC cooling: the suite's only
// pump-energy series. Numbers are the paper's own words as reachable here; assumed conditions are marked "assumed".

import { oneOverETimePs, seriesOneOverETimePs, timeToReachPs } from './extract.ts';
import { FINE, curveOf, need } from './helpers.ts';
import type { SimulationResult } from '../model/types.ts';
import type { ValidationEntry } from './types.ts';

const NANOMATERIALS_2021 = {
  doi: '10.3390/nano11020463',
  source: {
    authors: 'Henan Normal University and Shanghai Advanced Research Institute (CAS) groups; author names not shown in the record read here (see the DOI)',
    journal: 'Nanomaterials 11, 463',
    year: 2021,
    figure: 'Abstract of "Excitation Wavelength and Intensity-Dependent Multiexciton Dynamics in CsPbBr3 Nanocrystals" (femtosecond transient absorption): the hot-exciton cooling time rises with the excitation intensity, and the time for hot carriers to cool to the band edge rises when the excitation energy goes from 2.82 eV (440 nm) to 3.82 eV (325 nm)',
    readAt: 'abstract on the MDPI article page and the PubMed/PMC record (PMC7918819); the Results (NC size, fluences, ⟨N⟩, the times themselves and how they were fitted) were not reachable in the stored copies',
  },
};

/** CsPbBr3 NCs of the paper: size not in the abstract; 9 nm assumed (a typical hot-injection CsPbBr3 NC, weak
 *  confinement above the 7 nm Bohr diameter). */
const EDGE_NM = 9;
const LATTICE_K = 295;
const ncRun = (pumpNm: number, nPerNc: number) => ({ composition: 'CsPbBr3', edgeNm: EDGE_NM, nPerNc, pumpNm, latticeK: LATTICE_K, ...FINE });
/** "Cooled to the band edge": the carriers' mean excess kinetic energy (3/2) kB (Tc − T_L) below kB T_L / 2, i.e.
 *  Tc − T_L below T_L / 3 (≈ 100 K at 295 K): the entry's reading of the abstract's phrase, not the paper's. */
const BAND_EDGE_K = LATTICE_K + LATTICE_K / 3;

export const NC_PUMP_ENTRIES: ValidationEntry[] = [
  {
    id: 'nanomaterials2021-cspbbr3-pump-energy',
    title: 'CsPbBr3 NCs: cooling to the band edge takes longer at 325 nm than at 440 nm',
    ...NANOMATERIALS_2021,
    sample: `CsPbBr3 colloidal NCs (edge ${EDGE_NM} nm assumed: the size is not in the abstract)`,
    paperConditions: { pump: '440 nm (2.82 eV) vs 325 nm (3.82 eV)', excitation: 'one excitation level for both (value not reachable; ⟨N⟩ = 0.1 assumed)', lattice: 'room temperature' },
    conversion: `--composition CsPbBr3 --edge-nm ${EDGE_NM} --n-per-nc 0.1 --lattice-k ${LATTICE_K} at --pump-nm 440 and 325 (equal ⟨N⟩ at both wavelengths: assumed)`,
    runs: { low: ncRun(440, 0.1), high: ncRun(325, 0.1) },
    quantity: { name: 'time-to-band-edge ratio 325/440 nm', definition: `t(325 nm) / t(440 nm), t the delay at which Tc falls to ${Math.round(BAND_EDGE_K)} K (mean excess kinetic energy per carrier below kB T_L / 2: this entry's reading of "cooling to the band edge")`, unit: '' },
    published: { value: 1.1, uncertainty: null, unit: '', note: '"The time of the hot-carriers cooling to the band edge is increased when the excitation energy is increased from 2.82 eV (440 nm) to 3.82 eV (325 nm)" (abstract): a direction' },
    tolerance: { kind: 'at-least', limit: 1.1 },
    toleranceReason: 'a reported direction between two pump energies; at least ×1.1, above the ~10 % scatter of a fitted TA rise or cooling time',
    calibration: false,
    measure: (r) => {
      const lo = need(timeToReachPs(curveOf(r.low), BAND_EDGE_K), 'time to the band edge at 440 nm');
      const hi = need(timeToReachPs(curveOf(r.high), BAND_EDGE_K), 'time to the band edge at 325 nm');
      return { value: hi / lo, note: `to ${Math.round(BAND_EDGE_K)} K: 325 nm ${hi.toFixed(3)} ps, 440 nm ${lo.toFixed(3)} ps` };
    },
    // the verdict compares two pump energies: the pump is part of the regime a known-disagreement note speaks for
    regime: { pumpMatters: true },
    pointsAt: 'the injected excess (a parabolic-band Maxwellian at 3/2 kB T per carrier from the start) and how the Fröhlich loss rate falls with carrier energy',
  },
  {
    id: 'nanomaterials2021-cspbbr3-intensity',
    title: 'CsPbBr3 NCs: the hot-exciton cooling time rises with excitation intensity',
    ...NANOMATERIALS_2021,
    sample: `CsPbBr3 colloidal NCs (edge ${EDGE_NM} nm assumed)`,
    paperConditions: { pump: '440 nm assumed (the wavelength of the abstract\'s Auger lifetime; the intensity series\' wavelength is not stated)', excitation: 'an intensity series (values not reachable; ⟨N⟩ = 0.1 and 1 assumed as its low and high ends)', lattice: 'room temperature' },
    conversion: `--composition CsPbBr3 --edge-nm ${EDGE_NM} --pump-nm 440 --lattice-k ${LATTICE_K} at --n-per-nc 0.1 and 1`,
    runs: { low: ncRun(440, 0.1), high: ncRun(440, 1) },
    quantity: { name: 'cooling-time ratio high/low intensity', definition: 'τ(⟨N⟩ = 1) / τ(⟨N⟩ = 0.1), τ the 1/e time of Tc − T_L (the model\'s reading of "hot-exciton cooling time")', unit: '' },
    published: { value: 1.1, uncertainty: null, unit: '', note: '"Auger recombination lifetime increases with the decrease of the excitation intensity, while the trend is opposite for the hot-exciton cooling time" (abstract): a direction' },
    tolerance: { kind: 'at-least', limit: 1.1 },
    toleranceReason: 'a reported direction over an intensity series; at least ×1.1 for the same reason as the pump-energy entry',
    calibration: false,
    measure: (r) => {
      const lo = need(oneOverETimePs(curveOf(r.low)), '1/e time at ⟨N⟩ = 0.1');
      const hi = need(oneOverETimePs(curveOf(r.high)), '1/e time at ⟨N⟩ = 1');
      return { value: hi / lo, note: `⟨N⟩ = 1 ${hi.toFixed(3)} ps, ⟨N⟩ = 0.1 ${lo.toFixed(3)} ps` };
    },
    pointsAt: 'the NC hot-phonon bottleneck and Auger heating at ⟨N⟩ ≈ 1 (the shared LO pool, the Poisson classes)',
  },
  {
    id: 'nanomaterials2021-cspbbr3-auger-lifetime-intensity',
    title: 'CsPbBr3 NCs: the apparent Auger recombination lifetime lengthens as the excitation intensity falls',
    ...NANOMATERIALS_2021,
    sample: `CsPbBr3 colloidal NCs (edge ${EDGE_NM} nm assumed)`,
    paperConditions: { pump: '440 nm (the abstract gives its 126 ps Auger lifetime at this wavelength)', excitation: 'an intensity series (values not reachable; ⟨N⟩ = 0.3 and 3 assumed)', lattice: 'room temperature' },
    conversion: `--composition CsPbBr3 --edge-nm ${EDGE_NM} --pump-nm 440 --lattice-k ${LATTICE_K} at --n-per-nc 0.3 and 3`,
    runs: { low: ncRun(440, 0.3), high: ncRun(440, 3) },
    quantity: { name: 'Auger-lifetime ratio low/high intensity', definition: 'τ_A(⟨N⟩ = 0.3) / τ_A(⟨N⟩ = 3), τ_A the 1/e time of the pairs held in multiply excited NCs (what the fast, intensity-dependent component of a band-edge TA decay follows; the paper\'s fit was not reachable)', unit: '' },
    published: { value: 1.1, uncertainty: null, unit: '', note: '"Auger recombination lifetime increases with the decrease of the excitation intensity" (abstract): a direction; 126 ps at 440 nm (size and intensity not reachable, so not compared)' },
    tolerance: { kind: 'at-least', limit: 1.1 },
    toleranceReason: 'a reported direction over an intensity series; at least ×1.1, above the scatter of a fitted multi-exponential decay',
    calibration: false,
    measure: (r) => {
      const lo = need(multiPairLifetimePs(r.low), 'multi-exciton 1/e time at ⟨N⟩ = 0.3');
      const hi = need(multiPairLifetimePs(r.high), 'multi-exciton 1/e time at ⟨N⟩ = 3');
      return { value: lo / hi, note: `⟨N⟩ = 0.3 ${lo.toFixed(1)} ps, ⟨N⟩ = 3 ${hi.toFixed(1)} ps (model τ_XX ${r.low.derived.biexcitonAugerPs?.toFixed(1)} ps)` };
    },
    pointsAt: 'NC Auger statistics: the Poisson ensemble by exciton number (higher-order multiexcitons decay at N(N − 1)/(2 τ_XX)) and τ_XX of the assumed size',
  },
];

/** 1/e time (ps) of the pairs in multiply excited NCs, n · multiShare, from their peak; null without the classes. */
function multiPairLifetimePs(r: SimulationResult): number | null {
  if (!r.classes) return null;
  const x = new Float64Array(r.tPs.length);
  for (let k = 0; k < x.length; k++) x[k] = r.nCm3[k] * r.classes.multiShare[k];
  return seriesOneOverETimePs(r.tPs, x);
}
