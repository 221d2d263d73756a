// TA readers: the real samples in ../shared/ta-samples (axes, shape, values), the other layouts on small files
// written here, units read or refused (never guessed), missing cells kept, and refusals naming file, line, column.

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTaMap, readThreeFiles } from '../../src/data/ta-read.ts';
import { toSpectra, HC_EV_NM } from '../../src/data/ta-map.ts';
import { TaFileError } from '../../src/data/ta-scan.ts';

const ROOT = resolve(import.meta.dirname, '../..');
// the shared samples sit beside the checkout (../shared/ta-samples) or, from a worktree, one level further up
const SAMPLES = [join(ROOT, '..', 'shared', 'ta-samples'), join(ROOT, '..', '..', 'shared', 'ta-samples')].find((d) => existsSync(d)) ?? join(ROOT, '..', 'shared', 'ta-samples');
const haveSamples = existsSync(join(SAMPLES, 'kimopack-Ru-dppz-400nm-ACN.SIA'));
if (!haveSamples) console.warn(`TA reader tests on real files skipped: ${SAMPLES} is absent (the shared TA samples are not on this machine)`);

function refusal(f: () => unknown, line: number | null, column: number | null, allowed: RegExp): TaFileError {
  let caught: unknown;
  try { f(); } catch (e) { caught = e; }
  expect(caught).toBeInstanceOf(TaFileError);
  const e = caught as TaFileError;
  expect([e.line, e.column], e.message).toEqual([line, column]);
  expect(e.message).toMatch(/; allowed: ./);
  expect(e.message).toMatch(allowed);
  if (line !== null) expect(e.message).toContain(column === null ? `line ${line}:` : `line ${line}, column ${column}:`);
  return e;
}

describe.skipIf(!haveSamples)('real samples', () => {
  it('KiMoPack .SIA: 446 wavelengths 335–780 nm × 183 delays from −10 ps, values as in the file', () => {
    const text = readFileSync(join(SAMPLES, 'kimopack-Ru-dppz-400nm-ACN.SIA'), 'utf8');
    const m = readTaMap(text, 'kimopack.SIA');
    expect(m.layout).toBe('kimopack');
    expect([m.spectral.length, m.delays.length]).toEqual([446, 183]);
    expect([m.spectral[0], m.spectral[445]]).toEqual([335, 780]);
    expect(m.delays[0]).toBeCloseTo(-10, 3);
    expect(m.delayUnit).toMatchObject({ unit: 'ps', from: 'file' });
    expect(m.spectralUnit).toMatchObject({ unit: 'nm', from: 'layout' });
    expect(m.signalUnit.unit).toBeNull();
    // row 2 (first delay), column 2 (335 nm) of the file, read independently here
    const lines = text.split(/\r?\n/);
    const cells = lines[1].split('\t');
    expect(m.values[0]).toBe(Number(cells[1]));
    const last = lines[183].split('\t');
    expect(m.values[182 * 446 + 445]).toBe(Number(last[446]));
    expect(m.missing).toBe(0);
    const s = toSpectra(m, { signalUnit: 'OD' });
    expect(s.energyEv[0]).toBeCloseTo(HC_EV_NM / 780, 9); // ascending energy: longest wavelength first
    expect(s.dA[445]).toBe(m.values[0]); // 335 nm is the highest energy
  });

  it('Glotaran ascii, Time explicit: 224 delays on the explicit line, 252 wavelength rows; the delay unit asked for', () => {
    const text = readFileSync(join(SAMPLES, 'glotaran-2016c2o-tol.ascii'), 'utf8');
    const m = readTaMap(text, 'glotaran.ascii');
    expect(m.layout).toBe('glotaran');
    expect([m.spectral.length, m.delays.length]).toEqual([252, 224]);
    expect(m.spectral[0]).toBeCloseTo(420.149475, 6);
    expect(m.delays[0]).toBeCloseTo(-1.21000002e-3, 12);
    expect(m.delays[1]).toBeCloseTo(3.52299996e-2, 12);
    // first wavelength row, first two values: 0.740000010 0.370000005
    expect(m.values[0]).toBeCloseTo(0.74000001, 9);
    expect(m.values[1 * 252]).toBeCloseTo(0.370000005, 9);
    expect(m.delayUnit.unit).toBeNull();
    refusal(() => toSpectra(m, { signalUnit: 'mOD' }), null, null, /--delay-unit fs \| ps \| ns/);
    const s = toSpectra(m, { signalUnit: 'mOD', delayUnit: 'ps' });
    expect(s.dA[s.energyEv.length - 1]).toBeCloseTo(0.74000001e-3, 14); // 420 nm = highest energy, mOD → OD
  });
});

