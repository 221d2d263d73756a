// Special functions the model needs: erfc to ~1e-14 relative, the normal CDF, the Maxwell–Boltzmann
// fraction of carriers above an energy barrier, and a smooth softplus.

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** Complementary error function: Maclaurin series of erf for |x| < 2.5, Lentz continued fraction beyond. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x < 0) return 2 - erfc(-x);
  if (x < 2.5) {
    // erf(x) = 2/√π Σ (−1)^k x^(2k+1) / (k! (2k+1))
    const x2 = x * x;
    let term = x;
    let sum = x;
    for (let k = 1; k < 200; k++) {
      term *= -x2 / k;
      const add = term / (2 * k + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return 1 - TWO_OVER_SQRT_PI * sum;
  }
  if (x > 27) return 0;
  // erfc(x) = exp(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + …))))) evaluated by modified Lentz.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = Math.abs(d) < tiny ? tiny : d;
    c = x + a / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / (Math.sqrt(Math.PI) * f);
}

/** Standard normal cumulative distribution Φ(z). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/**
 * Fraction of a 3D Maxwell–Boltzmann population with kinetic energy above x·kT:
 * F(x) = erfc(√x) + 2 √(x/π) e^(−x), and its derivative dF/dx = −2 √(x/π) e^(−x).
 */
export function boltzmannFractionAbove(x: number): number {
  if (x <= 0) return 1;
  return erfc(Math.sqrt(x)) + TWO_OVER_SQRT_PI * Math.sqrt(x) * Math.exp(-x);
}

export function boltzmannFractionAboveDerivative(x: number): number {
  if (x <= 0) return 0;
  return -TWO_OVER_SQRT_PI * Math.sqrt(x) * Math.exp(-x);
}

/** softplus_s(x) = ln(1 + e^(s x)) / s, computed without overflow. */
export function softplus(x: number, sharpness: number): number {
  const z = sharpness * x;
  return (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) / sharpness;
}

/** Logistic function 1 / (1 + e^(−x)), the derivative of softplus_1. */
export function logistic(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}
