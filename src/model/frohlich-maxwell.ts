// The Maxwell-averaged Fröhlich rate: what the polar-optical emission and absorption rates of single carriers
// become when they are averaged over a Maxwell–Boltzmann distribution at the carrier temperature T.
//
// For one carrier of energy E (parabolic band, unscreened) the emission rate is
//   W_em(E) = α ω (N + 1) √(ħω/E) ln[(1 + √(1 − ħω/E)) / (1 − √(1 − ħω/E))],   E > ħω
// (Fröhlich 1954; Conwell, *High Field Transport in Semiconductors*, Academic Press 1967, ch. 4; Shah, *Ultrafast
// Spectroscopy of Semiconductors and Semiconductor Nanostructures*, Springer 1999, doi:10.1007/978-3-662-03770-6,
// ch. 4), absorption the same with N and E + ħω. Over f(E) ∝ √E e^(−E/kB T) both averages are closed forms in the
// modified Bessel function K0, and the net power per carrier is
//
//   P = ħω α ω G(x) [(N + 1) e^(−x) − N],   x = ħω / (kB T),   G(x) = (2/√π) √x e^(x/2) K0(x/2)
//
// G rises from ≈ 1 at x ≈ 0.05 (hot carriers) to 2 as x → ∞ (carriers near the band edge), so the average power is
// up to twice what the bare rate α ω gives once the carriers have cooled toward the LO energy. The quadrature that
// checks this closed form is in test/model/frohlich-maxwell.test.ts.
//
// K0 and K1 (for dG/dx) are evaluated with their scaled forms e^z K_ν(z): the ascending series (Abramowitz &
// Stegun 9.6.13, 9.6.11) below z = 9 and Hankel's asymptotic expansion (A&S 9.7.2) above, both to ~3e-8 relative
// at the switch (the series loses digits to cancellation there) and far better away from it.

const EULER_GAMMA = 0.5772156649015329;
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const SERIES_BELOW = 9;

/** e^z K0(z) and e^z K1(z) for z > 0. */
export interface ScaledK { k0: number; k1: number }

/** Terms of the ascending series. */
const SERIES_TERMS = 80;
/**
 * The series' constants by k, each computed by the same operations in the same order as the loop once did them
 * inline (so the sums are bit-identical to that loop): H_k = Σ_{j≤k} 1/j (summed in order), and the K1 term's factor
 * ψ(k+1) + ψ(k+2) = −2γ + 2 H_k + 1/(k+1).
 */
const HARMONIC = new Float64Array(SERIES_TERMS);
const PSI_SUM = new Float64Array(SERIES_TERMS);
{
  let h = 0;
  for (let k = 1; k < SERIES_TERMS; k++) {
    h += 1 / k;
    HARMONIC[k] = h;
    PSI_SUM[k] = -2 * EULER_GAMMA + 2 * h + 1 / (k + 1);
  }
}

export function scaledBesselK(z: number, out: ScaledK): ScaledK {
  if (z < SERIES_BELOW) {
    // K0 = −(ln(z/2) + γ) I0 + Σ_{k≥1} (z²/4)^k / (k!)² H_k
    // K1 = 1/z + ln(z/2) I1 − (z/4) Σ_{k≥0} (ψ(k+1) + ψ(k+2)) (z²/4)^k / (k! (k+1)!),  ψ(k+1) = −γ + H_k
    const q = (z * z) / 4;
    const lnHalf = Math.log(z / 2);
    let t0 = 1; // (z²/4)^k / (k!)²
    let t1 = 1; // (z²/4)^k / (k! (k+1)!)
    let i0 = 1;
    let i1 = 1;
    let s0 = 0;
    let s1 = -2 * EULER_GAMMA + 1; // ψ(1) + ψ(2) = −2γ + 1
    for (let k = 1; k < SERIES_TERMS; k++) {
      t0 *= q / (k * k);
      t1 *= q / (k * (k + 1));
      i0 += t0;
      i1 += t1;
      s0 += t0 * HARMONIC[k];
      const add = t1 * PSI_SUM[k];
      s1 += add;
      if (t0 < 1e-17 * i0 && Math.abs(add) < 1e-17 * Math.abs(s1)) break;
    }
    const ez = Math.exp(z);
    out.k0 = ez * (-(lnHalf + EULER_GAMMA) * i0 + s0);
    out.k1 = ez * (1 / z + lnHalf * (z / 2) * i1 - (z / 4) * s1);
    return out;
  }
  // e^z K_ν(z) ~ √(π/(2z)) Σ_k a_k(ν) / z^k,  a_k = Π_{j=1..k} (4ν² − (2j − 1)²) / (k! 8^k)
  const pre = Math.sqrt(Math.PI / (2 * z));
  let a0 = 1;
  let a1 = 1;
  let sum0 = 1;
  let sum1 = 1;
  for (let k = 1; k < 30; k++) {
    const odd = (2 * k - 1) * (2 * k - 1);
    const n0 = (a0 * (0 - odd)) / (k * 8 * z);
    const n1 = (a1 * (4 - odd)) / (k * 8 * z);
    if (Math.abs(n0) > Math.abs(a0)) break; // past the smallest term of the asymptotic series
    a0 = n0;
    a1 = n1;
    sum0 += a0;
    sum1 += a1;
    if (Math.abs(a0) < 1e-17 && Math.abs(a1) < 1e-17) break;
  }
  out.k0 = pre * sum0;
  out.k1 = pre * sum1;
  return out;
}

/** G(x) and dG/dx. */
export interface MaxwellFactor { g: number; dgdx: number }

const scratch: ScaledK = { k0: 0, k1: 0 };

/** G(x) alone (a right-hand side needs no dG/dx): the same number as maxwellFroehlichFactor(x).g. */
export function maxwellFroehlichValue(x: number): number {
  if (!(x > 0)) return 0;
  return TWO_OVER_SQRT_PI * Math.sqrt(x) * scaledBesselK(x / 2, scratch).k0;
}

/** G(x) = (2/√π) √x e^(x/2) K0(x/2), x = ħω/(kB T) > 0; dG/dx = G [1/(2x) + 1/2 − K1/(2 K0)]. */
export function maxwellFroehlichFactor(x: number, out: MaxwellFactor): MaxwellFactor {
  if (!(x > 0)) {
    out.g = 0;
    out.dgdx = 0;
    return out;
  }
  const k = scaledBesselK(x / 2, scratch);
  const g = TWO_OVER_SQRT_PI * Math.sqrt(x) * k.k0;
  out.g = g;
  out.dgdx = g * (1 / (2 * x) + 0.5 - k.k1 / (2 * k.k0));
  return out;
}
