// End to end in chromium: the page's views (default, busy, dark, teaching) checked with axe-core (0 violations),
// the layout at a phone, a projector and a 1080p screen, and screenshots of each in test-results/ to look at.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CHROMIUM, frames, hasChromium, openApp, pageHelpers, ROOT, type OpenApp } from './harness.ts';
import { formatNumber } from '../../web/format.ts';

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


/** Every fillText on a canvas: canvas index, text, left and right edge, baseline y (canvas px), alignment, font px. */
interface TextBox { canvas: number; text: string; left: number; right: number; y: number; align: string; size: number }
const RECORD_TEXT = () => {
  const w = window as unknown as { __texts: TextBox[] };
  w.__texts = [];
  const original = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text: string, x: number, y: number, max?: number) {
    const m = this.getTransform();
    if (m.b === 0 && m.c === 0) { // unrotated text only
      const width = this.measureText(String(text)).width * m.a;
      const px = m.a * x + m.e;
      const align = this.textAlign;
      const left = align === 'center' ? px - width / 2 : align === 'right' || align === 'end' ? px - width : px;
      const size = Number(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? 10) * m.d;
      const canvas = Array.from(document.querySelectorAll('canvas')).indexOf(this.canvas);
      w.__texts.push({ canvas, text: String(text), left, right: left + width, y: m.d * y + m.f, align: align === 'end' ? 'right' : align, size });
    }
    return original.call(this, text, x, y, max);
  };
  // A chart draws on a cleared canvas: keep only each canvas's texts since its last clear (its last draw).
  const clear = CanvasRenderingContext2D.prototype.clearRect;
  CanvasRenderingContext2D.prototype.clearRect = function (x: number, y: number, width: number, height: number) {
    if (width >= this.canvas.width && height >= this.canvas.height) {
      const canvas = Array.from(document.querySelectorAll('canvas')).indexOf(this.canvas);
      w.__texts = w.__texts.filter((t) => t.canvas !== canvas);
    }
    return clear.call(this, x, y, width, height);
  };
};

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
      await frames(page); // resize is debounced by a frame
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

  it('5: on a phone (390×844) the chart comes first, nothing scrolls sideways, legends keep swatch and label on one line, tick labels do not collide, every target is at least 24 px', async () => {
    const phone = await app.browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.addInitScript(RECORD_TEXT);
    await phone.goto(app.server.url);
    await settled(phone);
    // Tapping a preset shows its curves without scrolling: the chart is on the first screen, under the buttons.
    await phone.click('button[data-preset="bottleneck"]');
    await curves(phone, 4);
    const chart = (await phone.locator('#main-chart').boundingBox())!;
    expect(chart.y).toBeLessThan(844 * 0.45);
    expect(chart.y + chart.height * 0.6).toBeLessThan(844);
    // Nothing wider than the screen, the trends table included (it scrolls inside its card).
    await phone.locator('#trends').scrollIntoViewIfNeeded();
    await phone.waitForSelector('.trends tbody tr', { timeout: 30_000 });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.evaluate(() => window.scrollTo(0, 0));
    // Legends: each curve's swatch on the first line of its label, left of it (was: swatch, then the label below).
    const legend = await phone.evaluate(() => [...document.querySelectorAll('.u-legend .u-series')].map((row) => {
      const m = row.querySelector('.u-marker')!.getBoundingClientRect();
      const l = row.querySelector('.u-label')!.getBoundingClientRect();
      const line = parseFloat(getComputedStyle(row.querySelector('.u-label')!).lineHeight) || 20;
      return { visible: m.width > 0 && getComputedStyle(row.querySelector('.u-marker')!).borderTopStyle !== 'none', mTop: m.top, mBottom: m.bottom, mRight: m.right, lTop: l.top, lLeft: l.left, line };
    }).filter((r) => r.visible));
    expect(legend.length).toBeGreaterThanOrEqual(4 + 3 * 2); // main chart's 4 curves and the side charts' series
    for (const r of legend) {
      expect(r.mRight).toBeLessThanOrEqual(r.lLeft + 1);
      expect(r.mTop).toBeGreaterThanOrEqual(r.lTop - 4);
      expect(r.mBottom).toBeLessThanOrEqual(r.lTop + r.line + 4);
    }
    // Tick labels of every chart's last draw: x labels on one row apart; y labels a line apart.
    await phone.evaluate(() => { (window as unknown as { __texts: unknown[] }).__texts = []; });
    await phone.fill('#param-latticeK', '290');
    await phone.press('#param-latticeK', 'Enter');
    await settled(phone);
    await frames(phone);
    const texts = await phone.evaluate(() => (window as unknown as { __texts: TextBox[] }).__texts);
    const ticks = texts.filter((t) => /^[−-]?[\d.,]+(e-?\d+)?$/.test(t.text));
    const seen = new Set<string>();
    const unique = ticks.filter((t) => !seen.has(`${t.canvas}|${t.text}|${t.left}|${t.y}`) && seen.add(`${t.canvas}|${t.text}|${t.left}|${t.y}`));
    const rows = new Map<string, TextBox[]>();
    for (const t of unique) {
      const key = t.align === 'right' ? `${t.canvas}|y|${t.right}` : `${t.canvas}|x|${t.y}`;
      rows.set(key, [...(rows.get(key) ?? []), t]);
    }
    let checked = 0;
    for (const [key, row] of rows) {
      if (row.length < 2) continue;
      checked++;
      if (key.includes('|x|')) {
        row.sort((a, b) => a.left - b.left);
        // Apart by half the font size at least, twice a word space: "-0.1 0 0.1" 2 and 5 px apart read as one number.
        for (let i = 1; i < row.length; i++) expect(row[i].left - row[i - 1].right, `x ticks ${row.map((r) => r.text).join(' ')}`).toBeGreaterThanOrEqual(0.5 * row[i].size);
      } else {
        row.sort((a, b) => a.y - b.y);
        for (let i = 1; i < row.length; i++) expect(row[i].y - row[i - 1].y, `y ticks ${row.map((r) => r.text).join(' ')}`).toBeGreaterThanOrEqual(row[i].size);
      }
    }
    expect(checked).toBeGreaterThanOrEqual(4); // x and y axes of the main chart and of the side charts
    // Targets: at least 24 × 24 px (WCAG 2.2 SC 2.5.8, AA); a kept curve's × at least 44 px (SC 2.5.5).
    const small = await phone.evaluate(() => [...document.querySelectorAll<HTMLElement>('button, select, input, summary')]
      .filter((e) => e.offsetParent !== null)
      .map((e) => ({ what: `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}[${(e as HTMLInputElement).type ?? ''}]`, box: e.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 24 || box.height < 24).map(({ what, box }) => `${what} ${Math.round(box.width)}×${Math.round(box.height)}`));
    expect(small).toEqual([]);
    const remove = await phone.locator('#overlay-list button').first().boundingBox();
    expect(remove!.width).toBeGreaterThanOrEqual(44);
    expect(remove!.height).toBeGreaterThanOrEqual(44);
    await phone.evaluate(() => window.scrollTo(0, 0));
    await phone.screenshot({ path: join(RESULTS, 'phone-busy-390x844.png') });
    await phone.close();
  });

  it('12: on a 1920×1080 screen the charts grow with the viewport; the dark (projector) theme there', async () => {
    const big = await app.browser.context.newPage();
    const heights = async () => big.evaluate(() => ({
      main: document.querySelector('#main-chart canvas')!.getBoundingClientRect().height,
      side: document.querySelector('#side-charts canvas')!.getBoundingClientRect().height,
    }));
    await big.setViewportSize({ width: 1024, height: 768 });
    await big.goto(app.server.url);
    await settled(big);
    const projector = await heights();
    await big.setViewportSize({ width: 1920, height: 1080 });
    await frames(big); // resize is debounced by a frame
    const hd = await heights();
    // Was fixed at 360 px (a third of 1080p): now about half the screen, and larger than on the 768 px projector.
    expect(hd.main).toBeGreaterThan(0.45 * 1080);
    expect(hd.main).toBeGreaterThan(projector.main + 100);
    expect(hd.side).toBeGreaterThan(250);
    expect(hd.side).toBeGreaterThan(projector.side);
    await big.click('#theme-toggle');
    await settled(big);
    const colours = await big.evaluate(() => {
      const lum = (c: string) => { const [r, g, b] = c.match(/\d+/g)!.map(Number); return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255; };
      return { page: lum(getComputedStyle(document.documentElement).backgroundColor), chart: lum(getComputedStyle(document.querySelector('#main-chart')!).backgroundColor), text: lum(getComputedStyle(document.querySelector('h1')!).color) };
    });
    expect(colours.page).toBeLessThan(0.15);
    expect(colours.chart).toBeLessThan(0.15);
    expect(colours.text).toBeGreaterThan(0.8);
    expect(await axeViolations(big)).toEqual([]);
    await big.screenshot({ path: join(RESULTS, 'view-dark-1920x1080.png') });
    await big.click('#theme-toggle');
    await big.evaluate(() => localStorage.removeItem('hotcarrier-theme')); // the next page follows prefers-color-scheme again
    await big.close();
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
    // The guided comparison: each caption quotes its own curve's 1/e time (read back from the engine's result on the
    // chart), and the claims in its words hold: the tail shrinks with LO held, and is absent with few carriers.
    const tau = () => t.evaluate(() => (window as unknown as { hotcarrier: { tau1ePs: number | null } }).hotcarrier.tau1ePs);
    const runStep = async (k: number, kept: number) => {
      await t.click(`[data-step="${k}"]`);
      await t.waitForSelector('.step-caption[data-tau1e-ps]', { timeout: 20_000 });
      await settled(t);
      await curves(t, kept + 1);
      return { tau: (await tau())!, caption: await t.locator('.step-caption').innerText() };
    };
    const s1 = await runStep(0, 0);
    expect(s1.caption).toContain(`takes ${formatNumber(s1.tau)} ps to fall to 1/e`);
    const s2 = await runStep(1, 1);
    expect(await t.locator('#main-chart .u-legend').innerText()).toMatch(/LO held at lattice temperature/);
    expect(s2.caption).toContain(`1/e in ${formatNumber(s2.tau)} ps instead of ${formatNumber(s1.tau)} ps`);
    expect(s2.tau).toBeLessThan(0.5 * s1.tau); // "the slow tail is gone"
    const s3 = await runStep(2, 2);
    expect(s3.caption).toContain(`Tc falls to 1/e in ${formatNumber(s3.tau)} ps, against ${formatNumber(s1.tau)} ps in step 1`);
    expect(s3.tau).toBeLessThan(s2.tau); // "still slower than in step 3"
    expect(await axeViolations(t)).toEqual([]);
    await t.evaluate(() => window.scrollTo(0, 0));
    await t.screenshot({ path: join(RESULTS, 'teaching-1024x768.png') });
    await t.setViewportSize({ width: 390, height: 844 });
    await frames(t); // resize is debounced by a frame
    expect(await t.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await t.evaluate(() => window.scrollTo(0, 0));
    await t.screenshot({ path: join(RESULTS, 'teaching-390x844.png') });
    await t.waitForTimeout(250); // the URL is written 150 ms after the last change: a check that none drops the view
    expect(decodeURIComponent(t.url())).toMatch(/view=teaching&allow=densityCm3/);
    await t.close();
  });
});