const sx = [
  '0,-0.5,0.0,0.5,1.0',
  '500,0.1,0.2,,0.4',
  '510,0.5,0.6,NaN,0.8',
  '520,0.9,1.0,1.1,1.2',
  '',
  'Sample,CsPbBr3 NCs',
  'Time units,ps',
  'Signal,mOD',
].join('\n');

describe('Surface Xplorer, plain matrix, three files', () => {
  it('Surface Xplorer CSV: delays along the first row, wavelengths down, missing cells kept, units from the metadata', () => {
    const m = readTaMap(sx, 'run.csv');
    expect(m.layout).toBe('surface-xplorer');
    expect(m.orientation).toBe('spectral-rows');
    expect(Array.from(m.delays)).toEqual([-0.5, 0, 0.5, 1]);
    expect(Array.from(m.spectral)).toEqual([500, 510, 520]);
    expect(m.values[0 * 3 + 1]).toBe(0.5); // delay −0.5, 510 nm
    expect(Number.isNaN(m.values[2 * 3 + 0])).toBe(true); // the empty cell
    expect(Number.isNaN(m.values[2 * 3 + 1])).toBe(true); // NaN
    expect(m.missing).toBe(2);
    expect(m.metadata).toContain('Time units,ps');
    expect(m.delayUnit).toMatchObject({ unit: 'ps', from: 'file' });
    expect(m.signalUnit).toMatchObject({ unit: 'mOD', from: 'file' });
  });

  it('plain matrix in energy (eV) with delays down the rows, read from the corner cell; the transposed file reads the same', () => {
    const rows = 'delay (ps) \\ E (eV),2.3,2.4,2.5\n0.1,1,2,3\n0.2,4,5,6\n';
    const a = readTaMap(rows, 'a.csv');
    expect(a.layout).toBe('matrix');
    expect(a.orientation).toBe('delay-rows');
    expect(a.spectralUnit.unit).toBe('eV');
    expect(a.delayUnit.unit).toBe('ps');
    const cols = 'E (eV),0.1,0.2\n2.3,1,4\n2.4,2,5\n2.5,3,6\n';
    const b = readTaMap(cols, 'b.csv', { orientation: 'spectral-rows' });
    expect(Array.from(b.values)).toEqual(Array.from(a.values));
    // without a word in the corner and with both axes positive, the orientation is asked for
    refusal(() => readTaMap('0,2.3,2.4\n0.1,1,2\n0.2,3,4\n', 'c.csv'), 1, 1, /--orientation delay-rows/);
  });

  it('three files: the orientation from the shapes; units from the file names', () => {
    const m = readThreeFiles({ text: '1 2 3\n4 5 6\n', name: 'm.txt' }, { text: '500\n510\n520\n', name: 'wl_nm.txt' }, { text: '0.1\n0.2\n', name: 'delays_fs.txt' });
    expect(m.orientation).toBe('delay-rows');
    expect(m.spectralUnit.unit).toBe('nm');
    expect(m.delayUnit.unit).toBe('fs');
    const t = readThreeFiles({ text: '1 4\n2 5\n3 6\n', name: 'm.txt' }, { text: '500 510 520', name: 'wl_nm.txt' }, { text: '0.1,0.2', name: 'delays_fs.txt' });
    expect(Array.from(t.values)).toEqual([1, 2, 3, 4, 5, 6]);
    const s = toSpectra(t, { signalUnit: 'dT/T' });
    expect(s.delaysPs[1]).toBeCloseTo(2e-4, 15);
    expect(s.dA[2]).toBeCloseTo(-Math.log10(1 + 1), 12); // 500 nm (highest energy, last) at the first delay: ΔT/T = 1
  });

  it('the Jacobian is applied only when asked for, and says so', () => {
    const m = readTaMap('delay ps,500,600\n0,1,1\n1,1,1\n', 'j.csv');
    const plain = toSpectra(m, { signalUnit: 'OD', spectralUnit: 'nm' });
    const jac = toSpectra(m, { signalUnit: 'OD', spectralUnit: 'nm', jacobian: true });
    expect(plain.dA[0]).toBe(1);
    expect(jac.dA[0]).toBeCloseTo(HC_EV_NM / (HC_EV_NM / 600) ** 2, 9);
    expect(jac.notes.join(' ')).toMatch(/Jacobian/);
  });
});

