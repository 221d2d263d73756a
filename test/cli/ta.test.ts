// The TA commands end to end in-process: ta-inspect on the real samples, refusals (exit 2, file, line, column),
// simulate --ta → tc-extract → a Tc(t) CSV that simulate --data reads.

import { existsSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMeasuredCsv } from '../../src/data/measured.ts';
import { run } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLES = [join(ROOT, '..', 'shared', 'ta-samples'), join(ROOT, '..', '..', 'shared', 'ta-samples')].find((d) => existsSync(d));
if (!SAMPLES) console.warn('ta-inspect tests on the real samples skipped: ../shared/ta-samples is absent');
const dir = mkdtempSync(join(tmpdir(), 'hc-ta-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ta-inspect', () => {
  it.skipIf(!SAMPLES)('names the shape and where each unit came from', async () => {
    const r = await run(['ta-inspect', join(SAMPLES!, 'kimopack-Ru-dppz-400nm-ACN.SIA')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('446 wavelengths × 183 delays');
    expect(r.out).toMatch(/delay\s+ps — corner cell "Time in ps"/);
    const g = await run(['ta-inspect', join(SAMPLES!, 'glotaran-2016c2o-tol.ascii'), '--json']);
    const j = JSON.parse(g.out);
    expect([j.wavelengths.count, j.delays.count]).toEqual([252, 224]);
    expect(j.delays.unit.unit).toBeNull();
  });

  it('refuses a bad file with exit 2 naming file, line and column', async () => {
    const bad = join(dir, 'bad.SIA');
    writeFileSync(bad, 'Time in ps\t500\t510\n0\t1\t2\n1\t1\tzz\n');
    const r = await run(['ta-inspect', bad]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('bad.SIA: line 3, column 3: "zz" is not a number; allowed:');
    const lay = await run(['ta-inspect', bad, '--layout', 'excel']);
    expect(lay.code).toBe(2);
    expect(lay.err).toMatch(/--layout "excel" is not allowed; allowed: kimopack \| glotaran/);
  });
});

describe('simulate --ta → tc-extract → simulate --data', () => {
  it('the extracted CSV reads back as measured Tc(t) and is compared with the model', async () => {
    const base = ['--composition', 'MAPbI3', '--bulk', '--density', '1e16', '--t-start-ps', '0.2', '--t-end-ps', '50', '--points', '10'];
    for (const layout of ['kimopack', 'glotaran', 'surface-xplorer', 'matrix']) {
      const sim = await run(['simulate', ...base, '--ta', layout, '--ta-noise-od', '2e-5', '--ta-seed', '3', '--ta-no-bgr']);
      expect(sim.code, sim.err).toBe(0);
      const file = join(dir, `map-${layout}.txt`);
      writeFileSync(file, sim.out);
      const units = layout === 'kimopack' ? ['--signal-unit', 'OD'] : [];
      const ex = await run(['tc-extract', file, '--composition', 'MAPbI3', '--bulk', ...units]);
      expect(ex.code, ex.err).toBe(0);
      expect(ex.out).toMatch(/^# tc-extract .*\n# columns: the bleach model/);
      const series = parseMeasuredCsv(ex.out, 'tc.csv');
      expect(series.tPs.length).toBe(10);
      expect(series.sigmaK).not.toBeNull();
      const csv = join(dir, `tc-${layout}.csv`);
      writeFileSync(csv, ex.out);
      const cmp = await run(['simulate', ...base, '--data', csv]);
      expect(cmp.code, cmp.err).toBe(0);
      expect(cmp.out).toMatch(/measured vs model \(tc-.*\.csv\): 10 points, RMS [\d.]+ K/);
    }
  });

  it('asks for a unit it cannot read, and for the sample', async () => {
    const sim = await run(['simulate', '--composition', 'MAPbI3', '--bulk', '--points', '10', '--ta', 'kimopack']);
    const file = join(dir, 'u.SIA');
    writeFileSync(file, sim.out);
    const a = await run(['tc-extract', file, '--composition', 'MAPbI3', '--bulk']);
    expect(a.code).toBe(2);
    expect(a.err).toMatch(/signal unit is not stated.*allowed: give --signal-unit OD \| mOD \| dT\/T/);
    const b = await run(['tc-extract', file, '--signal-unit', 'OD']);
    expect(b.code).toBe(2);
    expect(b.err).toMatch(/needs the sample.*--composition/);
    const c = await run(['simulate', '--ta', 'excel']);
    expect(c.code).toBe(2);
    expect(c.err).toMatch(/--ta "excel" is not a layout; allowed: kimopack/);
  });
});

describe('fit over several files', () => {
  it('fits a shared parameter to two Tc(t) files, each with its excitation, and reports per file and joint', async () => {
    const { syntheticSeries } = await import('../../src/data/synthetic.ts');
    const files = [0.2, 1].map((nPerNc, i) => {
      const s = syntheticSeries({ composition: 'CsPbI3', edgeNm: 8, nPerNc, materialOverrides: { loLifetimePs: 1.5 } }, [0.2, 0.4, 0.7, 1, 1.5, 2, 3, 5, 8, 12], { seed: 5 + i, relSigma: 0.02 });
      const path = join(dir, `tc-${nPerNc}.csv`);
      writeFileSync(path, ['delay_ps,Tc_K,sigma_K', ...Array.from(s.tPs, (t, k) => `${t},${s.tcK[k]},${s.sigmaK![k]}`)].join('\n'));
      return `${path}@n-per-nc=${nPerNc}`;
    });
    const r = await run(['fit', '--composition', 'CsPbI3', '--edge-nm', '8', '--data', files[0], '--data', files[1], '--free', 'loLifetimePs']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/global fit over 2 files: 20 points, 1 shared parameters, dof 19/);
    expect(r.out).toMatch(/file tc-0.2.csv \(nPerNc 0.2\): 10 points, χ²\/point [\d.]+/);
    const m = /loLifetimePs\s+([\d.]+)\s+([\d.]+)/.exec(r.out)!;
    expect(Math.abs(Number(m[1]) - 1.5)).toBeLessThan(2 * Number(m[2]));
    const bad = await run(['fit', '--composition', 'CsPbI3', '--data', files[0], '--data', files[1].split('@')[0], '--free', 'loLifetimePs']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/needs each file's excitation; allowed: FILE@EXCITATION=VALUE/);
  });
});

describe.skipIf(!SAMPLES)('tc-extract on a real map without a thermal tail', () => {
  it('the chirp file applied, and nearly every delay left out of the rows by the χ² limit (the Ru complex has no hot carriers)', async () => {
    const r = await run(['tc-extract', join(SAMPLES!, 'kimopack-Ru-dppz-400nm-ACN.SIA'), '--signal-unit', 'OD', '--composition', 'MAPbI3', '--bulk',
      '--chirp', join(SAMPLES!, 'kimopack-Ru-dppz-400nm-ACN_chirp.dat')]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/# chirp corrected: t0\(λ\) = polynomial \[-2\.885e-11, /);
    const rows = r.out.slice(r.out.indexOf('delay_ps,Tc_K,sigma_K')).trim().split('\n').length - 1;
    expect(rows).toBeLessThan(5);
    expect((r.out.match(/left out: χ²\/dof above 5/g) ?? []).length).toBeGreaterThan(100);
    expect(r.out).not.toMatch(/NaN|undefined|Infinity/);
  });
});
