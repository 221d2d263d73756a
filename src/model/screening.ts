// Static (Debye) screening of the Fröhlich carrier–LO coupling by the photo-carriers themselves.
//
// The Fröhlich matrix element ∝ 1/q is screened to q/(q² + q_D²), so the LO emission rate of a carrier of
// energy E, ∝ ∫ dq/q over q− … q+ (q± = k(E) ± k(E − ħω), the wavevectors energy and momentum allow), becomes
// ∫ q³/(q² + q_D²)² dq. The screening factor is the ratio of the two integrals,
//   S = [F(q+) − F(q−)] / ln(q+/q−),   F(q) = ½ ln(q² + q_D²) + q_D² / (2 (q² + q_D²)),
// evaluated at the thermal energy of carriers able to emit, E = 3/2 kB Tc + ħω. The Debye wavevector of the
// electrons and holes (n each) in the background ε∞ is q_D² = 2 n e² / (ε0 ε∞ kB Tc).
// Static screening of the polar coupling is the standard ensemble-Monte-Carlo treatment (Jacoboni & Lugli, The
// Monte Carlo Method for Semiconductor Device Simulation, Springer (1989), doi:10.1007/978-3-7091-6963-6, §3;
// the hotCarrierMHP peer of the issue uses it for lead-halide perovskites). It is valid where the carriers' plasma
// frequency exceeds ω_LO (ħω_p ≈ 16 meV at 1e17 cm^-3 and 0.16 eV at 1e19 cm^-3 in MAPbI3), i.e. where it matters.

import { E_CHARGE_C, EPS0_F_PER_M, HBAR2_2M0_EV_NM2, KB_EV_PER_K } from './constants.ts';

const HBAR2 = HBAR2_2M0_EV_NM2;
const KB = KB_EV_PER_K;

/** q_D² · Tc / n in nm^-2 K per (cm^-3): q_D² = debyeCoefficient(ε∞) · n / Tc. */
export function debyeCoefficient(epsInf: number): number {
  // 2 e² / (ε0 ε∞ kB) with n in cm^-3 → m^-3 (1e6) and q² in m^-2 → nm^-2 (1e-18); kB in J/K.
  const kBJ = KB_EV_PER_K * E_CHARGE_C;
  return ((2 * E_CHARGE_C * E_CHARGE_C) / (EPS0_F_PER_M * epsInf * kBJ)) * 1e6 * 1e-18;
}

export interface ScreeningOut {
  /** Screening factor S in (0, 1]. */
  s: number;
  /** ∂S/∂Tc at fixed q_D² (K^-1). */
  dsdT: number;
  /** ∂S/∂(q_D²) at fixed Tc (nm²). */
  dsdA: number;
}

/** The wavevectors a carrier of energy E = 3/2 kB Tc + ħω can emit an LO phonon with, q− … q+ (nm^-1), and their
 *  derivatives by Tc (nm^-1 K^-1): q± = k(E) ± k(E − ħω), ħ²k²/2m = E. Shared with lo-bins.ts. */
export interface EmissionWavevectors { qp: number; qm: number; dqp: number; dqm: number }

export function emissionWavevectors(tcK: number, massM0: number, hwEv: number, out: EmissionWavevectors): EmissionWavevectors {
  const c = massM0 / HBAR2; // k² = c E (nm^-2 per eV)
  const dE = 1.5 * KB;
  const e = dE * tcK + hwEv;
  const k1 = Math.sqrt(c * e);
  const k2 = Math.sqrt(c * (e - hwEv));
  // dk/dT = c · (3/2 kB) / (2k)
  const dk1 = (c * dE) / (2 * k1);
  const dk2 = (c * dE) / (2 * k2);
  out.qp = k1 + k2;
  out.qm = k1 - k2;
  out.dqp = dk1 + dk2;
  out.dqm = dk1 - dk2;
  return out;
}

const scratchQ: EmissionWavevectors = { qp: 0, qm: 0, dqp: 0, dqm: 0 };

/**
 * Screening factor of one carrier type.
 * @param aSq q_D² (nm^-2); @param tcK carrier temperature (K); @param massM0 band mass; @param hwEv LO energy (eV)
 */
export function screeningFactor(aSq: number, tcK: number, massM0: number, hwEv: number, out: ScreeningOut): void {
  const { qp, qm, dqp, dqm } = emissionWavevectors(tcK, massM0, hwEv, scratchQ);
  const i0 = Math.log(qp / qm);
  const di0 = dqp / qp - dqm / qm;
  const up = qp * qp + aSq;
  const um = qm * qm + aSq;
  // I = F(q+) − F(q−), F(q) = ½ ln(q² + a²) + a²/(2(q² + a²)); ∂F/∂q = q³/(q² + a²)²; ∂F/∂a² = 1/u − a²/(2u²)
  const i = 0.5 * Math.log(up / um) + 0.5 * aSq * (1 / up - 1 / um);
  const s = i / i0;
  const di = ((qp * qp * qp) / (up * up)) * dqp - ((qm * qm * qm) / (um * um)) * dqm;
  out.s = aSq > 0 ? s : 1;
  out.dsdT = aSq > 0 ? (di - s * di0) / i0 : 0;
  out.dsdA = (1 / up - aSq / (2 * up * up) - (1 / um - aSq / (2 * um * um))) / i0;
}

/** The screening factor S alone (a right-hand side needs no partials): the same number as screeningFactor's `s`. */
export function screeningValue(aSq: number, tcK: number, massM0: number, hwEv: number): number {
  if (!(aSq > 0)) return 1;
  const { qp, qm } = emissionWavevectors(tcK, massM0, hwEv, scratchQ);
  const i0 = Math.log(qp / qm);
  const up = qp * qp + aSq;
  const um = qm * qm + aSq;
  const i = 0.5 * Math.log(up / um) + 0.5 * aSq * (1 / up - 1 / um);
  return i / i0;
}