describe('refusals name the file, line and column', () => {
  it('KiMoPack: a text cell, a short row, a non-monotonic axis', () => {
    const head = 'Time in ps\t500\t510\t520';
    const e = refusal(() => readTaMap(`${head}\n0.1\t1\t2\t3\n0.2\t1\tx\t3\n`, 'bad.SIA'), 3, 3, /numbers/);
    expect(e.message.startsWith('bad.SIA: line 3, column 3')).toBe(true);
    refusal(() => readTaMap(`${head}\n0.1\t1\t2\t3\n0.2\t1\t2\n`, 'bad.SIA'), 3, 4, /4 tab-separated cells/);
    refusal(() => readTaMap('Time in ps\t500\t510\t505\n0.1\t1\t2\t3\n0.2\t1\t2\t3\n', 'bad.SIA'), 1, 4, /strictly increasing or strictly decreasing/);
    refusal(() => readTaMap(`${head}\n0.2\t1\t2\t3\n0.1\t1\t2\t3\n`, 'bad.SIA'), 3, 1, /increasing/);
  });

  it('Glotaran: a bad Intervalnr, a text cell, a row cut short', () => {
    const top = 'name\n\nTime explicit\n';
    refusal(() => readTaMap(`${top}Intervalnr x\n1 2\n`, 'g.ascii'), 4, 1, /Intervalnr N/);
    refusal(() => readTaMap(`${top}Intervalnr 2\n0.1 0.2\n500 1 2\n510 1 oops\n`, 'g.ascii'), 7, 3, /numbers/);
    refusal(() => readTaMap(`${top}Intervalnr 3\n0.1 0.2 0.3\n500 1 2 3\n510 1 2\n`, 'g.ascii'), 7, null, /3 numbers per row/);
  });

  it('Surface Xplorer / plain CSV: a text cell inside the matrix, an infinite value; three files that do not fit', () => {
    refusal(() => readTaMap('0,-1,0,1\n500,1,2,3\n510,1,abc,3\n', 's.csv'), 3, 3, /numbers/);
    refusal(() => readTaMap('0,-1,0,1\n500,1,2,3\n510,1,Infinity,3\n', 's.csv'), 3, 3, /numbers/);
    refusal(() => readTaMap('0,-1,0,1\n500,1,2,3\n510,1,1e999,3\n', 's.csv'), 3, 3, /numbers/);
    refusal(() => readThreeFiles({ text: '1 2\n3 4\n', name: 'm' }, { text: '500 510 520', name: 'w' }, { text: '0 1', name: 'd' }), null, null, /delays × wavelengths/);
    refusal(() => readThreeFiles({ text: '1 2\n3 4\n', name: 'm' }, { text: '500 x', name: 'w' }, { text: '0 1', name: 'd' }), 1, 2, /finite numbers/);
  });

  it('a unit flag that contradicts the file is refused; an over-long cell is refused, not scanned', () => {
    const m = readTaMap('Time in ps\t500\t510\n0\t1\t2\n1\t1\t2\n', 'u.SIA');
    refusal(() => toSpectra(m, { delayUnit: 'fs', signalUnit: 'OD' }), null, null, /drop --delay-unit/);
    refusal(() => readTaMap(`Time in ps\t500\t510\n0\t1\t${'1'.repeat(200)}\n1\t1\t2\n`, 'long.SIA'), 2, 3, /numbers/);
  });
});
