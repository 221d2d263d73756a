// The three-stage cooling model's right-hand side and its analytic Jacobian, both in place.
//
//   dn/dt   = G − k1 n − R_rad − R_A − k_x(Tc) n
//   dTc/dt  = (G/n)(T_inj − Tc) − P/(3kB) + h (R_A/n)(Eg/(3kB) + Tc) − (Tc − T_A)/τ_cA
//   Auger R_A: films and mean-field NCs k3 n³. Poisson NCs: the excitons per NC form an ensemble; with o the
//   occupied NCs per volume (Auger never empties an NC) and the occupied NCs' excitons taken as 1 + Poisson(λ),
//   λ = n/o − 1, the Auger rate ⟨N(N−1)⟩/(2 τ_XX V) is R_A = (n²/o − o)/(2 τ_XX) and
//   do/dt   = G (1 − o V) − k_1 o e^(−λ)     (k_1 = k1 + k_rad + k_x: first-order loss per exciton; o e^(−λ) the
//             singly occupied NCs). Exact for a Poisson start and for the end of the Auger cascade (n → o).
//   dN/dt   = n P / (N_LO ħω) − D,     D = Γ[N(1+q)² − (N+1) q²]   (Klemens LO ⇄ 2 acoustic at ħω/2)
//   dn_D/dt = D − (n_D − n_A(T_A))/τ_AA                         (hot daughter acoustic phonons)
//   C dT_A/dt = N_LO ħω (n_D − n_A)/τ_AA + 3kB n (Tc − T_A)/τ_cA + (k1 n + (1−h) R_A)(Eg + 3kB Tc) − C (T_A − T0)/τ_env
// with P = ħω W(Tc, n) [(N+1) e^(−ħω/kB Tc) − N] (Fröhlich emission minus absorption, zero when the LO
// modes are at Tc), W = Σ_c α_c ω_LO f(δ_c(Tc)/ħω) S_c(n, Tc) (S: Debye screening, screening.ts), n_A the lattice's occupation of modes at ħω/2, and
// q = n_D (the hot daughters, which up-convert) or n_A (up-conversion switched off). 2 N_LO daughter modes.
// Symbols and sources: docs/model.md. Units: ps, eV, K, cm^-3.

import type { ModelCoefficients } from './coefficients.ts';
import { KB_EV_PER_K as KB } from './constants.ts';
import { STATE_SIZE, S, stateScale } from './state.ts';
import { screeningFactor, type ScreeningOut } from './screening.ts';
import { boltzmannFractionAbove, boltzmannFractionAboveDerivative, logistic, softplus } from './special.ts';

const SQRT_2PI = Math.sqrt(2 * Math.PI);
/** Floor of the carrier temperature inside the nonlinear rates (K), for trial states only. */
const MIN_TC_K = 1;

/** Scratch results of one evaluation of the auxiliary functions (no allocation per call). */
interface Aux {
  /** P and its partials by Tc, LO occupation N, T_A and (through screening) the pair density n. */
  P: number; dPdT: number; dPdN: number; dPdA: number; dPdn: number; dPdo: number;
  D: number; dDdN: number; dDdD: number; dDdA: number;
  /** Daughter relaxation (n_D − n_A)/τ_AA and its derivative by T_A (by n_D it is 1/τ_AA). */
  Rd: number; dRddA: number;
  kx: number; dkxdT: number;
  G: number;
  /** Auger events per volume R_A and per carrier r_A = R_A/n, with their partials by n and by o. */
  RA: number; dRAdn: number; dRAdo: number;
  rA: number; drAdn: number; drAdo: number;
  /** Poisson NCs: first-order loss per exciton k_1 and e^(−λ), so that singly occupied NCs are o e^(−λ). */
  k1st: number; expMinusLambda: number;
}

export class CoolingModel {
  readonly size = STATE_SIZE;
  private readonly aux: Aux = {
    P: 0, dPdT: 0, dPdN: 0, dPdA: 0, dPdn: 0, dPdo: 0, D: 0, dDdN: 0, dDdD: 0, dDdA: 0, Rd: 0, dRddA: 0, kx: 0, dkxdT: 0, G: 0,
    RA: 0, dRAdn: 0, dRAdo: 0, rA: 0, drAdn: 0, drAdo: 0, k1st: 0, expMinusLambda: 0,
  };
  private readonly lo3kB: number;
  private readonly softplusAtMinusOne: number;

