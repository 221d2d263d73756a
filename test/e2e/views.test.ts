// End to end in chromium: the page's views (default, busy, dark, teaching) checked with axe-core (0 violations),
// the layout at a phone, a projector and a 1080p screen, and screenshots of each in test-results/ to look at.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CHROMIUM, hasChromium, openApp, pageHelpers, ROOT, type OpenApp } from './harness.ts';

const RESULTS = join(ROOT, 'test-results');
const available = hasChromium();
if (!available) console.warn(`e2e skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Hook { inputSeq: number; drawnSeq: number; curves: number; measuredPoints: number }
const { settled, curves } = pageHelpers<Hook>();

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
    await page.click('#chart-data summary'); // closed again for the screenshots
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

  it('lab charts: drag a box to zoom, double-click to reset; a fixed and a log Tc range', async () => {
    interface Y { yRange: { min: number; max: number; log: boolean }; chartX(ps: number): number }
    const y = () => page.evaluate(() => (window as unknown as { hotcarrier: Y }).hotcarrier.yRange);
    const full = await y();
    const box = (await page.locator('#main-chart .u-over').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.2, box.y + box.height * 0.6);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.9, { steps: 6 });
    await page.mouse.up();
    const zoomed = await y();
    expect(zoomed.max).toBeLessThan(full.max * 0.7);
    expect(await page.getAttribute('#main-chart', 'class')).toMatch(/zoomed/);
    await page.mouse.dblclick(box.x + box.width * 0.5, box.y + box.height * 0.5);
    await expect.poll(y).toEqual(full);
    await page.fill('#y-min', '250');
    await page.fill('#y-max', '1200');
    await page.press('#y-max', 'Enter');
    await expect.poll(y).toEqual({ min: 250, max: 1200, log: false });
    await page.fill('#y-min', '');
    await page.fill('#y-max', '');
    await page.press('#y-max', 'Enter');
    await page.check('#log-y');
    await expect.poll(async () => (await y()).log).toBe(true);
    await page.uncheck('#log-y');
    await expect.poll(async () => (await y()).log).toBe(false);
  });

  it('the dark theme (toggle; prefers-color-scheme first) has no axe-core violations', async () => {
    const dark = await app.browser.context.newPage();
    await dark.emulateMedia({ colorScheme: 'dark' });
    await dark.goto(app.server.url);
    await settled(dark);
    expect(await dark.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await dark.getAttribute('#theme-toggle', 'aria-pressed')).toBe('true');
    await dark.click('button[data-preset="bottleneck"]');
    await curves(dark, 4);
    expect(await axeViolations(dark)).toEqual([]);
    await dark.screenshot({ path: join(RESULTS, 'view-dark-1400.png') });
    await dark.click('#theme-toggle');
    expect(await dark.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    await dark.close();
  });

  it('the teaching view: captions on screen, a player, the guided bottleneck, locked parameters; no axe-core violations', async () => {
    const t = await app.browser.context.newPage();
    await t.setViewportSize({ width: 1024, height: 768 });
    await t.goto(`${app.server.url}#composition=CsPbI3&edgeNm=8&densityCm3=1e19&view=teaching&allow=densityCm3`);
    await settled(t);
    // Captions: present, visible in the first screen, not tooltips.
    const captions = t.locator('.stage-captions li');
    expect(await captions.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      expect(await captions.nth(i).isVisible()).toBe(true);
      expect((await captions.nth(i).innerText()).length).toBeGreaterThan(60);
    }
    expect(await t.locator('#preset-caption').innerText()).toMatch(/Tc/);
    const firstBox = (await captions.nth(0).boundingBox())!;
    expect(firstBox.y + firstBox.height).toBeLessThan(768);
    // Locked: only the density is free.
    expect(await t.isEnabled('#param-densityCm3')).toBe(true);
    expect(await t.isDisabled('#param-latticeK')).toBe(true);
    expect(await t.isDisabled('#composition-select')).toBe(true);
    expect(await t.isVisible('#lock-note')).toBe(true);
    // The player steps the marker and the energy shares.
    await t.click('.player .step');
    const a = await t.locator('.player .now').innerText();
    for (let i = 0; i < 40; i++) await t.click('.player .step');
    const b = await t.locator('.player .now').innerText();
    expect(b).not.toBe(a);
    expect(await t.locator('.energy-text').innerText()).toMatch(/Carriers \d+ % → LO phonons \d+ % → Lattice \d+ % → Surroundings \d+ %/);
    expect(await t.locator('.stage-captions li.active').count()).toBe(1);
    await t.click('.player .play');
    await expect.poll(() => t.locator('.player .now').innerText()).not.toBe(b);
    await t.click('.player .play');
    // The guided comparison: step 2 holds the LO phonons at the lattice temperature.
    await t.click('[data-step="1"]');
    await settled(t);
    expect(await t.locator('#main-chart .u-legend').innerText()).toMatch(/LO held at lattice temperature/);
    expect(await t.locator('.step-caption').innerText()).toMatch(/shoulder is gone/);
    expect(await axeViolations(t)).toEqual([]);
    await t.evaluate(() => window.scrollTo(0, 0));
    await t.screenshot({ path: join(RESULTS, 'teaching-1024x768.png') });
    await t.setViewportSize({ width: 390, height: 844 });
    await t.waitForTimeout(200);
    expect(await t.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await t.evaluate(() => window.scrollTo(0, 0));
    await t.screenshot({ path: join(RESULTS, 'teaching-390x844.png') });
    await t.waitForTimeout(250);
    expect(decodeURIComponent(t.url())).toMatch(/view=teaching&allow=densityCm3/);
    await t.close();
  });
});
