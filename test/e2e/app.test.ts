// End to end in Debian's chromium: load the built app, change composition and density, bad input, sweep and
// cancel, CSV export, a shared URL reproducing the view, and a screenshot in test-results/.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { CHROMIUM, downloaded, hasChromium, openApp, pageHelpers, ROOT, type OpenApp } from './harness.ts';

const RESULTS = join(ROOT, 'test-results');
const available = hasChromium();
if (!available) console.warn(`e2e skipped: ${CHROMIUM} is absent (apt-get install -y chromium)`);

interface Hook { inputSeq: number; drawnSeq: number; liveRuns: number; curves: number; tau1ePs: number | null; peakTcK: number | null; lastTcK: number | null }
const { hook, settled } = pageHelpers<Hook>();

describe.skipIf(!available)('web app in chromium', () => {
  let app: OpenApp;
  let page: Page;
  let pageErrors: string[];

  beforeAll(async () => {
    app = await openApp('e2e-dist');
    ({ page, pageErrors } = app);
  });

  afterAll(async () => {
    await app?.close();
  });

  it('loads and draws the default curve', async () => {
    const h = await settled(page);
    expect(h.curves).toBe(1);
    expect(h.peakTcK).toBeGreaterThan(300);
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/Computed/);
    expect(await page.locator('body').innerText()).not.toMatch(/NaN/);
  });

  it('follows a change of composition and of density', async () => {
    const before = await settled(page);
    await page.selectOption('#composition-select', 'FAPbI3');
    const afterComposition = await settled(page);
    expect(afterComposition.tau1ePs).not.toBe(before.tau1ePs);
    await expect.poll(() => page.locator('.u-legend').first().innerText()).toMatch(/FAPbI3/);
    await page.fill('#param-densityCm3', '1e19');
    await page.press('#param-densityCm3', 'Enter');
    const afterDensity = await settled(page);
    expect(afterDensity.tau1ePs).not.toBe(afterComposition.tau1ePs);
    // The other excitation measures are shown converted.
    expect(await page.locator('#converted').innerText()).toMatch(/⟨N⟩ = .*fluence = /);
  });

  it('coalesces a fast slider drag: no pile-up, the last position is drawn', async () => {
    const before = await settled(page);
    await page.evaluate(() => {
      const slider = document.querySelector<HTMLInputElement>('[data-param="pumpNm"] input[type=range]')!;
      for (let i = 0; i < 60; i++) {
        slider.value = String(300 + i * 3);
        slider.dispatchEvent(new Event('input', { bubbles: true }));
      }
    });
    const after = await settled(page);
    expect(after.inputSeq - before.inputSeq).toBe(60);
    expect(after.liveRuns - before.liveRuns).toBeLessThan(10);
    // The curve on screen is the one for the slider's last position.
    const drawnPump = await page.evaluate(() => (window as unknown as { hotcarrier: { currentInput: { pumpNm: number } } }).hotcarrier.currentInput.pumpNm);
    expect(drawnPump).toBe(Number(await page.inputValue('#param-pumpNm')));
    expect(drawnPump).toBeGreaterThan(450);
    await page.fill('#param-pumpNm', '470');
    await page.press('#param-pumpNm', 'Enter');
    await settled(page);
  });

  it('switches the excitation unit keeping the excitation, and toggles a bulk film', async () => {
    const before = await settled(page);
    await page.check('input[name="excitation-unit"][value="fluenceUJcm2"]');
    const inFluence = await settled(page);
    expect(await page.isVisible('#param-fluenceUJcm2')).toBe(true);
    expect(await page.isVisible('#param-densityCm3')).toBe(false);
    // The fluence is carried over to 3 digits, so the curve barely moves.
    expect(Math.abs(inFluence.tau1ePs! / before.tau1ePs! - 1)).toBeLessThan(0.02);
    await page.check('input[name="excitation-unit"][value="densityCm3"]');
    await page.fill('#param-densityCm3', '1e19');
    await page.press('#param-densityCm3', 'Enter');
    await settled(page);
    await page.check('#bulk-film');
    await settled(page);
    expect(await page.isDisabled('input[name="excitation-unit"][value="nPerNc"]')).toBe(true);
    expect(await page.isDisabled('#param-edgeNm')).toBe(true);
    await expect.poll(() => page.url()).toMatch(/edgeNm=bulk/); // the URL is written 150 ms after the last change
    expect(await page.locator('#converted').innerText()).toMatch(/not defined for a film/);
    await page.uncheck('#bulk-film');
    await settled(page);
    // The pump as a photon energy: the same pump, so the same curve.
    const inNm = await settled(page);
    await page.check('input[name="pump-unit"][value="pumpEv"]');
    const inEv = await settled(page);
    expect(await page.inputValue('#param-pumpEv')).toBe('2.638');
    expect(Math.abs(inEv.tau1ePs! / inNm.tau1ePs! - 1)).toBeLessThan(1e-3);
    await page.check('input[name="pump-unit"][value="pumpNm"]');
    await settled(page);
  });

  it('shows bad input in the field and keeps the last good curve', async () => {
    const good = await hook(page);
    await page.fill('#param-densityCm3', 'lots');
    await expect.poll(() => page.getAttribute('#param-densityCm3', 'aria-invalid')).toBe('true');
    expect(await page.locator('[data-param="densityCm3"] .error').innerText()).toMatch(/Not a number/);
    await page.fill('#param-densityCm3', '1e30');
    expect(await page.locator('[data-param="densityCm3"] .error').innerText()).toMatch(/Out of range/);
    const kept = await hook(page);
    expect(kept.curves).toBe(1);
    expect(kept.tau1ePs).toBe(good.tau1ePs);
    expect(await page.locator('body').innerText()).not.toMatch(/NaN/);
    await page.fill('#param-densityCm3', '1e19');
    await page.press('#param-densityCm3', 'Enter');
    expect((await settled(page)).tau1ePs).toBe(good.tau1ePs);
  });

  it('runs a sweep with progress and cancels it', async () => {
    await page.fill('[data-axis="0"] [data-f="count"]', '400');
    await page.click('.sweep .run');
    await page.waitForFunction(() => (document.querySelector('.sweep progress') as HTMLProgressElement).value > 0, null, { timeout: 20_000 });
    expect(await page.isEnabled('.sweep .cancel')).toBe(true);
    await page.click('.sweep .cancel');
    await page.waitForSelector('.sweep[data-state="cancelled"]', { timeout: 5_000 });
    expect(await page.locator('.sweep .status').innerText()).toMatch(/Cancelled: \d+ of 2400 points/);
    expect(await page.isEnabled('.sweep .run')).toBe(true);
  });

  it('exports every curve on screen as CSV, and the chart as PNG', async () => {
    await page.click('#keep');
    await page.fill('#param-latticeK', '150');
    await page.press('#param-latticeK', 'Enter');
    const h = await settled(page);
    expect(h.curves).toBe(2);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const csv = (await downloaded(download)).toString('utf8');
    expect(csv).toMatch(/^# curve 1: FAPbI3 8 nm, 1e\+?19 cm⁻³, 150 K/m);
    expect(csv).toMatch(/^# curve 1: tau1e_ps=[\d.]+; peakTc_K=[\d.]+; nc_auger_statistics=poisson; solver=/m);
    expect(csv).toMatch(/^curve,label,t_ps,Tc_K,T_LO_K,T_A_K,n_cm3,Tc_e_K,Tc_h_K$/m);
    const rows = csv.split('\n').filter((l) => /^[12],/.test(l));
    expect(rows.length).toBe(400); // two curves × 200 delays
    expect(csv).not.toMatch(/NaN/);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    const bytes = await downloaded(png);
    expect(png.suggestedFilename()).toBe('hotcarrier-chart.png');
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(5000);
  });

  it('reproduces the view from the shared URL', async () => {
    // The URL is written 150 ms after the last change (the lattice at 150 K, with a kept curve): wait for it.
    await expect.poll(() => page.url()).toMatch(/latticeK=150&.*overlays=/);
    const url = page.url();
    expect(url).toMatch(/composition=FAPbI3/);
    expect(url).toMatch(/overlays=/);
    const original = await hook(page);
    const second = await app.browser.context.newPage();
    second.on('pageerror', (e) => pageErrors.push(e.message));
    await second.goto(url);
    await second.waitForFunction(() => (window as unknown as { hotcarrier?: Hook }).hotcarrier?.curves === 2, null, { timeout: 20_000 });
    const copy = await settled(second);
    expect(copy.tau1ePs).toBe(original.tau1ePs);
    expect(copy.peakTcK).toBe(original.peakTcK);
    for (const field of ['#param-densityCm3', '#param-latticeK', '#param-edgeNm']) {
      expect(await second.inputValue(field)).toBe(await page.inputValue(field));
    }
    expect(await second.inputValue('#composition-select')).toBe('FAPbI3');
    expect(await second.inputValue('[data-axis="0"] [data-f="count"]')).toBe('400');
    await second.close();
  });

  it('works from the keyboard: a slider moves with the arrow keys, Reset with Enter', async () => {
    const before = await settled(page);
    await page.focus('[data-param="latticeK"] input[type=range]');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    const moved = await settled(page);
    expect(moved.inputSeq - before.inputSeq).toBe(5);
    expect(moved.tau1ePs).not.toBe(before.tau1ePs);
    await page.focus('#reset');
    await page.keyboard.press('Enter');
    const reset = await settled(page);
    expect(reset.curves).toBe(1);
    expect(await page.inputValue('#composition-select')).toBe('CsPbI3');
    expect(await page.inputValue('#param-latticeK')).toBe('300');
  });

  it('gives every control an accessible name (label, aria-label or text), and no id twice', async () => {
    const report = await page.evaluate(() => {
      const nameOf = (el: Element): string => {
        const aria = el.getAttribute('aria-label') ?? '';
        const by = (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)
          .map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
        const labels = 'labels' in el ? Array.from((el as HTMLInputElement).labels ?? []).map((l) => l.textContent ?? '').join(' ') : '';
        const text = el.tagName === 'BUTTON' ? el.textContent ?? '' : '';
        return [aria, by, labels, text, el.getAttribute('title') ?? ''].join(' ').trim();
      };
      const controls = Array.from(document.querySelectorAll('input, select, textarea, button'))
        .filter((el) => (el as HTMLInputElement).type !== 'hidden');
      const ids = Array.from(document.querySelectorAll('[id]')).map((el) => el.id);
      return {
        count: controls.length,
        unnamed: controls.filter((el) => nameOf(el) === '').map((el) => el.outerHTML.slice(0, 120)),
        duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i),
      };
    });
    expect(report.count).toBeGreaterThan(30);
    expect(report.unnamed).toEqual([]);
    expect(report.duplicateIds).toEqual([]);
  });

  it('shows a hostile composition from a URL as text, never as markup', async () => {
    const evil = await app.browser.context.newPage();
    await evil.goto(`${app.server.url}#composition=${encodeURIComponent('<img src=x onerror="window.pwned=1">')}&overlays=${encodeURIComponent(JSON.stringify([{ composition: '<b>x</b>', edgeNm: 8, densityCm3: 1e18 }]))}`);
    // The link cannot be drawn: the status says so, quoting the composition as text, and the defaults are drawn.
    // (The first curve may take seconds on a loaded machine; a kept curve's refusal can show first.)
    await expect.poll(() => evil.locator('#status').innerText(), { timeout: 15_000 }).toMatch(/composition[\s\S]*img src=x/i);
    expect(await evil.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await evil.locator('#composition-select img, #overlay-list b').count()).toBe(0);
    await evil.close();
  });

  it('Intensity series overlays the current sample at ×0.1, ×0.3, ×3 and ×10 the excitation', async () => {
    await page.click('#clear');
    await page.fill('#param-densityCm3', '1e18');
    await page.press('#param-densityCm3', 'Enter');
    await settled(page);
    await page.click('#intensity-series');
    await page.waitForFunction(() => (window as unknown as { hotcarrier?: Hook }).hotcarrier?.curves === 5, null, { timeout: 20_000 });
    const legend = await page.locator('#main-chart .u-legend').innerText();
    for (const d of ['1e17', '3e17', '3e18', '1e19']) expect(legend).toContain(`${d} cm⁻³`);
    await page.click('#clear');
    await page.waitForFunction(() => (window as unknown as { hotcarrier?: Hook }).hotcarrier?.curves === 1, null, { timeout: 20_000 });
  });

  it('the bottleneck demo draws four labelled curves, the switched-off mechanisms named, and puts them in the URL', async () => {
    await page.click('button[data-preset="bottleneck"]');
    await page.waitForFunction(() => (window as unknown as { hotcarrier?: Hook }).hotcarrier?.curves === 4, null, { timeout: 20_000 });
    await settled(page);
    const legend = await page.locator('#main-chart .u-legend').innerText();
    expect(legend).toMatch(/CsPbI3 8 nm, 5e18 cm⁻³ \(current\)/);
    expect(legend).toMatch(/CsPbI3 8 nm, 5e18 cm⁻³, no hot phonons/);
    expect(legend).toMatch(/CsPbI3 8 nm, 5e18 cm⁻³, no Auger heating/);
    expect(legend).toMatch(/CsPbI3 8 nm, 1e17 cm⁻³/);
    await expect.poll(() => decodeURIComponent(page.url())).toMatch(/hotPhonons/);
  });

  it('saves a screenshot and raised no page errors', async () => {
    await page.click('button[data-preset="5b"]');
    await page.waitForFunction(() => (window as unknown as { hotcarrier?: Hook }).hotcarrier?.curves === 3, null, { timeout: 20_000 });
    await settled(page);
    await page.screenshot({ path: join(RESULTS, 'e2e-app.png'), fullPage: true });
    expect(pageErrors).toEqual([]);
  });
});
