// UI benchmark in chromium: time from a control change to the redrawn chart (median, p95), and the wall time
// of a 1,000-trajectory sweep on 1 worker and on the pool. Run: npm run bench:ui [-- --changes 200 --points 1000 --rounds 5]

import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import type { Page } from 'playwright-core';
import { buildApp, CHROMIUM, hasChromium, launchChromium, ROOT, serveDir } from '../test/e2e/harness.ts';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const CHANGES = arg('changes', 200);
const POINTS = arg('points', 1000);
const ROUNDS = arg('rounds', 5);

function quantile(sorted: number[], q: number): number {
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  return sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (i - lo);
}

/** Move the lattice-temperature slider one step at a time; each change waits for its own redraw. */
async function controlToRedraw(page: Page, changes: number): Promise<Record<'drawMs' | 'frameMs' | 'solveMs' | 'roundTripMs' | 'renderMs', number[]>> {
  return page.evaluate(async (n) => {
    type Hook = { inputSeq: number; solveMs: number; roundTripMs: number; renderMs: number };
    const hook = (window as unknown as { hotcarrier: Hook }).hotcarrier;
    const slider = document.querySelector<HTMLInputElement>('[data-param="latticeK"] input[type=range]')!;
    const drawMs: number[] = [];
    const frameMs: number[] = [];
    const solveMs: number[] = [];
    const roundTripMs: number[] = [];
    const renderMs: number[] = [];
    for (let i = 0; i < n; i++) {
      const drawn = new Promise<number>((resolve) => {
        const listener = (e: Event) => {
          const detail = (e as CustomEvent<{ seq: number; drawnAt: number }>).detail;
          if (detail.seq === hook.inputSeq) {
            window.removeEventListener('hc:drawn', listener);
            resolve(detail.drawnAt);
          }
        };
        window.addEventListener('hc:drawn', listener);
      });
      slider.value = String(300 + (i % 2 === 0 ? 40 : -40) + (i % 7));
      const t0 = performance.now();
      slider.dispatchEvent(new Event('input', { bubbles: true }));
      const drawnAt = await drawn;
      await new Promise(requestAnimationFrame);
      drawMs.push(drawnAt - t0);
      frameMs.push(performance.now() - t0);
      solveMs.push(hook.solveMs);
      roundTripMs.push(hook.roundTripMs);
      renderMs.push(hook.renderMs);
    }
    return { drawMs, frameMs, solveMs, roundTripMs, renderMs };
  }, changes);
}

/** Run a density sweep of `points` trajectories through the page's Sweep panel with `workers` workers. */
async function sweep(page: Page, points: number, workers: number): Promise<{ wallMs: number; points: number; workers: number }> {
  await page.evaluate(([count, w]) => {
    const set = (sel: string, v: string) => {
      const el = document.querySelector<HTMLInputElement | HTMLSelectElement>(sel)!;
      el.value = v;
      el.dispatchEvent(new Event('change', { bubbles: true }));
    };
    set('[data-axis="0"] [data-f="key"]', 'densityCm3');
    set('[data-axis="0"] [data-f="from"]', '1e15');
    set('[data-axis="0"] [data-f="to"]', '1e20');
    set('[data-axis="0"] [data-f="count"]', String(count));
    set('[data-axis="0"] [data-f="list"]', '');
    set('[data-axis="1"] [data-f="key"]', '');
    set('[data-axis="2"] [data-f="key"]', '');
    set('[data-f="workers"]', String(w));
  }, [points, workers] as const);
  // Click and wait inside the page with a MutationObserver: Playwright's click and waitForSelector would move the
  // mouse and poll every animation frame, costing the page's main thread time the sweep's workers need.
  await page.evaluate(() => new Promise<void>((done) => {
    const panel = document.querySelector<HTMLElement>('.sweep')!;
    panel.removeAttribute('data-state');
    const observer = new MutationObserver(() => {
      if (panel.dataset.state === 'done') {
        observer.disconnect();
        done();
      }
    });
    observer.observe(panel, { attributes: true, attributeFilter: ['data-state'] });
    panel.querySelector<HTMLButtonElement>('.run')!.click();
  }));
  return page.evaluate(() => (window as unknown as { hotcarrier: { lastSweep: { wallMs: number; points: number; workers: number } } }).hotcarrier.lastSweep);
}

/** What parallelism the machine gives right now: a fixed busy loop in 1 and in n plain workers (ms). */
async function parallelBaseline(page: Page, n: number): Promise<{ one: number; many: number }> {
  return page.evaluate(async (count) => {
    const source = 'onmessage = () => { let x = 0; for (let i = 0; i < 2e8; i++) x += Math.sqrt(i); postMessage(x); };';
    const url = URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    const run = async (k: number) => {
      const workers = Array.from({ length: k }, () => new Worker(url));
      const t0 = performance.now();
      await Promise.all(workers.map((w) => new Promise((ok) => { w.onmessage = ok; w.postMessage(0); })));
      const ms = performance.now() - t0;
      for (const w of workers) w.terminate();
      return ms;
    };
    return { one: await run(1), many: await run(count) };
  }, n);
}

