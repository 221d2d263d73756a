// Types for comlink's Node adapter, which ships its .d.ts next to the .mjs under a name TypeScript does not find.
declare module 'comlink/dist/esm/node-adapter.mjs' {
  import type { Endpoint } from 'comlink';
  import type { MessagePort, Worker } from 'node:worker_threads';
  /** Wrap a worker_threads Worker or MessagePort (e.g. parentPort) as a comlink Endpoint. */
  export default function nodeEndpoint(nep: Worker | MessagePort): Endpoint;
}