  /** Physical value of one unit of each scaled state component. */
  readonly scale: Float64Array;
  private readonly yPhys = new Float64Array(STATE_SIZE);

  constructor(readonly c: ModelCoefficients) {
    this.scale = stateScale(c);
    this.lo3kB = 3 * KB;
    this.softplusAtMinusOne = softplus(-1, c.bottleneckSharpness);
  }

  /** Pair generation rate by the Gaussian pump (cm^-3 ps^-1). */
  generation(tPs: number): number {
    const s = this.c.pulseSigmaPs;
    if (s <= 0) return 0;
    const z = tPs / s;
    return (this.c.n0Cm3 * Math.exp(-0.5 * z * z)) / (s * SQRT_2PI);
  }

  /** Intrinsic-bottleneck factor f and df/dTc for one carrier type (energy-gap law, smooth at δ = ħω). */
  private bottleneck(coef: number, tcK: number, out: { f: number; dfdT: number }): void {
    if (coef <= 0) {
      out.f = 1;
      out.dfdT = 0;
      return;
    }
    const c = this.c;
    const meanKineticEv = 1.5 * KB * tcK;
    const r = coef / Math.sqrt(meanKineticEv) / c.loEv;
    const f = Math.exp(-(softplus(r - 1, c.bottleneckSharpness) - this.softplusAtMinusOne));
    // dr/dT = −r/(2T);  d softplus_s(r−1)/dr = logistic(s (r−1))
    out.f = f;
    out.dfdT = (f * logistic(c.bottleneckSharpness * (r - 1)) * r) / (2 * tcK);
  }

  private readonly fe = { f: 1, dfdT: 0 };
  private readonly fh = { f: 1, dfdT: 0 };
  /** Screening factor of each carrier type with its total partials by Tc, n and o. */
  private readonly se = { s: 1, dsdT: 0, dsdn: 0, dsdo: 0 };
  private readonly sh = { s: 1, dsdT: 0, dsdn: 0, dsdo: 0 };
  private readonly scratch: ScreeningOut = { s: 1, dsdT: 0, dsdA: 0 };

  /**
   * Debye screening of the Fröhlich coupling (S = 1 when switched off). Films: all pairs screen. NCs: only the other
   * pairs of the same NC. Poisson NCs hold 1 + Poisson(λ) pairs (λ = n/o − 1); a carrier-weighted share
   * w1 = e^(−λ)/(1 + λ) of the carriers sits alone with its partner (no screening), the rest see on average
   * g(λ) = (λ² + 2λ)/(1 + λ − e^(−λ)) other pairs: S = w1 + (1 − w1) S(g/V). Mean-field NCs: n − 1/V.
   */
  private screening(n: number, o: number, tcK: number): void {
    const c = this.c;
    const se = this.se;
    const sh = this.sh;
    se.s = sh.s = 1;
    se.dsdT = se.dsdn = se.dsdo = sh.dsdT = sh.dsdn = sh.dsdo = 0;
    if (c.screeningCoef <= 0) return;
    const V = c.ncVolumeCm3;
    const k = c.screeningCoef / tcK; // q_D² per screening pair density
    if (V <= 0 || c.ncAugerPerPs <= 0) {
      // Film: n_s = n. Mean-field NC: n_s = n − 1/V.
      const ns = V <= 0 ? n : n - 1 / V;
      if (ns > 0) this.screenOne(k * ns, tcK, k, 0, 1, 0, 0, 0);
      else if (V <= 0 && n <= 0) this.screenOne(0, tcK, k, 0, 1, 0, 0, 0);
      return;
    }
    if (!(o > 0 && n > o)) return; // every occupied NC holds one pair: nothing screens
    const lam = n / o - 1;
    const eml = Math.exp(-lam);
    const w1 = eml / (1 + lam);
    const dw1 = -w1 * (1 + 1 / (1 + lam));
    let g: number;
    let dg: number;
    if (lam < 1e-4) {
      g = 1 + 0.75 * lam;
      dg = 0.75;
    } else {
      const num = lam * lam + 2 * lam;
      const den = 1 + lam - eml;
      g = num / den;
      dg = ((2 * lam + 2) * den - num * (1 + eml)) / (den * den);
    }
    this.screenOne((k * g) / V, tcK, (k * dg) / V, w1, 1 / o, -n / (o * o), dw1, 1);
  }

