// End to end in chromium: load measured carrier temperatures from a CSV file, see the points and the RMS, follow a
// model change, refuse a broken file keeping the earlier points, export them in the CSV, and remove them.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CHROMIUM, downloaded, hasChromium, openApp, pageHelpers, ROOT, type OpenApp } from './harness.ts';

const RESULTS = join(ROOT, 'test-results');
const available = hasChromium();
if (!available) console.warn(`e2e skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);

interface LastFit { status: string; keys: string[]; values: number[]; objective: number; startObjective: number }
interface Hook { inputSeq: number; drawnSeq: number; curves: number; measuredPoints: number; measuredRmsK: number | null; lastFit: LastFit | null }
const { hook, settled } = pageHelpers<Hook>();

const GOOD = 'delay_ps,Tc_K,sigma_K\n-0.2,300,40\n0.3,1900,120\n0.5,1500,90\n1.2,850,50\n3,420,25\n10,310,15\n';
const BROKEN = 't (ps), T (K)\n0.3,1900\n0.5,1500\n1.2,eight hundred\n';
const legend = (page: Page) => page.locator('#main-chart .u-legend').innerText();

describe.skipIf(!available)('measured data in chromium', () => {
  let app: OpenApp;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    app = await openApp('e2e-measured-dist');
    ({ page, pageErrors } = app);
    await settled(page);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('the file input is labelled, reachable from the keyboard, and says the URL cannot hold a file', async () => {
    const input = page.getByLabel('Load measured Tc (CSV)…');
    expect(await input.getAttribute('type')).toBe('file');
    await input.focus();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('measured-file');
    expect(await page.locator('#measured-note').innerText()).toMatch(/URL\) cannot hold a file/);
  });

  it('loads a good file: points in the chart with the file name in the legend, and the RMS', async () => {
    await page.setInputFiles('#measured-file', { name: 'ta-run1.csv', mimeType: 'text/csv', buffer: Buffer.from(GOOD) });
    await page.waitForFunction(() => (window as unknown as { hotcarrier: Hook }).hotcarrier.measuredPoints === 6, null, { timeout: 10_000 });
    await expect.poll(() => legend(page)).toMatch(/measured: ta-run1\.csv/);
    const readout = await page.locator('#measured-readout').innerText();
    expect(readout).toMatch(/ta-run1\.csv: 6 points · n = 5 compared · RMS \d+(\.\d+)? K · χ²\/point [\d.]+ · 1 outside the model window/);
    expect((await hook(page)).measuredRmsK).toBeGreaterThan(0);
    expect(await page.isVisible('#measured-remove')).toBe(true);
    expect(await page.locator('#measured-error').innerText()).toBe('');
    expect(page.url()).not.toMatch(/ta-run1|1900/); // file contents never go into the URL
  });

  it('draws a ±1σ bar at each point: dark within σ of the point, background beyond it', async () => {
    expect(await legend(page)).toMatch(/measured: ta-run1\.csv \(bars ±1σ\)/);
    type PixelHook = { mainChartPixels(t: number, tc: number): number[][] };
    const pixel = (t: number, tc: number) =>
      page.evaluate(([a, b]) => (window as unknown as { hotcarrier: PixelHook }).hotcarrier.mainChartPixels(a, b), [t, tc] as const);
    // Dark: some pixel of the 5-px row (the bar is 1.5 px wide, antialiased) is nearly opaque and nearly black.
    const dark = (row: number[][]) => row.some((rgba) => rgba[3] > 200 && Math.max(rgba[0], rgba[1], rgba[2]) < 90);
    // The point at 0.3 ps is 1900 ± 120 K; the bar runs beyond the 8-px marker.
    expect(dark(await pixel(0.3, 1900 + 0.9 * 120))).toBe(true);
    expect(dark(await pixel(0.3, 1900 - 0.9 * 120))).toBe(true);
    expect(dark(await pixel(0.3, 1900 + 2.5 * 120))).toBe(false);
    expect(dark(await pixel(0.3, 1900 - 2.5 * 120))).toBe(false);
  });

  it('the readout follows the model', async () => {
    const before = await page.locator('#measured-readout').innerText();
    const rmsBefore = (await hook(page)).measuredRmsK;
    await page.fill('#param-densityCm3', '1e19');
    await page.press('#param-densityCm3', 'Enter');
    await settled(page);
    await expect.poll(async () => (await hook(page)).measuredRmsK).not.toBe(rmsBefore);
    expect(await page.locator('#measured-readout').innerText()).not.toBe(before);
    expect(await legend(page)).toMatch(/measured: ta-run1\.csv/);
  });

  it('refuses a broken file with the line number and keeps the earlier points', async () => {
    await page.setInputFiles('#measured-file', { name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(BROKEN) });
    await expect.poll(() => page.locator('#measured-error').innerText()).toMatch(
      /^broken\.csv: line 4, column 2: "eight hundred" is not a number; allowed: carrier temperature in K \(a positive number up to 1e5 K\) — still showing ta-run1\.csv$/,
    );
    expect((await hook(page)).measuredPoints).toBe(6);
    expect(await legend(page)).toMatch(/measured: ta-run1\.csv/);
    expect(await page.locator('#measured-readout').innerText()).toMatch(/ta-run1\.csv: 6 points/);
  });

  it('exports the measured points in the CSV, with the model at their delays', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const csv = (await downloaded(download)).toString('utf8');
    expect(csv).toMatch(/^# measured: ta-run1\.csv; 6 rows$/m);
    expect(csv).toMatch(/^measured,label,t_ps,Tc_K,sigma_K,model_Tc_K$/m);
    const rows = csv.split('\n').filter((l) => l.startsWith('measured,ta-run1.csv,'));
    expect(rows).toHaveLength(6);
    expect(rows[0]).toBe('measured,ta-run1.csv,-0.2,300,40,'); // before the model window: no model value
    expect(rows[1]).toMatch(/^measured,ta-run1\.csv,0\.3,1900,120,\d+(\.\d+)?$/);
    expect(csv.split('\n').filter((l) => /^1,/.test(l))).toHaveLength(200); // the model curve is all there
    expect(csv).not.toMatch(/NaN/);
  });

  it('Remove takes the points away; a new good file clears the error', async () => {
    await page.click('#measured-remove');
    await expect.poll(async () => (await hook(page)).measuredPoints).toBe(0);
    expect(await legend(page)).not.toMatch(/measured:/);
    expect(await page.isVisible('#measured-remove')).toBe(false);
    await page.setInputFiles('#measured-file', { name: 'fs.tsv', mimeType: 'text/plain', buffer: Buffer.from('delay (fs)\tTc (K)\n300\t1900\n1200\t850\n3000\t420\n') });
    await expect.poll(async () => (await hook(page)).measuredPoints).toBe(3);
    expect(await page.locator('#measured-error').innerText()).toBe('');
    expect(await page.locator('#measured-readout').innerText()).toMatch(/delays converted from fs to ps/);
    await page.screenshot({ path: join(RESULTS, 'e2e-measured.png'), fullPage: true });
    expect(await page.locator('body').innerText()).not.toMatch(/NaN/);
    expect(pageErrors).toEqual([]);
  });

  it('fits the density to synthetic data made with ⟨N⟩ = 2 in 8 nm CsPbI3, and "Use fitted values" sets the control', async () => {
    expect(await page.isVisible('.fit')).toBe(true); // the fs.tsv file of the last test is loaded
    await page.setInputFiles('#measured-file', { name: 'synthetic-tc-fit.csv', mimeType: 'text/csv', buffer: readFileSync(join(ROOT, 'examples/synthetic-tc-fit.csv')) });
    await expect.poll(async () => (await hook(page)).measuredPoints).toBe(18);
    await page.fill('#param-densityCm3', '1e18');
    await page.press('#param-densityCm3', 'Enter');
    await settled(page);
    const rmsBefore = (await hook(page)).measuredRmsK!;
    expect(await page.isChecked('[data-fit="excitation"]')).toBe(true);
    await page.click('.fit-run');
    await expect.poll(async () => (await hook(page)).lastFit, { timeout: 60_000 }).not.toBeNull();
    const fit = (await hook(page)).lastFit!;
    expect(fit.status).toBe('converged');
    expect(fit.keys).toEqual(['densityCm3']);
    // ⟨N⟩ = 2 in an (8 nm)³ cube is 3.9e18 cm⁻³; the data were made with a longer LO lifetime, so allow 15 %.
    expect(fit.values[0]).toBeGreaterThan(0.85 * 2 / (8e-7) ** 3);
    expect(fit.values[0]).toBeLessThan(1.15 * 2 / (8e-7) ** 3);
    expect(fit.objective).toBeLessThan(fit.startObjective / 20);
    expect(await page.locator('.fit-result').innerText()).toMatch(/Initial carrier density\s+[34]\.\d+e18 ± [\d.]+e\d+ cm⁻³[\s\S]*Converged: χ²\/dof [\d.]+ \(dof 17\)/);
    await page.click('.fit-apply');
    await settled(page);
    expect(Math.abs(Number(await page.inputValue('#param-densityCm3')) / fit.values[0] - 1)).toBeLessThan(1e-3); // field shows 4 digits
    await expect.poll(async () => (await hook(page)).measuredRmsK!).toBeLessThan(rmsBefore / 5);
  });

  it('Cancel stops a fit, and a fit with nothing ticked says so', async () => {
    for (const id of ['excitation', 'latticeK', 'pump']) await page.check(`[data-fit="${id}"]`);
    await page.click('.fit-run');
    await page.click('.fit-cancel');
    await expect.poll(() => page.locator('.fit-result').innerText()).toBe('Fit cancelled.');
    expect(await page.isEnabled('.fit-run')).toBe(true);
    for (const id of ['excitation', 'edgeNm', 'latticeK', 'pump']) await page.uncheck(`[data-fit="${id}"]`);
    await page.click('.fit-run');
    expect(await page.locator('.fit-result').innerText()).toMatch(/Tick at least one free parameter/);
    await page.click('#measured-remove');
    expect(await page.isVisible('.fit')).toBe(false);
    expect(pageErrors).toEqual([]);
  });
});
