// Chirp (group-velocity dispersion) correction: time zero as a polynomial in wavelength, t0(λ), read from a
// KiMoPack-style chirp file or fitted to the onset of the signal; each spectral column re-read at t + t0(λ).

import type { TaSpectra } from './ta-map.ts';
import { TaFileError } from './ta-scan.ts';

/** Coefficients, highest power first, of t0 (ps) as a polynomial in wavelength (nm). */
export type ChirpPolynomial = number[];

export const polyval = (c: ChirpPolynomial, x: number) => c.reduce((acc, k) => acc * x + k, 0);

/** A KiMoPack chirp file: one line of comma-separated coefficients, highest power first (t0 in ps, λ in nm). */
export function parseChirpFile(text: string, name: string): ChirpPolynomial {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const allowed = 'one line of 1 to 8 comma-separated numbers: polynomial coefficients of t0 (ps) in wavelength (nm), highest power first';
  if (lines.length !== 1) throw new TaFileError(name, lines.length === 0 ? null : 2, null, `${lines.length} lines`, allowed);
  const cells = lines[0].slice(0, 2000).split(',').map((c) => c.trim());
  if (cells.length > 8) throw new TaFileError(name, 1, 9, `${cells.length} coefficients`, allowed);
  return cells.map((c, i) => {
    const v = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(c) ? Number(c) : NaN;
    if (!Number.isFinite(v)) throw new TaFileError(name, 1, i + 1, `${JSON.stringify(c.slice(0, 40))} is not a number`, allowed);
    return v;
  });
}

/** Re-read every spectral column at delay t + t0(λ) (linear interpolation; NaN outside the measured delays). */
export function applyChirp(s: TaSpectra, c: ChirpPolynomial): TaSpectra {
  const nS = s.energyEv.length;
  const nD = s.delaysPs.length;
  const dA = new Float64Array(s.dA.length).fill(Number.NaN);
  const t = s.delaysPs;
  for (let j = 0; j < nS; j++) {
    const t0 = polyval(c, s.wavelengthNm[j]);
    let k = 0;
    for (let d = 0; d < nD; d++) {
      const want = t[d] + t0;
      if (want < t[0] || want > t[nD - 1]) continue;
      while (k < nD - 2 && t[k + 1] < want) k++;
      const f = (want - t[k]) / (t[k + 1] - t[k]);
      dA[d * nS + j] = s.dA[k * nS + j] * (1 - f) + s.dA[(k + 1) * nS + j] * f;
    }
  }
  return { ...s, dA, notes: [...s.notes, `chirp corrected: t0(λ) = polynomial [${c.map((x) => x.toPrecision(4)).join(', ')}] (ps, λ in nm, highest power first)`] };
}

/**
 * Fit t0(λ) from the onset: for each spectral column with a signal above 10 × `noiseOd`, the delay where |ΔA| first
 * reaches half its largest value (interpolated); then a least-squares polynomial of `degree` in λ.
 */
export function fitChirpFromOnset(s: TaSpectra, noiseOd: number, degree = 2): { poly: ChirpPolynomial; points: number } {
  const nS = s.energyEv.length;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let j = 0; j < nS; j++) {
    let max = 0;
    for (let d = 0; d < s.delaysPs.length; d++) max = Math.max(max, Math.abs(s.dA[d * nS + j]) || 0);
    if (!(max > 10 * noiseOd)) continue;
    for (let d = 1; d < s.delaysPs.length; d++) {
      const a = Math.abs(s.dA[(d - 1) * nS + j]);
      const b = Math.abs(s.dA[d * nS + j]);
      if (b >= max / 2 && a < max / 2) {
        xs.push(s.wavelengthNm[j]);
        ys.push(s.delaysPs[d - 1] + ((max / 2 - a) / (b - a)) * (s.delaysPs[d] - s.delaysPs[d - 1]));
        break;
      }
    }
  }
  if (xs.length <= degree + 1) return { poly: [0], points: xs.length };
  // normal equations in a centred, scaled variable for conditioning, then expanded back to powers of λ
  const x0 = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sx = Math.max(...xs.map((x) => Math.abs(x - x0))) || 1;
  const n = degree + 1;
  const A = Array.from({ length: n }, () => new Array<number>(n + 1).fill(0));
  xs.forEach((x, i) => {
    const u = (x - x0) / sx;
    const p = Array.from({ length: n }, (_, k) => u ** k);
    for (let r = 0; r < n; r++) { for (let c = 0; c < n; c++) A[r][c] += p[r] * p[c]; A[r][n] += p[r] * ys[i]; }
  });
  for (let c = 0; c < n; c++) {
    const piv = A[c][c];
    for (let r = 0; r < n; r++) if (r !== c) { const f = A[r][c] / piv; for (let k = c; k <= n; k++) A[r][k] -= f * A[c][k]; }
  }
  const b = A.map((row, r) => row[n] / row[r]); // t0 = Σ b_k u^k, u = (λ − x0)/sx
  // expand Σ b_k ((λ − x0)/sx)^k into powers of λ
  const coef = new Array<number>(n).fill(0); // coef[m] of λ^m
  const binom = (a: number, k: number) => { let r = 1; for (let i = 1; i <= k; i++) r = (r * (a - i + 1)) / i; return r; };
  for (let k = 0; k < n; k++) for (let m = 0; m <= k; m++) coef[m] += (b[k] / sx ** k) * binom(k, m) * (-x0) ** (k - m);
  return { poly: coef.reverse(), points: xs.length };
}
