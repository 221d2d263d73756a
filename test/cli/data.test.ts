// `hotcarrier simulate --data FILE`: the comparison in text, JSON and CSV, and every way a file is refused
// (exit 2, nothing on stdout, "error: --data FILE: …" naming the file, the place and what is allowed).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_DATA_FILE_BYTES, modelTcAt } from '../../src/data/measured.ts';
import { simulate } from '../../src/model/simulate.ts';
import { escapeRe, run, type Run } from './helpers.ts';

let dir: string;
const file = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};
const BASE = ['simulate', '--composition', 'CsPbI3', '--edge-nm', '8', '--n-per-nc', '0.1'];
const GOOD = '# test data\ndelay_ps,Tc_K,sigma_K\n-0.2,300,40\n0.3,1900,120\n1.2,850,50\n3,420,25\n10,310,15\n';

/** Exit 2, empty stdout, and "error: --data PATH: " followed by `rest`. */
function expectRefused(r: Run, path: string, rest: RegExp): void {
  expect(r.code, r.err).toBe(2);
  expect(r.out).toBe('');
  expect(r.err).toMatch(new RegExp(`^error: --data ${escapeRe(path)}: `));
  expect(r.err).toMatch(rest);
  expect(r.err).toMatch(/allowed: /);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hotcarrier-data-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('simulate --data: the comparison', () => {
  it('text: a "measured vs model" line with points, RMS, max |Δ|, χ²/point and the points outside the window', async () => {
    const r = await run([...BASE, '--data', file('good.csv', GOOD)]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^ {2}measured vs model \(good\.csv\): 4 points, RMS [\d.]+ K, max \|Δ\| [\d.]+ K, χ²\/point [\d.e+]+, 1 point outside the model window 0\.01–1000 ps \(not compared\)$/m);
    expect(r.out).toMatch(/cooling: 1\/e time/); // the usual output is all there
    expect(r.out).not.toMatch(/NaN/);
  });

  it('text without an uncertainty column, and with delays in fs (said so)', async () => {
    const r = await run([...BASE, '--data', file('fs.csv', 'delay (fs)\tTc (K)\n300\t1900\n1200\t850\n3000\t420\n')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/measured vs model \(fs\.csv\): 3 points, RMS [\d.]+ K, max \|Δ\| [\d.]+ K, χ²\/point — \(no uncertainty column\)$/m);
    expect(r.out).toMatch(/measured data: delays converted from fs to ps/);
  });

  it('data taken from the model itself compares to RMS 0', async () => {
    const model = simulate({ composition: 'CsPbI3', edgeNm: 8, nPerNc: 0.1 });
    const rows = [0.2, 0.9, 2.5, 40].map((t) => `${t},${modelTcAt(model, t)!.toPrecision(15)}`);
    const r = await run([...BASE, '--data', file('self.csv', rows.join('\n'))]);
    expect(r.out).toMatch(/measured vs model \(self\.csv\): 4 points, RMS (0|\d(\.\d+)?e-\d+) K, max \|Δ\| (0|\d(\.\d+)?e-\d+) K/);
  });

  it('no measured delay inside the window: said, never NaN', async () => {
    const r = await run([...BASE, '--data', file('before.csv', '-3,300\n-2,300\n-1,300\n')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/no measured delay lies in the model window 0\.01–1000 ps; 3 points not compared/);
    expect(r.out).not.toMatch(/NaN/);
  });

  it('--json adds measured (the series, with the model at its delays) and comparison', async () => {
    const r = await run([...BASE, '--data', file('good.csv', GOOD), '--json']);
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.measured.name).toBe('good.csv');
    expect(json.measured.tPs).toEqual([-0.2, 0.3, 1.2, 3, 10]);
    expect(json.measured.sigmaK).toEqual([40, 120, 50, 25, 15]);
    expect(json.measured.header).toEqual(['delay_ps', 'Tc_K', 'sigma_K']);
    expect(json.measured.modelTcK[0]).toBeNull();
    expect(json.measured.modelTcK[1]).toBeGreaterThan(300);
    expect(json.comparison).toMatchObject({ n: 4, outsideWindow: 1 });
    expect(json.comparison.rmsK).toBeGreaterThan(0);
    expect(json.columns.tc_k.length).toBe(200); // the model is still all there
    expect(r.out).not.toMatch(/NaN/);
  });

  it('--csv appends a "# measured" block after a blank line, with the model Tc at the measured delays', async () => {
    const r = await run([...BASE, '--data', file('good.csv', GOOD), '--csv']);
    expect(r.code, r.err).toBe(0);
    const [model, measured] = r.out.trimEnd().split('\n\n');
    expect(model.split('\n').filter((l) => /^\d/.test(l)).length).toBe(200);
    const lines = measured.split('\n');
    expect(lines[0]).toBe('# measured: good.csv; 5 rows');
    expect(lines[1]).toMatch(/^# compared: 4 points, rms_k [\d.]+, max_abs_k [\d.]+, chi2_per_point [\d.]+, outside_window 1 /);
    expect(lines[2]).toBe('t_ps,measured_tc_k,sigma_k,model_tc_k');
    expect(lines.slice(3)).toHaveLength(5);
    expect(lines[3]).toMatch(/^-0\.2\d*,300\.0+,40\.0+,$/); // outside the window: model cell empty
    expect(lines[4]).toMatch(/^0\.3\d*,1900\.0+,120\.0+,\d+\.\d+$/);
    expect(r.out).not.toMatch(/NaN/);
  });
});

describe('simulate --data: refused files exit 2 and name the file', () => {
  it('a line with a non-number names line and column', async () => {
    const path = file('bad.csv', 'delay_ps,Tc_K\n0.1,2000\n0.2,1500\n0.3,1200\n0.4,1100\n0.5,1000\n0.6,abc\n');
    const r = await run([...BASE, '--data', path]);
    expectRefused(r, path, /: line 7, column 2: "abc" is not a number; allowed: carrier temperature in K \(a positive number up to 1e5 K\)$/m);
  });

  it('non-increasing delays, negative temperature, fewer than 3 rows', async () => {
    let path = file('order.csv', '0.1,2000\n0.5,1500\n0.3,1200\n');
    expectRefused(await run([...BASE, '--data', path]), path, /line 3, column 1: delay "0.3" is not greater than the delay "0.5" on line 2/);
    path = file('negative.csv', '0.1,2000\n0.5,-15\n0.7,1200\n');
    expectRefused(await run([...BASE, '--data', path]), path, /line 2, column 2: "-15" is not positive/);
    path = file('short.csv', '0.1,2000\n0.5,1500\n');
    expectRefused(await run([...BASE, '--data', path]), path, /the file has 2 data rows; allowed: at least 3/);
  });

  it('an empty file and a binary file', async () => {
    let path = file('empty.csv', '');
    expectRefused(await run([...BASE, '--data', path]), path, /the file is empty/);
    path = file('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0xff, 0xfe, 0x80]));
    expectRefused(await run([...BASE, '--data', path]), path, /the file is not text/);
  });

  it('a missing file and a directory', async () => {
    const missing = join(dir, 'nope.csv');
    expectRefused(await run([...BASE, '--data', missing]), missing, /no such file/);
    expectRefused(await run([...BASE, '--data', dir]), dir, /is a directory/);
  });

  it('a file above the size limit is refused before it is read', async () => {
    const path = file('big.csv', Buffer.alloc(MAX_DATA_FILE_BYTES + 1, '#'));
    expectRefused(await run([...BASE, '--data', path]), path, /the file is 5242881 bytes \(5\.0 MB\); allowed: at most 5242880 bytes \(5 MB\)/);
  });

  it('--data without a path, empty, or on another command', async () => {
    let r = await run(['simulate', '--data']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--data needs a value; allowed: a path to a CSV file/);
    r = await run(['simulate', '--data', '']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--data needs a file path/);
    r = await run(['trends', '--data', join(dir, 'good.csv')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--data applies to simulate only, not trends/);
  });

  it('help lists --data', async () => {
    expect((await run(['help'])).out).toMatch(/--data FILE +measured carrier temperatures/);
  });
});
