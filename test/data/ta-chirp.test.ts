// Chirp correction: the KiMoPack chirp file read as a polynomial, a known t0(λ) recovered from the onset of a map
// made with it, and columns re-read at t + t0(λ).

import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyChirp, fitChirpFromOnset, parseChirpFile, polyval } from '../../src/data/ta-chirp.ts';
import { HC_EV_NM, type TaSpectra } from '../../src/data/ta-map.ts';
import { TaFileError } from '../../src/data/ta-scan.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SAMPLES = [join(ROOT, '..', 'shared', 'ta-samples'), join(ROOT, '..', '..', 'shared', 'ta-samples')].find((d) => existsSync(d));

/** A map whose signal switches on at t0(λ) with a 30 fs rise and decays in 5 ps. */
function chirped(t0: (nm: number) => number): TaSpectra {
  const wl = Array.from({ length: 60 }, (_, j) => 700 - 5 * j); // 700 … 405 nm: ascending energy
  const delays = Array.from({ length: 300 }, (_, d) => -1 + 0.01 * d);
  const dA = new Float64Array(wl.length * delays.length);
  delays.forEach((t, d) => wl.forEach((l, j) => {
    const x = t - t0(l);
    dA[d * wl.length + j] = -0.01 * (0.5 + 0.5 * Math.tanh(x / 0.03)) * Math.exp(-Math.max(0, x) / 5);
  }));
  return { name: 'c', energyEv: Float64Array.from(wl, (l) => HC_EV_NM / l), delaysPs: Float64Array.from(delays), dA, wavelengthNm: Float64Array.from(wl), notes: [] };
}

describe('chirp', () => {
  it.skipIf(!SAMPLES)('reads the KiMoPack chirp file: 5 coefficients, t0 about −0.2 ps at 500 nm', () => {
    const c = parseChirpFile(readFileSync(join(SAMPLES!, 'kimopack-Ru-dppz-400nm-ACN_chirp.dat'), 'utf8'), 'chirp.dat');
    expect(c.length).toBe(5);
    expect(c[0]).toBeCloseTo(-2.884956467514378e-11, 20);
    expect(polyval(c, 500)).toBeGreaterThan(-1);
    expect(polyval(c, 500)).toBeLessThan(1);
  });

  it('refuses a chirp file that is not one line of numbers, naming the column', () => {
    expect(() => parseChirpFile('1,2,x', 'c.dat')).toThrow(TaFileError);
    expect(() => parseChirpFile('1,2,x', 'c.dat')).toThrow(/line 1, column 3/);
  });

  it('recovers a quadratic t0(λ) from the onset within 15 fs, and removes it', () => {
    const truth = (l: number) => 0.3 - 1.2e-3 * (l - 550) + 4e-6 * (l - 550) ** 2;
    const s = chirped(truth);
    const fit = fitChirpFromOnset(s, 1e-5, 2);
    expect(fit.points).toBe(60);
    for (const l of [420, 500, 600, 690]) expect(Math.abs(polyval(fit.poly, l) - truth(l))).toBeLessThan(0.015);
    const fixed = applyChirp(s, fit.poly);
    const again = fitChirpFromOnset(fixed, 1e-5, 2);
    for (const l of [420, 500, 600, 690]) expect(Math.abs(polyval(again.poly, l))).toBeLessThan(0.015);
  });
});
