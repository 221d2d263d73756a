// CLI start-up: wall time of whole `hotcarrier` processes, spawn to exit, in interleaved rounds;
// medians and ratios. The first variant is what a user runs: this build packed (`npm pack`) and installed into an
// empty folder (`npm install ./hotcarrier-*.tgz`), its node_modules/.bin/hotcarrier; then the same through
// `npx --no-install` (npm's own start-up added), the checkout's bin/hotcarrier.mjs (which also checks that lib/ is
// newer than the sources), its bundle without the V8 code cache (HOTCARRIER_CODE_CACHE=0), unbundled
// (HOTCARRIER_NO_BUNDLE=1), and the TypeScript through tsx (HOTCARRIER_FROM_SOURCE=1, with tsx's cache and fresh).
// `--compare=DIR` adds another checkout's build (e.g. the previous commit built in a temporary folder:
// `git archive HEAD~1 | tar -x -C DIR`, node_modules linked, `npm run build:lib` there), run as `node DIR/bin/hotcarrier.mjs`.
// `npm run bench:cli [-- --rounds=N] [-- --compare=DIR] [-- --no-tsx] [-- --json]`. Needs a current build
// (`npm run build:lib`).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const rounds = Number(args.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 9);
const compare = args.find((a) => a.startsWith('--compare='))?.slice(10);
const json = args.includes('--json');

interface Variant { name: string; file: string; pre: string[]; env: Record<string, string>; cwd: string }

if (!existsSync(`${ROOT}lib/build-info.json`)) {
  console.error('lib/ is not built: run `npm run build:lib` first');
  process.exit(2);
}

/** This build as a user installs it: packed (scripts skipped: lib/ is built) and installed into an empty folder. */
function install(): string {
  const tmp = mkdtempSync(join(tmpdir(), 'hotcarrier-bench-cli-'));
  const run = (file: string, argv: string[], cwd: string) => {
    const r = spawnSync(file, argv, { cwd, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${file} ${argv.join(' ')}: ${r.stderr}`);
  };
  run('npm', ['pack', '--ignore-scripts', '--pack-destination', tmp], ROOT);
  const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'))!;
  const app = join(tmp, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'bench-cli-app', version: '1.0.0', private: true }));
  run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(tmp, tgz)], app);
  return tmp;
}

const tmp = install();
process.on('exit', () => rmSync(tmp, { recursive: true, force: true }));
const app = join(tmp, 'app');
const node = process.execPath;
const VARIANTS: Variant[] = [
  { name: 'installed (node_modules/.bin/hotcarrier)', file: join(app, 'node_modules', '.bin', 'hotcarrier'), pre: [], env: {}, cwd: app },
  { name: 'installed, via npx --no-install', file: 'npx', pre: ['--no-install', 'hotcarrier'], env: {}, cwd: app },
  { name: 'checkout (node bin/hotcarrier.mjs → lib/)', file: node, pre: ['bin/hotcarrier.mjs'], env: {}, cwd: ROOT },
  { name: 'checkout, no code cache', file: node, pre: ['bin/hotcarrier.mjs'], env: { HOTCARRIER_CODE_CACHE: '0' }, cwd: ROOT },
  { name: 'checkout, unbundled (HOTCARRIER_NO_BUNDLE=1)', file: node, pre: ['bin/hotcarrier.mjs'], env: { HOTCARRIER_NO_BUNDLE: '1' }, cwd: ROOT },
];
if (compare) VARIANTS.push({ name: `--compare (node ${compare}/bin/hotcarrier.mjs)`, file: node, pre: [join(compare, 'bin', 'hotcarrier.mjs')], env: {}, cwd: compare });
if (!args.includes('--no-tsx')) {
  VARIANTS.push(
    { name: 'tsx, cached (HOTCARRIER_FROM_SOURCE=1)', file: node, pre: ['bin/hotcarrier.mjs'], env: { HOTCARRIER_FROM_SOURCE: '1' }, cwd: ROOT },
    { name: 'tsx, fresh (… TSX_DISABLE_CACHE=1)', file: node, pre: ['bin/hotcarrier.mjs'], env: { HOTCARRIER_FROM_SOURCE: '1', TSX_DISABLE_CACHE: '1' }, cwd: ROOT },
  );
}
const COMMANDS: { name: string; argv: string[] }[] = [
  { name: '--version', argv: ['--version'] },
  { name: 'simulate', argv: ['simulate', '--composition', 'CsPbI3', '--edge-nm', '8', '--n-per-nc', '0.1'] },
];

function once(v: Variant, argv: string[]): number {
  const env = { ...process.env, ...v.env };
  delete env.NODE_OPTIONS;
  const t0 = performance.now();
  const r = spawnSync(v.file, [...v.pre, ...argv], { cwd: v.cwd, env, encoding: 'utf8' });
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
// warm-up (tsx cache, file cache); a variant that cannot run here is left out and said so, the others still measured
const skipped: string[] = [];
for (const v of [...VARIANTS]) {
  try {
    for (const c of COMMANDS) once(v, c.argv);
  } catch (e) {
    skipped.push(`# left out: ${v.name}: ${(e as Error).message.split('\n')[0]}`);
    VARIANTS.splice(VARIANTS.indexOf(v), 1);
  }
}
const loadBefore = loadavg();
for (let r = 0; r < rounds; r++) {
  for (const c of COMMANDS) {
    for (const v of VARIANTS) {
      const k = key(v, c);
      times.set(k, [...(times.get(k) ?? []), once(v, c.argv)]);
    }
  }
}
const nodeAlone = median(Array.from({ length: rounds }, () => once({ name: 'node -e 0', file: node, pre: ['-e', '0'], env: {}, cwd: ROOT }, [])));
const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');

console.log(`# ${new Date().toISOString()}: ${rounds} interleaved rounds; load average ${load(loadBefore)} before, ${load(loadavg())} after; bare \`node -e 0\` median ${nodeAlone.toFixed(0)} ms; Node ${process.version}`);
for (const line of skipped) console.log(line);
for (const c of COMMANDS) {
  const base = median(times.get(key(VARIANTS[0], c))!);
  for (const v of VARIANTS) {
    const ts = times.get(key(v, c))!;
    const m = median(ts);
    if (json) console.log(JSON.stringify({ benchmark: 'cli-startup', command: c.name, variant: v.name, median_ms: Math.round(m), min_ms: Math.round(Math.min(...ts)), max_ms: Math.round(Math.max(...ts)), ratio_to_installed: Number((m / base).toFixed(2)) }));
    else console.log(`${c.name.padEnd(10)} ${v.name.padEnd(52)} median ${m.toFixed(0).padStart(5)} ms  (min ${Math.min(...ts).toFixed(0)}, max ${Math.max(...ts).toFixed(0)})  ×${(m / base).toFixed(2)}`);
  }
}
