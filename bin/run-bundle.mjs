// Runs the bundled CLI, lib/cli/main.bundle.cjs (bin/bundle-cli.mjs), for bin/hotcarrier.mjs, with two start-up aids
// that Node 20 lacks as features (benchmarks/cli-startup.ts measures both):
// - A V8 code cache beside the bundle, lib/cli/main.bundle.v8cache: the bytecode of the functions a `simulate` ran,
//   so the next process neither parses the bundle nor compiles those functions again (Node 22's
//   module.enableCompileCache() does this for modules; Node 20 offers it only to vm.Script, hence a CommonJS bundle).
//   The file is written by the build (bin/bundle-cli.mjs runs one simulate) and again after a successful `simulate`
//   whenever it was missing or unusable. It is keyed: a header line with the SHA-256 of the bundle, the Node and V8
//   versions, the platform, the V8 flags below and the SHA-256 and length of the cached bytes. A cache whose key
//   differs, or that is truncated or corrupt, is ignored (and V8 itself refuses data from another V8 build or flag
//   set); it is never required, and any failure to read or write it is silent. HOTCARRIER_CODE_CACHE=0 turns it off.
// - A later tier-up to V8's optimising compiler (8× the default interrupt budget): a one-shot process spent more CPU
//   compiling the solver's functions with TurboFan on a background thread (~200 ms of compile jobs for one
//   simulate) than the optimised code saved; with the higher budget only functions that stay hot for longer (a long
//   simulation, a fit) are optimised. The flag changes neither results nor output, only when V8 optimises.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import vm from 'node:vm';

export const V8_FLAGS = '--interrupt-budget=540672';
const FORMAT = 'hotcarrier-v8-code-cache/1';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BUNDLE = join(root, 'lib', 'cli', 'main.bundle.cjs');
export const CODE_CACHE = join(root, 'lib', 'cli', 'main.bundle.v8cache');

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** What the cache must have been made for: this bundle (by content), this Node/V8, platform and flag set. */
function cacheKey(bundleBytes) {
  return { format: FORMAT, bundle: sha256(bundleBytes), node: process.version, v8: process.versions.v8, platform: process.platform, arch: process.arch, flags: V8_FLAGS };
}

/**
 * The cache file at `path` read for `key`: `{ state: 'found', data }` when it was made for `key` and is whole, else
 * `{ state }` with 'missing' (no readable file), 'stale' (made for another bundle, Node, V8 or flag set) or 'corrupt'
 * (no header, or bytes that do not match the header's length and SHA-256).
 */
export function readCodeCache(path, key) {
  let file;
  try {
    file = readFileSync(path);
  } catch {
    return { state: 'missing' };
  }
  const nl = file.indexOf(10);
  if (nl < 0 || nl > 4096) return { state: 'corrupt' };
  let header;
  try {
    header = JSON.parse(file.subarray(0, nl).toString('utf8'));
  } catch {
    return { state: 'corrupt' };
  }
  if (header === null || typeof header !== 'object' || header.format !== key.format) return { state: 'corrupt' };
  for (const [k, v] of Object.entries(key)) if (header[k] !== v) return { state: 'stale' };
  const data = file.subarray(nl + 1);
  if (header.bytes !== data.length || header.sha256 !== sha256(data)) return { state: 'corrupt' };
  return { state: 'found', data };
}

/** Writes `data` for `key` to `path` whole or not at all (a temporary file renamed over it); false on failure. */
export function writeCodeCache(path, key, data) {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    const header = JSON.stringify({ ...key, bytes: data.length, sha256: sha256(data) });
    writeFileSync(tmp, Buffer.concat([Buffer.from(header + '\n', 'utf8'), data]));
    renameSync(tmp, path);
    return true;
  } catch {
    rmSync(tmp, { force: true });
    return false;
  }
}

/**
 * Loads the bundle (with the code cache when it fits) and runs its main(argv, io). With `saveCache`, a successful
 * run (exit 0) that found no usable cache writes one. Returns the exit code and what happened to the cache: 'used',
 * 'off', or why it was not used ('missing', 'stale', 'corrupt', 'rejected' by V8), then ', written' or
 * ', not writable' when it was (re)written.
 */
export async function runBundle(argv, io, { saveCache = false, bundle = BUNDLE, cache = CODE_CACHE } = {}) {
  setFlagsFromString(V8_FLAGS);
  const useCache = process.env.HOTCARRIER_CODE_CACHE !== '0';
  const bytes = readFileSync(bundle);
  const key = useCache ? cacheKey(bytes) : null;
  const found = useCache ? readCodeCache(cache, key) : { state: 'off' };
  const cachedData = found.data;
  // the CommonJS wrapper on the bundle's first line, so line numbers in stack traces are the file's
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${bytes.toString('utf8')}\n})`, {
    filename: bundle,
    cachedData,
    importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  const code = await module.exports.main(argv, io);
  // V8 rejects data from another V8 build or flag set (e.g. NODE_OPTIONS=--max-old-space-size=…)
  let cacheState = found.state === 'found' ? (script.cachedDataRejected ? 'rejected' : 'used') : found.state;
  if (useCache && saveCache && code === 0 && cacheState !== 'used') {
    cacheState = `${cacheState}, ${writeCodeCache(cache, key, script.createCachedData()) ? 'written' : 'not writable'}`;
  }
  return { code, cacheState };
}

// `node bin/run-bundle.mjs --warm` (bin/bundle-cli.mjs, after bundling): one simulate, its output discarded, to
// write the code cache that the package ships.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href && process.argv[2] === '--warm') {
  rmSync(CODE_CACHE, { force: true });
  // the cache is an aid: a build without one (HOTCARRIER_CODE_CACHE=0, a read-only lib/, a simulate that fails
  // while the model is being changed) is said on stderr, not failed; the command then compiles as it goes
  let outcome;
  try {
    outcome = await runBundle(['simulate', '--composition', 'CsPbI3', '--edge-nm', '8', '--n-per-nc', '0.1'], { out: () => {}, err: (t) => process.stderr.write(t) }, { saveCache: true });
  } catch (e) {
    outcome = { code: 1, cacheState: `not written: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (!outcome.cacheState.endsWith(', written')) console.error(`warning: bin/run-bundle.mjs --warm: no code cache for the CLI bundle (simulate exited ${outcome.code}; cache ${outcome.cacheState})`);
}
