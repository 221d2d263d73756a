// Rodas5's derivatives at a state: the Jacobian (analytic, dense or banded forward differences) and ∂f/∂t.
import { bandJacobianFd } from './rodas5-band.ts';
import { sparseEntryName, sparseJacobianFd } from './sparse-jacobian.ts';
import type { SparsePattern } from './sparse-pattern.ts';
import type { Rodas5Work } from './rodas5-work.ts';
import type { Counters } from './recorder.ts';
import type { NormalizedOptions } from './validate.ts';
import type { RhsFn } from './types.ts';

/** The part of the work space evaluateDerivatives uses (rodas5's, or any integrator's with these fields). */
export type DerivativeWork = Pick<Rodas5Work, 'n' | 'jac' | 'ys' | 'fs' | 'e3' | 'dfdt'>;

/**
 * Evaluate the Jacobian into work.jac and, unless the problem is autonomous, ∂f/∂t into work.dfdt at (t, y),
 * with f0 = f(t, y) already known: the analytic Jacobian when given, else forward differences (n evaluations,
 * or lower + upper + 1 with a band), ∂f/∂t by one forward difference in t.
 * @param kl / ku the Jacobian's bandwidths, or −1 for a dense Jacobian.
 * @returns −1 when every entry is finite, else the index of the first bad one (jac.length + i for ∂f_i/∂t).
 */
export function evaluateDerivatives(
  rhs: RhsFn, opt: NormalizedOptions, cnt: Counters, wk: DerivativeWork, kl: number, ku: number,
  t: number, y: Float64Array, f0: Float64Array, h: number,
): number {
  const n = wk.n;
  const jac = wk.jac;
  if (opt.jacobian) {
    opt.jacobian(t, y, jac);
    cnt.njev++;
  } else if (opt.sparse) {
    cnt.nfev += sparseJacobianFd(rhs, t, y, f0, opt.sparse, opt.atol, jac, wk.ys, wk.fs, wk.e3);
    cnt.njev++;
  } else if (kl >= 0) {
    cnt.nfev += bandJacobianFd(rhs, t, y, f0, n, kl, ku, opt.atol, jac, wk.ys, wk.fs, wk.e3);
    cnt.njev++;
  } else {
    const ys = wk.ys;
    const fs = wk.fs;
    const atol = opt.atol;
    for (let i = 0; i < n; i++) ys[i] = y[i];
    for (let j = 0; j < n; j++) {
      const yj = y[j];
      const scale = Math.max(Math.abs(yj), atol[j], 1e-8);
      const yp = yj + 1.4901161193847656e-8 * scale;
      const delta = yp - yj;
      ys[j] = yp;
      rhs(t, ys, fs);
      ys[j] = yj;
      const inv = 1 / delta;
      for (let i = 0; i < n; i++) jac[i * n + j] = (fs[i] - f0[i]) * inv;
    }
    cnt.nfev += n;
    cnt.njev++;
  }
  let bad = -1;
  const nj = jac.length;
  for (let k = 0; k < nj; k++) {
    const v = jac[k];
    if (v - v !== 0) {
      bad = k;
      break;
    }
  }
  if (!opt.autonomous) {
    const tp = t + 1.4901161193847656e-8 * Math.max(Math.abs(t), Math.abs(h), 1e-10);
    const dt = tp - t;
    const fs = wk.fs;
    const dfdt = wk.dfdt;
    rhs(tp, y, fs);
    cnt.nfev++;
    for (let i = 0; i < n; i++) {
      const d = (fs[i] - f0[i]) / dt;
      dfdt[i] = d;
      if (bad < 0 && d - d !== 0) bad = nj + i;
    }
  }
  return bad;
}

/** Names the entry evaluateDerivatives reported as bad (index into jac, or jac.length + i for ∂f_i/∂t). */
export function derivativeName(k: number, jacLength: number, n: number, kl: number, ku: number, sparse: SparsePattern | null = null): string {
  if (k >= jacLength) return `∂f/∂t (finite difference) in component ${k - jacLength}`;
  if (sparse) return sparseEntryName(k, sparse);
  if (kl < 0) return `the Jacobian entry (${Math.floor(k / n)}, ${k % n})`;
  const wb = kl + ku + 1;
  const i = Math.floor(k / wb);
  return `the Jacobian entry (${i}, ${i - kl + (k % wb)}) (band storage index ${k})`;
}
