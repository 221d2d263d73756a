// Layout of the model's state vector and its initial value.

import type { ModelCoefficients } from './coefficients.ts';
import { boseOccupation } from './constants.ts';
import { normalCdf } from './special.ts';

/** Indices into the state vector y. Units in the comments. */
export const S = {
  /** Electron–hole pair density (cm^-3). */
  n: 0,
  /**
   * Pair temperature Tc = (T_e + T_h)/2 (K): of all carriers (films, mean-field NCs), or T_1 of the singly excited
   * NCs' (Poisson NCs). With the electron–hole difference S.dtc the carriers' temperatures are T_e = Tc + ΔT/2 and
   * T_h = Tc − ΔT/2, and a pair's kinetic energy 3/2 kB (T_e + T_h) = 3kB Tc, so every energy flow written for one
   * temperature per class (and the ledger) holds unchanged in Tc.
   */
  tc: 1,
  /** LO-phonon occupation of the coupled modes (dimensionless): the one pool, or the first wavevector bin. */
  nLo: 2,
  /** Occupation of the hot acoustic modes at ħω/2 that LO phonons decay into (Klemens daughters). */
  nAc: 3,
  /** Acoustic/lattice temperature rise over ambient, T_A − T0 (K): relative tolerance then means what it says. */
  ta: 4,
  /** Energy lost to the surroundings (eV cm^-3). */
  eEnv: 5,
  /** Energy emitted as photons (eV cm^-3). */
  eEmit: 6,
  /** Energy extracted into an acceptor (eV cm^-3). */
  eExt: 7,
  /** Pairs extracted into an acceptor (cm^-3). */
  nExt: 8,
  /** ∫ (extraction rate)·Tc dt (K cm^-3): mean temperature of the extracted carriers = this / nExt. */
  tcExt: 9,
  /**
   * NCs with Poisson Auger statistics: occupied NCs per volume, o = (1 − P₀)/V (cm^-3), P₀ the fraction of NCs
   * holding no exciton. Auger never empties an NC, so o changes only by absorption and first-order decay.
   * Unused (0) for films and mean-field statistics.
   */
  occ: 10,
  /**
   * Poisson NCs: singly occupied NCs per volume, s (cm^-3) = the pairs of carrier class 1. Counted by their own
   * flows (absorption, Auger and first-order decay of biexcitons, decay), not by a closure. 0 otherwise.
   */
  single: 11,
  /**
   * Poisson NCs: temperature of the carriers in multiply excited NCs, T_m (K), the pairs x = n − s. S.tc is then
   * the temperature T_1 of the carriers of singly excited NCs. Held at injection (unused) otherwise.
   */
  tcMulti: 12,
  /** Electron − hole temperature difference ΔT = T_e − T_h (K) of the class at S.tc (films, mean-field NCs, class 1). */
  dtc: 13,
  /** Poisson NCs: ΔT_m = T_e − T_h (K) of the carriers in multiply excited NCs (class m, at S.tcMulti). 0 otherwise. */
  dtcMulti: 14,
  /**
   * With the LO population resolved in wavevector (lo-bins.ts, `loPool: 'resolved'`): the occupations of bins 2–4
   * (bin 1 is S.nLo). Unused with the one pool, and then left out of the solver-facing system (rhs.ts).
   */
  nLoBin2: 15,
  nLoBin3: 16,
  nLoBin4: 17,
} as const;

export const STATE_SIZE = 18;
/** LO bins the state holds (S.nLo and S.nLoBin2 … S.nLoBin4). */
export const LO_BIN_SLOTS = 4;

/**
 * What a bin's state component holds beyond its occupation: 0 for the one pool (the state is N), N_eq(T0) for
 * resolved bins (the state is N_b − N_eq(T0)). The last bin's modes hold ~1e21 cm^-3 × ħω × N_eq of thermal
 * energy, far more than a pulse deposits, so a relative tolerance on N_b itself would cost the ledger 1e-5; on
 * the excess it costs what it should.
 */
export function loBinOffset(c: ModelCoefficients): number {
  return c.loBins.modesCm3.length > 1 ? boseOccupation(c.loEv, c.ambientK) : 0;
}

/** The same for the daughter modes (S.nAc): 0 with the one pool, n_A(T0) with resolved bins, whose daughter pool
 *  holds as many modes as all the bins. */
