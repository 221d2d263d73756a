// The TA map a simulation predicts: at each delay the carriers (density n, temperature Tc) fill the (confined)
// bands with Fermi–Dirac occupations; each transition of the joint density of states is bleached by f_e + f_h,
// broadened by a Gaussian and shifted by band-gap renormalisation. ΔA = A_excited − A_ground, in OD.

import { COULOMB_EV_NM, HBAR2_2M0_EV_NM2 } from '../model/constants.ts';
import { debyeCoefficient } from '../model/screening.ts';
import type { SimulationResult } from '../model/types.ts';
import { broadenedSum, fermi, KB_EV_PER_K, transitions, type BandEdge, type Transitions } from './ta-bleach.ts';
import { HC_EV_NM, type TaSpectra } from './ta-map.ts';
import { gaussian as normalDeviates } from './synthetic.ts';

/** Vashishta & Kalia's universal band-gap renormalisation of an electron–hole plasma, Phys. Rev. B 25, 6492 (1982),
 *  DOI 10.1103/PhysRevB.25.6492: ΔEg/Ry* = (a + b·rs)/(c + d·rs + rs²), rs the pair spacing in exciton Bohr radii. */
const VK = { a: -4.8316, b: -5.0879, c: 0.0152, d: 3.0426 };
const RYDBERG_EV = 13.605693;
const BOHR_NM = 0.0529177;

export interface ForwardOptions {
  /** Ground-state absorbance at the lowest transition (bulk: 0.1 eV above the gap), OD. Default 0.3 (a choice, not a material value). */
  groundOd?: number;
  /** Gaussian broadening, full width at half maximum (meV). Default 40 (a typical room-temperature linewidth; a choice). */
  broadeningFwhmMeV?: number;
  /** Band-gap renormalisation (the smaller of Vashishta–Kalia's cold-plasma and the Debye–Hückel hot-plasma shift at the
   *  carriers' temperatures, with the material's static ε: the lattice screens on the ps scale). Default on. */
  bgr?: boolean;
  /** Probe points, uniform in wavelength, from 0.25 eV below the gap to `spanEv` above it. Default 300 and 1.0 eV. */
  nSpectral?: number;
  spanEv?: number;
  /** Delays before time zero (ps) added with no signal (for the noise estimate). Default [−2, −1.5, −1, −0.5]. */
  negativeDelaysPs?: number[];
  /** Gaussian noise (OD, one sigma) with its seed. Default none. */
  noiseOd?: number;
  seed?: number;
}

/** Carrier temperatures of a result, read defensively: electron, hole and the one a bleach-tail fit observes (K). */
export function carrierTemperatures(r: SimulationResult): { electronK: ArrayLike<number>; holeK: ArrayLike<number>; observedK: ArrayLike<number> } {
  const rec = r as unknown as Record<string, ArrayLike<number> | undefined>;
  const observed = rec.tcObservedK ?? rec.tcK;
  if (observed === undefined) throw new Error('simulation result has no carrier temperature');
  return { electronK: rec.tcElectronK ?? rec.tcEK ?? observed, holeK: rec.tcHoleK ?? rec.tcHK ?? observed, observedK: observed };
}

/** Band-gap renormalisation (eV, ≤ 0) of a cold (T = 0) plasma at pair density n (cm⁻³) for reduced mass μ (m0) and
 *  dielectric constant ε: Vashishta & Kalia's universal formula. */
export function bgrEv(nCm3: number, muM0: number, eps: number): number {
  if (!(nCm3 > 0)) return 0;
  const aB = (BOHR_NM * eps) / muM0;
  const ry = (RYDBERG_EV * muM0) / (eps * eps);
  const rs = Math.cbrt(3 / (4 * Math.PI * nCm3 * 1e-21)) / aB;
  return (ry * (VK.a + VK.b * rs)) / (VK.c + VK.d * rs + rs * rs);
}

