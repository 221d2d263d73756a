// Runs once before the test files: compiles the package into lib/ and bundles the CLI (as `npm run build:lib` does)
// unless lib/ is already as new as the sources, so that worker threads load compiled JavaScript (vite.config.ts sets
// HOTCARRIER_WORKER_CODE=built) instead of each compiling the TypeScript engine through tsx when it starts. When the
// browser files may run, it also builds the app once and starts chromium and one server of that build for all of
// them (test/e2e/harness.ts, openApp: one chromium per vitest worker), stopped when the run ends.

import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import type { SharedBrowser } from './e2e/harness.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCES = ['src', 'cli', 'workers'];

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(path) : /\.(ts|mjs)$/.test(e.name) ? statSync(path).mtimeMs : 0);
  }
  return t;
}

function builtIsCurrent(): boolean {
  const info = join(ROOT, 'lib', 'build-info.json');
  if (!existsSync(info) || !['workers/engine.node.js', 'cli/main.bundle.cjs'].every((f) => existsSync(join(ROOT, 'lib', f)))) return false;
  try {
    const { sourceMtimeMs } = JSON.parse(readFileSync(info, 'utf8')) as { sourceMtimeMs: number };
    return SOURCES.every((d) => newest(join(ROOT, d)) <= sourceMtimeMs);
  } catch {
    return false;
  }
}

const exec = promisify(execFile);
const node = (args: string[]) => exec(process.execPath, args, { cwd: ROOT });

/** `npm run build:lib`'s steps: a fresh lib/, tsc, the CLI bundle, the build info. */
async function buildLib(): Promise<void> {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  await node(['bin/build-info.mjs', '--clean']);
  await node([tsc, '-p', 'tsconfig.build.json']);
  await node(['bin/bundle-cli.mjs']);
  await node(['bin/build-info.mjs']);
}

/** Whether this run may include the browser files: no file filter, or one naming e2e (a guess from the command
 *  line, for speed only: the browser files build the app themselves when it is missing or stale). */
function browserFilesMayRun(): boolean {
  const words = process.argv.slice(2).filter((a) => !a.startsWith('-') && !['run', 'watch', 'dev'].includes(a));
  return words.length === 0 || words.some((w) => /e2e/.test(w));
}

/** vitest calls the global setup once per project (vite.config.ts has three) in one process: the work is done once,
 *  and each project is handed the shared chromium (test/e2e/harness.ts, SharedBrowser), stopped after the last. */
const ONCE = Symbol.for('hotcarrier.global-setup');
interface Once { ready: Promise<SharedBrowser | null>; close(): Promise<void>; users: number }

declare module 'vitest' {
  export interface ProvidedContext {
    hotcarrierBrowser: SharedBrowser | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const g = globalThis as { [ONCE]?: Once };
  g[ONCE] ??= prepare(Number(project.vitest.config.maxWorkers) || 2);
  const once = g[ONCE];
  once.users++;
  project.provide('hotcarrierBrowser', await once.ready);
  return async () => {
    if (--once.users === 0) await once.close();
  };
}

function prepare(workers: number): Once {
  let close = async () => {};
  const ready = (async () => {
    const jobs: Promise<unknown>[] = [];
    if (!builtIsCurrent()) jobs.push(buildLib());
    // The app's build for the browser files (beside tsc, which uses one core) and the chromiums they share (one
    // per vitest worker), started here rather than by each browser file.
    let browser: Promise<SharedBrowser | null> = Promise.resolve(null);
    if (browserFilesMayRun()) {
      const { hasChromium, startSharedBrowser } = await import('./e2e/harness.ts');
      if (hasChromium()) {
        browser = startSharedBrowser(Math.min(workers, 4)).then((b) => {
          close = () => b.close();
          return { wsEndpoints: b.wsEndpoints, url: b.url };
        });
      }
    }
    try {
      const [shared] = await Promise.all([browser, ...jobs]);
      return shared;
    } catch (error) {
      await browser.catch(() => null);
      await close(); // no teardown follows a failed setup
      throw error;
    }
  })();
  return { ready, close: () => close(), users: 0 };
}
