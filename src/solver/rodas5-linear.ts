// Rodas5's linear algebra: W = I/(hγ) − J row-equilibrated and factored (dense, band or sparse LU), and its solves.
import { bandFactor, bandSolve, bandUpperWidth } from './band-lu.ts';
import { luFactor, luFactor4, luSolve, luSolve4 } from './dense-lu.ts';
import { buildBandW } from './rodas5-band.ts';
import type { Rodas5Work } from './rodas5-work.ts';

/**
 * W = I/(hγ) − J (dgamma = 1/(hγ)), equilibrated and factored in place in wk.w: we factor diag(w)·W and solve
 * diag(w)·W u = diag(w)·b, with w = wk.weight the error weights. Partial pivoting ignores column scaling, so
 * this picks the pivots (and passes the pivot test) of D⁻¹WD, D = diag(atol + rtol·|y|), which does not change
 * when a component's unit changes and atol follows it (test/solver/scaling.test.ts).
 * @param kl / ku the Jacobian's bandwidths, or −1 for a dense Jacobian.
 * @returns -1, or the column of a too-small pivot.
 */
export function factorW(wk: Rodas5Work, kl: number, ku: number, dgamma: number): number {
  const { n, w, jac, weight } = wk;
  if (wk.sparse) return wk.sparse.factor(jac, dgamma, weight);
  if (kl >= 0) {
    buildBandW(jac, w, n, kl, ku, dgamma, weight);
    const bad = bandFactor(w, wk.m, n, kl, ku, wk.piv, wk.colScale);
    wk.uw = bandUpperWidth(wk.piv, n, ku);
    return bad;
  }
  buildDenseW(jac, w, n, dgamma, weight);
  return n === 4 ? luFactor4(w, wk.piv, wk.colScale, 1e-14) : luFactor(w, n, wk.piv, wk.colScale);
}

/** w = diag(weight)·(dgamma·I − J), dense n × n row-major: the iteration matrix rodas5's W and BDF's Newton matrix share. */
export function buildDenseW(jac: Float64Array, w: Float64Array, n: number, dgamma: number, weight: Float64Array): void {
  for (let i = 0; i < n; i++) {
    const r = i * n;
    const wi = weight[i];
    for (let j = 0; j < n; j++) w[r + j] = -jac[r + j] * wi;
    w[r + i] += dgamma * wi;
  }
}

/** Solve the factored W in place on b[off .. off + n) (right-hand side already row-weighted). */
export function solveW(wk: Rodas5Work, kl: number, ku: number, b: Float64Array, off: number): void {
  if (wk.sparse) wk.sparse.solve(b, off);
  else if (kl < 0) {
    if (wk.n === 4) luSolve4(wk.w, wk.piv, b, off);
    else luSolve(wk.w, wk.n, wk.piv, b, off);
  } else bandSolve(wk.w, wk.m, wk.n, kl, ku, wk.piv, b, off, wk.uw);
}

/** Row weights for W at state y: w_i = 1/(atol_i + rtol·|y_i|), or 1 where that scale is 0. */
export function errorWeights(weight: Float64Array, y: Float64Array, atol: Float64Array, rtol: number, n: number): void {
  for (let i = 0; i < n; i++) {
    const sc = atol[i] + rtol * Math.abs(y[i]);
    weight[i] = sc > 0 ? 1 / sc : 1;
  }
}