/**
 * Band-gap renormalisation (eV, ≤ 0) of a non-degenerate plasma: the Debye–Hückel shift ΔEg = −e² κ/(4π ε0 ε), the
 * classical limit of the screened self-energy of an electron and a hole (Haug & Koch, Quantum Theory of the Optical
 * and Electronic Properties of Semiconductors, 5th ed. (World Scientific, 2009), doi:10.1142/7184, the plasma-screening
 * chapter), with κ² = (e²/ε0 ε)(n_e/kB T_e + n_h/kB T_h), n_e = n_h = n. It falls as 1/√T: a hot plasma renormalises
 * the gap less than the T = 0 formula says.
 */
export function bgrDebyeHuckelEv(nCm3: number, eps: number, electronK: number, holeK: number): number {
  if (!(nCm3 > 0) || !(electronK > 0) || !(holeK > 0)) return 0;
  // the engine's Debye wavevector (screening.ts) is κ² of n pairs at one temperature; here each species at its own
  const kappa2Nm2 = 0.5 * debyeCoefficient(eps) * nCm3 * (1 / electronK + 1 / holeK);
  return (-COULOMB_EV_NM * Math.sqrt(kappa2Nm2)) / eps;
}

/**
 * Band-gap renormalisation (eV, ≤ 0) at pair density n (cm⁻³) and carrier temperatures T_e, T_h (K): of the two
 * limits, the cold plasma's (Vashishta–Kalia, exchange and correlation of a degenerate plasma) and the hot one's
 * (Debye–Hückel, which exceeds the first where the plasma is degenerate), the smaller shift. Each limit overstates the
 * shift outside its own regime, so the smaller one is the better estimate on both sides; at the crossover (a few
 * hundred K at 1e18 cm⁻³ in MAPbI3) the two are equal and the shift is continuous, with a kink.
 */
export function bgrAtTemperatureEv(nCm3: number, muM0: number, eps: number, electronK: number, holeK: number): number {
  return Math.max(bgrEv(nCm3, muM0, eps), bgrDebyeHuckelEv(nCm3, eps, electronK, holeK));
}

/** Quasi-Fermi level (eV above the band's lowest state) holding `carriers` in the states (energies, degeneracies) at kT. */
function quasiFermi(energies: Float64Array, degeneracy: Float64Array, carriers: number, kT: number): number {
  let lo = -5;
  let hi = 5;
  for (let it = 0; it < 80; it++) {
    const mid = 0.5 * (lo + hi);
    let n = 0;
    for (let i = 0; i < energies.length; i++) n += degeneracy[i] * fermi(energies[i], mid, kT);
    if (n > carriers) hi = mid;
    else lo = mid;
  }
  return 0.5 * (lo + hi);
}

/** Bulk band states on a grid: energies (eV) and the states per nm³ in each step (spin included). */
function bulkStates(massM0: number, eMaxEv: number): { e: Float64Array; g: Float64Array } {
  const n = 1500;
  const de = eMaxEv / n;
  const pre = (1 / (2 * Math.PI * Math.PI)) * (massM0 / HBAR2_2M0_EV_NM2) ** 1.5;
  const e = Float64Array.from({ length: n }, (_, i) => (i + 0.5) * de);
  return { e, g: Float64Array.from(e, (x) => pre * Math.sqrt(x) * de) };
}

export interface ForwardMap extends TaSpectra {
  /** The carrier temperature the model had at each delay (K; NaN before time zero). */
  truthTcK: Float64Array;
  /** Band-gap shift at each delay (eV). */
  bgrShiftEv: Float64Array;
  edge: BandEdge;
}

