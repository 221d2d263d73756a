// TA readers: read time of a 2000 × 2000 KiMoPack .SIA (about 54 MB, written here with seeded values) and of the
// real samples in ../shared/ta-samples, from bytes on disk to a TaMap. Interleaved rounds, medians; one thread.
// Run: node bin/run-ts.mjs benchmarks/ta-readers-bench.ts [rounds]
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readTaMap } from '../src/data/ta-read.ts';
import { mulberry32 } from '../src/data/synthetic.ts';

const rounds = Number(process.argv[2] ?? 7);
const root = resolve(import.meta.dirname, '..');
const samples = [join(root, '..', 'shared', 'ta-samples'), join(root, '..', '..', 'shared', 'ta-samples')].find((d) => existsSync(d));
const dir = mkdtempSync(join(tmpdir(), 'ta-bench-'));
const big = join(dir, 'big.SIA');
const u = mulberry32(1);
const n = 2000;
const lines = [['Time in ps', ...Array.from({ length: n }, (_, j) => (400 + 0.2 * j).toFixed(2))].join('\t')];
for (let i = 0; i < n; i++) lines.push([(-1 + 0.01 * i).toFixed(4), ...Array.from({ length: n }, () => ((u() - 0.5) * 2e-3).toExponential(6))].join('\t'));
writeFileSync(big, lines.join('\n'));
const files = [{ label: '2000 × 2000 .SIA', path: big }];
if (samples) files.push({ label: 'KiMoPack sample', path: join(samples, 'kimopack-Ru-dppz-400nm-ACN.SIA') }, { label: 'Glotaran sample', path: join(samples, 'glotaran-2016c2o-tol.ascii') });
const times = files.map(() => [] as { read: number; parse: number }[]);
for (let r = 0; r < rounds + 1; r++) {
  files.forEach((f, i) => {
    const t0 = performance.now();
    const text = readFileSync(f.path, 'utf8');
    const t1 = performance.now();
    readTaMap(text, f.label);
    const t2 = performance.now();
    if (r > 0) times[i].push({ read: t1 - t0, parse: t2 - t1 }); // round 0 warms up
  });
}
const median = (v: number[]) => [...v].sort((a, b) => a - b)[v.length >> 1];
console.log(`| file | bytes | read (ms, median of ${rounds}) | parse (ms) | total (ms) |`);
console.log('|---|---|---|---|---|');
files.forEach((f, i) => {
  const read = median(times[i].map((t) => t.read));
  const parse = median(times[i].map((t) => t.parse));
  const total = median(times[i].map((t) => t.read + t.parse));
  console.log(`| ${f.label} | ${readFileSync(f.path).length} | ${read.toFixed(0)} | ${parse.toFixed(0)} | ${total.toFixed(0)} |`);
});
rmSync(dir, { recursive: true, force: true });
