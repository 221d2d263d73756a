// Vite builds the web UI from web/ (its worker from workers/); vitest runs test/.
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const FUZZ = 'test/cli/fuzz.test.ts';

export default defineConfig({
  root: 'web',
  base: './',
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022' },
  worker: { format: 'es' },
  server: { fs: { allow: ['..'] } },
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
    // Worker threads, not child processes: a test file starts faster in a thread (measured: 8 % less CPU over the
    // model, solver, materials and validation files). The fuzz file times each case with process.cpuUsage(), which
    // in a thread would count the other file running beside it, so it runs in a process of its own.
    projects: [
      { extends: true, test: { name: 'threads', include: ['test/**/*.test.ts'], exclude: [FUZZ], pool: 'threads' } },
      { extends: true, test: { name: 'forks', include: [FUZZ], pool: 'forks' } },
    ],
  },
});
