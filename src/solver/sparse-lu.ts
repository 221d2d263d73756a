// Sparse LU of the iteration matrix diag(w)·(dγ·I − J) on J's fixed pattern: fill-reducing symmetric ordering,
// left-looking factorisation with threshold partial pivoting, and numeric refactorisation on the kept pattern.
import type { SparsePattern } from './sparse-pattern.ts';

/** Prefer the diagonal as pivot while |diagonal| ≥ PIVOT_THRESHOLD × the column's largest candidate. */
const PIVOT_THRESHOLD = 0.1;
/** A refactorisation whose pivot falls below REFACTOR_THRESHOLD × its column's largest candidate is redone with pivoting. */
const REFACTOR_THRESHOLD = 1e-3;

/**
 * x[idx[p]] −= val[p]·v for p in [p0, p1): the inner loop of the factorisations and solves. Unrolled by four with
 * the loads ahead of the stores, which V8 runs ~25 % faster than the plain loop (2.0 against 2.7 ns per entry,
 * measured on the machine of the README's tables); the indices within a range are distinct, so every x entry sees
 * the same operations in the same order as in the plain loop (bit-identical results).
 */
function scatter(x: Float64Array, idx: Int32Array, val: Float64Array, p0: number, p1: number, v: number): void {
  let p = p0;
  for (; p + 3 < p1; p += 4) {
    const i0 = idx[p];
    const i1 = idx[p + 1];
    const i2 = idx[p + 2];
    const i3 = idx[p + 3];
    const a0 = val[p] * v;
    const a1 = val[p + 1] * v;
    const a2 = val[p + 2] * v;
    const a3 = val[p + 3] * v;
    x[i0] -= a0;
    x[i1] -= a1;
    x[i2] -= a2;
    x[i3] -= a3;
  }
  for (; p < p1; p++) x[idx[p]] -= val[p] * v;
}

/**
 * One triangular solve in place on x with columns (cp, ci, cv): forward with L (d = null, unit diagonal) or backward
 * with U (d = the reciprocals of its diagonal). scatter()'s loop is written out here, so that the sweep does not
 * depend on V8 inlining it (when the BDF's corrector inlines solve(), scatter stayed a call per column: measured
 * 60 % slower on BRUSS2D-8 after a banded solve in the same process). refactor() writes it out too.
 */
function sweep(x: Float64Array, cp: Int32Array, ci: Int32Array, cv: Float64Array, d: Float64Array | null, n: number): void {
  for (let t = 0; t < n; t++) {
    const k = d ? n - 1 - t : t;
    let v = x[k];
    if (d) {
      v *= d[k];
      x[k] = v;
    }
    if (v === 0) continue;
    const p1 = cp[k + 1];
    let p = cp[k];
    for (; p + 3 < p1; p += 4) {
      const i0 = ci[p];
      const i1 = ci[p + 1];
      const i2 = ci[p + 2];
      const i3 = ci[p + 3];
      const a0 = cv[p] * v;
      const a1 = cv[p + 1] * v;
      const a2 = cv[p + 2] * v;
      const a3 = cv[p + 3] * v;
      x[i0] -= a0;
      x[i1] -= a1;
      x[i2] -= a2;
      x[i3] -= a3;
    }
    for (; p < p1; p++) x[ci[p]] -= cv[p] * v;
  }
}

/**
 * B = W(q, q), q the ordering of W + Wᵀ's pattern (sparse-order.ts, once per solve), is factored as P·B = L·U
 * by the left-looking algorithm of Gilbert & Peierls (1988; Davis 2006, Ch. 6): column k of L and U is the
 * sparse triangular solve L x = B(:, k), its pattern found by depth-first search in L's graph, in
 * topological order. The pivot is B's diagonal entry while it is ≥ PIVOT_THRESHOLD × the largest candidate
 * (keeps the fill of the symmetric ordering), else the largest candidate (threshold partial pivoting).
 * A pivot ≤ 1e-14 × the largest |entry| of its column of B counts as singular (as in luFactor).
 *
 * Later factorisations (new h, new J, same pattern) refactor numerically with the kept pivot order and L, U
 * patterns (no search; the pattern of B is covered by them), and check each pivot against its column's
 * candidates: below REFACTOR_THRESHOLD × the largest, or not finite, the whole factorisation is redone with
 * pivoting (a new pivot order and pattern). This is KLU's refactor-and-check scheme as CVODE uses it. The pivot
 * order and patterns are kept on the SparsePattern, so a later LU on the same pattern starts by refactoring.
 */
