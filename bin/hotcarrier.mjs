#!/usr/bin/env node
// The `hotcarrier` command. Runs the compiled CLI in lib/ (built by `npm run build:lib`, which `npm ci` and
// `npm pack` run through `prepare`). In a source checkout where lib/ is missing or older than the sources (or with
// HOTCARRIER_FROM_SOURCE=1) it runs the TypeScript through tsx instead, so an edit is never run stale.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import { newestSource } from './newest-source.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE_DIRS = ['src', 'cli', 'workers'];

/** True when lib/ holds a build at least as new as the sources beside it (an installed package has no sources). */
function builtIsCurrent() {
  const info = join(root, 'lib', 'build-info.json');
  if (!existsSync(info) || !existsSync(join(root, 'lib', 'cli', 'main.js'))) return false;
  if (!existsSync(join(root, 'src'))) return true;
  try {
    const { sourceMtimeMs } = JSON.parse(readFileSync(info, 'utf8'));
    return SOURCE_DIRS.every((d) => !existsSync(join(root, d)) || newestSource(join(root, d)) <= sourceMtimeMs);
  } catch {
    return false;
  }
}

// One bundled script (bin/bundle-cli.mjs) starts faster than the ~50 modules it is made of, and bin/run-bundle.mjs
// runs it with a V8 code cache and a later tier-up to the optimising compiler. Not for sweep, batch and merge: they
// start worker threads that load lib/workers/*.js by path; nor for --version, which loads 6 small modules
// unbundled. Those run from lib/cli/main.js, as every command does with HOTCARRIER_NO_BUNDLE=1 (which
// benchmarks/cli-startup.ts compares).
const bundle = join(root, 'lib', 'cli', 'main.bundle.cjs');
const UNBUNDLED = ['sweep', 'batch', 'merge', '--version', 'version'];
const unbundled = UNBUNDLED.includes(process.argv[2]) || process.env.HOTCARRIER_NO_BUNDLE === '1';
const compiled = join(root, 'lib', 'cli', 'main.js');
/** The bundle, when it was made from the compiled CLI beside it (not left over from an earlier build). An installed
 *  package (no src/) is one whole build, and its files' times are the order npm unpacked them in: the bundle is its. */
const bundleIsCurrent = () => existsSync(bundle) && existsSync(compiled) && (!existsSync(join(root, 'src')) || statSync(bundle).mtimeMs >= statSync(compiled).mtimeMs);
let entry = !unbundled && bundleIsCurrent() ? bundle : compiled;
if (process.env.HOTCARRIER_FROM_SOURCE === '1' || !builtIsCurrent()) {
  const { register } = await import('tsx/esm/api');
  register();
  entry = join(root, 'cli', 'main.ts');
}
const io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
  err: (t) => process.stderr.write(t.endsWith('\n') || t.startsWith('\r') ? t : t + '\n'),
};
const argv = process.argv.slice(2);
if (entry === bundle) {
  // the code cache is (re)written only after a simulate, the command whose start-up it is for
  const { runBundle } = await import('./run-bundle.mjs');
  const { code, cacheState } = await runBundle(argv, io, { saveCache: argv[0] === 'simulate' });
  if (process.env.HOTCARRIER_TRACE_STARTUP === '1') process.stderr.write(`hotcarrier start-up: ${entry}, code cache ${cacheState}\n`);
  process.exitCode = code;
} else {
  const { main } = await import(pathToFileURL(entry).href);
  process.exitCode = await main(argv, io);
  if (process.env.HOTCARRIER_TRACE_STARTUP === '1') process.stderr.write(`hotcarrier start-up: ${entry}\n`);
}
