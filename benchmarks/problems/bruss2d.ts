// The 2-D Brusselator (Hairer & Wanner II, Sec. IV.10, BRUSS-2D) on an N × N grid with no-flux boundaries:
// a reaction–diffusion problem whose Jacobian is sparse (5-point stencil × 2 species) and whose band is wide.
import type { JacobianFn, RhsFn } from '../../src/solver/types.ts';

/**
 * u_t = 1 + u²v − 4.4u + α Δu + f(x, y, t), v_t = 3.4u − u²v + α Δv on (0, 1)², α = 0.1, f = 5 in the disc
 * (x − 0.3)² + (y − 0.6)² ≤ 0.1² for t ≥ 1.1 (else 0); u(x, y, 0) = 22 y (1 − y)^1.5, v(x, y, 0) = 27 x (1 − x)^1.5;
 * t ∈ [0, 11.5] (Hairer & Wanner II, Sec. IV.10). Hairer & Wanner take periodic boundaries; here they are
 * no-flux (Neumann, reflected ghost cells) so that the Jacobian is banded in the natural ordering, with
 * bandwidth 2N, and a band solver (CVODE's, ours) applies at all. Cell centres x_i = (i + ½)/N, Δ = 1/N.
 * State interleaved by cell, cell (i, j) = i + N j: y[2(i + N j)] = u, y[2(i + N j) + 1] = v.
 * f(t) is piecewise constant in t, so ∂f/∂t = 0 wherever it exists (the bench declares it autonomous).
 */
export interface Bruss2d {
  n: number;
  y0: number[];
  rhs: RhsFn;
  /** Dense row-major Jacobian. */
  jacobian: JacobianFn;
  band: { lower: number; upper: number };
  /** Jacobian in band layout (band-lu.ts). */
  bandJacobian: JacobianFn;
  sparsity: { rowPtr: Int32Array; colIdx: Int32Array };
  /** Jacobian in the pattern's CSR order. */
  sparseJacobian: JacobianFn;
}

export const BRUSS2D_T1 = 11.5;

export function bruss2d(N: number): Bruss2d {
  const n = 2 * N * N;
  const a = 0.1 * N * N;
  const inDisc = new Uint8Array(N * N);
  const y0: number[] = new Array(n);
  for (let j = 0; j < N; j++) {
    for (let i = 0; i < N; i++) {
      const x = (i + 0.5) / N;
      const y = (j + 0.5) / N;
      inDisc[i + N * j] = (x - 0.3) ** 2 + (y - 0.6) ** 2 <= 0.01 ? 1 : 0;
      y0[2 * (i + N * j)] = 22 * y * (1 - y) ** 1.5;
      y0[2 * (i + N * j) + 1] = 27 * x * (1 - x) ** 1.5;
    }
  }
  // Neighbours of each cell (left, right, down, up; a boundary side reflects to the cell itself).
  const nb = new Int32Array(4 * N * N);
  for (let j = 0; j < N; j++) {
    for (let i = 0; i < N; i++) {
      const c = i + N * j;
      nb[4 * c] = i > 0 ? c - 1 : c;
      nb[4 * c + 1] = i < N - 1 ? c + 1 : c;
      nb[4 * c + 2] = j > 0 ? c - N : c;
      nb[4 * c + 3] = j < N - 1 ? c + N : c;
    }
  }
  const rhs: RhsFn = (t, y, f) => {
    const force = t >= 1.1 ? 5 : 0;
    for (let c = 0; c < N * N; c++) {
      const u = y[2 * c];
      const v = y[2 * c + 1];
      const l = 2 * nb[4 * c];
      const r = 2 * nb[4 * c + 1];
      const d = 2 * nb[4 * c + 2];
      const up = 2 * nb[4 * c + 3];
      const uuv = u * u * v;
      f[2 * c] = 1 + uuv - 4.4 * u + a * (y[l] + y[r] + y[d] + y[up] - 4 * u) + (inDisc[c] ? force : 0);
      f[2 * c + 1] = 3.4 * u - uuv + a * (y[l + 1] + y[r + 1] + y[d + 1] + y[up + 1] - 4 * v);
    }
  };
  /** Every entry (row, col, ∂f_row/∂y_col) at state y, summed where a reflected neighbour is the cell itself. */
  const entries = (y: Float64Array, add: (row: number, col: number, v: number) => void) => {
    for (let c = 0; c < N * N; c++) {
      const u = y[2 * c];
      const v = y[2 * c + 1];
      const iu = 2 * c;
      const iv = iu + 1;
      add(iu, iu, 2 * u * v - 4.4 - 4 * a);
      add(iu, iv, u * u);
      add(iv, iu, 3.4 - 2 * u * v);
      add(iv, iv, -u * u - 4 * a);
      for (let s = 0; s < 4; s++) {
        const m = 2 * nb[4 * c + s];
        add(iu, m, a);
        add(iv, m + 1, a);
      }
    }
  };
  // The sparse pattern: per row, its distinct columns ascending.
  const rows: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  entries(new Float64Array(n), (r, c) => rows[r].add(c));
  const rowPtr = new Int32Array(n + 1);
  const cols: number[] = [];
  const at = new Map<number, number>();
  for (let r = 0; r < n; r++) {
    for (const c of [...rows[r]].sort((p, q) => p - q)) {
      at.set(r * n + c, cols.length);
      cols.push(c);
    }
    rowPtr[r + 1] = cols.length;
  }
  // entries() visits the same (row, col) sequence at every state: the CSR position of each visit, once.
  const visitPos: number[] = [];
  entries(new Float64Array(n), (r, c) => visitPos.push(at.get(r * n + c)!));
  const pos = Int32Array.from(visitPos);
  const kb = 2 * N;
  return {
    n, y0, rhs,
    jacobian: (_t, y, J) => {
      J.fill(0);
      entries(y, (r, c, v) => { J[r * n + c] += v; });
    },
    band: { lower: kb, upper: kb },
    bandJacobian: (_t, y, J) => {
      J.fill(0);
      entries(y, (r, c, v) => { J[r * (2 * kb + 1) + c - r + kb] += v; });
    },
    sparsity: { rowPtr, colIdx: Int32Array.from(cols) },
    sparseJacobian: (_t, y, J) => {
      J.fill(0);
      let q = 0;
      entries(y, (_r, _c, v) => { J[pos[q++]] += v; });
    },
  };
}
