// The simulation's parameters, each declared once: numeric ones with default, range, unit and meaning; the others
// (method, acceptor, Auger statistics, switches, composition) with default, allowed values and meaning.
// Validation (validate.ts), the CLI's help and flags, URL state and the web UI's controls all read these tables.

import type { AcceptorKind, AugerStatistics, LoPool, MechanismSwitches } from './types.ts';
import type { MethodName } from '../solver/types.ts';

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

// ---- Non-numeric parameters: each declared once (default, allowed values and what each means). Validation
// (validate.ts), the CLI's flags and help (cli/args.ts, cli/main.ts), the URL state and the page's selects read these.

/** One allowed value of a choice parameter: the value, a short label for a select, and its meaning for help. */
export interface Choice<V extends string> {
  value: V;
  label: string;
  meaning: string;
}

/** A parameter that takes one of a few words. */
export interface ChoiceParamSpec<K extends string, V extends string> {
  key: K;
  flag: string;
  label: string;
  default: V;
  choices: readonly Choice<V>[];
  /** One-line meaning. */
  meaning: string;
}

export const METHOD_PARAM: ChoiceParamSpec<'method', MethodName> = {
  key: 'method', flag: 'method', label: 'Solver method', default: 'auto', meaning: 'ODE solver',
  choices: [
    { value: 'auto', label: 'auto (stiffness switching)', meaning: 'dop853 while the problem is non-stiff, rodas5 when it turns stiff (seulex at rtol ≤ 1e-8 for small dense problems, bdf for problems stiff at the start with n ≥ 20)' },
    { value: 'rodas5', label: 'rodas5 (stiff)', meaning: 'Rosenbrock method of order 5, for stiff problems' },
    { value: 'seulex', label: 'seulex (stiff, tight rtol)', meaning: 'linearly implicit Euler extrapolation of variable order, for stiff problems at tight tolerances' },
    { value: 'bdf', label: 'bdf (stiff, larger systems)', meaning: 'variable-order (1–5) NDF/BDF keeping its Jacobian and Newton matrix across steps, for larger stiff systems' },
    { value: 'dop853', label: 'dop853 (non-stiff)', meaning: 'Dormand–Prince explicit Runge–Kutta of order 8, for non-stiff problems' },
    { value: 'odex', label: 'odex (non-stiff)', meaning: 'Gragg–Bulirsch–Stoer extrapolation, for non-stiff problems' },
  ],
};

export const ACCEPTOR_PARAM: ChoiceParamSpec<'acceptor', AcceptorKind> = {
  key: 'acceptor', flag: 'acceptor', label: 'Charge acceptor', default: 'none', meaning: 'A charge acceptor beside the absorber',
  choices: [
    { value: 'none', label: 'none', meaning: 'no acceptor' },
    { value: 'hot', label: 'hot (Bphen-like, high LUMO)', meaning: 'Bphen-like, energy-selective: takes carriers above a barrier' },
    { value: 'cold', label: 'cold (TiO2-like)', meaning: 'TiO2-like: takes band-edge electrons' },
  ],
};

export const AUGER_STATISTICS_PARAM: ChoiceParamSpec<'augerStatistics', AugerStatistics> = {
  key: 'augerStatistics', flag: 'auger-statistics', label: 'NC Auger statistics', default: 'poisson',
  meaning: 'How NC Auger recombination counts excitons per NC (films always use k3 n³)',
  choices: [
    { value: 'poisson', label: 'Poisson ensemble of excitons per NC', meaning: 'a Poisson ensemble of excitons per NC' },
    { value: 'mean-field', label: 'mean field (every NC holds ⟨N⟩)', meaning: 'every NC holds ⟨N⟩' },
  ],
};

