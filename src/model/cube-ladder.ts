// The lowest orbital gap of a cubic nanocrystal and how many of a hot carrier's downward steps must cross it.
//
// The intrinsic bottleneck's mean level spacing δ(E) = 1/(g(E) V) (confinement.ts, Weyl's smoothed density of states)
// describes the quasi-continuum well above the band edge, but it closes the gap the energy-gap law matters most for:
// the first one, 1P → 1S, between the levels (2,1,1) and (1,1,1) of a particle in a cube, Δ₁ = 3u with
// u = π²ħ²/(2 m L²). Shape and size disorder split the degenerate levels higher up (so the mean spacing stands for
// them), not that first gap. A carrier of the ensemble in the 1P level must cross Δ₁ to relax; the others take
// steps of the mean spacing. With Boltzmann occupations of the cube's levels E_s = s·u (s = nx² + ny² + nz²,
// n ≥ 1, each s with its number of (nx, ny, nz) g_s) at the carrier temperature T, the share of excited carriers
// in the 1P level is
//
//   w(θ) = g_6 e^(−3/θ) / Σ_{s > 3} g_s e^(−(s − 3)/θ),   θ = kB T / u,   g_6 = 3,
//
// a universal function of θ: → 1 for θ → 0 (kB T ≪ Δ₁: every excited carrier is in 1P), ∝ θ^(−3/2) for θ ≫ 1.
// It is tabulated once in ln θ with its exact slope d ln w / d ln θ = (3 − ⟨s − 3⟩)/θ (the Boltzmann mean over the
// excited levels) and read by cubic Hermite interpolation, so the value and the slope used by the Jacobian agree.
// (Particle in a box: e.g. Efros & Rosen, Annu. Rev. Mater. Sci. 30, 475 (2000), doi:10.1146/annurev.matsci.30.1.475;
// the 1P–1S phonon bottleneck in NCs: Nozik, Annu. Rev. Phys. Chem. 52, 193 (2001),
// doi:10.1146/annurev.physchem.52.1.193.)

/** Largest s summed exactly; at each θ the sum stops at s − 3 = CUT θ (e^(−CUT) ≈ 3e-20, far below the sum's last
 *  digit even with the growing degeneracies), which stays below S_MAX up to θ = THETA_MAX. */
const S_MAX = 9004;
const CUT = 45;
const THETA_MIN = 0.05;
const THETA_MAX = 200;
const GRID = 300;

interface Table { lnTheta0: number; step: number; lnW: Float64Array; slope: Float64Array }

function degeneracies(): Float64Array {
  const g = new Float64Array(S_MAX + 1);
  const nMax = Math.floor(Math.sqrt(S_MAX - 2));
  for (let a = 1; a <= nMax; a++) {
    for (let b = 1; a * a + b * b + 1 <= S_MAX; b++) {
      for (let c = 1; a * a + b * b + c * c <= S_MAX; c++) g[a * a + b * b + c * c] += 1;
    }
  }
  return g;
}

let table: Table | null = null;

function build(): Table {
  const g = degeneracies();
  const lnTheta0 = Math.log(THETA_MIN);
  const step = (Math.log(THETA_MAX) - lnTheta0) / (GRID - 1);
  const lnW = new Float64Array(GRID);
  const slope = new Float64Array(GRID);
  for (let i = 0; i < GRID; i++) {
    const theta = Math.exp(lnTheta0 + i * step);
    let z = 0;
    let zs = 0;
    const top = Math.min(S_MAX, 3 + Math.ceil(CUT * theta));
    for (let s = 4; s <= top; s++) {
      if (g[s] === 0) continue;
      const term = g[s] * Math.exp(-(s - 3) / theta);
      z += term;
      zs += term * (s - 3);
    }
    lnW[i] = Math.log(3) - 3 / theta - Math.log(z);
    slope[i] = (3 - zs / z) / theta;
  }
  return { lnTheta0, step, lnW, slope };
}

/** Share w of the excited carriers in the 1P level and dw/dθ, at θ = kB T / u (> 0). */
export function onePShare(theta: number, out: { w: number; dwdTheta: number }): void {
  const t = table ?? (table = build());
  const x = Math.log(theta);
  const last = GRID - 1;
  if (theta <= THETA_MIN) {
    // Below the table every excited carrier is in 1P up to e^(−3/θ) corrections: w = e^(ln w(θ_min)) held.
    out.w = Math.exp(t.lnW[0]);
    out.dwdTheta = 0;
    return;
  }
  if (x >= t.lnTheta0 + last * t.step) {
    // Beyond the table: the continuum law w ∝ θ^(−3/2), continued from the last point.
    const lnW = t.lnW[last] - 1.5 * (x - (t.lnTheta0 + last * t.step));
    out.w = Math.exp(lnW);
    out.dwdTheta = (-1.5 * out.w) / theta;
    return;
  }
  const u = (x - t.lnTheta0) / t.step;
  const i = Math.min(Math.floor(u), last - 1);
  const h = u - i;
  const y0 = t.lnW[i];
  const y1 = t.lnW[i + 1];
  // Hermite slopes in the unit interval: d ln w / d ln θ × step.
  const m0 = t.slope[i] * t.step;
  const m1 = t.slope[i + 1] * t.step;
  const h2 = h * h;
  const h3 = h2 * h;
  const lnW = (2 * h3 - 3 * h2 + 1) * y0 + (h3 - 2 * h2 + h) * m0 + (-2 * h3 + 3 * h2) * y1 + (h3 - h2) * m1;
  const dlnWdu = (6 * h2 - 6 * h) * y0 + (3 * h2 - 4 * h + 1) * m0 + (-6 * h2 + 6 * h) * y1 + (3 * h2 - 2 * h) * m1;
  out.w = Math.exp(lnW);
  // d ln w / d ln θ = (d ln w / du) / step;  dw/dθ = w (d ln w / d ln θ) / θ
  out.dwdTheta = (out.w * dlnWdu) / t.step / theta;
}