export class SparseLu {
  readonly n: number;
  /** Counters: full (pivoting) factorisations, numeric refactorisations. */
  full = 0;
  refactors = 0;
  private readonly q: Int32Array;
  /** B in compressed columns: bp, bi (rows of B), bx; bStep[p] = the pivot step of row bi[p] (after a full factor). */
  private readonly bp: Int32Array;
  private readonly bi: Int32Array;
  private readonly bx: Float64Array;
  private readonly bStep: Int32Array;
  /** Position in bx of J's entry k (CSR order) and of W's diagonal (i, i). */
  private readonly jPos: Int32Array;
  private readonly dPos: Int32Array;
  private readonly rowPtr: Int32Array;
  private readonly colScale: Float64Array;
  // L (unit diagonal not stored; rows as pivot steps) and U (diagonal apart, as reciprocals; rows as steps, topological order).
  private lp: Int32Array;
  private li = new Int32Array(0);
  private lx = new Float64Array(0);
  private up: Int32Array;
  private ui = new Int32Array(0);
  private ux = new Float64Array(0);
  private readonly ud: Float64Array;
  private readonly pinv: Int32Array;
  /** rowPerm[k] = the original component whose equation is pivot row k. */
  private readonly rowPerm: Int32Array;
  private readonly x: Float64Array;
  private readonly mark: Int32Array;
  private readonly stack: Int32Array;
  private readonly pstack: Int32Array;
  private readonly reach: Int32Array;
  private factored = false;
  private readonly pat: SparsePattern;

