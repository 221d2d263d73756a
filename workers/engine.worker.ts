// Browser module-worker entry: exposes the engine API to the page with comlink.
import { expose } from 'comlink';
import { createEngineApi } from './engine-api.ts';

expose(createEngineApi());
