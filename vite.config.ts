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
const FUZZ = 'test/cli/fuzz.test.ts';
const ISOLATED = ['test/cli/sweep.test.ts'];

export default defineConfig({
  root: 'web',
  base: './',
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022' },
  worker: { format: 'es' },
  server: { fs: { allow: ['..'] } },
  define: { __HOTCARRIER_COMMIT__: JSON.stringify(gitCommit()) },
  test: {
    root: '.',
    // lib/ compiled once, and worker threads load it (workers/spawn-node.ts reads HOTCARRIER_WORKER_CODE)
    globalSetup: ['test/global-setup.ts'],
    // Two test files at a time even on 2 cores (vitest's default there is one): much of the suite waits on worker
    // threads, child processes and chromium rather than computing.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    env: { HOTCARRIER_WORKER_CODE: 'built' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Worker threads, not child processes, and one module cache per thread (isolate: false): a test file then
    // starts without loading vitest and the engine again (measured over the model, solver, materials, validation
    // and data files: 0.63× the CPU time of isolated files). Kept isolated: the sweep CLI file, which mocks a
    // module (vi.mock) that others import; and the fuzz file, which times each case with process.cpuUsage() (in a
    // thread that would count the file running beside it), in a child process of its own.
    projects: [
      {
        extends: true,
        test: { name: 'shared', include: ['test/**/*.test.ts'], exclude: [...ISOLATED, FUZZ], pool: 'threads', isolate: false },
      },
      { extends: true, test: { name: 'isolated', include: ISOLATED, pool: 'threads' } },
      { extends: true, test: { name: 'forks', include: [FUZZ], pool: 'forks' } },
    ],
  },
});