  constructor(pat: SparsePattern) {
    this.pat = pat;
    const { n, rowPtr, colIdx, nnz } = pat;
    this.n = n;
    this.rowPtr = rowPtr;
    const q = pat.ordering().perm;
    this.q = q;
    const qinv = new Int32Array(n);
    for (let k = 0; k < n; k++) qinv[q[k]] = k;
    const hasDiag = new Uint8Array(n);
    for (let i = 0; i < n; i++) for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) if (colIdx[k] === i) hasDiag[i] = 1;
    const bp = new Int32Array(n + 1);
    for (let k = 0; k < nnz; k++) bp[qinv[colIdx[k]] + 1]++;
    for (let i = 0; i < n; i++) if (!hasDiag[i]) bp[qinv[i] + 1]++;
    for (let c = 0; c < n; c++) bp[c + 1] += bp[c];
    const nb = bp[n];
    const next = bp.slice(0, n);
    this.bi = new Int32Array(nb);
    this.jPos = new Int32Array(nnz);
    this.dPos = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) {
        const p = next[qinv[colIdx[k]]]++;
        this.bi[p] = qinv[i];
        this.jPos[k] = p;
        if (colIdx[k] === i) this.dPos[i] = p;
      }
      if (!hasDiag[i]) {
        const p = next[qinv[i]]++;
        this.bi[p] = qinv[i];
        this.dPos[i] = p;
      }
    }
    this.bp = bp;
    this.bx = new Float64Array(nb);
    this.bStep = new Int32Array(nb);
    this.colScale = new Float64Array(n);
    this.lp = new Int32Array(n + 1);
    this.up = new Int32Array(n + 1);
    this.ud = new Float64Array(n);
    this.pinv = new Int32Array(n);
    this.rowPerm = new Int32Array(n);
    this.x = new Float64Array(n); // zero between uses (each use clears what it wrote)
    this.mark = new Int32Array(n).fill(-1);
    this.stack = new Int32Array(n);
    this.pstack = new Int32Array(n);
    this.reach = new Int32Array(n);
    const tpl = pat.luTemplate;
    this.grow(Math.max(2 * nb + n, tpl ? tpl.li.length : 0), Math.max(2 * nb + n, tpl ? tpl.ui.length : 0));
    if (tpl) {
      this.lp.set(tpl.lp);
      this.li.set(tpl.li);
      this.up.set(tpl.up);
      this.ui.set(tpl.ui);
      this.pinv.set(tpl.pinv);
      this.bStep.set(tpl.bStep);
      this.rowPerm.set(tpl.rowPerm);
      this.factored = true;
    }
  }

  /** Entries of L and U (without U's diagonal) of the current factors. */
  get factorNonzeros(): number {
    return this.lp[this.n] + this.up[this.n];
  }

  private grow(lCap: number, uCap: number): void {
    if (lCap > this.li.length) {
      const li = new Int32Array(lCap); li.set(this.li); this.li = li;
      const lx = new Float64Array(lCap); lx.set(this.lx); this.lx = lx;
    }
    if (uCap > this.ui.length) {
      const ui = new Int32Array(uCap); ui.set(this.ui); this.ui = ui;
      const ux = new Float64Array(uCap); ux.set(this.ux); this.ux = ux;
    }
  }

  /**
   * Factor diag(weight)·(dgamma·I − J), J's values in CSR pattern order (sparse-pattern.ts).
   * @returns −1, or the original component (column) whose pivot was too small.
   */
  factor(jac: Float64Array, dgamma: number, weight: Float64Array): number {
    this.load(jac, dgamma, weight);
    if (this.factored && this.refactor()) {
      this.refactors++;
      return -1;
    }
    this.full++;
    return this.factorPivoting();
  }

  /**
   * B's values and column scales. Apart from factor() so that factor() has no loop: V8 compiled factor()'s loops
   * on-stack during a first, pivoting factorisation (before any refactorisation had run) and re-entered that code on
   * every later call, each time deoptimising at the refactor branch (369 deoptimisations in a run on BRUSS2D-24).
   */
  private load(jac: Float64Array, dgamma: number, weight: Float64Array): void {
    const { n, bx, jPos, dPos, rowPtr, bp, colScale } = this;
    bx.fill(0);
    for (let i = 0; i < n; i++) {
      const wi = weight[i];
      for (let k = rowPtr[i]; k < rowPtr[i + 1]; k++) bx[jPos[k]] = -jac[k] * wi;
      bx[dPos[i]] += dgamma * wi;
    }
    for (let c = 0; c < n; c++) {
      let m = 0;
      for (let p = bp[c]; p < bp[c + 1]; p++) {
        const v = Math.abs(bx[p]);
        if (v > m) m = v;
      }
      colScale[c] = m;
    }
  }

  /** Numeric refactorisation on the kept pattern and pivot order; @returns false when a pivot fails the check. */
  private refactor(): boolean {
    const { n, bp, bx, bStep, lp, li, lx, up, ui, ux, ud, x, colScale } = this;
    // x is zero between columns: each column's entries are read back and cleared as they are stored.
    let ok = true;
    for (let k = 0; k < n; k++) {
      const u0 = up[k];
      const u1 = up[k + 1];
      const l0 = lp[k];
      const l1 = lp[k + 1];
      const b1 = bp[k + 1];
      for (let p = bp[k]; p < b1; p++) x[bStep[p]] = bx[p];
      for (let p = u0; p < u1; p++) {
        const j = ui[p];
        const u = x[j];
        x[j] = 0;
        ux[p] = u;
        if (u === 0) continue;
        // scatter(x, li, lx, lp[j], lp[j + 1], u) written out (as in sweep(), so as not to depend on inlining).
        const r1 = lp[j + 1];
        let r = lp[j];
        for (; r + 3 < r1; r += 4) {
          const i0 = li[r];
          const i1 = li[r + 1];
          const i2 = li[r + 2];
          const i3 = li[r + 3];
          const a0 = lx[r] * u;
          const a1 = lx[r + 1] * u;
          const a2 = lx[r + 2] * u;
          const a3 = lx[r + 3] * u;
          x[i0] -= a0;
          x[i1] -= a1;
          x[i2] -= a2;
          x[i3] -= a3;
        }
        for (; r < r1; r++) x[li[r]] -= lx[r] * u;
      }
      const piv = x[k];
      x[k] = 0;
      let big = Math.abs(piv);
      for (let p = l0; p < l1; p++) {
        const v = Math.abs(x[li[p]]);
        if (v > big) big = v;
      }
      const a = Math.abs(piv);
      if (!(a >= REFACTOR_THRESHOLD * big) || !(a > 1e-14 * colScale[k]) || !Number.isFinite(big)) ok = false;
      const inv = 1 / piv;
      ud[k] = inv;
      for (let p = l0; p < l1; p++) {
        const r = li[p];
        lx[p] = x[r] * inv;
        x[r] = 0;
      }
      if (!ok) break;
    }
    if (!ok) x.fill(0);
    return ok;
  }

  /** Left-looking LU with threshold partial pivoting; sets the pattern and pivot order refactor() reuses. */
  private factorPivoting(): number {
    const { n, bp, bi, bx, ud, pinv, x, mark, reach, colScale, q } = this;
    this.factored = false;
    pinv.fill(-1);
    mark.fill(-1);
    let lnz = 0;
    let unz = 0;
    for (let k = 0; k < n; k++) {
      this.lp[k] = lnz;
      this.up[k] = unz;
      const top = this.reachOf(k);
      for (let p = bp[k]; p < bp[k + 1]; p++) x[bi[p]] = bx[p];
      if (unz + n > this.ui.length || lnz + n > this.li.length) this.grow(2 * this.li.length + n, 2 * this.ui.length + n);
      const { li, lx, ui, ux, lp } = this;
      let ipiv = -1;
      let big = -1;
      for (let t = top; t < n; t++) {
        const r = reach[t];
        const j = pinv[r];
        if (j < 0) {
          const v = Math.abs(x[r]);
          if (v > big || v !== v) {
            big = v;
            ipiv = r;
          }
          continue;
        }
        const u = x[r];
        x[r] = 0;
        ui[unz] = j;
        ux[unz++] = u;
        if (u !== 0) scatter(x, li, lx, lp[j], lp[j + 1], u);
      }
      // The diagonal (row k of B) when it is unpivoted and large enough.
      if (pinv[k] < 0 && mark[k] === k && Math.abs(x[k]) >= PIVOT_THRESHOLD * big) ipiv = k;
      if (ipiv < 0 || !(big > 1e-14 * colScale[k]) || !Number.isFinite(big)) {
        x.fill(0);
        return q[k];
      }
      const piv = x[ipiv];
      pinv[ipiv] = k;
      ud[k] = 1 / piv;
      const inv = ud[k];
      for (let t = top; t < n; t++) {
        const r = reach[t];
        if (pinv[r] < 0) {
          li[lnz] = r;
          lx[lnz++] = x[r] * inv;
        }
        x[r] = 0;
      }
    }
    this.lp[n] = lnz;
    this.up[n] = unz;
    for (let p = 0; p < lnz; p++) this.li[p] = pinv[this.li[p]];
    for (let p = 0; p < bi.length; p++) this.bStep[p] = pinv[bi[p]];
    for (let r = 0; r < n; r++) this.rowPerm[pinv[r]] = q[r];
    this.factored = true;
    this.pat.luTemplate = {
      lp: this.lp.slice(), li: this.li.slice(0, lnz), up: this.up.slice(), ui: this.ui.slice(0, unz),
      pinv: pinv.slice(), bStep: this.bStep.slice(), rowPerm: this.rowPerm.slice(),
    };
    return -1;
  }

  /**
   * Rows reachable from B(:, k)'s pattern in the graph of L (row r → the rows of L(:, pinv[r]) when r is
   * pivotal), by non-recursive depth-first search, into reach[top … n) in topological order. mark[r] = k flags them.
   * During factorPivoting L's rows are original rows of B (renumbered to pivot steps at the end).
   */
  private reachOf(k: number): number {
    const { n, bp, bi, pinv, mark, stack, pstack, reach, lp, li } = this;
    let top = n;
    for (let p = bp[k]; p < bp[k + 1]; p++) {
      const r0 = bi[p];
      if (mark[r0] === k) continue;
      let head = 0;
      stack[0] = r0;
      while (head >= 0) {
        const r = stack[head];
        const j = pinv[r];
        if (mark[r] !== k) {
          mark[r] = k;
          pstack[head] = j < 0 ? 0 : lp[j];
        }
        let done = true;
        const end = j < 0 ? 0 : lp[j + 1];
        for (let s = pstack[head]; s < end; s++) {
          const c = li[s];
          if (mark[c] === k) continue;
          pstack[head] = s + 1;
          stack[++head] = c;
          done = false;
          break;
        }
        if (done) {
          head--;
          reach[--top] = r;
        }
      }
    }
    return top;
  }

  /** Solve with the current factors in place on b[off … off + n) (already row-weighted). */
  solve(b: Float64Array, off: number): void {
    const { n, lp, li, lx, up, ui, ux, ud, x, rowPerm, q } = this;
    for (let k = 0; k < n; k++) x[k] = b[off + rowPerm[k]];
    sweep(x, lp, li, lx, null, n);
    sweep(x, up, ui, ux, ud, n);
    for (let k = 0; k < n; k++) {
      b[off + q[k]] = x[k];
      x[k] = 0;
    }
  }
}
