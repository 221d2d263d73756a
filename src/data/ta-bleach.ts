// The band-edge bleach as a model: optical transitions above the (confined) gap with their joint density of states
// (√(E − Eg) for parabolic bands; the levels of a cubic well for a nanocrystal), each bleached by the electron and
// hole occupations at its energy, broadened by a Gaussian. Shared by the forward TA map and the tail fit.

export const KB_EV_PER_K = 8.617333262e-5;
/** ħ²/(2 m0) in eV nm² (CODATA 2018). */
const HBAR2_2M0_EV_NM2 = 0.0380998212;

export interface BandEdge {
  /** Lowest optical transition (eV): the band gap, including confinement for a nanocrystal. */
  gapEv: number;
  electronMassM0: number;
  holeMassM0: number;
  /** Cube edge (nm) for a nanocrystal's levels; null for parabolic bulk bands. */
  edgeNm: number | null;
  /** Gaussian broadening of every transition: standard deviation (eV). */
  broadeningEv: number;
}

/** Transitions above the lowest one: energy x above it (eV), weight (joint density of states × step, or degeneracy). */
export interface Transitions {
  xEv: Float64Array;
  weight: Float64Array;
  /** Share of x carried by the electron (μ/m_e) and by the hole (μ/m_h); they sum to 1. */
  electronShare: number;
  holeShare: number;
  /** NC only: electron and hole level energies (eV above their lowest level) with their degeneracies (spin included). */
  levels: { electronEv: Float64Array; holeEv: Float64Array; degeneracy: Float64Array } | null;
}

/**
 * Transitions up to `xMaxEv` above the gap. Bulk: a grid with step ≤ σ/3 (≤ 5 meV), weight √x·dx. Nanocrystal: the
 * levels of an infinite cubic well, E = ħ²π²(nx² + ny² + nz²)/(2 m L²), with the transition (n, n) at
 * x = ħ²π²(S − 3)/(2 μ L²) above the lowest (S = nx² + ny² + nz²) and weight its orbital degeneracy.
 */
export function transitions(edge: BandEdge, xMaxEv: number): Transitions {
  const mu = (edge.electronMassM0 * edge.holeMassM0) / (edge.electronMassM0 + edge.holeMassM0);
  const electronShare = mu / edge.electronMassM0;
  const holeShare = mu / edge.holeMassM0;
  if (edge.edgeNm === null) {
    const dx = Math.min(0.005, Math.max(5e-4, edge.broadeningEv / 3));
    const n = Math.max(2, Math.ceil(xMaxEv / dx));
    const xEv = new Float64Array(n);
    const weight = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      xEv[i] = (i + 0.5) * dx;
      weight[i] = Math.sqrt(xEv[i]) * dx;
    }
    return { xEv, weight, electronShare, holeShare, levels: null };
  }
  const unit = (HBAR2_2M0_EV_NM2 * Math.PI * Math.PI) / (edge.edgeNm * edge.edgeNm); // eV per unit of S for m = m0
  const sMax = 3 + Math.ceil((xMaxEv * mu) / unit);
  const count = new Map<number, number>();
  const nMax = Math.floor(Math.sqrt(sMax));
  for (let a = 1; a <= nMax; a++) for (let b = 1; b <= nMax; b++) for (let c = 1; c <= nMax; c++) {
    const s = a * a + b * b + c * c;
    if (s <= sMax) count.set(s, (count.get(s) ?? 0) + 1);
  }
  const sList = [...count.keys()].sort((p, q) => p - q);
  const xEv = Float64Array.from(sList, (s) => ((s - 3) * unit) / mu);
  const weight = Float64Array.from(sList, (s) => count.get(s) as number);
  return {
    xEv, weight, electronShare, holeShare,
    levels: {
      electronEv: Float64Array.from(sList, (s) => ((s - 3) * unit) / edge.electronMassM0),
      holeEv: Float64Array.from(sList, (s) => ((s - 3) * unit) / edge.holeMassM0),
      degeneracy: Float64Array.from(sList, (s) => 2 * (count.get(s) as number)),
    },
  };
}

/** Gaussian of standard deviation σ, normalised to unit area. */
export function gaussian(x: number, sigma: number): number {
  return Math.exp(-0.5 * (x / sigma) ** 2) / (sigma * Math.sqrt(2 * Math.PI));
}

/** Fermi–Dirac occupation at energy e (eV) for quasi-Fermi level mu (eV) and temperature kT (eV). */
export function fermi(e: number, mu: number, kT: number): number {
  const z = (e - mu) / kT;
  return z > 40 ? Math.exp(-z) : 1 / (Math.exp(z) + 1);
}

/**
 * Spectrum Σ_i weight_i · occ_i · G(E − gap − x_i; σ) at the energies `eEv`, with `occ` the bleach factor of each
 * transition (f_e + f_h, or 1 for the ground-state absorption). Transitions further than 6σ away are skipped.
 */
export function broadenedSum(eEv: ArrayLike<number>, gapEv: number, sigmaEv: number, t: Transitions, occ: ArrayLike<number>, out = new Float64Array(eEv.length)): Float64Array {
  const reach = 6 * sigmaEv;
  for (let k = 0; k < eEv.length; k++) {
    const x = eEv[k] - gapEv;
    let s = 0;
    for (let i = 0; i < t.xEv.length; i++) {
      const d = x - t.xEv[i];
      if (d > reach || d < -reach) continue;
      s += t.weight[i] * occ[i] * gaussian(d, sigmaEv);
    }
    out[k] = s;
  }
  return out;
}

/** Bleach factor per transition for Boltzmann carriers at T (relative scale): exp(−x s_e/kT) + exp(−x s_h/kT). */
export function boltzmannOccupation(t: Transitions, temperatureK: number, out = new Float64Array(t.xEv.length)): Float64Array {
  const kT = KB_EV_PER_K * temperatureK;
  for (let i = 0; i < t.xEv.length; i++) out[i] = Math.exp((-t.xEv[i] * t.electronShare) / kT) + Math.exp((-t.xEv[i] * t.holeShare) / kT);
  return out;
}

/** Bleach factor per transition for Fermi–Dirac carriers: quasi-Fermi levels (eV, from each band's lowest state). */
export function fermiOccupation(t: Transitions, temperatureK: number, muElectronEv: number, muHoleEv: number, out = new Float64Array(t.xEv.length)): Float64Array {
  const kT = KB_EV_PER_K * temperatureK;
  for (let i = 0; i < t.xEv.length; i++) out[i] = fermi(t.xEv[i] * t.electronShare, muElectronEv, kT) + fermi(t.xEv[i] * t.holeShare, muHoleEv, kT);
  return out;
}
