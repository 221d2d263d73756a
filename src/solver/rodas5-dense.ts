// Rodas5's dense-output polynomial: its coefficients, its value and its slope at θ = ½ (for the defect estimate).
import { RODAS5_H, RODAS5_STAGES } from './rodas5-tableau.ts';

const S = RODAS5_STAGES;

/**
 * K_r = Σ_j H[r][j] u_j for r = 1, 2, 3 (u: S × n stage increments), so that
 * y(θ) = (1−θ) y0 + θ (y1 + (1−θ)(K1 + θ (K2 + θ K3))).
 */
export function denseCoefficients(u: Float64Array, n: number, k1: Float64Array, k2: Float64Array, k3: Float64Array): void {
  const H = RODAS5_H;
  for (let i = 0; i < n; i++) {
    let a = 0;
    let b = 0;
    let c = 0;
    for (let j = 0; j < S; j++) {
      const uj = u[j * n + i];
      a += H[j] * uj;
      b += H[S + j] * uj;
      c += H[2 * S + j] * uj;
    }
    k1[i] = a;
    k2[i] = b;
    k3[i] = c;
  }
}

/**
 * The polynomial and its time derivative at the step's midpoint, from the coefficients above:
 * y(½) = (y0 + y1)/2 + K1/4 + K2/8 + K3/16 and dy/dθ(½) = y1 − y0 + (K2 + K3)/4 (so ẏ = dy/dθ / h).
 * Writes y(½) into `yMid` and h·ẏ(½) into `hSlope`.
 */
export function midpoint(
  y0: Float64Array, y1: Float64Array, k1: Float64Array, k2: Float64Array, k3: Float64Array, n: number,
  yMid: Float64Array, hSlope: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    const a = y0[i];
    const b = y1[i];
    const c2 = k2[i];
    const c3 = k3[i];
    yMid[i] = 0.5 * (a + b) + 0.25 * k1[i] + 0.125 * c2 + 0.0625 * c3;
    hSlope[i] = b - a + 0.25 * (c2 + c3);
  }
}
