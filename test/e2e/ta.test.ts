// End to end in chromium: load a simulated TA map (written by the engine here, seeded noise), choose the unit the
// .SIA does not state, see the heat map, the spectrum with its fit and the extracted Tc(t) on the Tc chart; move
// the window and the delay; open the forward-simulated map; a broken file refused with line and column.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { simulate } from '../../src/model/simulate.ts';
import { forwardMap } from '../../src/data/ta-forward.ts';
import { writeTaMap } from '../../src/data/ta-write.ts';
import { CHROMIUM, hasChromium, openApp, type OpenApp } from './harness.ts';

const available = hasChromium();
if (!available) console.warn(`e2e skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);

/** The default page sample (CsPbI3, 8 nm), so the tail fit uses the gap the map was made with. */
function mapText(): string {
  const r = simulate({ composition: 'CsPbI3', edgeNm: 8, nPerNc: 0.1, tStartPs: 0.1, tEndPs: 100, nPoints: 12 });
  return writeTaMap(forwardMap(r, { noiseOd: 2e-5, seed: 4, bgr: false }), 'kimopack', 'e2e');
}

/** Pixels of a canvas that are neither white nor transparent. */
const inked = (page: Page, id: string) => page.evaluate((sel) => {
  const c = document.querySelector<HTMLCanvasElement>(sel)!;
  const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
  let n = 0;
  for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 245 || d[i + 1] < 245 || d[i + 2] < 245)) n++;
  return n;
}, `#${id}`);

describe.skipIf(!available)('TA map in chromium', () => {
  let app: OpenApp;
  let page: Page;

  beforeAll(async () => {
    app = await openApp('e2e-ta-dist');
    page = app.page;
    await page.waitForFunction(() => (window as unknown as { hotcarrier?: { drawnSeq: number } }).hotcarrier?.drawnSeq! >= 1, null, { timeout: 30_000 });
    await page.click('#ta-panel > summary');
  });

  afterAll(async () => {
    await app?.close();
  });

  it('asks for the ΔA unit the .SIA does not state, then fits every delay and puts Tc(t) on the chart', async () => {
    await page.setInputFiles('#ta-file', { name: 'nc.SIA', mimeType: 'text/plain', buffer: Buffer.from(mapText()) });
    await expect.poll(() => page.locator('#ta-error').innerText()).toMatch(/signal unit is not stated.*choose it above/);
    await page.selectOption('#ta-signal-unit', 'OD');
    await expect.poll(() => page.locator('#ta-summary').innerText(), { timeout: 20_000 }).toMatch(/nc\.SIA: 300 wavelengths × 16 delays \(kimopack\); Tc fitted at 12 of 12 delays > 0/);
    await expect.poll(() => page.locator('#main-chart .u-legend').innerText()).toMatch(/measured: nc\.SIA \(tail fit\)/);
    expect(await inked(page, 'ta-heatmap')).toBeGreaterThan(1000);
    expect(await inked(page, 'ta-spectrum')).toBeGreaterThan(50);
    expect(app.pageErrors).toEqual([]);
  });

  it('the spectrum at a chosen delay shows its fit; a narrower window changes the fit', async () => {
    await page.locator('#ta-delay').fill('8');
    await expect.poll(() => page.locator('#ta-fit-readout').innerText()).toMatch(/delay [\d.]+ ps: Tc \d+ ± [\d.]+ K \(bleach model, χ²\/dof [\d.]+\)/);
    const before = await page.locator('#ta-fit-readout').innerText();
    const lo = Number(await page.locator('#ta-window-lo').inputValue());
    const hi = Number(await page.locator('#ta-window-hi').inputValue());
    expect(hi).toBeGreaterThan(lo);
    await page.locator('#ta-window-hi').fill((lo + 0.6 * (hi - lo)).toFixed(3));
    await page.locator('#ta-window-hi').dispatchEvent('change');
    await expect.poll(() => page.locator('#ta-fit-readout').innerText()).not.toBe(before);
    await page.click('#ta-auto-window');
    await expect.poll(() => page.locator('#ta-fit-readout').innerText()).toBe(before);
  });

  it('draws the forward-simulated map of the current sample', async () => {
    await expect.poll(() => inked(page, 'ta-forward'), { timeout: 20_000 }).toBeGreaterThan(1000);
  });

  it('refuses a broken file naming the line and column', async () => {
    await page.setInputFiles('#ta-file', { name: 'bad.SIA', mimeType: 'text/plain', buffer: Buffer.from('Time in ps\t500\t510\n0\t1\t2\n1\t1\tzz\n') });
    await expect.poll(() => page.locator('#ta-error').innerText()).toMatch(/bad\.SIA: line 3, column 3: "zz" is not a number; allowed:/);
  });
});
