#!/usr/bin/env node
// After `tsc -p tsconfig.build.json`: bundles the compiled CLI (lib/cli/main.js and what it imports from lib/) into
// one CommonJS script, lib/cli/main.bundle.cjs, which bin/hotcarrier.mjs runs (through bin/run-bundle.mjs) for every
// command but sweep, batch and merge (those start worker threads that load lib/workers/*.js by path, so they run
// from lib/cli/main.js) and --version. One file instead of ~50 saves the module loader's per-file work at start-up
// (benchmarks/cli-startup.ts); odex (CommonJS) is bundled too, so Node need not scan it for its exports. CommonJS,
// not an ES module, because Node 20 gives a V8 code cache only to vm.Script: then one simulate through the bundle
// writes that cache, lib/cli/main.bundle.v8cache, which the package ships (bin/run-bundle.mjs says how it is keyed).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
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
      output: { format: 'cjs', entryFileNames: 'main.bundle.cjs', codeSplitting: false },
    },
  },
});
// the ES-module bundle of earlier builds, if lib/ was not cleaned
rmSync(join(root, 'lib', 'cli', 'main.bundle.js'), { force: true });
// the code cache (a warning, not a failure, when it cannot be made)
spawnSync(process.execPath, [join(root, 'bin', 'run-bundle.mjs'), '--warm'], { cwd: root, stdio: 'inherit' });
