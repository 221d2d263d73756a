// The solver front's public types: problem callbacks, options and the one result shape every method returns.

/** Right-hand side: writes f(t, y) into `dydt` in place. Must not keep references to `y` or `dydt`. */
export type RhsFn = (t: number, y: Float64Array, dydt: Float64Array) => void;

/**
 * Jacobian: writes ∂f_i/∂y_j into `jac[i * n + j]` (row-major, n × n); with `jacobianBand` or `jacobianSparsity`,
 * the band or sparse layout given there.
 */
export type JacobianFn = (t: number, y: Float64Array, jac: Float64Array) => void;

export type MethodName = 'odex' | 'dop853' | 'rodas5' | 'seulex' | 'bdf' | 'auto';

export interface SolveIvpOptions {
  /**
   * Integration method; default 'auto' (stiffness detection: DOP853 on non-stiff stretches, rodas5 on stiff ones).
   * 'dop853': explicit Runge–Kutta 8(5,3) with 7th-order dense output; 'odex': GBS extrapolation (odex package);
   * 'seulex': linearly implicit Euler extrapolation, variable order (stiff; dense Jacobian only; steps end on tEval).
   * 'bdf': variable-order (1–5) NDF/BDF with a kept Jacobian and Newton matrix (bdf.ts).
   */
  method?: MethodName;
  /** Relative tolerance; error per component is measured against atol_i + rtol·|y_i|. Default 1e-6. */
  rtol?: number;
  /** Absolute tolerance, scalar or one per component. Default 1e-9. */
  atol?: number | ArrayLike<number>;
  /** Analytic Jacobian; finite differences are used when absent. */
  jacobian?: JacobianFn;
  /** Times at which to report the solution (dense output, no extra steps); must lie in [t0, t1] and be sorted. */
  tEval?: ArrayLike<number>;
  /** Maximum number of steps (accepted + rejected) before giving up. Default 100000. */
  maxSteps?: number;
  /** Initial step size; chosen automatically when absent. */
  firstStep?: number;
  /** Largest step size allowed. Default |t1 - t0|. */
  maxStep?: number;
  /** Declares that f does not depend on t, so rodas5 skips the ∂f/∂t evaluation. Default false. */
  autonomous?: boolean;
  /**
   * Declares the Jacobian banded: ∂f_i/∂y_j = 0 unless −lower ≤ j − i ≤ upper. rodas5 (alone or inside 'auto')
   * then factors W with a banded LU (work O(n·lower·(lower + upper)) per step instead of O(n³)) and, without an
   * analytic Jacobian, forms it from lower + upper + 1 evaluations instead of n. With this option `jacobian`
   * writes the band only: ∂f_i/∂y_j into jac[i * (lower + upper + 1) + (j − i + lower)] (see band-lu.ts).
   */
  jacobianBand?: { lower: number; upper: number };
  /**
   * Declares the Jacobian sparse with this nonzero pattern, in compressed sparse rows (zero-based): row i's
   * nonzero columns are colIdx[rowPtr[i]] … colIdx[rowPtr[i + 1] − 1], strictly increasing; rowPtr has n + 1
   * entries from 0 to nnz = colIdx.length. rodas5, 'bdf' and 'auto' then factor their iteration matrix with a
   * sparse LU (sparse-lu.ts: fill-reducing ordering and symbolic analysis once per solve, threshold partial
   * pivoting, numeric refactorisation on the kept pattern) and, without an analytic Jacobian, form it by finite
   * differences from one evaluation per group of structurally orthogonal columns (greedy colouring) instead of n.
   * With this option `jacobian` writes the pattern's entries only, in pattern order: ∂f_i/∂y_j into jac[k] for
   * the k in rowPtr[i] … rowPtr[i + 1] − 1 with colIdx[k] = j (jac.length = nnz). Diagonal entries may be left
   * out of the pattern (the iteration matrix adds them). Not with jacobianBand; not for method 'seulex'.
   */
  jacobianSparsity?: { rowPtr: ArrayLike<number>; colIdx: ArrayLike<number> };
}

/** 0: reached t1; -1: failed (see `failure`). */
export type SolveStatus = 0 | -1;

export interface SolveFailure {
  /** 'global-error': solveIvpGlobal could not certify the global error within the tolerance (global-error.ts). */
  kind: 'step-size-underflow' | 'max-steps' | 'non-finite-rhs' | 'non-finite-jacobian' | 'singular-matrix' | 'global-error' | 'other';
  /** Time at which the solver gave up. */
  t: number;
  /** Step size at that time. */
  h: number;
  /** Human-readable likely cause and what to try. */
  cause: string;
}

export interface SolveCounters {
  nfev: number;
  njev: number;
  nlu: number;
  nAccepted: number;
  nRejected: number;
}

export interface SolveIvpResult extends SolveCounters {
  /** Output times: `tEval` when given (then a view of the same buffer as the columns of `y`), else every accepted step
   *  (t0 included). */
  t: Float64Array;
  /** One column per state component: y[i][k] is component i at t[k]. The columns are views of one shared buffer. */
  y: Float64Array[];
  status: SolveStatus;
  message: string;
  success: boolean;
  failure?: SolveFailure;
  /** The method that ran; for 'auto', which methods were used (accepted steps each) and how often it switched. */
  method: MethodName;
  methodsUsed?: { odexSteps: number; rodasSteps: number; switches: number; dop853Steps?: number; seulexSteps?: number; bdfSteps?: number };
}

/** Why a method's run stopped: reached tEnd, asked to hand over to the other method (auto), or failed. */
export type RunEnd = 'done' | 'switch' | 'failed';
