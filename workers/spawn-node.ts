// Starts engine workers under Node worker_threads (TypeScript loaded through tsx) and a pool sized to the cores.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { EnginePool, type PoolOptions, type RemoteEngine, type WorkerFactory } from './pool.ts';

export interface NodeWorkerOptions {
  /** Expose `crashForTesting` in the workers (tests only). */
  testHooks?: boolean;
}

/** A factory of engine workers running in Node worker_threads. */
export function nodeWorkerFactory(options: NodeWorkerOptions = {}): WorkerFactory {
  const bootstrap = new URL('./node-bootstrap.mjs', import.meta.url);
  return () => {
    const worker = new Worker(bootstrap, { workerData: { testHooks: Boolean(options.testHooks) } });
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
