// Quantum confinement of a cubic nanocrystal: confined gap, level spacings, regime and the
// orbital level spacing at a given kinetic energy (which sets the intrinsic phonon bottleneck).

import { COULOMB_EV_NM, HBAR2_2M0_EV_NM2 } from './constants.ts';

export type ConfinementRegime = 'strong' | 'intermediate' | 'weak' | 'bulk';

export interface ConfinementInput {
  edgeNm: number | null;
  gapEv: number;
  electronMassM0: number;
  holeMassM0: number;
  epsInf: number;
  bohrRadiusNm: number;
}

export interface Confinement {
  regime: ConfinementRegime;
  bohrDiameterNm: number;
  /** Shift of the gap by confinement, including the electron–hole Coulomb term (eV, ≥ 0). */
  confinementEv: number;
  gapEv: number;
  volumeNm3: number | null;
  electronLevelSpacingMeV: number | null;
  holeLevelSpacingMeV: number | null;
}

/** Particle-in-a-cube energy of level (nx, ny, nz) = (1,1,1) for mass m (eV): 3 π² ħ² / (2 m L²). */
function cubeGroundEv(massM0: number, edgeNm: number): number {
  return (3 * Math.PI ** 2 * HBAR2_2M0_EV_NM2) / (massM0 * edgeNm * edgeNm);
}

/**
 * Confined gap of a cube of edge L.
 * Strong/intermediate confinement (L < 2 a_B... and beyond): electron and hole confined separately,
 * E = Eg + 3π²ħ²/(2 μ L²) − 1.786 e²/(4π ε0 ε∞ R_eq) (Brus, J. Chem. Phys. 80, 4403 (1984),
 * doi:10.1063/1.447218), with R_eq the radius of the sphere of equal volume. In weak confinement the exciton
 * moves as a whole: E = Eg + 3π²ħ²/(2 M L²) with M = me + mh (Efros & Efros 1982). The larger of the two
 * shifts (never negative) is used, which switches smoothly near the Bohr diameter.
 */
export function confine(input: ConfinementInput): Confinement {
  const bohrDiameterNm = 2 * input.bohrRadiusNm;
  if (input.edgeNm === null) {
    return {
      regime: 'bulk', bohrDiameterNm, confinementEv: 0, gapEv: input.gapEv, volumeNm3: null,
      electronLevelSpacingMeV: null, holeLevelSpacingMeV: null,
    };
  }
  const L = input.edgeNm;
  const me = input.electronMassM0;
  const mh = input.holeMassM0;
  const mu = (me * mh) / (me + mh);
  const rEqNm = L * Math.cbrt(3 / (4 * Math.PI));
  const strongShift = cubeGroundEv(mu, L) - (1.786 * COULOMB_EV_NM) / (input.epsInf * rEqNm);
  const weakShift = cubeGroundEv(me + mh, L);
  const confinementEv = Math.max(0, strongShift, weakShift);
  const ratio = L / bohrDiameterNm;
  const regime: ConfinementRegime = ratio < 1 ? 'strong' : ratio < 2 ? 'intermediate' : 'weak';
  // (2,1,1) − (1,1,1) in a cube: 3 π² ħ² / (2 m L²) (meV)
  const spacing = (m: number) => (1000 * cubeGroundEv(m, L));
  return {
    regime, bohrDiameterNm, confinementEv, gapEv: input.gapEv + confinementEv, volumeNm3: L ** 3,
    electronLevelSpacingMeV: spacing(me), holeLevelSpacingMeV: spacing(mh),
  };
}

/**
 * Mean orbital level spacing δ(E) = 1 / (g(E) V) near kinetic energy E in a box of volume V, with the
 * spinless 3D density of states g(E) = (1/4π²)(2m/ħ²)^{3/2} √E. Returned as a coefficient c such that
 * δ(E) = c / √E (eV, with E in eV): c = 4π² / (V (2m/ħ²)^{3/2}).
 */
export function levelSpacingCoefficient(massM0: number, volumeNm3: number): number {
  const twoMOverHbar2 = massM0 / HBAR2_2M0_EV_NM2; // (eV nm²)^-1
  return (4 * Math.PI ** 2) / (volumeNm3 * twoMOverHbar2 ** 1.5);
}
