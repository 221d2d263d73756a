// The API object an engine worker exposes: the engine's calls (the sweep loop is src/sweep/run.ts), results handed
// back as transferred Float64Arrays. Transport only: no physics and no sweep logic here.

import { releaseProxy, transfer } from 'comlink';
import { fitToMeasured, listMaterials, resolveMaterial, runTrends, simulate, validateInput } from '../src/index.ts';
import type { FitOptions, FitResult, FreeParameter } from '../src/data/fit.ts';
import type { MeasuredSeries } from '../src/data/measured.ts';
import type { SimulationInput, SimulationResult, TrendOptions, TrendResult } from '../src/model/types.ts';
import type {
  EngineApi, EngineTestHooks, MaterialEntry, MaterialSummary, ProgressCallback, SweepResult, SweepSpec,
} from './protocol.ts';
import { runSweep } from '../src/sweep/run.ts';
import { transferablesOf } from './transferables.ts';

/** A clean Error (comlink keeps only name and message) from anything thrown by the engine; InputError and
 *  SimulationError keep their names, so the caller can tell bad input and a refused result from a bug (batch's
 *  error kinds are the same whether a request ran on a worker or on its main thread). */
function cleanError(error: unknown): Error {
  if (error instanceof Error) {
    const clean = new Error(error.message);
    clean.name = error.name === 'InputError' || error.name === 'SimulationError' ? error.name : 'Error';
    return clean;
  }
  return new Error(String(error));
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
