// Excitation: conversions between pump fluence (µJ cm^-2), initial carrier density (cm^-3) and mean
// excitons per NC ⟨N⟩ = σ·j, for nanocrystals and bulk films.

import { E_CHARGE_C, NM3_PER_CM3 } from './constants.ts';

/** Refractive index of hexane, the usual NC dispersion solvent (CRC Handbook, 589 nm: 1.375). */
export const SOLVENT_REFRACTIVE_INDEX = 1.375;

export interface ExcitationContext {
  /** Pump photon energy (eV). */
  pumpEv: number;
  /** Absorption coefficient of the material at the pump (cm^-1). */
  absorptionPerCm: number;
  /** High-frequency permittivity of the NC material (optical local field). */
  epsInf: number;
  /** NC volume (nm^3), or null for a bulk film. */
  volumeNm3: number | null;
  /** Film thickness (nm) for bulk films. */
  filmThicknessNm: number;
}

export interface Excitation {
  densityCm3: number;
  nPerNc: number | null;
  fluenceUJcm2: number;
  /** Absorption cross-section of one NC (cm^2); null for bulk. */
  crossSectionCm2: number | null;
}

/** Photons per cm^2 in a pulse of `fluenceUJcm2` at photon energy `pumpEv`. */
export function photonFluenceCm2(fluenceUJcm2: number, pumpEv: number): number {
  return (fluenceUJcm2 * 1e-6) / (pumpEv * E_CHARGE_C);
}

/**
 * NC absorption cross-section σ = (n_NC / n_s) |f_LF|² α V, with the local-field factor
 * f_LF = 3 n_s² / (ε_NC + 2 n_s²) of a dielectric sphere in the solvent (Leatherdale et al.,
 * J. Phys. Chem. B 106, 7619 (2002), doi:10.1021/jp025698c; used for CsPbX3 NCs by Makarov et al.,
 * Nano Lett. 16, 2349 (2016), doi:10.1021/acs.nanolett.5b05077). Bulk α is taken for the NC material.
 */
export function crossSectionCm2(ctx: ExcitationContext): number | null {
  if (ctx.volumeNm3 === null) return null;
  const ns2 = SOLVENT_REFRACTIVE_INDEX ** 2;
  const fLf = (3 * ns2) / (ctx.epsInf + 2 * ns2);
  const nNc = Math.sqrt(ctx.epsInf);
  return (nNc / SOLVENT_REFRACTIVE_INDEX) * fLf * fLf * ctx.absorptionPerCm * (ctx.volumeNm3 / NM3_PER_CM3);
}

/** Fraction of incident photons absorbed in a film: 1 − exp(−α d) (reflection neglected). */
function filmAbsorbedFraction(ctx: ExcitationContext): number {
  return -Math.expm1(-ctx.absorptionPerCm * ctx.filmThicknessNm * 1e-7);
}

/** Fill in all three excitation measures from whichever one is given. */
export function convertExcitation(
  ctx: ExcitationContext,
  given: { densityCm3?: number; nPerNc?: number; fluenceUJcm2?: number },
): Excitation {
  const sigma = crossSectionCm2(ctx);
  if (ctx.volumeNm3 !== null && sigma !== null) {
    const volumeCm3 = ctx.volumeNm3 / NM3_PER_CM3;
    let nPerNc: number;
    if (given.nPerNc !== undefined) nPerNc = given.nPerNc;
    else if (given.densityCm3 !== undefined) nPerNc = given.densityCm3 * volumeCm3;
    else nPerNc = sigma * photonFluenceCm2(given.fluenceUJcm2 ?? 0, ctx.pumpEv);
    const fluenceUJcm2 = given.fluenceUJcm2 ?? (nPerNc / sigma) * ctx.pumpEv * E_CHARGE_C * 1e6;
    return { densityCm3: nPerNc / volumeCm3, nPerNc, fluenceUJcm2, crossSectionCm2: sigma };
  }
  const thicknessCm = ctx.filmThicknessNm * 1e-7;
  const absorbed = filmAbsorbedFraction(ctx);
  let densityCm3: number;
  if (given.densityCm3 !== undefined) densityCm3 = given.densityCm3;
  else if (given.fluenceUJcm2 !== undefined) {
    densityCm3 = (photonFluenceCm2(given.fluenceUJcm2, ctx.pumpEv) * absorbed) / thicknessCm;
  } else {
    throw new Error('nPerNc: ⟨N⟩ per nanocrystal is not defined for a bulk film; give densityCm3 or fluenceUJcm2');
  }
  const fluenceUJcm2 = given.fluenceUJcm2 ?? ((densityCm3 * thicknessCm) / absorbed) * ctx.pumpEv * E_CHARGE_C * 1e6;
  return { densityCm3, nPerNc: null, fluenceUJcm2, crossSectionCm2: null };
}
