// Bi-exponential fit of a decay, y(t) ≈ A1 e^(−(t−t0)/τ1) + A2 e^(−(t−t0)/τ2), by variable projection.

export interface BiExpFit {
  fastPs: number;
  slowPs: number;
  fastFraction: number;
  rms: number;
}

/** Log grid of `count` + 1 time constants from `from` to `to`. */
export function tauGrid(from: number, to: number, count: number): Float64Array {
  const g = new Float64Array(count + 1);
  const r = Math.pow(to / from, 1 / count);
  for (let i = 0; i <= count; i++) g[i] = from * r ** i;
  return g;
}

/** Basis entries below this are dropped from dot products (the basis starts at 1, so the error is < 1e-30 relative). */
const NEGLIGIBLE = 1e-30;

export interface Pair { res: number; tau1: number; tau2: number; a1: number; a2: number }

/**
 * Non-negative amplitudes of y ≈ a1 e1 + a2 e2 from the Gram entries s_ij = e_i·e_j, projections b_i = e_i·y
 * and ‖y‖² (2 × 2 normal equations; if either amplitude would be negative, the better single exponential),
 * and the residual ‖y − a1 e1 − a2 e2‖².
 */
function projectPair(s11: number, s12: number, s22: number, b1: number, b2: number, yy: number, tau1: number, tau2: number): Pair {
  const det = s11 * s22 - s12 * s12;
  let a1 = det > 0 ? (b1 * s22 - b2 * s12) / det : -1;
  let a2 = det > 0 ? (s11 * b2 - s12 * b1) / det : -1;
  if (!(a1 >= 0 && a2 >= 0)) {
    const c1 = Math.max(0, b1 / s11);
    const c2 = Math.max(0, b2 / s22);
    if (c1 * b1 >= c2 * b2) { a1 = c1; a2 = 0; } else { a1 = 0; a2 = c2; }
  }
  return { res: yy - 2 * (a1 * b1 + a2 * b2) + a1 * a1 * s11 + 2 * a1 * a2 * s12 + a2 * a2 * s22, tau1, tau2, a1, a2 };
}

/** The basis e_i = exp(−s/τ_i) of a grid (row i, up to length[i] where it becomes negligible) and its norms. */
interface Basis {
  s: Float64Array; taus: Float64Array; basis: Float64Array; length: Int32Array; self: Float64Array;
  /** Cross terms e_i·e_j for τ_j > 1.05 τ_i (row i·m + j), filled by the first bestPair on this basis: they do not depend on y. */
  cross: Float64Array | null;
}

/**
 * The last basis computed: a sweep's curves mostly peak at the same output point, so their tails share the delays
 * and the grid, and only the projections on y change. Reused when s and the grid are equal value by value.
 */
let lastBasis: Basis | null = null;

function sameValues(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

function basisFor(s: Float64Array, taus: Float64Array): Basis {
  if (lastBasis && sameValues(lastBasis.s, s) && sameValues(lastBasis.taus, taus)) return lastBasis;
  const n = s.length;
  const m = taus.length;
  const basis = new Float64Array(m * n);
  const length = new Int32Array(m);
  const self = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const rate = 1 / taus[i];
    const row = i * n;
    let ee = 0, k = 0;
    for (; k < n; k++) {
      const e = Math.exp(-s[k] * rate);
      if (e < NEGLIGIBLE) break;
      basis[row + k] = e;
      ee += e * e;
    }
    length[i] = k;
    self[i] = ee;
  }
  lastBasis = { s: Float64Array.from(s), taus: Float64Array.from(taus), basis, length, self, cross: null };
  return lastBasis;
}

/**
 * Best pair τ1 < τ2 on the grid `taus` with both amplitudes positive, and the best single exponential's τ: each basis vector e_i = exp(−s/τ_i) is computed once per
 * grid (up to where it becomes negligible; basisFor), with its norm e_i·e_i, and projected once, b_i = e_i·y; each pair then costs one dot product
 * over the shorter vector for the cross term (once per basis: kept for the next fit on the same basis, as a sweep's
 * curves share it), and amplitudes come from `projectPair`.
 */
