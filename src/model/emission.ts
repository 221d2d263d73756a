// Net Fröhlich LO emission per electron–hole pair of one carrier class (all carriers of a film, or the carriers of
// the singly or multiply excited NCs), with its partial derivatives:
//
//   P = ħω W [(N + 1) e^(−ħω/kB T) − N],   W = Σ_{c = e,h} α_c ω f_c(T) S_c(q_D²(n_s, T), T)
//
// f: intrinsic (discrete-level) bottleneck, the energy-gap law with the level spacing δ = coef/√(3/2 kB T);
// S: static Debye screening by n_s screening pairs (screening.ts), q_D² = screeningCoef · n_s / T.
// Zero when the LO modes are at the carrier temperature (detailed balance). Symbols and sources: docs/model.md.

import type { ModelCoefficients } from './coefficients.ts';
import { KB_EV_PER_K as KB } from './constants.ts';
import { screeningFactor, type ScreeningOut } from './screening.ts';
import { logistic, softplus } from './special.ts';

/** P (eV ps^-1 per pair) with its partials by the class temperature T, the LO occupation N and n_s. */
export interface EmissionOut {
  P: number;
  dPdT: number;
  dPdN: number;
  /** ∂P/∂n_s, the screening pair density (eV ps^-1 cm^3). */
  dPdns: number;
  /** Share of the unscreened coupling the intrinsic bottleneck blocks, b = 1 − Σ R_c f_c / Σ R_c, and ∂b/∂T. */
  blocked: number;
  dBlockeddT: number;
}

export function emptyEmission(): EmissionOut {
  return { P: 0, dPdT: 0, dPdN: 0, dPdns: 0, blocked: 0, dBlockeddT: 0 };
}

interface Factor { f: number; dfdT: number }
interface Screen { s: number; dsdT: number; dsdns: number }

export class CarrierEmission {
  private readonly softplusAtMinusOne: number;
  private readonly fe: Factor = { f: 1, dfdT: 0 };
  private readonly fh: Factor = { f: 1, dfdT: 0 };
  private readonly se: Screen = { s: 1, dsdT: 0, dsdns: 0 };
  private readonly sh: Screen = { s: 1, dsdT: 0, dsdns: 0 };
  private readonly scratch: ScreeningOut = { s: 1, dsdT: 0, dsdA: 0 };

  constructor(private readonly c: ModelCoefficients) {
    this.softplusAtMinusOne = softplus(-1, c.bottleneckSharpness);
  }

  /**
   * @param tK class temperature (K, > 0); @param nLo LO occupation seen by the carriers;
   * @param nsCm3 screening pair density (cm^-3); @param screened false: no other pair screens (S = 1)
   */
  evaluate(tK: number, nLo: number, nsCm3: number, screened: boolean, out: EmissionOut): void {
    const c = this.c;
    const hw = c.loEv;
    this.bottleneck(c.spacingCoefElectron, tK, this.fe);
    if (c.spacingCoefHole === c.spacingCoefElectron) {
      this.fh.f = this.fe.f;
      this.fh.dfdT = this.fe.dfdT;
    } else {
      this.bottleneck(c.spacingCoefHole, tK, this.fh);
    }
    this.screening(nsCm3, tK, screened);
    const { fe, fh, se, sh } = this;
    const Re = c.emissionRateElectronPerPs;
    const Rh = c.emissionRateHolePerPs;
    const W = Re * fe.f * se.s + Rh * fh.f * sh.s;
    const dWdT = Re * (fe.dfdT * se.s + fe.f * se.dsdT) + Rh * (fh.dfdT * sh.s + fh.f * sh.dsdT);
    const dWdns = Re * fe.f * se.dsdns + Rh * fh.f * sh.dsdns;
    const xc = hw / (KB * tK);
    const ec = Math.exp(-xc);
    const B = (nLo + 1) * ec - nLo;
    out.P = hw * W * B;
    out.dPdT = hw * (dWdT * B + (W * (nLo + 1) * ec * xc) / tK);
    out.dPdN = hw * W * (ec - 1);
    out.dPdns = hw * dWdns * B;
    out.blocked = 1 - (Re * fe.f + Rh * fh.f) / (Re + Rh);
    out.dBlockeddT = -(Re * fe.dfdT + Rh * fh.dfdT) / (Re + Rh);
  }

  /** Intrinsic-bottleneck factor f and df/dT for one carrier type (energy-gap law, smooth at δ = ħω). */
  private bottleneck(coef: number, tK: number, out: Factor): void {
    if (coef <= 0) {
      out.f = 1;
      out.dfdT = 0;
      return;
    }
    const c = this.c;
    const r = coef / Math.sqrt(1.5 * KB * tK) / c.loEv;
    const f = Math.exp(-(softplus(r - 1, c.bottleneckSharpness) - this.softplusAtMinusOne));
    // dr/dT = −r/(2T);  d softplus_s(r−1)/dr = logistic(s (r−1))
    out.f = f;
    out.dfdT = (f * logistic(c.bottleneckSharpness * (r - 1)) * r) / (2 * tK);
  }

  /** Screening factors of electrons and holes by n_s pairs at temperature T (S = 1 when off or unscreened). */
  private screening(ns: number, tK: number, screened: boolean): void {
    const c = this.c;
    const { se, sh } = this;
    se.s = sh.s = 1;
    se.dsdT = se.dsdns = sh.dsdT = sh.dsdns = 0;
    if (c.screeningCoef <= 0 || !screened) return;
    const k = c.screeningCoef / tK; // q_D² per screening pair density
    const aSq = k * Math.max(ns, 0);
    this.fill(se, aSq, k, tK, c.electronMassM0);
    if (c.holeMassM0 === c.electronMassM0) {
      sh.s = se.s; sh.dsdT = se.dsdT; sh.dsdns = se.dsdns;
    } else {
      this.fill(sh, aSq, k, tK, c.holeMassM0);
    }
  }

  private fill(out: Screen, aSq: number, k: number, tK: number, massM0: number): void {
    const r = this.scratch;
    screeningFactor(aSq, tK, massM0, this.c.loEv, r);
    out.s = r.s;
    out.dsdT = r.dsdT - (r.dsdA * aSq) / tK;
    out.dsdns = r.dsdA * k;
  }
}
