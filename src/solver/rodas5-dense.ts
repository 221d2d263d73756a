// Rodas5's dense-output polynomial: its coefficients, its value and its slope at θ = ½ (for the defect estimate).
import type { Recorder } from './recorder.ts';

/**
 * K_r = Σ_j H[r][j] u_j for r = 1, 2, 3 (u: S × n stage increments), so that
 * y(θ) = (1−θ) y0 + θ (y1 + (1−θ)(K1 + θ (K2 + θ K3))). Written out over the S = 8 stages with RODAS5_H's numbers as literals
 * (checked against the tableau in test/solver/rodas5-stages.test.ts).
 */
export function denseCoefficients(u: Float64Array, n: number, k1: Float64Array, k2: Float64Array, k3: Float64Array): void {
  for (let i = 0; i < n; i++) coefficientsAt(u, n, i, k1, k2, k3);
}

/**
 * denseCoefficients and the polynomial with its time derivative at the step's midpoint, in one pass over the
 * components: y(½) = (y0 + y1)/2 + K1/4 + K2/8 + K3/16 and dy/dθ(½) = y1 − y0 + (K2 + K3)/4 (so ẏ = dy/dθ / h).
 * Writes the coefficients into k1 … k3, y(½) into `yMid` and h·ẏ(½) into `hSlope`; the coefficients come from
 * the loop body denseCoefficients uses (coefficientsAt), so the literals exist once.
 */
export function denseMidpoint(
  u: Float64Array, n: number, k1: Float64Array, k2: Float64Array, k3: Float64Array,
  y0: Float64Array, y1: Float64Array, yMid: Float64Array, hSlope: Float64Array,
): void {
  for (let i = 0; i < n; i++) {
    coefficientsAt(u, n, i, k1, k2, k3);
    const a = y0[i];
    const b = y1[i];
    const c2 = k2[i];
    const c3 = k3[i];
    yMid[i] = 0.5 * (a + b) + 0.25 * k1[i] + 0.125 * c2 + 0.0625 * c3;
    hSlope[i] = b - a + 0.25 * (c2 + c3);
  }
}

/** K_r[i] for one component i (denseCoefficients' loop body). */
function coefficientsAt(u: Float64Array, n: number, i: number, k1: Float64Array, k2: Float64Array, k3: Float64Array): void {
  const u0 = u[i];
  const u1 = u[n + i];
  const u2 = u[2 * n + i];
  const u3 = u[3 * n + i];
  const u4 = u[4 * n + i];
  const u5 = u[5 * n + i];
  const u6 = u[6 * n + i];
  const u7 = u[7 * n + i];
  k1[i] = 27.354592673333357 * u0 - 6.925207756232857 * u1 + 26.40037733258859 * u2 + 0.5635230501052979 * u3 - 4.699151156849391 * u4 - 1.6008677469422725 * u5 - 1.5306074446748028 * u6 - 1.3929872940716344 * u7;
  k2[i] = 44.19024239501722 * u0 + 1.3677947663381929e-13 * u1 + 202.93261852171622 * u2 - 35.5669339789154 * u3 - 181.91095152160645 * u4 + 3.4116351403665033 * u5 + 2.5793540257308067 * u6 + 2.2435122582734066 * u7;
  k3[i] = -44.0988150021747 * u0 - 5.755396159656812e-13 * u1 - 181.26175034586677 * u2 + 56.99302194811676 * u3 + 183.21182741427398 * u4 - 7.480257918273637 * u5 - 5.792426076169686 * u6 - 5.32503859794143 * u7;
}

/**
 * Write every pending tEval point in (t, t + h] from the dense-output polynomial (K1 … K3 from
 * denseCoefficients); on the last step, points at or past its end get y1 exactly.
 * @param out scratch vector of length n.
 */
export function writeDenseOutput(
  rec: Recorder, t: number, h: number, tNew: number, last: boolean, y0: Float64Array, y1: Float64Array,
  k1: Float64Array, k2: Float64Array, k3: Float64Array, n: number, out: Float64Array,
): void {
  const tEval = rec.tEval!;
  const dir = h > 0 ? 1 : -1;
  while (rec.next < tEval.length) {
    const te = tEval[rec.next];
    if (!last && (te - tNew) * dir > 0) break;
    const theta = last && (te - tNew) * dir >= 0 ? 1 : (te - t) / h;
    if (theta === 1) {
      rec.pushEval(y1);
      continue;
    }
    const th1 = 1 - theta;
    for (let i = 0; i < n; i++) out[i] = th1 * y0[i] + theta * (y1[i] + th1 * (k1[i] + theta * (k2[i] + theta * k3[i])));
    rec.pushEval(out);
  }
}
