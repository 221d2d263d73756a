// What a sweep is (a grid of simulations over axes of SimulationInput fields) and what it returns: metric columns,
// per-point status codes, errors, optional curves. Engine-level: the worker transport and the apps read these.

import type { SimulationInput } from '../model/types.ts';

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
  /**
   * false: skip each point's bi-exponential fit (simulate's `biExponential` option), for a caller that does not show
   * it: the columns fastPs, slowPs and fastFraction are then NaN (not computed) and every other column is the same
   * number. Default true.
   */
  biExponential?: boolean;
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

/** The columns the bi-exponential fit fills (NaN, not computed, in a sweep with `biExponential: false`). */
export const BIEXP_COLUMN_NAMES: readonly (keyof SweepColumns)[] = ['fastPs', 'slowPs', 'fastFraction'];

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
  /** false when the spec skipped the bi-exponential fit: fastPs, slowPs and fastFraction were not computed. */
  biExponential: boolean;
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