if (!hasChromium()) {
  console.error(`bench:ui needs ${CHROMIUM} (apt-get install -y chromium)`);
  process.exit(2);
}
const dist = join(ROOT, 'benchmarks/build/ui-dist');
await buildApp(dist);
const server = await serveDir(dist);
const browser = await launchChromium();
try {
  const page = await browser.context.newPage();
  // tsx compiles this file with esbuild's keepNames, which wraps functions passed to page.evaluate in __name().
  await page.addInitScript('globalThis.__name = (f) => f;');
  await page.goto(server.url);
  await page.waitForFunction(() => (window as unknown as { hotcarrier?: { drawnSeq: number } }).hotcarrier?.drawnSeq === 1, null, { timeout: 30_000 });
  const cores = await page.evaluate(() => navigator.hardwareConcurrency);
  // Run the trends (they start only when their panel is seen) and let them finish, so they do not compete with the
  // measurements and the sweep pool's workers are warm as before.
  await page.evaluate(() => document.querySelector<HTMLButtonElement>('.trends .run')!.click());
  await page.waitForFunction(() => /reproduced for/.test(document.querySelector('.trends .status')?.textContent ?? ''), null, { timeout: 120_000 });
  await controlToRedraw(page, 20); // warm-up
  const { drawMs, frameMs, solveMs, roundTripMs, renderMs } = await controlToRedraw(page, CHANGES);
  const sorted = (v: number[]) => [...v].sort((a, b) => a - b);
  const [d, f, s, rt, rd] = [drawMs, frameMs, solveMs, roundTripMs, renderMs].map(sorted);
  // 1 worker and the whole pool, alternating, on the page's one sweep pool (its workers already ran the trends).
  const rounds: { one: number; many: number; workers: number }[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const one = await sweep(page, POINTS, 1);
    const many = await sweep(page, POINTS, cores);
    rounds.push({ one: one.wallMs, many: many.wallMs, workers: many.workers });
  }
  const baseline = await parallelBaseline(page, cores);
  const ms = (v: number) => `${v.toFixed(1)} ms`;
  console.log(`chromium ${CHROMIUM}, navigator.hardwareConcurrency = ${cores} (node os.availableParallelism = ${availableParallelism()})`);
  console.log(`control change → chart redrawn (lattice-temperature slider, ${CHANGES} changes, one at a time):`);
  console.log(`  to uPlot draw:        median ${ms(quantile(d, 0.5))}, p95 ${ms(quantile(d, 0.95))}, max ${ms(d[d.length - 1])}`);
  console.log(`  to next frame (rAF):  median ${ms(quantile(f, 0.5))}, p95 ${ms(quantile(f, 0.95))}`);
  console.log(`  parts (median / p95): worker round trip ${ms(quantile(rt, 0.5))} / ${ms(quantile(rt, 0.95))}` +
    ` (ODE solve alone ${ms(quantile(s, 0.5))} / ${ms(quantile(s, 0.95))}), page render of 4 charts ${ms(quantile(rd, 0.5))} / ${ms(quantile(rd, 0.95))}`);
  console.log(`sweep of ${POINTS} trajectories (density 1e15…1e20 cm^-3, CsPbI3 8 nm, 200 delays each):`);
  rounds.forEach((r, i) => {
    console.log(`  round ${i + 1}: 1 worker ${ms(r.one)}, ${r.workers} workers ${ms(r.many)}, speed-up ×${(r.one / r.many).toFixed(2)}`);
  });
  const median = (v: number[]) => quantile(sorted(v), 0.5);
  const [oneMed, manyMed] = [median(rounds.map((r) => r.one)), median(rounds.map((r) => r.many))];
  console.log(`  median of ${ROUNDS}: 1 worker ${ms(oneMed)} (${(POINTS / oneMed * 1000).toFixed(0)} trajectories/s), ` +
    `${rounds[0].workers} workers ${ms(manyMed)} (${(POINTS / manyMed * 1000).toFixed(0)} trajectories/s), speed-up ×${(oneMed / manyMed).toFixed(2)}`);
  console.log(`machine check, the same busy loop in 1 and in ${cores} plain workers: ${ms(baseline.one)} vs ${ms(baseline.many)}` +
    ` (ideal parallel capacity ×${((cores * baseline.one) / baseline.many).toFixed(2)} of ×${cores})`);
} finally {
  await browser.close();
  await server.close();
}
