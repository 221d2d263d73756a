// Public types of the engine: what a simulation takes and what it returns (units in every name).

import type { MaterialParams } from '../materials/types.ts';
import type { MethodName } from '../solver/types.ts';

/** Switches that remove one mechanism, for what-if comparisons (all true by default). */
export interface MechanismSwitches {
  /** Acoustic → LO up-conversion term of the Klemens decay. */
  upConversion: boolean;
  /** Auger recombination energy returned to the remaining carriers (else it goes to the lattice). */
  augerHeating: boolean;
  /** Reduced carrier–LO coupling when the NC level spacing exceeds the LO energy. */
  intrinsicBottleneck: boolean;
  /** Within the intrinsic bottleneck, the cube's lowest (1P → 1S) gap for the carriers in the 1P level. */
  lowestGap: boolean;
  /** Finite LO population (false: LO modes held at the lattice temperature, an infinite bath). */
  hotPhonons: boolean;
  /** Static (Debye) screening of the Fröhlich coupling by the photo-carriers. */
  screening: boolean;
  /** Strongly confined NCs: energy the intrinsic bottleneck blocks, lost through the surface ligands. */
  ligandBypass: boolean;
  /** The Fröhlich rates averaged over the carriers' Maxwell–Boltzmann distribution (false: the bare rate α ω). */
  maxwellAverage: boolean;
}

export type AcceptorKind = 'none' | 'hot' | 'cold';

/**
 * How NC Auger recombination treats the exciton number per NC: 'mean-field' (every NC holds ⟨N⟩, Auger k3 n³ with
 * the NC's k3) or 'poisson' (a Poisson ensemble, N-exciton Auger at N(N−1)/(2 τ_XX), tracked by the density of occupied NCs
 * (1 − P₀)/V, state.ts).
 * Bulk films always use k3 n³.
 */
export type AugerStatistics = 'mean-field' | 'poisson';
/** How the LO population is held: one pool of N_LO modes, or resolved in wavevector bins (lo-bins.ts). */
export type LoPool = 'single' | 'resolved';

export interface SimulationInput {
  /** Preset name or formula, e.g. "CsPbI3", "FA0.5Cs0.5PbI3". */
  composition: string;
  /** NC edge length (nm); null for a bulk film. */
  edgeNm: number | null;
  filmThicknessNm?: number;
  /** Exactly one of these three sets the excitation. */
  densityCm3?: number;
  nPerNc?: number;
  fluenceUJcm2?: number;
  /** Pump wavelength (nm), or its photon energy `pumpEv` (eV): give at most one. */
  pumpNm?: number;
  pumpEv?: number;
  pulseFwhmFs?: number;
  latticeK?: number;
  tEndPs?: number;
  tStartPs?: number;
  nPoints?: number;
  interfaceConductanceMWm2K?: number;
  acceptor?: AcceptorKind;
  /** NC Auger statistics (default 'poisson'). */
  augerStatistics?: AugerStatistics;
  /** LO population: one pool (default 'single') or wavevector bins ('resolved'). */
  loPool?: LoPool;
  hotAcceptorBarrierEv?: number;
  hotAcceptorTransferPs?: number;
  coldAcceptorTransferPs?: number;
  /** Carrier temperature for the time-to-target metric (K). */
  targetK?: number;
  switches?: Partial<MechanismSwitches>;
  /** Replace resolved material numbers (what-if studies), e.g. { epsStatic: 18 }. */
  materialOverrides?: Partial<Pick<MaterialParams, NumericMaterialKey>>;
  method?: MethodName;
  rtol?: number;
}

export type NumericMaterialKey = {
  [K in keyof MaterialParams]: MaterialParams[K] extends number ? K : never;
}[keyof MaterialParams];

/** Quantities derived from the inputs before solving. */
export interface Derived {
  material: MaterialParams;
  bulk: boolean;
  /** Band gap including confinement (eV). */
  gapEv: number;
  confinementEv: number;
  bohrDiameterNm: number;
  regime: 'strong' | 'intermediate' | 'weak' | 'bulk';
  ncVolumeNm3: number | null;
  /** Level spacing near the band edge: lowest → next electron level (meV); null for bulk. */
  electronLevelSpacingMeV: number | null;
  holeLevelSpacingMeV: number | null;
  pumpEv: number;
  excessEnergyEv: number;
  /** Initial carrier temperature of the injected pairs (K): the mean of the electron's and the hole's. */
  injectionTempK: number;
  /** Injection temperatures of the electron and the hole (K): the excess split as m_h : m_e (momentum conservation). */
  injectionElectronK: number;
  injectionHoleK: number;
  densityCm3: number;
  nPerNc: number | null;
  fluenceUJcm2: number;
  /** Absorption cross-section of one NC at the pump (cm^2); null for bulk. */
  crossSectionCm2: number | null;
  frohlichAlphaElectron: number;
  frohlichAlphaHole: number;
  /** Per-pair LO emission time at full coupling (fs). */
  loEmissionFs: number;
  /** Density of LO modes that carriers couple to (cm^-3). */
  loModesCm3: number;
  /** Effective Auger coefficient used (cm^6 s^-1). */
  augerCm6PerS: number;
  /** NCs: biexciton Auger lifetime τ_XX = V²/(8 k3) (ps); null for films. */
  biexcitonAugerPs: number | null;
  /** NC Auger statistics used ('poisson' or 'mean-field'); null for films (k3 n³). */
  augerStatistics: AugerStatistics | null;
  /** LO population used: 'single' (one pool of loModesCm3 modes) or 'resolved' (wavevector bins). */
  loPool: LoPool;
  /** Modes per volume in each LO bin (cm^-3): [loModesCm3] for the single pool. */
  loBinModesCm3: number[];
  /** Heat loss time of the lattice to the surroundings (ps). */
  heatLossPs: number;
  warnings: string[];
}