export function bestPair(s: Float64Array, y: Float64Array, yy: number, taus: Float64Array): { pair: Pair; singleTau: number } {
  const n = s.length;
  const m = taus.length;
  const b = basisFor(s, taus);
  const { basis, length, self } = b;
  let cross = b.cross;
  const fill = cross === null;
  if (cross === null) cross = b.cross = new Float64Array(m * m);
  const proj = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    const row = i * n;
    const len = length[i];
    let ey = 0;
    for (let k = 0; k < len; k++) ey += basis[row + k] * y[k];
    proj[i] = ey;
  }
  let singleTau = taus[0];
  let singleGain = -Infinity;
  for (let i = 0; i < m; i++) {
    const gain = proj[i] > 0 ? (proj[i] * proj[i]) / self[i] : 0;
    if (gain > singleGain) { singleGain = gain; singleTau = taus[i]; }
  }
  // projectPair's arithmetic inline, without an object per pair: only a pair with both amplitudes positive is
  // kept, and for those the 2 × 2 solution is the unconstrained one (projectPair's fallback sets one to 0).
  let bestRes = Infinity, bestI = -1, bestJ = -1, bestA1 = 0, bestA2 = 0;
  for (let i = 0; i < m; i++) {
    const ri = i * n;
    const len = length[i];
    const s11 = self[i], b1 = proj[i];
    for (let j = 0; j < m; j++) {
      if (taus[j] <= taus[i] * 1.05) continue;
      let s12: number;
      if (fill) {
        const rj = j * n;
        s12 = 0;
        for (let k = 0; k < len; k++) s12 += basis[ri + k] * basis[rj + k];
        cross[i * m + j] = s12;
      } else s12 = cross[i * m + j];
      const s22 = self[j], b2 = proj[j];
      const det = s11 * s22 - s12 * s12;
      if (!(det > 0)) continue;
      const a1 = (b1 * s22 - b2 * s12) / det;
      const a2 = (s11 * b2 - s12 * b1) / det;
      if (!(a1 > 0 && a2 > 0)) continue;
      const res = yy - 2 * (a1 * b1 + a2 * b2) + a1 * a1 * s11 + 2 * a1 * a2 * s12 + a2 * a2 * s22;
      if (res < bestRes) { bestRes = res; bestI = i; bestJ = j; bestA1 = a1; bestA2 = a2; }
    }
  }
  const best: Pair = bestI < 0
    ? { res: Infinity, tau1: 0, tau2: 0, a1: 0, a2: 0 }
    : { res: bestRes, tau1: taus[bestI], tau2: taus[bestJ], a1: bestA1, a2: bestA2 };
  return { pair: best, singleTau };
}

/** Dot products of one pair (τ1, τ2) that the projection and its derivatives in ln τ need. */
interface PairSums {
  pair: Pair;
  s11: number; s12: number; s22: number;
  /** d_i = ∂e_i/∂ln τ_i = e_i s/τ_i: d_i·y, d_i·e_j, d_i·d_j */
  d1y: number; d2y: number; d1e1: number; d1e2: number; d2e1: number; d2e2: number; d11: number; d12: number; d22: number;
}

function pairSums(s: Float64Array, y: Float64Array, yy: number, tau1: number, tau2: number): PairSums {
  const r1 = 1 / tau1;
  const r2 = 1 / tau2;
  let s11 = 0, s12 = 0, s22 = 0, b1 = 0, b2 = 0;
  let d1y = 0, d2y = 0, d1e1 = 0, d1e2 = 0, d2e1 = 0, d2e2 = 0, d11 = 0, d12 = 0, d22 = 0;
  for (let k = 0; k < s.length; k++) {
    const x1 = s[k] * r1;
    const x2 = s[k] * r2;
    const e1 = Math.exp(-x1);
    const e2 = Math.exp(-x2);
    if (e2 < NEGLIGIBLE) break; // τ1 < τ2: e1 is smaller still, and both only decrease from here
    const d1 = e1 * x1;
    const d2 = e2 * x2;
    const yk = y[k];
    s11 += e1 * e1; s12 += e1 * e2; s22 += e2 * e2; b1 += e1 * yk; b2 += e2 * yk;
    d1y += d1 * yk; d2y += d2 * yk;
    d1e1 += d1 * e1; d1e2 += d1 * e2; d2e1 += d2 * e1; d2e2 += d2 * e2;
    d11 += d1 * d1; d12 += d1 * d2; d22 += d2 * d2;
  }
  return { pair: projectPair(s11, s12, s22, b1, b2, yy, tau1, tau2), s11, s12, s22, d1y, d2y, d1e1, d1e2, d2e1, d2e2, d11, d12, d22 };
}

/** Lifetimes closer than this in ln τ (0.1 %) are one component, not two. */
const MERGED_LN_TAU = 1e-3;

/**
 * Gradient and Gauss–Newton matrix of ½‖r‖² in (ln τ1, ln τ2) for the variable-projection problem at `p`
 * (both amplitudes positive): g = −½∇‖r‖² = Cᵀr with c_i = a_i d_i (exact, as the amplitudes are optimal), and
 * M = CᵀC − CᵀE (EᵀE)⁻¹ EᵀC, the Jacobian with the amplitude columns projected out (Kaufman's form;
 * Golub & Pereyra, Inverse Problems 19, R1 (2003)).
 */
