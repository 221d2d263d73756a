// The banded Jacobian's pieces for Rodas5: its finite-difference estimate by column groups and W = I/(hγ) − J in band layout.
import type { RhsFn } from './types.ts';

/**
 * Forward-difference Jacobian in band layout (band-lu.ts) from lower + upper + 1 evaluations: columns j ≡ g
 * (mod lower + upper + 1) share one perturbed evaluation, since no row sees two of them (Curtis, Powell &
 * Reid, J. Inst. Maths Applics 13, 1974). Step per column as in the dense estimate: √ε·max(|y_j|, atol_j, 1e-8).
 * @param ys / fs / delta scratch vectors of length n.
 * @returns the number of rhs evaluations.
 */
export function bandJacobianFd(
  rhs: RhsFn, t: number, y: Float64Array, f0: Float64Array, n: number, kl: number, ku: number, atol: Float64Array,
  jac: Float64Array, ys: Float64Array, fs: Float64Array, delta: Float64Array,
): number {
  const wb = kl + ku + 1;
  const groups = wb < n ? wb : n;
  for (let i = 0; i < n; i++) ys[i] = y[i];
  for (let g = 0; g < groups; g++) {
    for (let j = g; j < n; j += wb) {
      const yj = y[j];
      const yp = yj + 1.4901161193847656e-8 * Math.max(Math.abs(yj), atol[j], 1e-8);
      delta[j] = yp - yj;
      ys[j] = yp;
    }
    rhs(t, ys, fs);
    for (let j = g; j < n; j += wb) {
      ys[j] = y[j];
      const inv = 1 / delta[j];
      const i0 = j - ku > 0 ? j - ku : 0;
      const i1 = j + kl < n - 1 ? j + kl : n - 1;
      for (let i = i0; i <= i1; i++) jac[i * wb + (j - i + kl)] = (fs[i] - f0[i]) * inv;
    }
  }
  return groups;
}

/**
 * Fill the band factor storage F (width 2·lower + upper + 1) with diag(weight)·(I·dgamma − J), J in band
 * layout; entries outside the matrix and the fill-in columns are zeroed.
 */
export function buildBandW(
  jac: Float64Array, F: Float64Array, n: number, kl: number, ku: number, dgamma: number, weight: Float64Array,
): void {
  const wb = kl + ku + 1;
  const wf = 2 * kl + ku + 1;
  for (let i = 0; i < n; i++) {
    const rj = i * wb;
    const rf = i * wf;
    const wi = weight[i];
    for (let c = 0; c < wb; c++) {
      const j = i - kl + c;
      F[rf + c] = j >= 0 && j < n ? -jac[rj + c] * wi : 0;
    }
    for (let c = wb; c < wf; c++) F[rf + c] = 0;
    F[rf + kl] += dgamma * wi;
  }
}