  /**
   * Fill se, sh from S(q_D²) of each carrier: S_eff = w1 + (1 − w1) S. Chain factors: dA (∂q_D²/∂x per unit of the
   * driving variable: n for films, λ for Poisson NCs), dxdn and dxdo (∂x/∂n, ∂x/∂o), dw1 (∂w1/∂x); poisson = 1 when
   * x = λ (then dA multiplies ∂S/∂q_D² as given), 0 for films (dA = q_D² per n, x = n).
   */
  private screenOne(aSq: number, tcK: number, dA: number, w1: number, dxdn: number, dxdo: number, dw1: number, poisson: number): void {
    const c = this.c;
    const r = this.scratch;
    screeningFactor(aSq, tcK, c.electronMassM0, c.loEv, r);
    this.fillScreening(this.se, aSq, tcK, dA, w1, dxdn, dxdo, dw1, poisson);
    const e = this.se;
    const h = this.sh;
    if (c.holeMassM0 === c.electronMassM0) {
      h.s = e.s; h.dsdT = e.dsdT; h.dsdn = e.dsdn; h.dsdo = e.dsdo;
      return;
    }
    screeningFactor(aSq, tcK, c.holeMassM0, c.loEv, r);
    this.fillScreening(h, aSq, tcK, dA, w1, dxdn, dxdo, dw1, poisson);
  }

  private fillScreening(out: { s: number; dsdT: number; dsdn: number; dsdo: number }, aSq: number, tcK: number, dA: number,
    w1: number, dxdn: number, dxdo: number, dw1: number, poisson: number): void {
    const r = this.scratch;
    out.s = w1 + (1 - w1) * r.s;
    out.dsdT = (1 - w1) * (r.dsdT - (r.dsdA * aSq) / tcK);
    const dsdx = dw1 * (1 - r.s) + (1 - w1) * r.dsdA * dA;
    out.dsdn = dsdx * dxdn;
    out.dsdo = poisson * dsdx * dxdo;
  }

