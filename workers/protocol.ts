// The worker API's types: what the main thread (browser or Node) may ask an engine worker (the sweep shapes are the
// engine's, src/sweep/types.ts, re-exported here for callers of the pool).

import type { SimulationInput, SimulationResult, TrendOptions, TrendResult } from '../src/model/types.ts';
import type { MaterialParams, ToleranceReport } from '../src/materials/types.ts';
import type { FitOptions, FitResult, FreeParameter } from '../src/data/fit.ts';
import type { MeasuredSeries } from '../src/data/measured.ts';

export {
  BIEXP_COLUMN_NAMES, POINT_BAD_INPUT, POINT_NOT_RUN, POINT_OK, POINT_SOLVER_FAILED, SWEEP_COLUMN_NAMES,
  type ProgressCallback, type SweepAxis, type SweepColumns, type SweepProgress, type SweepResult, type SweepSpec,
} from '../src/sweep/types.ts';
import type { ProgressCallback, SweepResult, SweepSpec } from '../src/sweep/types.ts';

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
