// The energy ledger: where the absorbed pump energy is at each output time, and how well it balances.

import type { ModelCoefficients } from './coefficients.ts';
import { KB_EV_PER_K, THREE_KB, boseOccupation } from './constants.ts';
import { S, absorbedFraction, daughterOffset, loBinIndex, loBinOffset } from './state.ts';
import type { EnergyLedger } from './types.ts';

/**
 * absorbed(t) = n0 hν Φ(t/σ) must equal carriers Σ_c n_c (Eg + 3kB T_c) + LO Σ_b M_b ħω (N_b − N_eq(T0))
 * + acoustic [C (T_A − T0) + Σ_b M_b ħω (n_D − n_A(T0))] (one pool: M = N_LO) + surroundings + emitted + extracted (all eV cm^-3).
 * @param t output times (ps); @param y state columns y[i][k]
 */
export function energyLedger(c: ModelCoefficients, t: Float64Array, y: Float64Array[]): EnergyLedger {
  const m = t.length;
  const ledger: EnergyLedger = {
    absorbed: new Float64Array(m), carriers: new Float64Array(m), lo: new Float64Array(m),
    acoustic: new Float64Array(m), surroundings: new Float64Array(m), emitted: new Float64Array(m),
    extracted: new Float64Array(m), maxRelError: 0,
  };
  const total = c.n0Cm3 * c.pumpEv;
  const nEq0 = boseOccupation(c.loEv, c.ambientK);
  const nAcEq0 = boseOccupation(c.loEv / 2, c.ambientK);
  // The LO bins' modes (one pool: N_LO), and the daughters' pool, as many modes ×2 at ħω/2 (lo-bins.ts).
  const binEnergy = Array.from(c.loBins.modesCm3, (m) => m * c.loEv);
  const daughterEnergy = c.loBins.totalModesCm3 * c.loEv;
  const offset = loBinOffset(c);
  let worst = 0;
  for (let k = 0; k < m; k++) {
    const absorbed = total * absorbedFraction(c, t[k]);
    const carriers = carrierEnergy(c, y[S.n][k], y[S.single][k], y[S.tc][k], y[S.tcMulti][k]);
    let lo = 0;
    for (let b = 0; b < binEnergy.length; b++) lo += binEnergy[b] * (y[loBinIndex(b)][k] + offset - nEq0);
    const acoustic = c.heatCapacityEvCm3K * y[S.ta][k] + daughterEnergy * (y[S.nAc][k] + daughterOffset(c) - nAcEq0);
    ledger.absorbed[k] = absorbed;
    ledger.carriers[k] = carriers;
    ledger.lo[k] = lo;
    ledger.acoustic[k] = acoustic;
    ledger.surroundings[k] = y[S.eEnv][k];
    ledger.emitted[k] = y[S.eEmit][k];
    ledger.extracted[k] = y[S.eExt][k];
    const sum = carriers + lo + acoustic + y[S.eEnv][k] + y[S.eEmit][k] + y[S.eExt][k];
    worst = Math.max(worst, Math.abs(absorbed - sum) / total);
  }
  ledger.maxRelError = worst;
  return ledger;
}

/**
 * Energy of the carriers (eV cm^-3): n (Eg + 3kB Tc), or for Poisson NCs s (Eg + 3kB T_1) + (n − s)(Eg + 3kB T_m)
 * over the singly and multiply excited NCs' classes.
 */
export function carrierEnergy(c: ModelCoefficients, n: number, s: number, t1K: number, tmK: number): number {
  if (!(c.ncAugerPerPs > 0)) return n * (c.gapEv + THREE_KB * t1K);
  return s * (c.gapEv + THREE_KB * t1K) + (n - s) * (c.gapEv + THREE_KB * tmK);
}

/** LO-phonon temperature from its occupation: T_LO = ħω / (kB ln(1 + 1/N)). */
export function loTemperatureK(loEv: number, occupation: number): number {
  return loEv / (KB_EV_PER_K * Math.log1p(1 / occupation));
}
