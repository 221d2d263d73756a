// Material data types: a sourced quantity, a compound's data sheet, a composition, and the resolved parameters the model reads.

/** One material number with its unit and where it comes from (paper + DOI, or "calc." with inputs). */
export interface Quantity {
  value: number;
  unit: string;
  source: string;
  note?: string;
}

export type ASite = 'Cs' | 'FA' | 'MA';
export type BSite = 'Pb' | 'Sn';
export type XSite = 'I' | 'Br' | 'Cl';

/** Site fractions; each site's fractions sum to 1. */
export interface Composition {
  a: Partial<Record<ASite, number>>;
  b: Partial<Record<BSite, number>>;
  x: Partial<Record<XSite, number>>;
}

/**
 * Data sheet of one end-member compound ABX3 at room temperature (300 K).
 * Every field is a Quantity so its unit and source travel with it.
 */
export interface CompoundData {
  formula: string;
  a: ASite;
  b: BSite;
  x: XSite;
  /** Bulk band gap at 300 K (eV). */
  gapEv: Quantity;
  /** Linear temperature coefficient of the gap near room temperature, dEg/dT (meV K^-1). */
  gapSlopeMeVPerK: Quantity;
  /** Electron and hole band masses (units of the free-electron mass m0). */
  electronMassM0: Quantity;
  holeMassM0: Quantity;
  /** High-frequency and static relative permittivities (dimensionless). */
  epsInf: Quantity;
  epsStatic: Quantity;
  /** Effective (Hellwarth) LO-phonon energy (meV). */
  loPhononMeV: Quantity;
  /** LO-phonon lifetime at 300 K (ps). */
  loLifetimePs: Quantity;
  /** Carrier–acoustic-phonon energy relaxation time (ps). */
  carrierAcousticPs: Quantity;
  /** Bulk recombination: trap k1 (s^-1), radiative k2 (cm^3 s^-1), Auger k3 (cm^6 s^-1). */
  k1PerS: Quantity;
  k2Cm3PerS: Quantity;
  k3Cm6PerS: Quantity;
  /** NC biexciton Auger lifetime per NC volume in strong confinement, tau_XX / V (ps nm^-3). */
  biexcitonAugerPsPerNm3: Quantity;
  /** NC single-exciton radiative lifetime (ns). */
  ncRadiativeLifetimeNs: Quantity;
  /** Exciton Bohr radius (nm). */
  bohrRadiusNm: Quantity;
  /** Volumetric heat capacity of the lattice (J cm^-3 K^-1). */
  heatCapacityJcm3K: Quantity;
  /** Thermal conductivity (W m^-1 K^-1). */
  thermalConductivityWmK: Quantity;
  /** Absorption coefficient near 3 eV (400–470 nm pump) (cm^-1), for fluence → density. */
  absorptionPerCm: Quantity;
}

/** The numeric fields of CompoundData (those that are Quantity). */
export type CompoundField = {
  [K in keyof CompoundData]: CompoundData[K] extends Quantity ? K : never;
}[keyof CompoundData];

/** Goldschmidt tolerance factor and the review's phase verdict (§2.1); a warning, never a refusal. */
export interface ToleranceReport {
  t: number;
  /** 'cubic-black' (0.8 < t < 1.0 and not near 0.8), 'marginal' (t ≈ 0.8), 'non-perovskite-low' (t < 0.8), 'low-dimensional' (t > 1). */
  phase: 'cubic-black' | 'marginal' | 'non-perovskite-low' | 'low-dimensional';
  warning?: string;
}

/** Resolved material for the model: plain numbers (units in the names), plus provenance and warnings. */
export interface MaterialParams {
  /** Canonical formula, e.g. "FA0.5Cs0.5PbI3". */
  formula: string;
  composition: Composition;
  /** Gap at 300 K (eV); the model shifts it to the lattice temperature with gapSlopeMeVPerK. */
  gapEv: number;
  gapSlopeMeVPerK: number;
  electronMassM0: number;
  holeMassM0: number;
  epsInf: number;
  epsStatic: number;
  loPhononMeV: number;
  loLifetimePs: number;
  carrierAcousticPs: number;
  k1PerS: number;
  k2Cm3PerS: number;
  k3Cm6PerS: number;
  biexcitonAugerPsPerNm3: number;
  ncRadiativeLifetimeNs: number;
  bohrRadiusNm: number;
  heatCapacityJcm3K: number;
  thermalConductivityWmK: number;
  absorptionPerCm: number;
  /** Fraction of A-site mixing between organic (FA, MA) and inorganic (Cs) cations, 4·x·(1-x) in [0, 1]. */
  organicInorganicMixing: number;
  tolerance: ToleranceReport;
  /** field → source text (for mixtures: the rule and the end members' sources). */
  sources: Record<string, string>;
  warnings: string[];
}