  /** Evaluate P, D, extraction rate and generation with their partial derivatives. */
  private evaluate(t: number, y: Float64Array): Aux {
    const c = this.c;
    const a = this.aux;
    // Trial stages of an explicit method can visit Tc ≤ 0 (the state itself never does); keep the nonlinear terms
    // finite there so the step is rejected by error control instead of failing on NaN.
    const T = Math.max(y[S.tc], MIN_TC_K);
    const A = c.ambientK + y[S.ta];
    const hw = c.loEv;

    this.bottleneck(c.spacingCoefElectron, T, this.fe);
    this.bottleneck(c.spacingCoefHole, T, this.fh);
    this.screening(y[S.n], y[S.occ], T);
    const { fe, fh, se, sh } = this;
    const Re = c.emissionRateElectronPerPs;
    const Rh = c.emissionRateHolePerPs;
    const W = Re * fe.f * se.s + Rh * fh.f * sh.s;
    const dWdT = Re * (fe.dfdT * se.s + fe.f * se.dsdT) + Rh * (fh.dfdT * sh.s + fh.f * sh.dsdT);
    const dWdn = Re * fe.f * se.dsdn + Rh * fh.f * sh.dsdn;
    const dWdo = Re * fe.f * se.dsdo + Rh * fh.f * sh.dsdo;

    // LO occupation seen by the carriers: the state, or (no hot phonons) the lattice's Bose occupation.
    let N: number;
    let dNdA = 0;
    const xA = hw / (KB * A);
    if (c.hotPhonons) {
      N = y[S.nLo];
    } else {
      N = 1 / Math.expm1(xA);
      dNdA = (N * (N + 1) * xA) / A;
    }
    const xc = hw / (KB * T);
    const ec = Math.exp(-xc);
    const B = (N + 1) * ec - N;
    a.P = hw * W * B;
    a.dPdT = hw * (dWdT * B + (W * (N + 1) * ec * xc) / T);
    a.dPdN = hw * W * (ec - 1);
    a.dPdn = hw * dWdn * B;
    a.dPdo = hw * dWdo * B;
    a.dPdA = c.hotPhonons ? 0 : a.dPdN * dNdA;

    // Klemens decay LO → 2 acoustic at ħω/2 into the daughter modes n_D; up-conversion from q (below).
    const nA = 1 / Math.expm1(0.5 * xA);
    const dnAdA = (nA * (nA + 1) * 0.5 * xA) / A;
    const nD = y[S.nAc];
    const u = c.upConversion;
    // q: occupation of the acoustic modes the LO phonons decay into and up-convert from — the hot daughters
    // (u = 1) or, with up-conversion switched off, the lattice's thermal ones (no feedback from hot phonons).
    const q = u * nD + (1 - u) * nA;
    const G = c.klemensPerPs; // the Klemens rate Γ of the header (not the generation rate G)
    const onePlus = 1 + q;
    a.D = G * (N * onePlus * onePlus - (N + 1) * q * q);
    a.dDdN = G * (onePlus * onePlus - q * q);
    const dDdq = G * (2 * N * onePlus - 2 * (N + 1) * q);
    a.dDdD = dDdq * u;
    a.dDdA = dDdq * (1 - u) * dnAdA;
    a.Rd = (nD - nA) / c.daughterLifetimePs;
    a.dRddA = -dnAdA / c.daughterLifetimePs;

    // Extraction.
    if (c.acceptor === 'hot') {
      const x = c.hotBarrierEv / (KB * T);
      a.kx = c.hotRatePerPs * boltzmannFractionAbove(x);
      a.dkxdT = (c.hotRatePerPs * -boltzmannFractionAboveDerivative(x) * x) / T;
    } else if (c.acceptor === 'cold') {
      a.kx = c.coldRatePerPs;
      a.dkxdT = 0;
    } else {
      a.kx = 0;
      a.dkxdT = 0;
    }
    a.G = this.generation(t);
    this.auger(y[S.n], y[S.occ], a);
    return a;
  }

  /** Auger rates: k3 n³ (films, mean-field NCs) or the Poisson-ensemble R_A = (n²/o − o)/(2 τ_XX), with partials. */
  private auger(n: number, o: number, a: Aux): void {
    const c = this.c;
    const kA = c.ncAugerPerPs;
    if (kA <= 0) {
      const k3 = c.k3Cm6PerPs;
      a.RA = k3 * n * n * n;
      a.dRAdn = 3 * k3 * n * n;
      a.rA = k3 * n * n;
      a.drAdn = 2 * k3 * n;
      a.dRAdo = a.drAdo = a.k1st = a.expMinusLambda = 0;
      return;
    }
    a.k1st = c.k1PerPs + c.kRadPerPs + a.kx;
    // n ≤ o: every occupied NC holds one exciton, so there is no Auger (λ = 0).
    if (!(o > 0 && n > o)) {
      a.RA = a.dRAdn = a.dRAdo = a.rA = a.drAdn = a.drAdo = 0;
      a.expMinusLambda = o > 0 ? 1 : 0;
      return;
    }
    a.RA = 0.5 * kA * ((n * n) / o - o);
    a.dRAdn = (kA * n) / o;
    a.dRAdo = -0.5 * kA * ((n * n) / (o * o) + 1);
    a.rA = 0.5 * kA * (n / o - o / n);
    a.drAdn = 0.5 * kA * (1 / o + o / (n * n));
    a.drAdo = -0.5 * kA * (n / (o * o) + 1 / n);
    a.expMinusLambda = Math.exp(1 - n / o);
  }

  /** Energy a carrier pair loses to phonons (net LO emission + acoustic) per ps (eV ps^-1). */
  phononLossPerCarrierEvPs(y: Float64Array): number {
    const a = this.evaluate(0, y);
    return a.P + (this.lo3kB * (y[S.tc] - this.c.ambientK - y[S.ta])) / this.c.carrierAcousticPs;
  }