export const LO_POOL_PARAM: ChoiceParamSpec<'loPool', LoPool> = {
  key: 'loPool', flag: 'lo-pool', label: 'LO population', default: 'single',
  meaning: 'How the LO phonons the carriers emit are held (docs/model.md)',
  choices: [
    { value: 'single', label: 'one pool of N_LO modes', meaning: 'one pool of N_LO = (2 k_th(300 K))³/6π² modes, every carrier sees its occupation' },
    { value: 'resolved', label: 'resolved in wavevector (4 bins)', meaning: '4 bins of phonon wavevector up to the Debye radius, each with its occupation; carriers emit into them by the screened Fröhlich weight (finite-difference Jacobian: slower)' },
  ],
};

export const CHOICE_PARAMS = { method: METHOD_PARAM, acceptor: ACCEPTOR_PARAM, augerStatistics: AUGER_STATISTICS_PARAM, loPool: LO_POOL_PARAM } as const;

/** The allowed values of a choice parameter. */
export const choiceValues = <V extends string>(spec: ChoiceParamSpec<string, V>): V[] => spec.choices.map((c) => c.value);

/** Is `value` one of the allowed values (an own, exact match: no prototype keys)? */
export function isChoice<V extends string>(spec: ChoiceParamSpec<string, V>, value: unknown): value is V {
  return typeof value === 'string' && spec.choices.some((c) => c.value === value);
}

/** A mechanism switch: on by default; the CLI flag --no-… turns it off. */
export interface SwitchSpec {
  key: keyof MechanismSwitches;
  flag: string;
  /** Control label on the page. */
  label: string;
  /** The mechanism in a curve label ("…, no hot phonons"). */
  short: string;
  meaning: string;
}

export const SWITCHES: readonly SwitchSpec[] = [
  { key: 'upConversion', flag: 'no-upconversion', label: 'Acoustic → LO up-conversion', short: 'up-conversion', meaning: 'the acoustic → LO up-conversion term of the Klemens decay' },
  { key: 'augerHeating', flag: 'no-auger-heating', label: 'Auger heating', short: 'Auger heating', meaning: 'Auger energy returned to the remaining carriers (off: it goes to the lattice)' },
  { key: 'intrinsicBottleneck', flag: 'no-intrinsic-bottleneck', label: 'Intrinsic (discrete-level) bottleneck', short: 'intrinsic bottleneck', meaning: 'reduced carrier–LO coupling when the NC level spacing exceeds the LO energy' },
  { key: 'lowestGap', flag: 'no-lowest-gap', label: 'Lowest (1P → 1S) level gap', short: '1P–1S gap', meaning: 'in the intrinsic bottleneck, the cube\'s lowest orbital gap for the excited carriers in the 1P level (off: the mean level spacing for all)' },
  { key: 'hotPhonons', flag: 'no-hot-phonons', label: 'Hot (finite) LO population', short: 'hot phonons', meaning: 'a finite LO population (off: LO modes held at the lattice temperature)' },
  { key: 'ligandBypass', flag: 'no-ligand-bypass', label: 'Ligand bypass of the discrete-level bottleneck', short: 'ligand bypass', meaning: 'in strongly confined NCs the energy the discrete levels keep from the LO modes is lost through the surface ligands (rate ∝ 1/L³; calibrated)' },
  { key: 'maxwellAverage', flag: 'no-maxwell-average', label: 'Maxwell-averaged Fröhlich rate', short: 'Maxwell average', meaning: 'the Maxwell–Boltzmann average of the single-carrier Fröhlich rates, G(ħω/kB T) = 1…2 (off: the bare rate α ω at every carrier temperature)' },
  { key: 'screening', flag: 'no-screening', label: 'Carrier screening of the Fröhlich coupling', short: 'screening', meaning: 'static (Debye) screening of the carrier–LO coupling by the photo-carriers (films: all pairs; NCs: the other pairs of the same NC)' },
];

/** The composition: a preset name or a formula. */
export const COMPOSITION_PARAM = {
  key: 'composition', flag: 'composition', label: 'Composition', default: 'CsPbI3', maxChars: 100,
  meaning: 'a preset name or a formula such as CsPbI3, FA0.5Cs0.5PbI3 or MAPb0.5Sn0.5I3',
} as const;
