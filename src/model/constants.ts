// Physical constants (CODATA 2018, exact where the SI defines them) and unit conversions used by the engine.

/** Boltzmann constant (eV K^-1). */
export const KB_EV_PER_K = 8.617333262e-5;
/** 3 kB (eV K^-1): the kinetic energy of an electron–hole pair at temperature T is THREE_KB · T (Boltzmann). */
export const THREE_KB = 3 * KB_EV_PER_K;
/** Reduced Planck constant (eV ps). */
export const HBAR_EV_PS = 6.582119569e-4;
/** Reduced Planck constant (J s). */
export const HBAR_J_S = 1.054571817e-34;
/** Elementary charge (C) = J per eV. */
export const E_CHARGE_C = 1.602176634e-19;
/** Free-electron mass (kg). */
export const M0_KG = 9.1093837015e-31;
/** Vacuum permittivity (F m^-1). */
export const EPS0_F_PER_M = 8.8541878128e-12;
/** hc (eV nm): photon energy (eV) = HC_EV_NM / wavelength (nm). */
export const HC_EV_NM = 1239.84198;
/** e^2 / (4π ε0) (eV nm): Coulomb energy of two unit charges 1 nm apart in vacuum. */
export const COULOMB_EV_NM = 1.43996454;
/** ħ^2 / (2 m0) (eV nm^2). */
export const HBAR2_2M0_EV_NM2 = 0.0380998212;

export const NM3_PER_CM3 = 1e21;
export const PS_PER_S = 1e12;
/** 1 J cm^-3 K^-1 expressed in eV cm^-3 K^-1. */
export const EV_PER_J = 1 / E_CHARGE_C;

/** Photon energy (eV) of a wavelength in nm. */
export function photonEnergyEv(wavelengthNm: number): number {
  return HC_EV_NM / wavelengthNm;
}

/** Bose–Einstein occupation of a mode of energy `energyEv` at `temperatureK`. */
export function boseOccupation(energyEv: number, temperatureK: number): number {
  return 1 / Math.expm1(energyEv / (KB_EV_PER_K * temperatureK));
}
