// Model coefficients in the engine's internal units (ps, eV, K, cm^-3), computed once per simulation
// from the resolved material, the size and the excitation. The right-hand side reads only these.

import type { AcceptorKind, MechanismSwitches } from './types.ts';
import type { LoBinLayout } from './lo-bins.ts';

export interface ModelCoefficients {
  /** Pairs created by the whole pulse (cm^-3). */
  n0Cm3: number;
  pumpEv: number;
  /** Confined gap (eV): potential energy of one pair. */
  gapEv: number;
  /** Temperature of freshly injected pairs, (hν − Eg) / (3 kB) (K): the mean of the electron's and the hole's. */
  injectionTempK: number;
  /**
   * T_e − T_h of freshly injected pairs (K): the excess splits by momentum conservation in the vertical transition
   * with parabolic bands, electron (hν − Eg) m_h/(m_e + m_h), so ΔT_inj = 2 T_inj (m_h − m_e)/(m_e + m_h).
   */
  injectionDeltaK: number;
  /**
   * Electron–hole energy exchange by carrier–carrier (Coulomb) scattering: dΔT/dt = −ν ΔT with ν = k_eh n_eh,
   * n_eh the density of partners a carrier scatters with (cm^-3); k_eh in cm^3 ps^-1 (derive.ts, EH_EXCHANGE).
   */
  ehExchangeCm3PerPs: number;
  /** Lattice and surroundings temperature before the pump (K). */
  ambientK: number;
  /** Gaussian pulse standard deviation (ps); 0 for impulsive excitation. */
  pulseSigmaPs: number;
  /** Integration start (ps): −4σ, or 0 for impulsive excitation (not the first output delay, SimulationInput.tStartPs). */
  integrationStartPs: number;

  /** LO-phonon energy (eV). */
  loEv: number;
  /** LO emission rates at full coupling α_c ω_LO for electron and hole (ps^-1). */
  emissionRateElectronPerPs: number;
  emissionRateHolePerPs: number;
  /** Intrinsic-bottleneck level-spacing coefficients c with δ(E) = c/√E (eV^1.5); 0 for bulk or switched off. */
  spacingCoefElectron: number;
  spacingCoefHole: number;
  /** Lowest orbital gap Δ₁ = E(2,1,1) − E(1,1,1) of the cube for electron and hole (eV; cube-ladder.ts); 0 for bulk
   *  or with the intrinsic bottleneck switched off. */
  lowestGapElectronEv: number;
  lowestGapHoleEv: number;
  /** Ligand bypass rate k_lig (ps^-1) of the energy the intrinsic bottleneck blocks (ligand.ts); 0 for films or off. */
  ligandBypassPerPs: number;
  /** Multiply the Fröhlich rates by their Maxwell average G(ħω/kB T) (frohlich-maxwell.ts); false: G = 1. */
  maxwellAverage: boolean;
  /** Sharpness of the energy-gap-law crossover at δ = ħω_LO (dimensionless). */
  bottleneckSharpness: number;
  /** Debye screening: q_D² = screeningCoef · n / Tc (nm^-2 K cm^3); 0 when screening is switched off. */
  screeningCoef: number;
  /** Band masses (m0), for the screened Fröhlich integral. */
  electronMassM0: number;
  holeMassM0: number;
  /** Density of LO modes coupled to the carriers (cm^-3). */
  loModesCm3: number;
  /** The LO population's bins (lo-bins.ts): one pool of loModesCm3 modes, or the resolved wavevector bins. */
  loBins: LoBinLayout;
  hotPhonons: boolean;
  /** Klemens decay prefactor Γ (ps^-1): net rate Γ[N(1+q)² − (N+1) q²], q the daughter-mode occupation. */
  klemensPerPs: number;
  /** 1: LO phonons see the hot daughter acoustic phonons (q = n_D, which up-convert); 0: a thermal bath (q = n_A(T_A)). */
  upConversion: number;
  /** Lifetime of the hot daughter acoustic phonons before they thermalise with the lattice (ps). */
  daughterLifetimePs: number;

  /** Carrier–acoustic energy relaxation time (ps). */
  carrierAcousticPs: number;
  /** Trap rate (ps^-1). */
  k1PerPs: number;
  /** Bimolecular radiative coefficient (cm^3 ps^-1), bulk films; 0 for NCs. */
  k2Cm3PerPs: number;
  /** Excitonic radiative rate (ps^-1), NCs; 0 for bulk. */
  kRadPerPs: number;
  /** Auger coefficient (cm^6 ps^-1): bulk films use k3 n³; for NCs it is the mean-field equivalent V²/(8 τ_XX). */
  k3Cm6PerPs: number;
  /**
   * NCs with Poisson Auger statistics: biexciton Auger rate 1/τ_XX (ps^-1) = 8 k3 / V², N-exciton rates
   * N(N−1)/(2 τ_XX) (statistical scaling). 0 for bulk films and for mean-field statistics (then k3 n³).
   */
  ncAugerPerPs: number;
  /** Poisson NCs: below this pair count (cm^-3) a carrier class counts as empty in its temperature equation. */
  classFloorCm3: number;
  /** NC volume (cm^3); 0 for bulk films. */
  ncVolumeCm3: number;
  /** 1: Auger energy heats the remaining carriers; 0: it goes to the lattice. */
  augerHeating: number;

  /** Lattice heat capacity (eV cm^-3 K^-1). */
  heatCapacityEvCm3K: number;
  /** Heat-loss time to the surroundings (ps). */
  heatLossPs: number;

  acceptor: AcceptorKind;
  /** Hot acceptor: transfer rate above the barrier (ps^-1) and the barrier (eV). */
  hotRatePerPs: number;
  hotBarrierEv: number;
  /** Cold acceptor: band-edge transfer rate (ps^-1). */
  coldRatePerPs: number;
}

export type { MechanismSwitches };