/** The ΔA(E, t) map of a simulation (result delays, plus a few before time zero). */
export function forwardMap(r: SimulationResult, options: ForwardOptions = {}): ForwardMap {
  const m = r.derived.material;
  const fwhm = (options.broadeningFwhmMeV ?? 40) / 1000;
  const edge: BandEdge = {
    gapEv: r.derived.gapEv, electronMassM0: m.electronMassM0, holeMassM0: m.holeMassM0,
    edgeNm: r.derived.bulk ? null : r.input.edgeNm, broadeningEv: fwhm / (2 * Math.sqrt(2 * Math.log(2))),
  };
  const span = options.spanEv ?? 1.0;
  const t: Transitions = transitions(edge, span + 6 * edge.broadeningEv);
  const nS = options.nSpectral ?? 300;
  const lamLo = HC_EV_NM / (edge.gapEv + span);
  const lamHi = HC_EV_NM / (edge.gapEv - 0.25);
  const energy = Float64Array.from({ length: nS }, (_, i) => HC_EV_NM / (lamHi - ((lamHi - lamLo) * i) / (nS - 1))); // ascending
  const ones = new Float64Array(t.xEv.length).fill(1);
  const ground = broadenedSum(energy, edge.gapEv, edge.broadeningEv, t, ones);
  const ref = broadenedSum([edge.gapEv + (edge.edgeNm === null ? 0.1 : 0)], edge.gapEv, edge.broadeningEv, t, ones)[0];
  const scale = (options.groundOd ?? 0.3) / ref;
  const negatives = options.negativeDelaysPs ?? [-2, -1.5, -1, -0.5];
  const temps = carrierTemperatures(r);
  const delays = [...negatives, ...Array.from(r.tPs)];
  const dA = new Float64Array(delays.length * nS);
  const truth = new Float64Array(delays.length).fill(Number.NaN);
  const shift = new Float64Array(delays.length);
  const mu = (m.electronMassM0 * m.holeMassM0) / (m.electronMassM0 + m.holeMassM0);
  const volumeCm3 = r.derived.ncVolumeNm3 === null ? null : r.derived.ncVolumeNm3 * 1e-21;
  const occ = new Float64Array(t.xEv.length);
  const excited = new Float64Array(t.xEv.length);
  const eMax = span + 1;
  const bulkE = edge.edgeNm === null ? bulkStates(m.electronMassM0, eMax) : null;
  const bulkH = edge.edgeNm === null ? bulkStates(m.holeMassM0, eMax) : null;
  const noise = options.noiseOd ? normalDeviates(options.seed ?? 1) : null;
  for (let d = negatives.length; d < delays.length; d++) {
    const k = d - negatives.length;
    const n = r.nCm3[k];
    const kTe = KB_EV_PER_K * temps.electronK[k];
    const kTh = KB_EV_PER_K * temps.holeK[k];
    truth[d] = temps.observedK[k];
    let muE: number;
    let muH: number;
    if (bulkE && bulkH) {
      muE = quasiFermi(bulkE.e, bulkE.g, n * 1e-21, kTe);
      muH = quasiFermi(bulkH.e, bulkH.g, n * 1e-21, kTh);
    } else {
      const lv = t.levels!;
      const perNc = n * (volumeCm3 as number);
      muE = quasiFermi(lv.electronEv, lv.degeneracy, perNc, kTe);
      muH = quasiFermi(lv.holeEv, lv.degeneracy, perNc, kTh);
    }
    for (let i = 0; i < t.xEv.length; i++) {
      occ[i] = fermi(t.xEv[i] * t.electronShare, muE, kTe) + fermi(t.xEv[i] * t.holeShare, muH, kTh);
      excited[i] = 1 - occ[i];
    }
    // a nanocrystal's first exciton does not renormalise its own gap: the plasma density counts the other pairs,
    // ⟨N⟩ − P(N ≥ 1) per NC for a Poisson ensemble
    const plasmaCm3 = volumeCm3 === null ? n : Math.max(0, n * volumeCm3 - (1 - Math.exp(-n * volumeCm3))) / volumeCm3;
    shift[d] = options.bgr === false ? 0 : bgrAtTemperatureEv(plasmaCm3, mu, m.epsStatic, temps.electronK[k], temps.holeK[k]);
    const a = broadenedSum(energy, edge.gapEv + shift[d], edge.broadeningEv, t, excited);
    for (let j = 0; j < nS; j++) dA[d * nS + j] = scale * (a[j] - ground[j]);
  }
  if (noise) for (let i = 0; i < dA.length; i++) dA[i] += (options.noiseOd as number) * noise();
  return {
    name: `${m.formula} ${edge.edgeNm === null ? 'film' : `${edge.edgeNm} nm NC`} (simulated)`,
    energyEv: energy, delaysPs: Float64Array.from(delays), dA, wavelengthNm: Float64Array.from(energy, (e) => HC_EV_NM / e),
    notes: [], truthTcK: truth, bgrShiftEv: shift, edge,
  };
}
