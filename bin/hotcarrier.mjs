#!/usr/bin/env node
// The `hotcarrier` command: loads the TypeScript CLI through tsx (no build step needed).
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
const { main } = await import(join(here, '..', 'cli', 'main.ts'));
process.exitCode = await main(argv, io);
