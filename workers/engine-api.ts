// The API object an engine worker exposes: the engine's calls, results handed back as transferred Float64Arrays.

import { releaseProxy, transfer } from 'comlink';
import { fitToMeasured, listMaterials, resolveMaterial, runTrends, simulate, validateInput } from '../src/index.ts';
import type { FitOptions, FitResult, FreeParameter } from '../src/data/fit.ts';
import type { MeasuredSeries } from '../src/data/measured.ts';
import type { SimulationInput, SimulationResult, TrendOptions, TrendResult } from '../src/model/types.ts';
import {
  POINT_BAD_INPUT, POINT_NOT_RUN, POINT_OK, POINT_SOLVER_FAILED, SWEEP_COLUMN_NAMES,
  type EngineApi, type EngineTestHooks, type MaterialEntry, type MaterialSummary, type ProgressCallback,
  type SweepColumns, type SweepResult, type SweepSpec,
} from './protocol.ts';
import { checkSweepSpec, pointInput } from './sweep-grid.ts';
import { transferablesOf } from './transferables.ts';

/** Yield to the event loop this often during a sweep, so `cancel()` messages get through (ms). */
const YIELD_EVERY_MS = 50;
/** Report sweep progress at most this often (ms). */
const PROGRESS_EVERY_MS = 50;

const yieldToEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A clean Error (comlink keeps only name and message) from anything thrown by the engine. */
function cleanError(error: unknown): Error {
  if (error instanceof Error) {
    const clean = new Error(error.message);
    clean.name = error.name === 'InputError' ? 'InputError' : 'Error';
    return clean;
  }
  return new Error(String(error));
}

function allocateColumns(n: number): SweepColumns {
  const columns = {} as SweepColumns;
  for (const name of SWEEP_COLUMN_NAMES) columns[name] = new Float64Array(n).fill(Number.NaN);
  columns.status.fill(POINT_NOT_RUN);
  return columns;
}

const orNaN = (value: number | null | undefined): number => (typeof value === 'number' ? value : Number.NaN);

function fillRow(columns: SweepColumns, row: number, r: SimulationResult): void {
  const m = r.metrics;
  columns.tau1ePs[row] = orNaN(m.tau1ePs);
  columns.fastPs[row] = orNaN(m.fastPs);
  columns.slowPs[row] = orNaN(m.slowPs);
  columns.fastFraction[row] = orNaN(m.fastFraction);
  columns.timeToTargetPs[row] = orNaN(m.timeToTargetPs);
  columns.initialLossRateMeVps[row] = orNaN(m.initialLossRateMeVps);
  columns.peakTcK[row] = orNaN(m.peakTcK);
  columns.densityCm3[row] = orNaN(r.derived.densityCm3);
  columns.nPerNc[row] = orNaN(r.derived.nPerNc);
  columns.fluenceUJcm2[row] = orNaN(r.derived.fluenceUJcm2);
  columns.nfev[row] = r.solver.nfev;
  columns.nAccepted[row] = r.solver.nAccepted;
  columns.nRejected[row] = r.solver.nRejected;
  columns.solveMs[row] = r.solver.wallMs;
  columns.status[row] = r.solver.status === 0 ? POINT_OK : POINT_SOLVER_FAILED;
}

