// Starts the TypeScript engine worker under Node worker_threads: registers tsx, then loads engine.node.ts.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./engine.node.ts', import.meta.url).href);
