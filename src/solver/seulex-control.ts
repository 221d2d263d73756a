// SEULEX's order and step-size control: the step-number sequence, the work model, and the choice of the next order.

/** Most rows of the tableau (order of T_{k,k} is k). */
export const KMAX = 12;

/** Step numbers n_j = j (the harmonic sequence 1, 2, 3, …), j = 1 … KMAX + 1. */
export const SEQ: Int32Array = Int32Array.from({ length: KMAX + 1 }, (_, j) => j + 1);

/**
 * Work model, in right-hand-side evaluations: a row of m substeps costs m − 1 evaluations, one LU and m
 * solves; a step also costs the Jacobian at its start and f at its end. For the small dense problems SEULEX
 * serves, an LU of a few dozen unknowns and a triangular solve are priced at one and a quarter evaluation
 * (HC-4's unit costs in the benchmark are of that order: rhs, Jacobian and 4 × 4 LU within a factor 2).
 * @param jacCost the Jacobian's price in evaluations (1 analytic, n by forward differences, + 1 for ∂f/∂t).
 * @returns A[j] = work of a step that computes rows 1 … j (A[0] unused).
 */
export function workTable(jacCost: number, n: number): Float64Array {
  const lu = Math.max(1, (n * n * n) / 300);
  const solve = Math.max(0.25, (n * n) / 100);
  const a = new Float64Array(KMAX + 2);
  a[0] = jacCost + 1;
  for (let j = 1; j <= KMAX + 1; j++) {
    const m = SEQ[j - 1];
    a[j] = a[j - 1] + (m - 1) + lu + m * solve;
  }
  return a;
}

/** Target row count for the first step: about 0.6 per digit of rtol (Hairer's choice for odex/seulex), in [2, KMAX − 1]. */
export function initialRows(rtol: number): number {
  return Math.max(2, Math.min(KMAX - 1, Math.floor(-Math.log10(rtol) * 0.6 + 1.5)));
}

/** Safety factors of the step-size proposal H_j = H · SAFE2 · (SAFE1 / err_j)^(1/j). */
const SAFE1 = 0.65;
const SAFE2 = 0.94;
/** Bounds of the step change per step (the step may shrink by 50 and grow by 4 at most). */
const FAC_MIN = 0.02;
const FAC_MAX = 4;

/**
 * Proposed step after row j with error estimate err_j = ‖T_{j,j} − T_{j,j−1}‖ (the error of T_{j,j−1}, O(H^j)).
 * @returns |H_j| (a magnitude).
 */
export function proposedStep(absH: number, err: number, j: number): number {
  const fac = err > 0 ? SAFE2 * Math.pow(SAFE1 / err, 1 / j) : FAC_MAX;
  return absH * Math.min(FAC_MAX, Math.max(FAC_MIN, fac));
}

/**
 * Convergence monitor: after row j of a step aimed at row k (j = k − 1 or k), whether row k + 1 can still
 * bring the error estimate below 1. Two predictions must both say no. (a) From the contraction seen:
 * successive estimates fall by ρ = err_j / err_{j−1} (capped at 1), so row k + 1 would give err_j·ρ^(k+1−j).
 * (b) From the expansion's leading term, the bound of Hairer & Wanner's codes with the square they use
 * (II, Sec. II.9): err_{k−1} > (n_k·n_{k+1}/n_1²)², err_k > (n_{k+1}/n_1)². On stiff stretches the low rows
 * often do not contract while the higher ones do (HIRES: err_2 ≈ err_3 ≈ 28, err_4 = 0.8), so (a) alone gave
 * up on steps that row k + 1 would have accepted; (b) alone waits for rows that cannot converge. With a
 * single estimate (j = 2) only (b) applies, and only at j = k: row 2 is too crude to stop a step aimed at row 3
 * (on HC-4 err_2 = 260 with err_3 = 0.007 at the same H; stopping there locked the order at 2).
 * @param errPrev err_{j−1} (unused for j = 2).
 */
export function hopeless(err: number, errPrev: number, j: number, k: number): boolean {
  if (j > k) return err > 1;
  const q = j === k ? SEQ[k] / SEQ[0] : (SEQ[k - 1] * SEQ[k]) / (SEQ[0] * SEQ[0]);
  const classical = err > q * q;
  if (j === 2) return j === k && classical;
  const rho = Math.min(1, err / errPrev);
  return classical && err * Math.pow(rho, k + 1 - j) > 1;
}

/**
 * Next order and step after a step that computed rows 1 … jc (accepted or rejected there), by the work per
 * unit step W_j = A_j / H_j (Hairer & Wanner II, Sec. II.9 and IV.9; Deuflhard 1985): the order below is taken
 * when it saves a fifth; the order above (jc + 1) when W_jc is a tenth below W_{jc−1} while the estimates
 * still contract (the trend rule of the book), or when its predicted work is a tenth below W_jc. Row jc + 1
 * was not computed: its estimate is predicted as err_jc · ρ, with ρ the contraction err_jc / err_{jc−1} of this
 * step (or, at jc = 2, the last one seen, `rhoLast`), and its step then scaled as proposedStep would. Where
 * extrapolation stops paying (stiff stretches, where the estimates of successive rows stop falling), ρ ≈ 1
 * and the order stays down. No increase of order or step after a rejection.
 * @param err err[j], the estimate after row j, valid for j = 2 … jc (H_j = proposedStep(|H|, err_j, j)).
 * @returns the next target row count (in out[0]) and |H| (out[1]).
 */
export function nextOrder(
  jc: number, k: number, absH: number, err: Float64Array, rhoLast: number, work: Float64Array,
  rejected: boolean, out: Float64Array,
): void {
  // H_j only for the rows compared (each costs a power).
  const hCur = proposedStep(absH, err[jc], jc);
  const hLow = jc >= 3 ? proposedStep(absH, err[jc - 1], jc - 1) : 0;
  let kNew = jc;
  let h = hCur;
  const wCur = work[jc] / hCur;
  if (jc >= 3 && work[jc - 1] / hLow < 0.8 * wCur) {
    kNew = jc - 1;
    h = hLow;
  } else if (!rejected && jc >= k && jc < KMAX - 1) {
    const rho = Math.min(1, jc >= 3 ? err[jc] / err[jc - 1] : rhoLast);
    const hUp = proposedStep(absH, err[jc] * rho, jc + 1);
    const trend = jc >= 3 && rho < 1 && wCur < 0.9 * (work[jc - 1] / hLow);
    if (trend || work[jc + 1] / hUp < 0.9 * wCur) {
      kNew = jc + 1;
      h = hUp;
    }
  }
  if (rejected && kNew > k) kNew = k;
  out[0] = Math.min(KMAX - 1, Math.max(2, kNew));
  out[1] = h;
}
