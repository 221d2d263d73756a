// CLI start-up: wall time of whole `hotcarrier` processes, the compiled CLI (lib/, what `npm ci`/`npm pack` build;
// its one-module bundle, and unbundled) against the TypeScript one run through tsx (HOTCARRIER_FROM_SOURCE=1), in
// interleaved rounds; medians and ratios.
// `npm run bench:cli [-- --rounds=N] [-- --json]`. Needs a current build (`npm run build:lib`).

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const rounds = Number(args.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 9);
const json = args.includes('--json');

interface Variant { name: string; file: string; pre: string[]; env: Record<string, string> }

const VARIANTS: Variant[] = [
  { name: 'compiled (node bin/hotcarrier.mjs → lib/)', file: process.execPath, pre: ['bin/hotcarrier.mjs'], env: {} },
  { name: 'compiled via npx --no-install', file: 'npx', pre: ['--no-install', 'hotcarrier'], env: {} },
  { name: 'compiled, unbundled (HOTCARRIER_NO_BUNDLE=1)', file: process.execPath, pre: ['bin/hotcarrier.mjs'], env: { HOTCARRIER_NO_BUNDLE: '1' } },
  { name: 'tsx, cached (HOTCARRIER_FROM_SOURCE=1)', file: process.execPath, pre: ['bin/hotcarrier.mjs'], env: { HOTCARRIER_FROM_SOURCE: '1' } },
  { name: 'tsx, fresh (… TSX_DISABLE_CACHE=1)', file: process.execPath, pre: ['bin/hotcarrier.mjs'], env: { HOTCARRIER_FROM_SOURCE: '1', TSX_DISABLE_CACHE: '1' } },
];
const COMMANDS: { name: string; argv: string[] }[] = [
  { name: '--version', argv: ['--version'] },
  { name: 'simulate', argv: ['simulate', '--composition', 'CsPbI3', '--edge-nm', '8', '--n-per-nc', '0.1'] },
];

if (!existsSync(`${ROOT}lib/build-info.json`)) {
  console.error('lib/ is not built: run `npm run build:lib` first');
  process.exit(2);
}

function once(v: Variant, argv: string[]): number {
  const env = { ...process.env, ...v.env };
  delete env.NODE_OPTIONS;
  const t0 = performance.now();
  const r = spawnSync(v.file, [...v.pre, ...argv], { cwd: ROOT, env, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${v.name} ${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const times = new Map<string, number[]>();
const key = (v: Variant, c: { name: string }) => `${c.name}\u0000${v.name}`;
// warm-up (tsx cache, file cache); a variant that cannot run here (npx in a git worktree whose node_modules is a
// link finds no local `hotcarrier` bin) is left out and said so, the others still measured
const skipped: string[] = [];
for (const v of [...VARIANTS]) {
  try {
    for (const c of COMMANDS) once(v, c.argv);
  } catch (e) {
    skipped.push(`# left out: ${v.name}: ${(e as Error).message.split('\n')[0]}`);
    VARIANTS.splice(VARIANTS.indexOf(v), 1);
  }
}
for (let r = 0; r < rounds; r++) {
  for (const c of COMMANDS) {
    for (const v of VARIANTS) {
      const k = key(v, c);
      times.set(k, [...(times.get(k) ?? []), once(v, c.argv)]);
    }
  }
}
const nodeAlone = median(Array.from({ length: rounds }, () => once({ name: 'node -e 0', file: process.execPath, pre: ['-e', '0'], env: {} }, [])));

console.log(`# ${rounds} interleaved rounds; bare \`node -e 0\` median ${nodeAlone.toFixed(0)} ms on this machine`);
for (const line of skipped) console.log(line);
for (const c of COMMANDS) {
  const base = median(times.get(key(VARIANTS[0], c))!);
  for (const v of VARIANTS) {
    const ts = times.get(key(v, c))!;
    const m = median(ts);
    if (json) console.log(JSON.stringify({ benchmark: 'cli-startup', command: c.name, variant: v.name, median_ms: Math.round(m), min_ms: Math.round(Math.min(...ts)), max_ms: Math.round(Math.max(...ts)), ratio_to_compiled: Number((m / base).toFixed(2)) }));
    else console.log(`${c.name.padEnd(10)} ${v.name.padEnd(44)} median ${m.toFixed(0).padStart(5)} ms  (min ${Math.min(...ts).toFixed(0)}, max ${Math.max(...ts).toFixed(0)})  ×${(m / base).toFixed(2)}`);
  }
}
