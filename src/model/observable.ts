// What a transient-absorption tail fit reports for a mixture of carrier classes at different temperatures.
//
// Experiments read Tc from the high-energy tail of the band-edge bleach, ΔA ∝ f(E) ∝ exp(−E/kB Tc), fitted over the
// energies where the signal stands above the noise. For a mixture of classes (pairs n_c at T_c, Boltzmann occupation
// of parabolic bands, f_c(E) ∝ n_c T_c^(−3/2) e^(−E/kB T_c)) the log-occupation is convex in E and the hottest class
// dominates far out, so a single-temperature fit reads a temperature between the classes', weighted to the hot ones.
// The window here is the occupation's fall from e^(−2) to e^(−5) of its band-edge value (ΔA from 14 % to 0.7 % of
// the bleach: two decades, what a ~1e-4 OD noise floor leaves of a ~1e-2 bleach; a model choice, stated in
// docs/model.md). For one class it returns that class's temperature exactly.

/** Occupation falls bracketing the fit window, ln f(0)/f(E). */
export const TAIL_WINDOW_E_FOLDS: readonly [number, number] = [2, 5];

/**
 * Secant temperature of the mixture's tail over the window (K).
 * @param n1 pairs of class 1 (cm^-3) at t1K; @param n2 pairs of class 2 at t2K (either may be 0)
 */
export function tailFitTemperatureK(n1: number, t1K: number, n2: number, t2K: number): number {
  const w1 = n1 > 0 ? n1 * t1K ** -1.5 : 0;
  const w2 = n2 > 0 ? n2 * t2K ** -1.5 : 0;
  if (w2 <= 0 || Math.abs(t2K - t1K) <= 1e-9 * t1K) return w1 > 0 || w2 <= 0 ? t1K : t2K;
  if (w1 <= 0) return t2K;
  // ln g(u) = ln[(w1 e^(−u/T1) + w2 e^(−u/T2)) / (w1 + w2)], u = E/kB (K): decreasing and convex in u, so Newton's
  // method from the left of the root (where ln g ≥ −folds) climbs to it monotonically. g(u) lies between
  // e^(−u/T_min) and e^(−u/T_max): the root of ln g = −folds is in [folds T_min, folds T_max].
  const lnW1 = Math.log(w1 / (w1 + w2));
  const lnW2 = Math.log(w2 / (w1 + w2));
  const lo = Math.min(t1K, t2K);
  const hi = Math.max(t1K, t2K);
  const at = (folds: number): number => {
    let u = folds * lo;
    for (let i = 0; i < 60; i++) {
      const a = lnW1 - u / t1K;
      const b = lnW2 - u / t2K;
      const mx = a > b ? a : b;
      const ea = Math.exp(a - mx);
      const eb = Math.exp(b - mx);
      const f = mx + Math.log(ea + eb) + folds;
      const slope = -(ea / t1K + eb / t2K) / (ea + eb);
      const step = -f / slope;
      u += step;
      if (!(u < folds * hi)) return folds * hi;
      if (Math.abs(step) <= 1e-12 * u) break;
    }
    return u;
  };
  const [f1, f2] = TAIL_WINDOW_E_FOLDS;
  return (at(f2) - at(f1)) / (f2 - f1);
}