  /**
   * Solver-facing right-hand side on the scaled state ŷ = y / scale (densities in units of n0, energies in
   * units of the absorbed n0·hν), so that Jacobian entries stay O(1) and tolerances mean the same for all.
   */
  rhs = (t: number, yScaled: Float64Array, dydtScaled: Float64Array): void => {
    const s = this.scale;
    const y = this.yPhys;
    for (let i = 0; i < STATE_SIZE; i++) y[i] = yScaled[i] * s[i];
    this.rhsPhysical(t, y, dydtScaled);
    for (let i = 0; i < STATE_SIZE; i++) dydtScaled[i] /= s[i];
  };

  /** Solver-facing Jacobian of the scaled system: Ĵ_ij = J_ij · scale_j / scale_i. */
  jacobian = (t: number, yScaled: Float64Array, jac: Float64Array): void => {
    const s = this.scale;
    const y = this.yPhys;
    for (let i = 0; i < STATE_SIZE; i++) y[i] = yScaled[i] * s[i];
    this.jacobianPhysical(t, y, jac);
    for (let i = 0; i < STATE_SIZE; i++) {
      for (let j = 0; j < STATE_SIZE; j++) jac[i * STATE_SIZE + j] *= s[j] / s[i];
    }
  };

  /** dy/dt into `dydt`, physical units. */
  rhsPhysical(t: number, y: Float64Array, dydt: Float64Array): void {
    const c = this.c;
    const a = this.evaluate(t, y);
    const n = y[S.n];
    const T = y[S.tc];
    const A = c.ambientK + y[S.ta];
    const pairEv = c.gapEv + this.lo3kB * T;
    const R1 = c.k1PerPs * n;
    const R2 = c.k2Cm3PerPs * n * n + c.kRadPerPs * n;
    const R3 = a.RA;
    const Rx = a.kx * n;
    const relax = (T - A) / c.carrierAcousticPs;
    const nphHw = c.loModesCm3 * c.loEv;
    const h = c.augerHeating;

    dydt[S.n] = a.G - R1 - R2 - R3 - Rx;
    const inject = a.G === 0 ? 0 : (a.G / n) * (c.injectionTempK - T);
    dydt[S.tc] = inject - a.P / this.lo3kB + h * a.rA * (c.gapEv / this.lo3kB + T) - relax;
    const o = y[S.occ];
    dydt[S.occ] = c.ncAugerPerPs > 0 ? a.G * (1 - o * c.ncVolumeCm3) - a.k1st * (o * a.expMinusLambda) : 0;
    let heatIn = this.lo3kB * n * relax + (R1 + (1 - h) * R3) * pairEv;
    if (c.hotPhonons) {
      dydt[S.nLo] = (n * a.P) / nphHw - a.D;
      dydt[S.nAc] = a.D - a.Rd;
      heatIn += nphHw * a.Rd;
    } else {
      dydt[S.nLo] = 0;
      dydt[S.nAc] = 0;
      heatIn += n * a.P;
    }
    const loss = (c.heatCapacityEvCm3K * y[S.ta]) / c.heatLossPs;
    dydt[S.ta] = (heatIn - loss) / c.heatCapacityEvCm3K;
    dydt[S.eEnv] = loss;
    dydt[S.eEmit] = R2 * pairEv;
    dydt[S.eExt] = Rx * pairEv;
    dydt[S.nExt] = Rx;
    dydt[S.tcExt] = Rx * T;
  }

