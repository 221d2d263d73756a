// Spectral-radius estimates used by method 'auto' to decide whether a problem is stiff.
import { bandMatVec } from './band-lu.ts';

/** Normalise the power iteration's start vector in place; a zero or non-finite one is replaced by 1 + i/n first. */
function normaliseStart(v: Float64Array, n: number): void {
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
