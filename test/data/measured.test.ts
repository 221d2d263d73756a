// Measured carrier temperatures: every way a file can be refused (line, column, what is allowed), the formats
// accepted, and comparisons with a model run whose answer is known.

import { describe, expect, it } from 'vitest';
import {
  checkDataFileSize, compareWithModel, DataFileError, headerUnit, MAX_DATA_FILE_BYTES, MAX_DATA_ROWS, modelTcAt, parseMeasuredCsv,
} from '../../src/data/measured.ts';
import { simulate } from '../../src/model/simulate.ts';

/** The error thrown by parsing `text`, checked to be a DataFileError at that line and column. */
function refusal(text: string, line: number | null, column: number | null): DataFileError {
  let caught: unknown;
  try {
    parseMeasuredCsv(text, 'test.csv');
  } catch (e) {
    caught = e;
  }
  expect(caught, `no error for ${JSON.stringify(text.slice(0, 80))}`).toBeInstanceOf(DataFileError);
  const error = caught as DataFileError;
  expect(error.line, error.message).toBe(line);
  expect(error.column, error.message).toBe(column);
  expect(error.message).toMatch(/; allowed: ./);
  expect(error.message.replace(/"[^"]*"/g, '')).not.toMatch(/NaN|undefined/); // quoted cells may say NaN
  if (line !== null) expect(error.message.startsWith(`line ${line}${column === null ? ':' : `, column ${column}:`}`)).toBe(true);
  return error;
}

describe('parseMeasuredCsv: accepted formats', () => {
  it('reads the documented header with units and a sigma column', () => {
    const s = parseMeasuredCsv('# TA fit, 2024-05-01\ndelay_ps,Tc_K,sigma_K\n0.2,1800,60\n0.5,1200,40\n\n1.0,700,30\n3,400,20\n', 'run1.csv');
    expect(s.name).toBe('run1.csv');
    expect(Array.from(s.tPs)).toEqual([0.2, 0.5, 1, 3]);
    expect(Array.from(s.tcK)).toEqual([1800, 1200, 700, 400]);
    expect(Array.from(s.sigmaK!)).toEqual([60, 40, 30, 20]);
    expect(s.header).toEqual(['delay_ps', 'Tc_K', 'sigma_K']);
    expect(s.delayUnit).toBe('ps');
    expect(s.notes).toEqual([]);
  });

  it('reads "t (ps), T (K)" with spaces, and no header at all (saying so)', () => {
    expect(Array.from(parseMeasuredCsv('t (ps), T (K)\n0.1, 2000\n1, 900\n10, 320\n').tcK)).toEqual([2000, 900, 320]);
    const bare = parseMeasuredCsv('0.1,2000\n1,900\n10,320');
    expect(bare.header).toEqual([]);
    expect(bare.sigmaK).toBeNull();
    expect(bare.notes.join()).toMatch(/no header row: delays read as ps/);
  });

  it('converts fs and ns delays to ps and says so', () => {
    const fs = parseMeasuredCsv('delay (fs)\tTc (K)\n100\t2000\n500\t1500\n2000\t800\n');
    expect(Array.from(fs.tPs)).toEqual([0.1, 0.5, 2]);
    expect(fs.delayUnit).toBe('fs');
    expect(fs.notes).toContain('delays converted from fs to ps');
    const ns = parseMeasuredCsv('t/ns;T/K\n0.001;900\n0.01;500\n1;310\n');
    expect(Array.from(ns.tPs)).toEqual([1, 10, 1000]);
    expect(ns.notes).toContain('delays converted from ns to ps');
    expect(headerUnit('delay in fs')).toBe('fs');
    expect(headerUnit('t [ns]')).toBe('ns');
    expect(headerUnit('delay ps')).toBe('ps');
    expect(headerUnit('delay')).toBeNull();
  });

  it('reads semicolon and tab files with decimal commas, CRLF line ends, a BOM and trailing separators', () => {
    const s = parseMeasuredCsv('\uFEFFdelay_ps;Tc_K;\r\n0,5;1500,5;\r\n1,0;900;\r\n2;600;\r\n');
    expect(Array.from(s.tPs)).toEqual([0.5, 1, 2]);
    expect(Array.from(s.tcK)).toEqual([1500.5, 900, 600]);
    expect(parseMeasuredCsv('0,5\t1500\n1\t900\n2\t600').tPs[0]).toBe(0.5);
  });

  it('keeps negative delays (before the pump peak) and exponent notation', () => {
    const s = parseMeasuredCsv('-0.5,300\n-1e-2,1.2e3\n+2.5E-1,1000\n');
    expect(Array.from(s.tPs)).toEqual([-0.5, -0.01, 0.25]);
  });
});

describe('parseMeasuredCsv: refusals name line, column and what is allowed', () => {
  it('empty file, blank file, only comments', () => {
    expect(refusal('', null, null).message).toMatch(/^the file is empty; allowed: a text file of rows/);
    refusal('  \n\n ', null, null);
    expect(refusal('# only a comment\n# another\n', null, null).message).toMatch(/no data rows; allowed: at least 3 rows/);
    expect(refusal('delay_ps,Tc_K\n', null, null).message).toMatch(/no data rows/);
  });

  it('binary or garbage content', () => {
    expect(refusal('PK\u0003\u0004\0\0\0\u0008\0abc', null, null).message).toMatch(/not text .*allowed: a text file/);
    refusal('\uFFFD\uFFFD\uFFFD\uFFFD\uFFFDx\uFFFD\uFFFD', null, null);
    expect(refusal('<!doctype html>\n<html lang="en">\n<body>page</body>', 2, 1).message).toMatch(/"<html" is not a number/);
  });

  it('fewer than 2 columns, more than 3, or a sigma column on only some rows', () => {
    expect(refusal('delay_ps,Tc_K\n0.1,2000\n0.2\n0.3,1000', 3, null).message).toMatch(/^line 3: 1 column \("0.2"\); allowed: 2 or 3 columns/);
    expect(refusal('0.1,2000,10,5\n', 1, 4).message).toMatch(/4 columns; allowed: 2 or 3 columns/);
    expect(refusal('0.1,2000,10\n0.2,1500\n0.3,1000,10', 2, null).message).toMatch(/2 columns where line 1 has 3; allowed: the uncertainty column on every data row or on none/);
  });

  it('non-numeric and empty cells', () => {
    const e = refusal('delay_ps,Tc_K\n0.1,2000\n0.2,1500\n0.3,1200\n0.4,1100\n0.5,1000\n0.6,abc\n', 7, 2);
    expect(e.message).toBe('line 7, column 2: "abc" is not a number; allowed: carrier temperature in K (a positive number up to 1e5 K)');
    expect(refusal('0.1,2000\n0.2x,1500\n', 2, 1).message).toMatch(/"0.2x" is not a number; allowed: pump–probe delay in ps/);
    expect(refusal('0.1,2000\n,1500\n', 2, 1).message).toMatch(/the cell is empty/);
    expect(refusal('0.1,2000,5\n0.2,1500,five\n', 2, 3).message).toMatch(/"five" is not a number; allowed: uncertainty of the carrier temperature in K/);
    expect(refusal('0.1,2000\n0.2,1 500\n', 2, 2).message).toMatch(/"1 500" is not a number/);
  });

  it('NaN and Infinity in any column', () => {
    expect(refusal('0.1,2000\n0.2,NaN\n', 2, 2).message).toMatch(/"NaN" is not a finite number/);
    expect(refusal('0.1,2000\nInfinity,1500\n', 2, 1).message).toMatch(/"Infinity" is not a finite number/);
    refusal('0.1,2000,5\n0.2,1500,-inf\n', 2, 3);
    refusal('NaN,2000\n0.2,1500\n0.3,1000\n', 1, 1); // not mistaken for a header
  });

  it('zero or negative temperature, negative or zero uncertainty', () => {
    expect(refusal('0.1,2000\n0.2,0\n0.3,300', 2, 2).message).toBe('line 2, column 2: "0" is not positive; allowed: carrier temperature in K (a positive number up to 1e5 K)');
    refusal('0.1,-300\n0.2,200\n0.3,300', 1, 2);
    expect(refusal('0.1,2000,5\n0.2,1500,-3\n0.3,300,1', 2, 3).message).toMatch(/"-3" is negative; allowed: uncertainty .* in K \(a positive number up to 1e5 K\)/);
    expect(refusal('0.1,2000,0\n0.2,1500,3\n0.3,300,1', 1, 3).message).toMatch(/is zero/);
  });

  it('non-increasing delays name both lines', () => {
    const e = refusal('delay_ps,Tc_K\n0.1,2000\n# a comment\n0.5,1500\n0.3,1200\n', 5, 1);
    expect(e.message).toBe('line 5, column 1: delay "0.3" is not greater than the delay "0.5" on line 4; allowed: delays strictly increasing from row to row (sort the rows; no repeated delays)');
    expect(refusal('0.1,2000\n0.1,1900\n0.3,1000', 2, 1).message).toMatch(/no repeated delays/);
  });

  it('fewer than 3 data rows', () => {
    expect(refusal('t_ps,Tc_K\n0.1,2000\n0.2,1500\n', null, null).message).toBe('the file has 2 data rows; allowed: at least 3 rows of delay and carrier temperature');
    expect(refusal('0.1,2000', null, null).message).toMatch(/has 1 data row;/);
  });

  it('more than 100000 rows', () => {
    const rows = Array.from({ length: MAX_DATA_ROWS + 1 }, (_, i) => `${i + 1},300`);
    expect(refusal(rows.join('\n'), MAX_DATA_ROWS + 1, null).message).toMatch(/more than 100000 data rows; allowed: at most 100000 rows/);
    expect(parseMeasuredCsv(rows.slice(0, MAX_DATA_ROWS).join('\n')).tPs.length).toBe(MAX_DATA_ROWS);
  });

  it('a file above the size limit (checked on bytes by the caller, and on text length here)', () => {
    expect(MAX_DATA_FILE_BYTES).toBe(5 * 1024 * 1024);
    expect(() => checkDataFileSize(MAX_DATA_FILE_BYTES)).not.toThrow();
    expect(() => checkDataFileSize(MAX_DATA_FILE_BYTES + 1)).toThrow(DataFileError);
    expect(() => checkDataFileSize(7654604)).toThrow('the file is 7654604 bytes (7.3 MB); allowed: at most 5242880 bytes (5 MB)');
    expect(refusal('#'.repeat(MAX_DATA_FILE_BYTES + 1), null, null).message).toMatch(/allowed: at most 5242880 bytes \(5 MB\)/);
  });

  it('units the reader must not guess: delays in s or µs, temperatures in °C', () => {
    expect(refusal('t (s),T (K)\n1,2\n', 1, 1).message).toBe('line 1, column 1: the delay column "t (s)" is in s; allowed: delays in fs, ps or ns');
    refusal('delay_us,Tc_K\n1,2\n', 1, 1);
    expect(refusal('delay_ps,T (°C)\n1,2\n', 1, 2).message).toMatch(/is in °C; allowed: kelvin \(K\)/);
    refusal('delay_ps,Tc_K,sigma (meV)\n1,2,3\n', 1, 3);
  });
});

describe('compareWithModel', () => {
  const model = simulate({ composition: 'CsPbI3', edgeNm: 8, nPerNc: 0.1 });

  it('data taken from the model compares to rms ≈ 0; points outside the window are counted', () => {
    const inside = [0.05, 0.2, 0.7, 1.5, 4, 20, 300];
    const rows = inside.map((t) => `${t},${modelTcAt(model, t)!.toPrecision(12)},25`);
    const data = parseMeasuredCsv(['delay_ps,Tc_K,sigma_K', '-0.5,300,25', '0.005,3000,25', ...rows, '5000,300,25'].join('\n'));
    const c = compareWithModel(model, data);
    expect(c.n).toBe(inside.length);
    expect(c.outsideWindow).toBe(3);
    expect(c.rmsK!).toBeLessThan(1e-6);
    expect(c.maxAbsK!).toBeLessThan(1e-6);
    expect(c.chi2PerPoint!).toBeLessThan(1e-12);
  });

  it('at the model grid points the model values are returned exactly', () => {
    const k = [3, 50, 120];
    const data = parseMeasuredCsv(k.map((i) => `${model.tPs[i]},${model.tcK[i]}`).join('\n'));
    expect(compareWithModel(model, data)).toEqual({ n: 3, rmsK: 0, chi2PerPoint: null, maxAbsK: 0, outsideWindow: 0 });
  });

  it('known offsets give the known rms, max and χ²', () => {
    const grid = { tPs: Float64Array.from([1, 10, 100]), tcK: Float64Array.from([1000, 500, 300]) };
    // At t = sqrt(10) the model is halfway in log t: 750 K.
    expect(modelTcAt(grid, Math.sqrt(10))).toBeCloseTo(750, 9);
    const data = { tPs: Float64Array.from([1, Math.sqrt(10), 100]), tcK: Float64Array.from([1010, 740, 300]), sigmaK: Float64Array.from([10, 5, 1]) };
    const c = compareWithModel(grid, data);
    expect(c.n).toBe(3);
    expect(c.rmsK!).toBeCloseTo(Math.sqrt(200 / 3), 9);
    expect(c.maxAbsK!).toBeCloseTo(10, 9);
    expect(c.chi2PerPoint!).toBeCloseTo((1 + 4 + 0) / 3, 9);
  });

  it('nothing inside the window: n = 0 and null statistics (never NaN)', () => {
    const data = parseMeasuredCsv('-3,300\n-2,300\n-1,300\n');
    expect(compareWithModel(model, data)).toEqual({ n: 0, rmsK: null, chi2PerPoint: null, maxAbsK: null, outsideWindow: 3 });
  });

  it('model values that are not finite count as outside', () => {
    const grid = { tPs: Float64Array.from([1, 2, 3, 4]), tcK: Float64Array.from([1000, 800, Number.NaN, Number.NaN]) };
    const c = compareWithModel(grid, { tPs: Float64Array.from([1.5, 2.5, 3.5]), tcK: Float64Array.from([900, 700, 600]), sigmaK: null });
    expect(c.n).toBe(1);
    expect(c.outsideWindow).toBe(2);
  });
});
