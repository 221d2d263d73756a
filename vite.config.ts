// Vite builds the web UI from web/ (its worker from workers/); vitest runs test/.
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
    env: { HOTCARRIER_WORKER_CODE: 'built' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