export function daughterOffset(c: ModelCoefficients): number {
  return c.loBins.modesCm3.length > 1 ? boseOccupation(c.loEv / 2, c.ambientK) : 0;
}

/** State index of LO bin b (0-based): S.nLo, then S.nLoBin2 … */
export function loBinIndex(b: number): number {
  return b === 0 ? S.nLo : S.nLoBin2 + b - 1;
}

/** Fraction of the pulse absorbed by time t (ps). */
export function absorbedFraction(c: ModelCoefficients, tPs: number): number {
  return c.pulseSigmaPs > 0 ? normalCdf(tPs / c.pulseSigmaPs) : tPs >= 0 ? 1 : 0;
}

/** Physical state at c.integrationStartPs: the pairs absorbed so far at the injection temperature, phonons at ambient. */
export function initialState(c: ModelCoefficients): Float64Array {
  const y = new Float64Array(STATE_SIZE);
  y[S.n] = c.n0Cm3 * absorbedFraction(c, c.integrationStartPs);
  y[S.tc] = c.injectionTempK;
  const nEq = boseOccupation(c.loEv, c.ambientK);
  for (let b = 0; b < c.loBins.modesCm3.length; b++) y[loBinIndex(b)] = nEq - loBinOffset(c);
  y[S.nAc] = boseOccupation(c.loEv / 2, c.ambientK) - daughterOffset(c);
  y[S.ta] = 0;
  // Poisson ensemble: P₀ = e^(−⟨N⟩), singles per volume P₁/V = n e^(−⟨N⟩).
  const poisson = c.ncAugerPerPs > 0;
  const nV = y[S.n] * c.ncVolumeCm3;
  y[S.occ] = poisson ? -Math.expm1(-nV) / c.ncVolumeCm3 : 0;
  y[S.single] = poisson ? y[S.n] * Math.exp(-nV) : 0;
  y[S.tcMulti] = c.injectionTempK;
  // The absorbed pairs' electrons and holes at their own injection temperatures (coefficients.ts, injectionDeltaK).
  y[S.dtc] = c.injectionDeltaK;
  y[S.dtcMulti] = poisson ? c.injectionDeltaK : 0;
  return y;
}

/** Physical size of one unit of each solver-facing (scaled) component: n0 for densities, n0·hν for energies. */
export function stateScale(c: ModelCoefficients): Float64Array {
  const s = new Float64Array(STATE_SIZE).fill(1);
  const energy = c.n0Cm3 * c.pumpEv;
  s[S.n] = c.n0Cm3;
  s[S.eEnv] = energy;
  s[S.eEmit] = energy;
  s[S.eExt] = energy;
  s[S.nExt] = c.n0Cm3;
  s[S.tcExt] = c.n0Cm3;
  s[S.occ] = c.n0Cm3;
  s[S.single] = c.n0Cm3;
  return s;
}

/** Absolute tolerances of the scaled components, each matched to an energy error of about atol·n0·hν. */
export function absoluteTolerances(c: ModelCoefficients, rtol: number): Float64Array {
  const atol = new Float64Array(STATE_SIZE);
  const energyScale = c.n0Cm3 * c.pumpEv;
  const a = Math.min(1e-3, rtol * 1e-2);
  atol[S.n] = a;
  atol[S.tc] = 1000 * a;
  atol[S.nLo] = a;
  atol[S.nAc] = a;
  atol[S.ta] = (energyScale * a) / c.heatCapacityEvCm3K;
  atol[S.eEnv] = a;
  atol[S.eEmit] = a;
  atol[S.eExt] = a;
  atol[S.nExt] = a;
  atol[S.tcExt] = 300 * a;
  atol[S.occ] = a;
  atol[S.single] = a;
  atol[S.tcMulti] = 1000 * a;
  atol[S.dtc] = 1000 * a;
  atol[S.dtcMulti] = 1000 * a;
  // Resolved LO bins: an occupation error costs M_b ħω per unit, so each bin's tolerance is matched to the same
  // energy error (never looser than the one pool's).
  const bins = c.loBins.modesCm3;
  if (bins.length > 1) {
    for (let b = 0; b < bins.length; b++) atol[loBinIndex(b)] = Math.min(a, (a * energyScale) / (bins[b] * c.loEv));
  }
  return atol;
}
