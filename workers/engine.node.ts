// Node worker_threads entry: exposes the engine API to the parent thread with comlink's node adapter.
import { parentPort, workerData } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createEngineApi } from './engine-api.ts';

if (!parentPort) throw new Error('workers/engine.node.ts must run in a worker thread');
const testHooks = Boolean((workerData as { testHooks?: boolean } | undefined)?.testHooks);
expose(createEngineApi({ testHooks, exit: () => process.exit(70) }), nodeEndpoint(parentPort));