export interface CoolingMetrics {
  /** Time for Tc − T_L to fall to 1/e of its peak value (ps); null if never. */
  tau1ePs: number | null;
  /** Bi-exponential fit of Tc − T_A after its peak: fast and slow lifetimes (ps; null when that component carries
   *  under 1 % of the amplitude) and the fast amplitude fraction. */
  fastPs: number | null;
  slowPs: number | null;
  fastFraction: number | null;
  /** Time for Tc to fall to `targetK` after its peak (ps); null if not reached in the window, if Tc never exceeds it, or if the
   *  carriers were injected at or below the lattice temperature (a warming curve). */
  timeToTargetPs: number | null;
  targetK: number;
  /** Initial carrier energy-loss rate at the Tc peak (meV ps^-1 per electron–hole pair: electron and hole together). */
  initialLossRateMeVps: number;
  /** Peak carrier temperature (K) and its delay (ps). */
  peakTcK: number;
  peakDelayPs: number;
  /** ∫ (Tc − T_A) dt / (Tc − T_A)_peak from the peak on (ps): one number for the whole cooling curve; null for a
   *  warming curve (carriers injected at or below the lattice temperature). */
  meanCoolingPs: number | null;
}

/** Energy per volume (eV cm^-3) at each output time. */
export interface EnergyLedger {
  absorbed: Float64Array;
  carriers: Float64Array;
  lo: Float64Array;
  acoustic: Float64Array;
  surroundings: Float64Array;
  emitted: Float64Array;
  extracted: Float64Array;
  /** max over times of |absorbed − sum| / max(absorbed). */
  maxRelError: number;
}

export interface SolverStats {
  method: string;
  status: number;
  message: string;
  nfev: number;
  njev: number;
  nlu: number;
  nAccepted: number;
  nRejected: number;
  wallMs: number;
}

export interface ExtractionStats {
  /** Fraction of absorbed pairs extracted by the acceptor by the last delay. */
  yield: number;
  /** Mean temperature of the extracted carriers (K): the electrons' T_e (the acceptor takes electrons; T_e = Tc for equal masses). */
  meanTcK: number | null;
}

/** The two carrier classes of a Poisson NC ensemble at each delay. */
export interface CarrierClasses {
  /** Temperature of the carriers of singly excited NCs (K). */
  singleK: Float64Array;
  /** Temperature of the carriers of multiply excited NCs (K); meaningful where multiShare > 0. */
  multiK: Float64Array;
  /** Share of the pairs that sit in multiply excited NCs (0–1). */
  multiShare: Float64Array;
  /** Electron and hole temperatures of each class (K): singleK, multiK are their means. */
  singleElectronK: Float64Array;
  singleHoleK: Float64Array;
  multiElectronK: Float64Array;
  multiHoleK: Float64Array;
}

export interface SimulationResult {
  input: SimulationInput;
  derived: Derived;
  /** Delay after the pump peak (ps), log-spaced. */
  tPs: Float64Array;
  /**
   * Carrier temperature as a transient-absorption tail fit would read it (K): for Poisson NCs the tail fit of the
   * mixture of the singly and multiply excited NCs' carriers (observable.ts); otherwise the one class's temperature.
   * Where electrons and holes differ, the tail fit of f_e(E m_h/M) + f_h(E m_e/M) over the classes.
   */
  tcK: Float64Array;
  /** Energy-weighted mean carrier temperature over all pairs (K): the ledger's temperature, (T_e + T_h)/2. */
  tcMeanK: Float64Array;
  /** Mean electron and hole temperatures over all pairs (K; the classes' T_e, T_h weighted by their pairs). Equal to
   *  tcMeanK for equal masses and couplings (every lead-halide preset). */
  tcElectronK: Float64Array;
  tcHoleK: Float64Array;
  /** Poisson NCs: the carrier classes by exciton number; null for films and mean-field statistics. */
  classes: CarrierClasses | null;
  tLoK: Float64Array;
  tAK: Float64Array;
  nCm3: Float64Array;
  energy: EnergyLedger;
  metrics: CoolingMetrics;
  extraction: ExtractionStats;
  solver: SolverStats;
}

export type TrendId = 'T1' | 'T2' | 'T3' | 'T4' | 'T5' | 'T6' | 'T7' | 'T8' | 'T9' | 'T10' | 'T11' | 'T12' | 'T13';

/** One of the review's trends, checked by running the model. */
export interface TrendResult {
  id: TrendId;
  title: string;
  passed: boolean;
  /** The numbers behind the verdict, with units in the keys (e.g. tau1e_low_ps). */
  numbers: Record<string, number>;
  /** One sentence: what was compared and why it passed or failed. */
  detail: string;
}

/** Base case for the per-material trends (composition and size); comparative trends use their own materials. */
export interface TrendOptions {
  composition?: string;
  edgeNm?: number | null;
  only?: TrendId[];
}
