// The surface-ligand bypass of the intrinsic (discrete-level) bottleneck in strongly confined NCs.
//
// Where the level spacing exceeds the LO energy the energy-gap law blocks LO emission (emission.ts: the blocked
// fraction b = 1 − f). Strongly confined CsPbBr3 NCs nevertheless cool in under a picosecond, with a loss rate
// that rises as the size falls; Li Y. et al. (Chem. Sci. 10, 5983 (2019), doi:10.1039/C9SC01339C) reproduce this
// with non-adiabatic transitions between excitonic states induced by coupling to the surface ligands. Here the
// carriers lose the blocked part of their excess energy through that channel,
//
//   P_lig,i = k_lig(L) · b_i(T_i) · 3/2 kB (T_i − T_A)   (eV ps^-1 per carrier i = e, h, into the lattice and its
//             ligand shell; b_i = 1 − f_i the share of type i's coupling its level spacing blocks; rhs.ts sums them)
//   k_lig(L) = k_ref (L_ref / L)³
//
// The L^−3 law is the weight of a confined carrier's wavefunction within a thin shell a ≪ L under the surface
// (particle in a cube: 6 faces × (2π²/3)(a/L)³ of the probability), which is what couples to ligand vibrations.
// k_ref is a CALIBRATION, not a sourced rate (the paper's coupling constants were not readable here): 2 ps^-1 at
// L_ref = 2.6 nm, the round value above the 1.7 ps^-1 at which 2.6 nm CsPbBr3 (⟨N⟩ = 0.1, 350 nm pump) first cools
// to 1/e in 1 ps, Li Y. et al.'s "sub-ps". The validation suite marks that entry as a calibration; every other
// size entry (the review's Fig. 5c among them) is then a prediction of the L^−3 law.

/** Bypass rate at the reference edge (ps^-1): calibrated, see above. */
export const LIGAND_BYPASS_REF_PER_PS = 2;
/** Reference edge of the calibration (nm): the smallest NCs of Li Y. et al. (2019). */
export const LIGAND_BYPASS_REF_EDGE_NM = 2.6;

/** k_lig(L) (ps^-1) for an NC of edge L (nm). */
export function ligandBypassPerPs(edgeNm: number): number {
  return LIGAND_BYPASS_REF_PER_PS * (LIGAND_BYPASS_REF_EDGE_NM / edgeNm) ** 3;
}
