// Starts engine workers under Node worker_threads and a pool sized to the cores. Run from the compiled package
// (lib/workers/spawn-node.js) the workers load the compiled engine.node.js; run from the TypeScript sources they load
// engine.node.ts through tsx (node-bootstrap.mjs), unless asked for the compiled build in lib/.

import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { EnginePool, type PoolOptions, type RemoteEngine, type WorkerFactory } from './pool.ts';

export interface NodeWorkerOptions {
  /** Expose `crashForTesting` in the workers (tests only). */
  testHooks?: boolean;
  /**
   * Which worker code to load: 'auto' (default) the compiled worker when this file is compiled JavaScript, the
   * TypeScript one through tsx otherwise; 'built' the compiled lib/workers/engine.node.js even from the sources
   * (needs `npm run build:lib`); 'source' the TypeScript through tsx.
   */
  workerCode?: 'auto' | 'built' | 'source';
}

/** The worker code used when none is asked for: HOTCARRIER_WORKER_CODE (auto | built | source) when set, else auto.
 *  The test suite sets it to 'built' after compiling lib/ once (test/global-setup.ts). */
function defaultWorkerCode(): NonNullable<NodeWorkerOptions['workerCode']> {
  const env = typeof process !== 'undefined' ? process.env.HOTCARRIER_WORKER_CODE : undefined;
  return env === 'built' || env === 'source' ? env : 'auto';
}

/** True when this module is the compiled JavaScript (lib/workers/spawn-node.js), not the TypeScript source. */
const RUNNING_BUILT = import.meta.url.endsWith('.js');

/** The file a worker thread starts from for the chosen worker code. */
export function workerEntry(code: NodeWorkerOptions['workerCode'] = defaultWorkerCode()): URL {
  const built = code === 'built' || (code === 'auto' && RUNNING_BUILT);
  if (!built) {
    if (RUNNING_BUILT) throw new Error("workerCode 'source' needs the TypeScript sources; the installed package holds only the compiled workers");
    return new URL('./node-bootstrap.mjs', import.meta.url);
  }
  if (RUNNING_BUILT) return new URL('./engine.node.js', import.meta.url);
  const compiled = new URL('../lib/workers/engine.node.js', import.meta.url);
  if (!existsSync(compiled)) throw new Error("workerCode 'built': lib/workers/engine.node.js is missing; run `npm run build:lib` first");
  return compiled;
}

/** A factory of engine workers running in Node worker_threads. */
export function nodeWorkerFactory(options: NodeWorkerOptions = {}): WorkerFactory {
  const entry = workerEntry(options.workerCode);
  return () => {
    // The parent's --input-type (node --input-type=module -e …) is refused by a worker started from a file.
    // (only then is execArgv given: a worker refuses V8 flags passed that way, while inheriting them works)
    const execArgv = process.execArgv.some((a) => a.startsWith('--input-type')) ? process.execArgv.filter((a) => !a.startsWith('--input-type')) : undefined;
    const worker = new Worker(entry, { execArgv, workerData: { testHooks: Boolean(options.testHooks) } });
    const api = wrap(nodeEndpoint(worker)) as RemoteEngine;
    const listeners: ((error: Error) => void)[] = [];
    let over = false;
    const die = (error: Error) => {
      if (over) return;
      over = true;
      for (const listener of listeners) listener(error);
    };
    worker.on('error', (error) => die(new Error(`engine worker crashed: ${error.message}`)));
    worker.on('exit', (code) => die(new Error(`engine worker exited unexpectedly (exit code ${code})`)));
    return {
      api,
      onDeath: (listener) => listeners.push(listener),
      terminate: () => {
        over = true;
        void worker.terminate();
      },
    };
  };
}

/** A pool of Node engine workers; `size` defaults to the machine's available parallelism. */
export function createNodeEnginePool(options: PoolOptions & NodeWorkerOptions = {}): EnginePool {
  return new EnginePool(nodeWorkerFactory(options), { ...options, size: options.size ?? availableParallelism() });
}