function gradientAndGaussNewton(p: PairSums): { g1: number; g2: number; m11: number; m12: number; m22: number } {
  const { a1, a2 } = p.pair;
  const g1 = a1 * (p.d1y - a1 * p.d1e1 - a2 * p.d1e2);
  const g2 = a2 * (p.d2y - a1 * p.d2e1 - a2 * p.d2e2);
  const det = p.s11 * p.s22 - p.s12 * p.s12;
  const ce11 = a1 * p.d1e1, ce12 = a1 * p.d1e2, ce21 = a2 * p.d2e1, ce22 = a2 * p.d2e2;
  const x11 = (p.s22 * ce11 - p.s12 * ce12) / det, x21 = (p.s11 * ce12 - p.s12 * ce11) / det;
  const x12 = (p.s22 * ce21 - p.s12 * ce22) / det, x22 = (p.s11 * ce22 - p.s12 * ce21) / det;
  return {
    g1, g2,
    m11: a1 * a1 * p.d11 - (ce11 * x11 + ce12 * x21),
    m12: a1 * a2 * p.d12 - (ce11 * x12 + ce12 * x22),
    m22: a2 * a2 * p.d22 - (ce21 * x12 + ce22 * x22),
  };
}

/**
 * Quasi-Newton descent in (ln τ1, ln τ2) from a pair with both amplitudes positive, keeping τ1 < τ2 and ln τ in
 * [lnLo, lnHi]; amplitudes re-solved exactly at every trial. The Hessian starts as the Gauss–Newton matrix and is
 * corrected by BFGS updates (the residual's curvature matters on real curves, which are not exactly
 * bi-exponential); backtracking line search. Stops when the step is below 1e-9 in ln τ; null when τ1 and τ2
 * merge (within MERGED_LN_TAU), which happens when a single exponential is the better description.
 */
function polish(s: Float64Array, y: Float64Array, yy: number, start: Pair, lnLo: number, lnHi: number): Pair | null {
  let current = pairSums(s, y, yy, start.tau1, start.tau2);
  if (!(current.pair.a1 > 0 && current.pair.a2 > 0)) return start;
  let x1 = Math.log(start.tau1), x2 = Math.log(start.tau2);
  let gm = gradientAndGaussNewton(current);
  let h11 = gm.m11, h12 = gm.m12, h22 = gm.m22;
  let updated = false; // whether h holds BFGS corrections
  for (let iter = 0; iter < 60; iter++) {
    let det = h11 * h22 - h12 * h12;
    if (!(det > 0 && h11 > 0)) {
      h11 = gm.m11; h12 = gm.m12; h22 = gm.m22; // restart from Gauss–Newton
      updated = false;
      det = h11 * h22 - h12 * h12;
      if (!(det > 0 && h11 > 0)) break;
    }
    const d1 = (h22 * gm.g1 - h12 * gm.g2) / det;
    const d2 = (h11 * gm.g2 - h12 * gm.g1) / det;
    if (!(Math.abs(d1) + Math.abs(d2) >= 1e-9)) break; // converged
    let alpha = 1;
    let trial: PairSums | null = null;
    let t1 = x1, t2 = x2;
    for (let halvings = 0; halvings < 12; halvings++, alpha /= 2) {
      t1 = Math.min(lnHi, Math.max(lnLo, x1 + alpha * d1));
      t2 = Math.min(lnHi, Math.max(lnLo, x2 + alpha * d2));
      if (!(t2 > t1)) continue;
      const candidate = pairSums(s, y, yy, Math.exp(t1), Math.exp(t2));
      const { res, a1, a2 } = candidate.pair;
      if (res <= current.pair.res && a1 > 0 && a2 > 0) { trial = candidate; break; }
    }
    if (!trial) {
      if (!updated) break; // no descent along the Gauss–Newton step: converged to round-off
      h11 = gm.m11; h12 = gm.m12; h22 = gm.m22; // the quasi-Newton step failed: retry from Gauss–Newton
      updated = false;
      continue;
    }
    const step1 = t1 - x1, step2 = t2 - x2;
    const next = gradientAndGaussNewton(trial);
    // BFGS on ½‖r‖²: its gradient is −g, so the gradient change is g_old − g_new.
    const y1 = gm.g1 - next.g1, y2 = gm.g2 - next.g2;
    const sy = step1 * y1 + step2 * y2;
    if (sy > 0) {
      const hs1 = h11 * step1 + h12 * step2, hs2 = h12 * step1 + h22 * step2;
      const shs = step1 * hs1 + step2 * hs2;
      h11 += (y1 * y1) / sy - (hs1 * hs1) / shs;
      h12 += (y1 * y2) / sy - (hs1 * hs2) / shs;
      h22 += (y2 * y2) / sy - (hs2 * hs2) / shs;
      updated = true;
    }
    current = trial;
    gm = next;
    x1 = t1; x2 = t2;
    if (x2 - x1 < MERGED_LN_TAU) return null; // the two lifetimes merge: not two components
    if (Math.abs(step1) + Math.abs(step2) < 1e-9) break;
  }
  return current.pair.res <= start.res ? current.pair : start;
}

