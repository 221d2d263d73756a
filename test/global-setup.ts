// Runs once before the test files: compiles the package into lib/ and bundles the CLI (as `npm run build:lib` does)
// unless lib/ is already as new as the sources, so that worker threads load compiled JavaScript (vite.config.ts sets
// HOTCARRIER_WORKER_CODE=built) instead of each compiling the TypeScript engine through tsx when it starts.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  if (!existsSync(info) || !['workers/engine.node.js', 'cli/main.bundle.js'].every((f) => existsSync(join(ROOT, 'lib', f)))) return false;
  try {
    const { sourceMtimeMs } = JSON.parse(readFileSync(info, 'utf8')) as { sourceMtimeMs: number };
    return SOURCES.every((d) => newest(join(ROOT, d)) <= sourceMtimeMs);
  } catch {
    return false;
  }
}

export default function setup(): void {
  if (builtIsCurrent()) return;
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const node = (args: string[]) => execFileSync(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  node(['bin/build-info.mjs', '--clean']);
  node([tsc, '-p', 'tsconfig.build.json']);
  node(['bin/bundle-cli.mjs']);
  node(['bin/build-info.mjs']);
}
