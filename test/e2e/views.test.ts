// End to end in chromium: the page's views (default, busy, dark, teaching) checked with axe-core (0 violations),
// the layout at a phone, a projector and a 1080p screen, and screenshots of each in test-results/ to look at.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CHROMIUM, hasChromium, openApp, ROOT, type OpenApp } from './harness.ts';

const RESULTS = join(ROOT, 'test-results');
const available = hasChromium();
if (!available) console.warn(`e2e skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Hook { inputSeq: number; drawnSeq: number; curves: number; measuredPoints: number }
const curves = (page: Page, n: number) =>
  page.waitForFunction((k) => (window as unknown as { hotcarrier?: Hook }).hotcarrier?.curves === k, n, { timeout: 20_000 });
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const h = (window as unknown as { hotcarrier?: Hook }).hotcarrier;
    return h !== undefined && h.drawnSeq >= 1 && h.drawnSeq === h.inputSeq;
  }, null, { timeout: 20_000 });
}

interface AxeViolation { id: string; impact: string; nodes: { target: string[] }[] }
/** axe-core's violations on the page as it is now, as "rule: selectors". */
async function axeViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ')}`);
}

const SIZES = [[390, 844], [1024, 768], [1920, 1080]] as const;

describe.skipIf(!available)('page views in chromium', () => {
  let app: OpenApp;
  let page: Page;

  beforeAll(async () => {
    app = await openApp('e2e-views-dist');
    page = app.page;
    await settled(page);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('the default view has no axe-core violations', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });

  it('the busy view (preset overlays, a warning, measured data, disabled fields, data table) has no axe-core violations', async () => {
    await page.click('button[data-preset="bottleneck"]');
    await curves(page, 4);
    await page.fill('#param-densityCm3', '1e20');
    await page.press('#param-densityCm3', 'Enter');
    await settled(page);
    await page.check('#bulk-film');
    await settled(page);
    await page.setInputFiles('#measured-file', { name: 'm.csv', mimeType: 'text/csv', buffer: Buffer.from('delay_ps,Tc_K,sigma_K\n0.3,1900,100\n1,900,50\n3,420,20\n') });
    await expect.poll(() => page.evaluate(() => (window as unknown as { hotcarrier: Hook }).hotcarrier.measuredPoints)).toBe(3);
    await page.click('#chart-data summary');
    await page.click('details summary >> text=More parameters');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: join(RESULTS, 'view-busy-1400.png'), fullPage: false });
    await page.click('#reset');
    await curves(page, 1);
  });

  it('at 390×844, 1024×768 and 1920×1080: no sideways scroll, the chart near the top, screenshots saved', async () => {
    for (const [width, height] of SIZES) {
      await page.setViewportSize({ width, height });
      await settled(page);
      await page.waitForTimeout(150); // resize is debounced by a frame
      const layout = await page.evaluate(() => {
        const chart = document.querySelector('#main-chart')!.getBoundingClientRect();
        return { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth, chartTop: chart.top, chartHeight: chart.height, chartRight: chart.right };
      });
      expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
      expect(layout.chartRight).toBeLessThanOrEqual(width);
      // The chart is in the first screen, and takes a fair part of it.
      expect(layout.chartTop).toBeLessThan(height * 0.45);
      expect(layout.chartHeight).toBeGreaterThan(height * 0.3);
      await page.screenshot({ path: join(RESULTS, `view-${width}x${height}.png`), fullPage: false });
    }
    await page.setViewportSize({ width: 1400, height: 1000 });
  });
});
