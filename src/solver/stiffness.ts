// Spectral-radius estimates used by method 'auto' to decide whether a problem is stiff.
import { bandMatVec } from './band-lu.ts';

/** Normalise the power iteration's start vector in place; a zero or non-finite one is replaced by 1 + i/n first. */
export function normaliseStart(v: Float64Array, n: number): void {
  let norm = 0;
  for (let i = 0; i < n; i++) norm += v[i] * v[i];
  norm = Math.sqrt(norm);
  if (!(norm > 0) || !Number.isFinite(norm)) {
    for (let i = 0; i < n; i++) v[i] = 1 + i / n;
    norm = 0;
    for (let i = 0; i < n; i++) norm += v[i] * v[i];
    norm = Math.sqrt(norm);
  }
  for (let i = 0; i < n; i++) v[i] /= norm;
}

/**
 * Power iteration on a row-major n × n matrix: estimates |λ_max(J)|.
 * @param jac row-major n × n Jacobian.
 * @param v start vector (warm start; overwritten by the last normalised iterate).
 * @param w work vector of length n.
 * @param iterations number of matrix–vector products.
 * @returns the estimate ‖J v‖ / ‖v‖ after the last product (0 for a zero matrix).
 */
export function spectralRadius(jac: Float64Array, n: number, v: Float64Array, w: Float64Array, iterations: number): number {
  normaliseStart(v, n);
  if (n === 4) return powerIteration4(jac, v, w, iterations);
  let rho = 0;
  for (let it = 0; it < iterations; it++) {
    let s = 0;
    for (let i = 0; i < n; i++) {
      const r = i * n;
      let acc = 0;
      for (let j = 0; j < n; j++) acc += jac[r + j] * v[j];
      w[i] = acc;
      s += acc * acc;
    }
    rho = Math.sqrt(s);
    if (!(rho > 0) || !Number.isFinite(rho)) return rho > 0 ? rho : 0;
    for (let i = 0; i < n; i++) v[i] = w[i] / rho;
  }
  return rho;
}

/**
 * spectralRadius's iterations for n = 4 (v already normalised), written out: the same operations in the same
 * order (each row's sum from 0, left to right), the iterate kept in locals. 'auto' runs it at the start of
 * every solve and every few steps of its stiffness monitor, where the loop control cost more than the products.
 */
function powerIteration4(jac: Float64Array, v: Float64Array, w: Float64Array, iterations: number): number {
  let v0 = v[0], v1 = v[1], v2 = v[2], v3 = v[3];
  let rho = 0;
  for (let it = 0; it < iterations; it++) {
    const a0 = 0 + jac[0] * v0 + jac[1] * v1 + jac[2] * v2 + jac[3] * v3;
    const a1 = 0 + jac[4] * v0 + jac[5] * v1 + jac[6] * v2 + jac[7] * v3;
    const a2 = 0 + jac[8] * v0 + jac[9] * v1 + jac[10] * v2 + jac[11] * v3;
    const a3 = 0 + jac[12] * v0 + jac[13] * v1 + jac[14] * v2 + jac[15] * v3;
    w[0] = a0; w[1] = a1; w[2] = a2; w[3] = a3;
    rho = Math.sqrt(0 + a0 * a0 + a1 * a1 + a2 * a2 + a3 * a3);
    if (!(rho > 0) || !Number.isFinite(rho)) return rho > 0 ? rho : 0;
    v0 = a0 / rho; v1 = a1 / rho; v2 = a2 / rho; v3 = a3 / rho;
    v[0] = v0; v[1] = v1; v[2] = v2; v[3] = v3;
  }
  return rho;
}

/** spectralRadius for a Jacobian in band layout (band-lu.ts): the same power iteration with a band product. */
export function bandSpectralRadius(
  jac: Float64Array, n: number, kl: number, ku: number, v: Float64Array, w: Float64Array, iterations: number,
): number {
  normaliseStart(v, n);
  let rho = 0;
  for (let it = 0; it < iterations; it++) {
    bandMatVec(jac, n, kl, ku, v, w);
    let s = 0;
    for (let i = 0; i < n; i++) s += w[i] * w[i];
    rho = Math.sqrt(s);
    if (!(rho > 0) || !Number.isFinite(rho)) return rho > 0 ? rho : 0;
    for (let i = 0; i < n; i++) v[i] = w[i] / rho;
  }
  return rho;
}