  /** ∂f_i/∂y_j into jac[i * size + j] (row-major), physical units. */
  jacobianPhysical(t: number, y: Float64Array, jac: Float64Array): void {
    const c = this.c;
    const a = this.evaluate(t, y);
    const m = STATE_SIZE;
    jac.fill(0);
    const n = y[S.n];
    const T = y[S.tc];
    const A = c.ambientK + y[S.ta];
    const k3B = this.lo3kB;
    const pairEv = c.gapEv + k3B * T;
    const h = c.augerHeating;
    const tauCa = c.carrierAcousticPs;
    const nphHw = c.loModesCm3 * c.loEv;
    const C = c.heatCapacityEvCm3K;

    const dR1dn = c.k1PerPs;
    const R1 = dR1dn * n;
    const dR2dn = 2 * c.k2Cm3PerPs * n + c.kRadPerPs;
    const R2 = c.k2Cm3PerPs * n * n + c.kRadPerPs * n;
    const { RA: R3, dRAdn: dR3dn, dRAdo: dR3do, drAdn: dr3dn, drAdo: dr3do } = a;
    const Rx = a.kx * n;
    const dRxdT = a.dkxdT * n;

    // dn/dt
    jac[S.n * m + S.n] = -dR1dn - dR2dn - dR3dn - a.kx;
    jac[S.n * m + S.tc] = -dRxdT;
    jac[S.n * m + S.occ] = -dR3do;

    // dTc/dt
    const row = S.tc * m;
    if (a.G !== 0) {
      jac[row + S.n] = (-a.G / (n * n)) * (c.injectionTempK - T);
      jac[row + S.tc] = -a.G / n;
    }
    jac[row + S.n] += h * dr3dn * (c.gapEv / k3B + T) - a.dPdn / k3B;
    jac[row + S.tc] += -a.dPdT / k3B + h * a.rA - 1 / tauCa;
    jac[row + S.occ] = h * dr3do * (c.gapEv / k3B + T) - a.dPdo / k3B;
    jac[row + S.nLo] = c.hotPhonons ? -a.dPdN / k3B : 0;
    jac[row + S.ta] = -a.dPdA / k3B + 1 / tauCa;

    // C dT_A/dt = Q
    const rowA = S.ta * m;
    let dQdn = (k3B * (T - A)) / tauCa + (dR1dn + (1 - h) * dR3dn) * pairEv;
    let dQdT = (k3B * n) / tauCa + (R1 + (1 - h) * R3) * k3B;
    let dQdA = (-k3B * n) / tauCa - C / c.heatLossPs;
    let dQdD = 0;
    let dQdo = (1 - h) * dR3do * pairEv;
    if (c.hotPhonons) {
      const rowN = S.nLo * m;
      jac[rowN + S.n] = (a.P + n * a.dPdn) / nphHw;
      jac[rowN + S.occ] = (n * a.dPdo) / nphHw;
      jac[rowN + S.tc] = (n * a.dPdT) / nphHw;
      jac[rowN + S.nLo] = (n * a.dPdN) / nphHw - a.dDdN;
      jac[rowN + S.nAc] = -a.dDdD;
      jac[rowN + S.ta] = -a.dDdA;
      const rowD = S.nAc * m;
      jac[rowD + S.nLo] = a.dDdN;
      jac[rowD + S.nAc] = a.dDdD - 1 / c.daughterLifetimePs;
      jac[rowD + S.ta] = a.dDdA - a.dRddA;
      dQdD = nphHw / c.daughterLifetimePs;
      dQdA += nphHw * a.dRddA;
    } else {
      dQdn += a.P + n * a.dPdn;
      dQdT += n * a.dPdT;
      dQdA += n * a.dPdA;
      dQdo += n * a.dPdo;
    }
    jac[rowA + S.n] = dQdn / C;
    jac[rowA + S.tc] = dQdT / C;
    jac[rowA + S.nAc] = dQdD / C;
    jac[rowA + S.ta] = dQdA / C;
    jac[rowA + S.occ] = dQdo / C;

    // do/dt (Poisson NCs): −k_1 o e^(−λ) with λ = n/o − 1 (λ = 0 once n ≤ o).
    if (c.ncAugerPerPs > 0) {
      const rowO = S.occ * m;
      const o = y[S.occ];
      const e = a.expMinusLambda;
      const auger = a.RA > 0;
      jac[rowO + S.n] = auger ? a.k1st * e : 0;
      jac[rowO + S.tc] = -a.dkxdT * o * e;
      jac[rowO + S.occ] = -a.G * c.ncVolumeCm3 - a.k1st * e * (auger ? 1 + n / o : 1);
    }

    // Ledger rows.
    jac[S.eEnv * m + S.ta] = C / c.heatLossPs;
    jac[S.eEmit * m + S.n] = dR2dn * pairEv;
    jac[S.eEmit * m + S.tc] = R2 * k3B;
    jac[S.eExt * m + S.n] = a.kx * pairEv;
    jac[S.eExt * m + S.tc] = dRxdT * pairEv + Rx * k3B;
    jac[S.nExt * m + S.n] = a.kx;
    jac[S.nExt * m + S.tc] = dRxdT;
    jac[S.tcExt * m + S.n] = a.kx * T;
    jac[S.tcExt * m + S.tc] = dRxdT * T + Rx;
  }
}
