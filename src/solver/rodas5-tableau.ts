// Rodas5 coefficients (Di Marzo 1993; Hairer & Wanner) and its 4th-order dense-output matrix.
/**
 * Rodas5: an 8-stage, order-5, stiffly accurate, L-stable Rosenbrock method with an embedded
 * order-4 solution; the last stage increment is the local error estimate.
 *
 * References:
 * - G. A. Di Marzo, "RODAS5(4) – Méthodes de Rosenbrock d'ordre 5(4) adaptées aux problèmes
 *   différentiels-algébriques", MSc thesis, University of Geneva, 1993.
 * - E. Hairer, G. Wanner, Solving Ordinary Differential Equations II, 2nd ed., Springer 1996,
 *   Sec. IV.7 (the transformed form used here: stages solve (I/(hγ) − J) u_i = f(Y_i) + Σ C_ij u_j / h
 *   + d_i h ∂f/∂t, with Y_i = y0 + Σ a_ij u_j).
 * - The numerical values and the dense-output coefficients H (y(θ) = (1−θ) y0 + θ (y1 + (1−θ)(K1 +
 *   θ (K2 + θ K3))), K_r = Σ H[r][j] u_j) as tabulated in SciML OrdinaryDiffEq.jl (MIT licence),
 *   "Rodas5Tableau", derived by G. Steinebach.
 *
 * Layout: strictly lower-triangular matrices are stored row-major in an 8 × 8 Float64Array
 * (entry [i * 8 + j], zero-based stage indices), so the step loop indexes them without branching.
 */

export const RODAS5_STAGES = 8;

/** Diagonal γ of the method. */
export const RODAS5_GAMMA = 0.19;

const S = RODAS5_STAGES;

function lower(rows: number[][]): Float64Array {
  const m = new Float64Array(S * S);
  rows.forEach((row, i) => row.forEach((v, j) => (m[(i + 1) * S + j] = v)));
  return m;
}

/** a_ij: stage-argument weights Y_i = y0 + Σ_j a_ij u_j (rows for stages 2..6; stages 7, 8 reuse the running sum). */
export const RODAS5_A = lower([
  [2.0],
  [3.040894194418781, 1.041747909077569],
  [2.576417536461461, 1.62208306077664, -0.9089668560264532],
  [2.760842080225597, 1.446624659844071, -0.3036980084553738, 0.2877498600325443],
  [-14.09640773051259, 6.925207756232704, -41.47510893210728, 2.343771018586405, 24.13215229196062],
  [-14.09640773051259, 6.925207756232704, -41.47510893210728, 2.343771018586405, 24.13215229196062, 1.0],
  [-14.09640773051259, 6.925207756232704, -41.47510893210728, 2.343771018586405, 24.13215229196062, 1.0, 1.0],
]);

/** C_ij: coupling of earlier increments into stage i's right-hand side (divided by h at use). */
export const RODAS5_C = lower([
  [-10.31323885133993],
  [-21.04823117650003, -7.234992135176716],
  [32.22751541853323, -4.943732386540191, 19.44922031041879],
  [-20.69865579590063, -8.816374604402768, 1.260436877740897, -0.7495647613787146],
  [-46.22004352711257, -17.49534862857472, -289.6389582892057, 93.60855400400906, 318.3822534212147],
  [34.20013733472935, -14.1553540271769, 57.823356409884, 25.83362985412365, 1.408950972071624, -6.551835421242162],
  [42.57076742291101, -13.80770672017997, 93.98938432427124, 18.77919633714503, -31.5835918722337, -6.685968952921985,
    -5.810979938412932],
]);

/** c_i: stage times t + c_i h. */
export const RODAS5_CT = new Float64Array([
  0, 0.38, 0.3878509998321533, 0.483971893787384, 0.457047700881958, 1, 1, 1,
]);

/** d_i: weights of h ∂f/∂t in stage i (γ_i = Σ_j γ_ij). */
export const RODAS5_D = new Float64Array([
  RODAS5_GAMMA, -0.1823079225333714636, -0.319231832186874912, 0.3449828624725343, -0.377417564392089818, 0, 0, 0,
]);

/** Dense output: rows K1, K2, K3 of y(θ) = (1−θ) y0 + θ (y1 + (1−θ)(K1 + θ (K2 + θ K3))). */
export const RODAS5_H = new Float64Array([
  27.354592673333357, -6.925207756232857, 26.40037733258859, 0.5635230501052979, -4.699151156849391,
  -1.6008677469422725, -1.5306074446748028, -1.3929872940716344,
  44.19024239501722, 1.3677947663381929e-13, 202.93261852171622, -35.5669339789154, -181.91095152160645,
  3.4116351403665033, 2.5793540257308067, 2.2435122582734066,
  -44.0988150021747, -5.755396159656812e-13, -181.26175034586677, 56.99302194811676, 183.21182741427398,
  -7.480257918273637, -5.792426076169686, -5.32503859794143,
]);
