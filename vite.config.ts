// Vite builds the web UI from web/ (its worker from workers/); vitest runs test/.
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: 'web',
  base: './',
  build: { outDir: '../dist', emptyOutDir: true, target: 'es2022' },
  worker: { format: 'es' },
  server: { fs: { allow: ['..'] } },
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
