// Rodas5's dense-output polynomial: its coefficients, its value and its slope at θ = ½ (for the defect estimate).
import { RODAS5_H, RODAS5_STAGES } from './rodas5-tableau.ts';

if (RODAS5_STAGES !== 8) throw new Error('rodas5-dense.ts is written out for 8 stages');

const H = RODAS5_H;
const h00 = H[0];
const h01 = H[1];
const h02 = H[2];
const h03 = H[3];
const h04 = H[4];
const h05 = H[5];
const h06 = H[6];
const h07 = H[7];
const h10 = H[8];
const h11 = H[9];
const h12 = H[10];
const h13 = H[11];
const h14 = H[12];
const h15 = H[13];
const h16 = H[14];
const h17 = H[15];
const h20 = H[16];
const h21 = H[17];
const h22 = H[18];
const h23 = H[19];
const h24 = H[20];
const h25 = H[21];
const h26 = H[22];
const h27 = H[23];

/**
 * K_r = Σ_j H[r][j] u_j for r = 1, 2, 3 (u: S × n stage increments), so that
 * y(θ) = (1−θ) y0 + θ (y1 + (1−θ)(K1 + θ (K2 + θ K3))). Written out over the S = 8 stages (constant coefficients).
 */
export function denseCoefficients(u: Float64Array, n: number, k1: Float64Array, k2: Float64Array, k3: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const u0 = u[i];
    const u1 = u[n + i];
    const u2 = u[2 * n + i];
    const u3 = u[3 * n + i];
    const u4 = u[4 * n + i];
    const u5 = u[5 * n + i];
    const u6 = u[6 * n + i];
    const u7 = u[7 * n + i];
    k1[i] = h00 * u0 + h01 * u1 + h02 * u2 + h03 * u3 + h04 * u4 + h05 * u5 + h06 * u6 + h07 * u7;
    k2[i] = h10 * u0 + h11 * u1 + h12 * u2 + h13 * u3 + h14 * u4 + h15 * u5 + h16 * u6 + h17 * u7;
    k3[i] = h20 * u0 + h21 * u1 + h22 * u2 + h23 * u3 + h24 * u4 + h25 * u5 + h26 * u6 + h27 * u7;
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