/**
 * The best single exponential y ≈ a e^(−s/τ), a ≥ 0, by Levenberg–Marquardt in ln τ from `tau`;
 * returned as a pair with both time constants equal and the amplitude in the slow slot.
 */
function bestSingle(s: Float64Array, y: Float64Array, yy: number, tau: number): Pair {
  const at = (tauPs: number) => {
    const rate = 1 / tauPs;
    let ee = 0, ey = 0, de = 0, dd = 0, dy = 0;
    for (let k = 0; k < s.length; k++) {
      const x = s[k] * rate;
      const e = Math.exp(-x);
      if (e < NEGLIGIBLE) break;
      const d = e * x;
      ee += e * e; ey += e * y[k]; de += d * e; dd += d * d; dy += d * y[k];
    }
    const a = Math.max(0, ey / ee);
    const g = a * (dy - a * de);
    const m = a * a * (dd - (de * de) / ee);
    return { pair: { res: yy - 2 * a * ey + a * a * ee, tau1: tauPs, tau2: tauPs, a1: 0, a2: a }, g, m };
  };
  let current = at(tau);
  let lambda = 1e-3;
  for (let iter = 0; iter < 100; iter++) {
    if (!(current.m > 0)) break;
    const step = current.g / (current.m * (1 + lambda));
    if (!(Math.abs(step) >= 1e-9)) break;
    const trial = at(current.pair.tau2 * Math.exp(step));
    if (trial.pair.res <= current.pair.res) {
      current = trial;
      lambda = Math.max(lambda / 4, 1e-9);
    } else {
      lambda *= 8;
      if (lambda > 1e9) break;
    }
  }
  return current.pair;
}

/** A second component must lower the residual by this share to count as resolved (else: a single exponential). */
const SECOND_COMPONENT_GAIN = 1e-6;
/** Residuals below this share of ‖y‖² are round-off (the residual is computed as ‖y‖² − 2a·b + aᵀSa). */
const ROUND_OFF = 1e-12;

/**
 * Bi-exponential fit y(t) ≈ A1 e^(−(t−t0)/τ1) + A2 e^(−(t−t0)/τ2), τ1 < τ2, by variable projection (amplitudes
 * by linear least squares): a log grid of time constants spanning the data, then quasi-Newton from the best pair.
 * If a second component does not lower the residual noticeably, the fit is the best single exponential, reported
 * as the slow component (fast fraction 0).
 */
export function fitBiExponential(t: Float64Array, y: Float64Array): BiExpFit | null {
  if (t.length < 6) return null;
  const n = t.length;
  const s = new Float64Array(n);
  let yy = 0;
  for (let k = 0; k < n; k++) {
    s[k] = t[k] - t[0];
    yy += y[k] * y[k];
  }
  const lo = Math.max(t[1] - t[0], 1e-3) / 3;
  const hi = (t[n - 1] - t[0]) * 3;
  const coarse = 32;
  const grid = bestPair(s, y, yy, tauGrid(lo, hi, coarse));
  const single = bestSingle(s, y, yy, grid.singleTau);
  // Bounds far outside the grid only keep τ finite: a τ beyond them is a step or an offset, not a lifetime.
  const pair = Number.isFinite(grid.pair.res) ? polish(s, y, yy, grid.pair, Math.log(lo) - 30, Math.log(hi) + 30) : null;
  const resolved = pair !== null && pair.a1 > 0 && pair.a2 > 0 && pair.res < single.res - SECOND_COMPONENT_GAIN * Math.max(single.res, 0) - ROUND_OFF * yy;
  const best = resolved ? pair : single;
  const total = best.a1 + best.a2;
  if (!(total > 0)) return null;
  return { fastPs: best.tau1, slowPs: best.tau2, fastFraction: best.a1 / total, rms: Math.sqrt(Math.max(best.res, 0) / n) };
}
