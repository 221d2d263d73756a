// Vite builds the web UI from web/ (its worker from workers/); vitest runs test/.
import { execFileSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/** The git commit the page is built from (its exports' provenance, web/build-info.ts); null without git. */
function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', 'HEAD'], { cwd: import.meta.dirname, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim() || null;
  } catch {
    return null;
  }
}

export default defineConfig({
  root: 'web',
  base: './',
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022' },
  worker: { format: 'es' },
  server: { fs: { allow: ['..'] } },
  define: { __HOTCARRIER_COMMIT__: JSON.stringify(gitCommit()) },
  test: {
    root: '.',
    include: ['test/**/*.test.ts'],
    // lib/ compiled once, and worker threads load it (workers/spawn-node.ts reads HOTCARRIER_WORKER_CODE)
    globalSetup: ['test/global-setup.ts'],
    // Two test files at a time even on 2 cores (vitest's default there is one): much of the suite waits on worker
    // threads, child processes and chromium rather than computing.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    env: { HOTCARRIER_WORKER_CODE: 'built' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
