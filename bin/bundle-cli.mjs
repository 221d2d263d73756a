#!/usr/bin/env node
// After `tsc -p tsconfig.build.json`: bundles the compiled CLI (lib/cli/main.js and what it imports from lib/) into
// one module, lib/cli/main.bundle.js, which bin/hotcarrier.mjs runs for every command but sweep, batch and merge
// (those start worker threads that load lib/workers/*.js by path, so they run from lib/cli/main.js). One file
// instead of ~50 saves the module loader's per-file work at start-up (benchmarks/cli-startup.ts); odex (CommonJS)
// is bundled too, so Node need not scan it for its exports.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const WORKER_COMMANDS = /[\\/]cli[\\/](sweep|batch|merge)\.js$/;

await build({
  configFile: false,
  root,
  logLevel: 'warn',
  ssr: { noExternal: true },
  build: {
    ssr: join(root, 'lib', 'cli', 'main.js'),
    outDir: join(root, 'lib', 'cli'),
    emptyOutDir: false,
    minify: false,
    target: 'node20',
    copyPublicDir: false,
    rollupOptions: {
      external: (id) => WORKER_COMMANDS.test(id),
      output: { format: 'es', entryFileNames: 'main.bundle.js', codeSplitting: false },
    },
  },
});
