// The rates one evaluation of the cooling model computes (rhs.ts), shared by its right-hand side and its
// Jacobian (jacobian.ts). Units: ps, eV, K, cm^-3.

import type { ClassEmission } from './emission.ts';
import type { EnsembleOut } from './ensemble.ts';

/** Everything one evaluation computes, shared by the right-hand side and the Jacobian (no allocation per call). */
export interface Aux {
  /** Pair generation by the pump (cm^-3 ps^-1). */
  gen: number;
  /** Poisson NCs (two carrier classes). */
  poisson: boolean;
  /** Pairs of class 1 and class m and their derivatives by n and s. */
  c1: number; x: number; dc1dn: number; dc1ds: number; dxdn: number; dxds: number;
  /** LO occupation seen by the carriers and its derivative by T_A (without hot phonons the lattice's Bose value). */
  nLo: number; dNdA: number;
  /** Each class's electron and hole temperatures (K, floored for trial states). */
  te1: number; th1: number; tem: number; thm: number;
  /** Net LO emission per pair of each class, as pair sum P and e − h difference Q (class m unused without it). */
  e1: ClassEmission; em: ClassEmission;
  /**
   * Poisson NCs, the flows between the classes (rhs.ts header): per-pair first-order loss of each class k11, k1m;
   * absorption per NC G V and into empty NCs G(1 − oV); biexciton Auger events R_21; the in-flow heat F1 of class 1
   * and H of class m; the class counts over their floors, s1 = max(s, floor) and x1 = max(x, floor).
   */
  k11: number; k1m: number; GV: number; Gq: number; R21: number; F1: number; H: number; s1: number; x1: number;
  /** Ligand bypass per pair of each class, P_lig = P_lig,e + P_lig,h (eV ps^-1), with partials by the class's T, ΔT
   *  and T_A; and its e − h difference (ligQ…), which drives ΔT. */
  lig1: number; dLig1dT: number; dLig1dD: number; dLig1dA: number; ligM: number; dLigMdT: number; dLigMdD: number; dLigMdA: number;
  ligQ1: number; dLigQ1dT: number; dLigQ1dD: number; dLigQ1dA: number; ligQM: number; dLigQMdT: number; dLigQMdD: number; dLigQMdA: number;
  /** Electron–hole energy exchange rate of each class ν = k_eh n_eh (ps^-1), with ∂ν/∂n (films, mean-field NCs) and
   *  class m's partials by n, o, s (through g). */
  nu1: number; dNu1dn: number; nuM: number; dNuMdn: number; dNuMdo: number; dNuMds: number;
  /** Poisson NCs: the in-flow of ΔT of class 1 (FD) and class m (HD), like F1 and H for T. */
  FD: number; HD: number;
  /** ∂P_1/∂n through screening (films, mean-field NCs). */
  dP1dn: number;
  /** Klemens decay D and its partials by N, n_D and T_A; daughter relaxation Rd and ∂Rd/∂T_A. */
  D: number; dDdN: number; dDdD: number; dDdA: number; Rd: number; dRddA: number;
  /** The occupation q the Klemens decay sees: the hot daughters n_D, or the lattice's n_A with up-conversion off. */
  qD: number;
  /** Extraction rate of each class's carriers and its derivative by that class's temperature. */
  kx1: number; dkx1: number; kxm: number; dkxm: number;
  /** Films and mean-field NCs: Auger R_A = k3 n³. Poisson NCs: the ensemble (R_A, d, g). */
  ens: EnsembleOut;
}
