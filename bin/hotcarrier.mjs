#!/usr/bin/env node
// The `hotcarrier` command: loads the TypeScript CLI through tsx (no build step needed).
// `sweep` runs on worker threads, so it lives beside the workers; every other command is the engine's CLI.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

register();
const here = dirname(fileURLToPath(import.meta.url));
const argv = process.argv.slice(2);
const io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
  err: (t) => process.stderr.write(t.endsWith('\n') || t.startsWith('\r') ? t : t + '\n'),
};
if (argv[0] === 'sweep') {
  const { sweepMain } = await import(join(here, '..', 'workers', 'sweep-cli.ts'));
  process.exitCode = await sweepMain(argv.slice(1), io);
} else {
  const { main } = await import(join(here, '..', 'src', 'cli', 'main.ts'));
  process.exitCode = await main(argv, io);
}
