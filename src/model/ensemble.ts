// The NC ensemble by exciton number, in two carrier classes: the singly excited NCs (class 1) and the multiply
// excited ones (class m), each class with its own carrier temperature.
//
// State: n pairs, o occupied NCs and s singly occupied NCs per volume (cm^-3). Class m holds m = o − s NCs with
// x = n − s pairs; its NCs are taken to hold 2 + Poisson(μ) excitons, μ ≈ e/m with e = x − 2m = n + s − 2o the
// excitons beyond the second. (A Poisson start is exact in this closure; only the multi-exciton NCs' internal
// distribution is closed, the singles are counted exactly by their flows.) With τ_XX the biexciton Auger lifetime,
// an N-exciton NC has Auger rate N(N − 1)/(2 τ_XX) (statistical scaling, Klimov, Annu. Rev. Phys. Chem. 58, 635
// (2007), doi:10.1146/annurev.physchem.58.032806.104537), so
//
//   R_A  = k_A m ⟨N(N−1)⟩/2 = k_A m (2 + 4μ + μ²)/2      all Auger events (cm^-3 ps^-1), k_A = 1/τ_XX
//   d    = m e^(−μ)                                      doubly occupied NCs
//   R_21 = k_A d                                         Auger events in biexcitons: the NC becomes a single
//   g    = ⟨N(N−1)⟩/⟨N⟩ = (2 + 4μ + μ²)/(2 + μ)         other pairs a carrier of class m shares its NC with
//
// Units: cm^-3, ps^-1. The flows between classes and their energies are assembled in rhs.ts.

/** Regularisation of μ relative to the pump's pair density n0: 1e-4, a hundred times the absolute tolerance of the
 *  densities at the default rtol (and μ is biased by ≤ 2 % while class m holds ≥ 0.5 % of n0). */
export const ENSEMBLE_EPSILON_REL = 1e-4;

/**
 * Floor of a carrier class's pair count in its temperature equation, relative to n0 (1e-9): below it the class is
 * empty to within solver noise and its temperature is not defined by its own carriers.
 */
export const CLASS_FLOOR_REL = 1e-9;

/** R_A, R_21 = k_A d, d and g with partials by n, o and s. */
export interface EnsembleOut {
  /** Pairs in multiply excited NCs x = n − s (cm^-3), and multiply excited NCs m = o − s. */
  x: number; m: number;
  RA: number; RAn: number; RAo: number; RAs: number;
  d: number; dn: number; do: number; ds: number;
  /** Other pairs per carrier of class m, and its partials. */
  g: number; gn: number; go: number; gs: number;
}

export function emptyEnsemble(): EnsembleOut {
  return { x: 0, m: 0, RA: 0, RAn: 0, RAo: 0, RAs: 0, d: 0, dn: 0, do: 0, ds: 0, g: 1, gn: 0, go: 0, gs: 0 };
}

/**
 * Fill `out` for the state (n, o, s) and the biexciton Auger rate kA (ps^-1); epsilonCm3 (cm^-3) regularises μ where
 * class m is nearly empty (ENSEMBLE_EPSILON_REL of the pump's pairs). Outside the physical region
 * (no multiply excited NCs: o ≤ s or n ≤ s, as solver trial states may visit) class m is empty: every rate 0.
 */
export function ensembleRates(n: number, o: number, s: number, kA: number, epsilonCm3: number, out: EnsembleOut): void {
  const m = o - s;
  const x = n - s;
  out.x = x > 0 ? x : 0;
  out.m = m > 0 ? m : 0;
  if (!(m > 0 && x > 0)) {
    out.RA = out.RAn = out.RAo = out.RAs = out.d = out.dn = out.do = out.ds = 0;
    out.g = 1;
    out.gn = out.go = out.gs = 0;
    return;
  }
  const e = n + s - 2 * o;
  let mu = 0, mun = 0, muo = 0, mus = 0;
  if (e > 0) {
    // μ = e/(m + ε): m and e are small differences of the solver's O(n0) states, so below ε (far above their
    // tolerance noise) their ratio would be noise; ε keeps μ, and with it every class-m rate, bounded there.
    const mr = m + epsilonCm3;
    mu = e / mr;
    mun = 1 / mr;
    muo = -(2 * mr + e) / (mr * mr);
    mus = (mr + e) / (mr * mr);
  }
  const em = Math.exp(-mu);
  out.d = m * em;
  out.dn = -m * em * mun;
  out.do = em - m * em * muo;
  out.ds = -em - m * em * mus;
  const a2 = 2 + 4 * mu + mu * mu;
  const da2 = 4 + 2 * mu;
  out.RA = 0.5 * kA * m * a2;
  out.RAn = 0.5 * kA * m * da2 * mun;
  out.RAo = 0.5 * kA * (a2 + m * da2 * muo);
  out.RAs = 0.5 * kA * (-a2 + m * da2 * mus);
  const den = 2 + mu;
  out.g = a2 / den;
  const gmu = (6 + 4 * mu + mu * mu) / (den * den);
  out.gn = gmu * mun;
  out.go = gmu * muo;
  out.gs = gmu * mus;
}
