// Starts engine workers as browser module workers (bundled by Vite) and a pool sized to the cores.

import { wrap } from 'comlink';
import { EnginePool, type PoolOptions, type RemoteEngine, type WorkerFactory } from './pool.ts';

/** A factory of engine module workers. */
export function browserWorkerFactory(): WorkerFactory {
  return () => {
    const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'hotcarrier-engine' });
    const api = wrap(worker) as RemoteEngine;
    const listeners: ((error: Error) => void)[] = [];
    let over = false;
    const die = (error: Error) => {
      if (over) return;
      over = true;
      for (const listener of listeners) listener(error);
    };
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      die(new Error(`engine worker crashed: ${event.message || 'it failed to load'}`));
    });
    worker.addEventListener('messageerror', () => die(new Error('engine worker sent a message that could not be read')));
    return {
      api,
      onDeath: (listener) => listeners.push(listener),
      terminate: () => {
        over = true;
        worker.terminate();
      },
    };
  };
}

/** Cores available to the page (at least 1). */
export function browserCores(): number {
  return Math.max(1, navigator.hardwareConcurrency || 1);
}

/** A pool of browser engine workers; `size` defaults to the number of cores. */
export function createBrowserEnginePool(options: PoolOptions = {}): EnginePool {
  return new EnginePool(browserWorkerFactory(), { ...options, size: options.size ?? browserCores() });
}
