// The worker API's types: what the main thread (browser or Node) may ask an engine worker, and the sweep shapes.

import type { SimulationInput, SimulationResult, TrendOptions, TrendResult } from '../src/model/types.ts';
import type { MaterialParams, ToleranceReport } from '../src/materials/types.ts';
import type { FitOptions, FitResult, FreeParameter } from '../src/data/fit.ts';
import type { MeasuredSeries } from '../src/data/measured.ts';

/** A sweep axis: one SimulationInput field and the values it takes. */
export interface SweepAxis {
  /**
   * A SimulationInput key ("densityCm3", "edgeNm", "composition", "latticeK", …) or a one-level path
   * into an object field ("switches.augerHeating", "materialOverrides.epsStatic").
   */
  key: string;
  /** Values in order; `null` for edgeNm means a bulk film. */
  values: (number | string | boolean | null)[];
}

/** A grid: every combination of the axes' values applied to `base` (last axis varies fastest). */
export interface SweepSpec {
  base: SimulationInput;
  axes: SweepAxis[];
  /** Keep each point's Tc(t) curve (row-major `count × nT` matrix). Default false. */
  curves?: boolean;
  /** Flat indices [start, end) of the grid to run; the whole grid when absent (the pool uses it to split work). */
  range?: [number, number];
  /**
   * A list design instead of a grid (Latin hypercube, Sobol, …): point i is `base` with design[i]'s members set
   * (keys as axis keys, dotted for switches.* and materialOverrides.*). `axes` must then be empty.
   */
  design?: Record<string, unknown>[];
}

/** Per-point status in a sweep. */
export const POINT_OK = 0;
export const POINT_SOLVER_FAILED = -1;
export const POINT_BAD_INPUT = -2;
export const POINT_NOT_RUN = -3;

/** Metric columns of a sweep: one entry per grid point, NaN where undefined (null metric, failed or not run). */
export interface SweepColumns {
  tau1ePs: Float64Array;
  fastPs: Float64Array;
  slowPs: Float64Array;
  fastFraction: Float64Array;
  timeToTargetPs: Float64Array;
  initialLossRateMeVps: Float64Array;
  peakTcK: Float64Array;
  densityCm3: Float64Array;
  nPerNc: Float64Array;
  fluenceUJcm2: Float64Array;
  nfev: Float64Array;
  nAccepted: Float64Array;
  nRejected: Float64Array;
  solveMs: Float64Array;
  /** POINT_OK, POINT_SOLVER_FAILED, POINT_BAD_INPUT or POINT_NOT_RUN. */
  status: Float64Array;
}

export const SWEEP_COLUMN_NAMES: readonly (keyof SweepColumns)[] = [
  'tau1ePs', 'fastPs', 'slowPs', 'fastFraction', 'timeToTargetPs', 'initialLossRateMeVps', 'peakTcK',
  'densityCm3', 'nPerNc', 'fluenceUJcm2', 'nfev', 'nAccepted', 'nRejected', 'solveMs', 'status',
];

export interface SweepResult {
  axes: SweepAxis[];
  /** Number of grid points in the whole grid. */
  count: number;
  /** Flat indices covered by this result: [start, end). */
  range: [number, number];
  /** Columns indexed by flat grid index minus range[0]. */
  columns: SweepColumns;
  /** Message per failed point (flat grid index → message). */
  errors: Record<number, string>;
  /** Delay grid shared by all curves (ps), when `curves` was asked for and the grid is shared. */
  tPs?: Float64Array;
  /** Tc curves, row-major (range length × tPs.length), NaN rows for failed points. */
  tcK?: Float64Array;
  cancelled: boolean;
  wallMs: number;
  /** Workers that ran the sweep. */
  workers: number;
}

export interface SweepProgress {
  done: number;
  failed: number;
  total: number;
  elapsedMs: number;
}

export type ProgressCallback = (progress: SweepProgress) => void;

/** One preset material as the UI lists it. */
export interface MaterialEntry {
  name: string;
  params: MaterialParams;
}

/** A formula resolved for display: canonical formula, tolerance factor, phase warning, Bohr diameter. */
export interface MaterialSummary {
  formula: string;
  tolerance: ToleranceReport;
  bohrDiameterNm: number;
  gapEv: number;
  warnings: string[];
  params: MaterialParams;
}

/** The object each engine worker exposes with comlink. */
export interface EngineApi {
  /** One simulation; throws an Error whose message lines each start with the bad parameter's key. */
  simulate(input: SimulationInput): SimulationResult;
  /** A grid of simulations (or the `range` slice of it), progress through a comlink-proxied callback. */
  sweep(spec: SweepSpec, onProgress?: ProgressCallback): Promise<SweepResult>;
  trends(options?: TrendOptions): TrendResult[];
  materials(): MaterialEntry[];
  resolveMaterial(formula: string): MaterialSummary;
  /** Input problems, one message per problem; empty when the input is fine. */
  validate(input: SimulationInput): string[];
  /** Fit 1–4 free parameters of `base` to measured carrier temperatures (src/data/fit.ts). */
  fit(base: SimulationInput, data: MeasuredSeries, free: FreeParameter[], options?: FitOptions): FitResult;
  /** Stop a running `sweep` at the next point (it resolves with `cancelled: true`). */
  cancel(): void;
  /** Health check: resolves when the worker has loaded the engine. */
  ping(): string;
}

/** Only in workers started with test hooks: make the worker die, to test that callers get an error. */
export interface EngineTestHooks {
  crashForTesting(kind: 'exit' | 'throw'): Promise<void>;
}

/** Error raised for work stopped by `cancel()`. */
export class CancelledError extends Error {
  constructor(message = 'cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

export function isCancelledError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'CancelledError' || /^cancelled/.test(error.message));
}
