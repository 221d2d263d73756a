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
      // The larger exponent is mx itself: its term is e^0 = 1 exactly, so only the other one needs an exp (what
      // Math.exp(a − mx) gave, bit for bit; in chromium an exp costs ~23 ns).
      const mx = a > b ? a : b;
      const ea = a > b ? 1 : Math.exp(a - mx);
      const eb = a > b ? Math.exp(b - mx) : 1;
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

/**
 * Electrons and holes at their own temperatures. In the optical transition at excess energy E above the gap
 * (parabolic bands, vertical transition) the electron holds E m_h/(m_e + m_h) and the hole E m_e/(m_e + m_h), so the
 * bleach is f_e(E m_h/M) + f_h(E m_e/M), M = m_e + m_h. With Boltzmann occupations f_c(ε) ∝ n (m_c T_c)^(−3/2)
 * e^(−ε/kB T_c) each class contributes two exponentials in E. The reading: the same secant over the same window
 * (falls e^(−2) to e^(−5) of the band-edge bleach) in E, divided by what that secant gives for one temperature T
 * shared by both types (a mass-only constant κ, so that T_e = T_h = T reads T exactly). With equal masses it is the
 * class reading of tailFitTemperatureK.
 */
export interface TypedClass {
  /** Pairs (cm^-3), electron and hole temperatures (K). */
  n: number;
  teK: number;
  thK: number;
}

/** u (K) at which ln[Σ w_i e^(−u r_i) / Σ w_i] = −folds; w_i > 0, r_i > 0 (K^-1). */
function fallAt(w: readonly number[], r: readonly number[], folds: number): number {
  let wSum = 0;
  let rMax = 0;
  let rMin = Infinity;
  for (let i = 0; i < w.length; i++) {
    wSum += w[i];
    if (r[i] > rMax) rMax = r[i];
    if (r[i] < rMin) rMin = r[i];
  }
  // ln g is convex and decreasing, and g(u) ≥ e^(−u r_max): Newton from u = folds/r_max climbs to the root.
  let u = folds / rMax;
  const hi = folds / rMin;
  // ln(w_i / Σw), the same each iteration (computed once: the same numbers).
  const lnW = w.map((wi) => Math.log(wi / wSum));
  for (let it = 0; it < 60; it++) {
    let mx = -Infinity;
    for (let i = 0; i < w.length; i++) mx = Math.max(mx, lnW[i] - u * r[i]);
    let g = 0;
    let gr = 0;
    for (let i = 0; i < w.length; i++) {
      const e = Math.exp(lnW[i] - u * r[i] - mx);
      g += e;
      gr += e * r[i];
    }
    const f = mx + Math.log(g) + folds;
    const slope = -gr / g;
    const step = -f / slope;
    u += step;
    if (!(u < hi)) return hi;
    if (Math.abs(step) <= 1e-12 * u) break;
  }
  return u;
}

/** Secant temperature (K) of the bleach tail over the window for components of weight w and rate r. */
function secant(w: readonly number[], r: readonly number[]): number {
  const [f1, f2] = TAIL_WINDOW_E_FOLDS;
  return (fallAt(w, r, f2) - fallAt(w, r, f1)) / (f2 - f1);
}

/**
 * Tail-fit carrier temperature (K) of classes whose electrons and holes have their own temperatures.
 * @param classes pairs and temperatures of each class (empty classes, n ≤ 0, are skipped)
 * @param electronMassM0, holeMassM0 band masses (m0)
 */
export function tailFitTypedK(classes: readonly TypedClass[], electronMassM0: number, holeMassM0: number): number {
  const M = electronMassM0 + holeMassM0;
  const re = holeMassM0 / M; // electron's share of the excess
  const rh = electronMassM0 / M;
  const we = electronMassM0 ** -1.5;
  const wh = holeMassM0 ** -1.5;
  const w: number[] = [];
  const r: number[] = [];
  for (const k of classes) {
    if (!(k.n > 0)) continue;
    w.push(k.n * we * k.teK ** -1.5, k.n * wh * k.thK ** -1.5);
    r.push(re / k.teK, rh / k.thK);
  }
  if (w.length === 0) return classes.length > 0 ? 0.5 * (classes[0].teK + classes[0].thK) : Number.NaN;
  // κ: the secant for T_e = T_h = 1 K (a mass-only constant; 2 for equal masses).
  const kappa = secant([we, wh], [re, rh]);
  return secant(w, r) / kappa;
}