/** Run a sweep (or its `range` slice) point by point in this thread. */
async function runSweep(
  spec: SweepSpec,
  onProgress: ProgressCallback | undefined,
  isCancelled: () => boolean,
): Promise<SweepResult> {
  const started = performance.now();
  const count = checkSweepSpec(spec);
  const [start, end] = spec.range ?? [0, count];
  const n = end - start;
  const columns = allocateColumns(n);
  const errors: Record<number, string> = {};
  let tPs: Float64Array | undefined;
  let tcK: Float64Array | undefined;
  let done = 0;
  let failed = 0;
  let lastYield = performance.now();
  let lastReport = -Infinity;
  const report = () => {
    if (!onProgress) return;
    // Not awaited: progress must never slow the sweep; a closed port only loses a report.
    Promise.resolve(onProgress({ done, failed, total: n, elapsedMs: performance.now() - started })).catch(() => {});
  };
  let cancelled = false;
  for (let flat = start; flat < end; flat++) {
    if (isCancelled()) {
      cancelled = true;
      break;
    }
    const row = flat - start;
    try {
      const result = simulate(pointInput(spec, flat));
      fillRow(columns, row, result);
      if (result.solver.status !== 0) {
        errors[flat] = result.solver.message;
        failed++;
      }
      if (spec.curves) {
        if (!tPs) {
          tPs = Float64Array.from(result.tPs);
          tcK = new Float64Array(n * tPs.length).fill(Number.NaN);
        }
        if (result.tPs.length !== tPs.length) {
          throw new Error('sweep: curves need one shared delay grid; do not sweep tStartPs, tEndPs or nPoints with curves on');
        }
        tcK!.set(result.tcK, row * tPs.length);
      }
    } catch (error) {
      columns.status[row] = POINT_BAD_INPUT;
      errors[flat] = error instanceof Error ? error.message : String(error);
      failed++;
    }
    done++;
    const now = performance.now();
    if (now - lastReport >= PROGRESS_EVERY_MS) {
      lastReport = now;
      report();
    }
    if (now - lastYield >= YIELD_EVERY_MS) {
      await yieldToEvents();
      lastYield = performance.now();
    }
  }
  report();
  return {
    axes: spec.axes,
    count,
    range: [start, end],
    columns,
    errors,
    tPs,
    tcK,
    cancelled,
    wallMs: performance.now() - started,
    workers: 1,
  };
}

export interface EngineApiOptions {
  /** Add `crashForTesting` (only for tests of crash handling). */
  testHooks?: boolean;
  /** How to make this worker die for `crashForTesting('exit')`. */
  exit?: () => void;
}

/** Build the object a worker exposes. */
export function createEngineApi(options: EngineApiOptions = {}): EngineApi & Partial<EngineTestHooks> {
  let cancelRequested = false;
  const api: EngineApi & Partial<EngineTestHooks> = {
    simulate(input: SimulationInput): SimulationResult {
      let result: SimulationResult;
      try {
        result = simulate(input);
      } catch (error) {
        throw cleanError(error);
      }
      return transfer(result, transferablesOf(result));
    },
    async sweep(spec: SweepSpec, onProgress?: ProgressCallback): Promise<SweepResult> {
      cancelRequested = false;
      try {
        const result = await runSweep(spec, onProgress, () => cancelRequested);
        return transfer(result, transferablesOf(result));
      } catch (error) {
        throw cleanError(error);
      } finally {
        // A comlink-proxied callback holds a MessagePort open until released; a plain function has no such key.
        (onProgress as { [releaseProxy]?: () => void } | undefined)?.[releaseProxy]?.();
      }
    },
    trends(trendOptions?: TrendOptions): TrendResult[] {
      try {
        return runTrends(trendOptions);
      } catch (error) {
        throw cleanError(error);
      }
    },
    materials(): MaterialEntry[] {
      return listMaterials();
    },
    resolveMaterial(formula: string): MaterialSummary {
      try {
        const params = resolveMaterial(formula);
        return {
          formula: params.formula,
          tolerance: params.tolerance,
          bohrDiameterNm: 2 * params.bohrRadiusNm,
          gapEv: params.gapEv,
          warnings: params.warnings,
          params,
        };
      } catch (error) {
        throw cleanError(error);
      }
    },
    validate(input: SimulationInput): string[] {
      return validateInput(input);
    },
    fit(base: SimulationInput, data: MeasuredSeries, free: FreeParameter[], fitOptions?: FitOptions): FitResult {
      let result: FitResult;
      try {
        result = fitToMeasured(base, data, free, fitOptions);
      } catch (error) {
        throw cleanError(error);
      }
      return transfer(result, transferablesOf(result.best));
    },
    cancel(): void {
      cancelRequested = true;
    },
    ping(): string {
      return 'ready';
    },
  };
  if (options.testHooks) {
    // Never answers: the worker dies first, so the caller sees only what the pool makes of the death.
    api.crashForTesting = (kind: 'exit' | 'throw') => {
      if (kind === 'exit') (options.exit ?? (() => globalThis.close?.()))();
      else {
        setTimeout(() => {
          throw new Error('crashForTesting: uncaught error in the engine worker');
        }, 0);
      }
      return new Promise<void>(() => {});
    };
  }
  return api;
}
