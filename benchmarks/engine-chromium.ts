// simulate() in chromium's workers: the page's sweep grid (CsPbI3 8 nm, 1 000 densities 1e15…1e20 cm^-3), one
// bundle per source tree (esbuild), each in its own warm Web Worker, the trees taking turns each round; ms of wall
// time per trajectory, medians and the median per-round ratio to the first tree. Chromium's V8 runs this code
// slower than Node's (README, UI benchmark), so the page's cost is measured here, not in Node.
//
//   node bin/run-ts.mjs benchmarks/engine-chromium.ts [--src DIR ...] [--rounds 9] [--no-fit]
//
// --no-fit: simulate(input, { biExponential: false }), as the page's sweep runs it when it plots no lifetime
// (a tree without that option ignores it and fits).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { hasChromium, CHROMIUM, launchChromium, ROOT } from '../test/e2e/harness.ts';

const args = process.argv.slice(2);
const srcs: string[] = [];
for (let i = 0; i < args.length; i++) if (args[i] === '--src') srcs.push(resolve(args[i + 1]));
if (srcs.length === 0) srcs.push(ROOT);
const ri = args.indexOf('--rounds');
const ROUNDS = ri >= 0 ? Number(args[ri + 1]) : 9;
const options = args.includes('--no-fit') ? '{ biExponential: false }' : '{}';

if (!hasChromium()) {
  console.error(`engine-chromium needs ${CHROMIUM}`);
  process.exit(2);
}
// The entry files live outside the project (the typecheck would read them as its own).
const dir = mkdtempSync(join(tmpdir(), 'engine-chromium-'));
const bundles: string[] = [];
for (const [k, root] of srcs.entries()) {
  const entry = join(dir, `entry-${k}.ts`);
  writeFileSync(entry, `import { simulate } from ${JSON.stringify(join(root, 'src/model/simulate.ts'))};
const N = 1000;
const inputs = Array.from({ length: N }, (_, i) => ({ composition: 'CsPbI3', edgeNm: 8, densityCm3: Number((1e15 * 10 ** ((5 * i) / (N - 1))).toPrecision(6)) }));
let sink = 0;
onmessage = (e) => {
  const out = [];
  for (let p = 0; p < e.data; p++) {
    const t0 = performance.now();
    for (const input of inputs) sink += simulate(input, ${options}).tPs.length;
    out.push((performance.now() - t0) / N);
  }
  postMessage(sink === 1 ? [] : out);
};
`);
  const result = await build({ entryPoints: [entry], bundle: true, platform: 'browser', format: 'iife', write: false, logLevel: 'warning' });
  bundles.push(result.outputFiles[0].text);
}
rmSync(dir, { recursive: true, force: true });
const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  // tsx compiles this file with esbuild's keepNames, which wraps functions passed to page.evaluate in __name().
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.goto('about:blank');
  const times = await page.evaluate(async ([codes, rounds]) => {
    const workers = codes.map((code) => new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' }))));
    const run = (w: Worker, passes: number) => new Promise<number[]>((done) => { w.onmessage = (e) => done(e.data); w.postMessage(passes); });
    for (const w of workers) await run(w, 2); // JIT warm-up: two passes over the grid each
    const out = workers.map(() => [] as number[]);
    for (let r = 0; r < rounds; r++) {
      for (let j = 0; j < workers.length; j++) {
        const i = (j + r) % workers.length;
        out[i].push((await run(workers[i], 1))[0]);
      }
    }
    return out;
  }, [bundles, ROUNDS] as const);
  const median = (v: number[]) => { const s = [...v].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]); };
  console.log(`# engine-chromium: ${CHROMIUM}, 1 000 trajectories per pass, ${ROUNDS} rounds, simulate(input, ${options}); ${new Date().toISOString()}`);
  srcs.forEach((root, i) => {
    const ratio = i > 0 ? `  ×${median(times[i].map((v, r) => v / times[0][r])).toFixed(3)} (median of per-round ratios)` : '';
    console.log(`${root}: ${median(times[i]).toFixed(3)} ms per trajectory (${times[i].map((v) => v.toFixed(2)).join(' ')})${ratio}`);
  });
} finally {
  await browser.close();
}
