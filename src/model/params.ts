// The simulation's numeric parameters, each declared once: default, range, unit and meaning.
// Validation (validate.ts), the CLI's help and flags, and the web UI's sliders all read this table.

export interface NumericParamSpec {
  /** Key in SimulationInput. */
  key: NumericParamKey;
  /** CLI flag, without the leading dashes. */
  flag: string;
  label: string;
  unit: string;
  default: number;
  min: number;
  max: number;
  /** Suggested slider scale. */
  scale: 'linear' | 'log';
  /** One-line meaning. */
  meaning: string;
}

export type NumericParamKey =
  | 'edgeNm'
  | 'filmThicknessNm'
  | 'densityCm3'
  | 'nPerNc'
  | 'fluenceUJcm2'
  | 'pumpNm'
  | 'pumpEv'
  | 'pulseFwhmFs'
  | 'latticeK'
  | 'tEndPs'
  | 'tStartPs'
  | 'nPoints'
  | 'interfaceConductanceMWm2K'
  | 'hotAcceptorBarrierEv'
  | 'hotAcceptorTransferPs'
  | 'coldAcceptorTransferPs'
  | 'targetK'
  | 'rtol';

export const PARAMS: Record<NumericParamKey, NumericParamSpec> = {
  edgeNm: {
    key: 'edgeNm', flag: 'edge-nm', label: 'NC edge length', unit: 'nm', default: 8, min: 2, max: 50,
    scale: 'linear', meaning: 'Edge length of the cubic nanocrystal (ignored with --bulk)',
  },
  filmThicknessNm: {
    key: 'filmThicknessNm', flag: 'film-nm', label: 'Film thickness', unit: 'nm', default: 300, min: 20, max: 5000,
    scale: 'log', meaning: 'Bulk-film thickness: sets heat loss to the substrate and fluence → density',
  },
  densityCm3: {
    key: 'densityCm3', flag: 'density', label: 'Initial carrier density', unit: 'cm^-3', default: 1e18, min: 1e15, max: 1e20,
    scale: 'log', meaning: 'Electron–hole pairs per volume created by the pump (non-degenerate statistics hold below 1e20)',
  },
  nPerNc: {
    key: 'nPerNc', flag: 'n-per-nc', label: 'Mean excitons per NC ⟨N⟩', unit: '', default: 0.5, min: 0.001, max: 100,
    scale: 'log', meaning: 'Mean number of electron–hole pairs per nanocrystal, ⟨N⟩ = σ·j',
  },
  fluenceUJcm2: {
    key: 'fluenceUJcm2', flag: 'fluence-uj-cm2', label: 'Pump fluence', unit: 'µJ cm^-2', default: 10, min: 0.01, max: 10000,
    scale: 'log', meaning: 'Pump pulse energy per area',
  },
  pumpNm: {
    key: 'pumpNm', flag: 'pump-nm', label: 'Pump wavelength', unit: 'nm', default: 470, min: 200, max: 1240,
    scale: 'linear', meaning: 'Pump photon wavelength; its energy must exceed the (confined) gap',
  },
  pumpEv: {
    key: 'pumpEv', flag: 'pump-ev', label: 'Pump photon energy', unit: 'eV', default: 2.638, min: 1, max: 6.2,
    scale: 'linear', meaning: 'Pump photon energy, instead of the wavelength; must exceed the (confined) gap',
  },
  pulseFwhmFs: {
    key: 'pulseFwhmFs', flag: 'pulse-fs', label: 'Pump pulse width (FWHM)', unit: 'fs', default: 100, min: 0, max: 1000,
    scale: 'linear', meaning: 'Gaussian pump pulse, full width at half maximum (0: impulsive)',
  },
  latticeK: {
    key: 'latticeK', flag: 'lattice-k', label: 'Lattice temperature', unit: 'K', default: 300, min: 10, max: 500,
    scale: 'linear', meaning: 'Sample (lattice and surroundings) temperature before the pump',
  },
  tEndPs: {
    key: 'tEndPs', flag: 't-end-ps', label: 'Last delay', unit: 'ps', default: 1000, min: 1, max: 100000,
    scale: 'log', meaning: 'Last pump–probe delay of the output grid',
  },
  tStartPs: {
    key: 'tStartPs', flag: 't-start-ps', label: 'First delay', unit: 'ps', default: 0.01, min: 0.001, max: 10,
    scale: 'log', meaning: 'First (positive) delay of the log-spaced output grid',
  },
  nPoints: {
    key: 'nPoints', flag: 'points', label: 'Output points', unit: '', default: 200, min: 10, max: 5000,
    scale: 'log', meaning: 'Number of log-spaced delays in the output',
  },
  interfaceConductanceMWm2K: {
    key: 'interfaceConductanceMWm2K', flag: 'interface-mw-m2k', label: 'NC–ligand interface conductance', unit: 'MW m^-2 K^-1',
    default: 100, min: 1, max: 1000, scale: 'log',
    meaning: 'Thermal conductance from the NC to its ligand/solvent shell (heat loss to surroundings)',
  },
  hotAcceptorBarrierEv: {
    key: 'hotAcceptorBarrierEv', flag: 'hot-barrier-ev', label: 'Hot-acceptor barrier', unit: 'eV', default: 0.3, min: 0, max: 2,
    scale: 'linear', meaning: 'Energy above the band edge a carrier needs to enter a Bphen-like acceptor (its LUMO offset)',
  },
  hotAcceptorTransferPs: {
    key: 'hotAcceptorTransferPs', flag: 'hot-transfer-ps', label: 'Hot-acceptor transfer time', unit: 'ps', default: 0.2, min: 0.01, max: 1000,
    scale: 'log', meaning: 'Transfer time of a carrier above the barrier into the hot acceptor',
  },
  coldAcceptorTransferPs: {
    key: 'coldAcceptorTransferPs', flag: 'cold-transfer-ps', label: 'Cold-acceptor transfer time', unit: 'ps', default: 30, min: 0.1, max: 100000,
    scale: 'log', meaning: 'Band-edge electron transfer time into a TiO2-like acceptor',
  },
  targetK: {
    key: 'targetK', flag: 'target-k', label: 'Target carrier temperature', unit: 'K', default: 500, min: 10, max: 5000,
    scale: 'linear', meaning: 'Temperature for the "time to reach" cooling metric',
  },
  rtol: {
    // max 1e-3: looser tolerances break the energy ledger (at 2e-3 a 1e20 cm^-3 film without hot phonons is off
    // by 2e-3 and its Tc goes negative); the result guard refuses a ledger error above 1e-3 in any case.
    key: 'rtol', flag: 'rtol', label: 'Solver relative tolerance', unit: '', default: 1e-6, min: 1e-12, max: 1e-3,
    scale: 'log', meaning: 'Relative tolerance of the ODE solver (at most 1e-3, where the energy ledger still holds)',
  },
};

/** Relative slack of a range check: a value computed to lie on a limit (1e15 cm^-3 from ⟨N⟩ and back, a sweep's
 *  last log-spaced point) differs from it in the last bits and is still on it. */
export const RANGE_REL_TOLERANCE = 1e-9;

/** Is `value` within [min, max], the limits compared with RANGE_REL_TOLERANCE? */
export function withinLimits(value: number, min: number, max: number): boolean {
  return value >= min - RANGE_REL_TOLERANCE * Math.abs(min) && value <= max + RANGE_REL_TOLERANCE * Math.abs(max);
}

/** A number as people write it in a range: 1e+18 rather than 1000000000000000000. */
export function formatLimit(v: number): string {
  return v !== 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3) ? v.toExponential().replace('e+', 'e') : String(v);
}

/** "a number from <min> to <max> <unit>" for messages and help. */
export function allowedRange(spec: NumericParamSpec): string {
  return `a number from ${formatLimit(spec.min)} to ${formatLimit(spec.max)}${spec.unit ? ' ' + spec.unit : ''}`;
}
