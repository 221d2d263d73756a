// Net Fröhlich LO emission of one carrier class (all carriers of a film, or the carriers of the singly or multiply
// excited NCs), per electron and per hole, each at its own temperature, with their partial derivatives:
//
//   P_c = ħω α_c ω G(x_c) f_c(T_c) S_c(q_D², T_c) [(N + 1) e^(−x_c) − N],   x_c = ħω/kB T_c,   c = e, h
//   q_D² = (screeningCoef / 2) n_s (1/T_e + 1/T_h)      (Debye: electrons and holes each screen with their own T)
//
// G: the Maxwell average of the single-carrier rates (frohlich-maxwell.ts); f: intrinsic (discrete-level) bottleneck, the energy-gap law with the level spacing δ_c = coef_c/√(3/2 kB T_c);
// S: static Debye screening by n_s screening pairs (screening.ts). Each P_c is zero when the LO modes are at that
// carrier's temperature (detailed balance per carrier type). `evaluate` gives the pair sum P_e + P_h at one shared
// temperature (the reference of test/model/carrier-classes.test.ts). Symbols and sources: docs/model.md.

import type { ModelCoefficients } from './coefficients.ts';
import { KB_EV_PER_K as KB } from './constants.ts';
import { screeningFactor, screeningValue, type ScreeningOut } from './screening.ts';
import { logistic, softplus } from './special.ts';
import { onePShare } from './cube-ladder.ts';
import { binWeights, binWeightsFor, type BinWeights } from './lo-bins.ts';
import { maxwellFroehlichFactor, maxwellFroehlichValue, type MaxwellFactor } from './frohlich-maxwell.ts';

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

/** P_c (eV ps^-1 per carrier of type c) with its partials by the carrier's own temperature, the other type's
 *  temperature (through q_D²), N and n_s; and that type's blocked share b_c = 1 − f_c with ∂b_c/∂T_c. */
export interface TypeEmissionOut {
  P: number;
  dPdT: number;
  dPdTo: number;
  dPdN: number;
  dPdns: number;
  blocked: number;
  dBlockeddT: number;
}

export function emptyTypeEmission(): TypeEmissionOut {
  return { P: 0, dPdT: 0, dPdTo: 0, dPdN: 0, dPdns: 0, blocked: 0, dBlockeddT: 0 };
}

/**
 * One class's emission in the state's coordinates, the pair temperature T = (T_e + T_h)/2 and ΔT = T_e − T_h:
 * the pair sum P = P_e + P_h (drives T) and the difference Q = P_e − P_h (drives ΔT), each with partials by T, ΔT,
 * N and n_s; `e` and `h` hold the per-type values.
 */
export interface ClassEmission {
  P: number; dPdT: number; dPdD: number; dPdN: number; dPdns: number;
  Q: number; dQdT: number; dQdD: number; dQdN: number; dQdns: number;
  e: TypeEmissionOut; h: TypeEmissionOut;
}

export function emptyClassEmission(): ClassEmission {
  return {
    P: 0, dPdT: 0, dPdD: 0, dPdN: 0, dPdns: 0, Q: 0, dQdT: 0, dQdD: 0, dQdN: 0, dQdns: 0,
    e: emptyTypeEmission(), h: emptyTypeEmission(),
  };
}

/** Fill the pair sum and difference of `out` from its per-type values (T_e = T + ΔT/2, T_h = T − ΔT/2). */
export function combineClass(out: ClassEmission): void {
  const { e, h } = out;
  // ∂/∂T = ∂/∂T_e + ∂/∂T_h;  ∂/∂ΔT = (∂/∂T_e − ∂/∂T_h)/2.  For e "own" is T_e; for h "own" is T_h.
  const eT = e.dPdT + e.dPdTo;
  const hT = h.dPdT + h.dPdTo;
  const eD = 0.5 * (e.dPdT - e.dPdTo);
  const hD = 0.5 * (h.dPdTo - h.dPdT);
  out.P = e.P + h.P;
  out.dPdT = eT + hT;
  out.dPdD = eD + hD;
  out.dPdN = e.dPdN + h.dPdN;
  out.dPdns = e.dPdns + h.dPdns;
  out.Q = e.P - h.P;
  out.dQdT = eT - hT;
  out.dQdD = eD - hD;
  out.dQdN = e.dPdN - h.dPdN;
  out.dQdns = e.dPdns - h.dPdns;
}

interface Factor { f: number; dfdT: number }
interface Screen { s: number; dsdT: number; dsdns: number }
/** Screening factor of one type with its partials by its own temperature, the other type's, and n_s. */
interface Screen2 { s: number; dsdT: number; dsdTo: number; dsdns: number }

export class CarrierEmission {
  private readonly softplusAtMinusOne: number;
  private readonly fe: Factor = { f: 1, dfdT: 0 };
  private readonly fh: Factor = { f: 1, dfdT: 0 };
  private readonly se: Screen = { s: 1, dsdT: 0, dsdns: 0 };
  private readonly sh: Screen = { s: 1, dsdT: 0, dsdns: 0 };
  private readonly scratch: ScreeningOut = { s: 1, dsdT: 0, dsdA: 0 };
  private readonly se2: Screen2 = { s: 1, dsdT: 0, dsdTo: 0, dsdns: 0 };
  private readonly sh2: Screen2 = { s: 1, dsdT: 0, dsdTo: 0, dsdns: 0 };
  private readonly gScratch: MaxwellFactor = { g: 1, dgdx: 0 };
  private readonly share = { w: 0, dwdTheta: 0 };
  /** The energy-gap law at each type's lowest gap, f(Δ₁/ħω). */
  private readonly f1Electron: number;
  private readonly f1Hole: number;

  /** Resolved LO bins (lo-bins.ts): each type's bin weights and its net emission into each bin (eV ps^-1 per
   *  carrier) from the last evaluateTypes call with bins. */
  private readonly we: BinWeights;
  private readonly wh: BinWeights;
  readonly binE: Float64Array;
  readonly binH: Float64Array;
  /** The occupation each type saw in the last call, Σ_b w_b N_b / Σ_b w_b (the one pool's N without bins). */
  seenE = 0;
  seenH = 0;

  constructor(private readonly c: ModelCoefficients) {
    this.softplusAtMinusOne = softplus(-1, c.bottleneckSharpness);
    this.f1Electron = this.gapLaw(c.lowestGapElectronEv / c.loEv);
    this.f1Hole = this.gapLaw(c.lowestGapHoleEv / c.loEv);
    this.we = binWeightsFor(c.loBins);
    this.wh = binWeightsFor(c.loBins);
    this.binE = new Float64Array(c.loBins.modesCm3.length);
    this.binH = new Float64Array(c.loBins.modesCm3.length);
  }

  /**
   * @param tK class temperature (K, > 0); @param nLo LO occupation seen by the carriers;
   * @param nsCm3 screening pair density (cm^-3); @param screened false: no other pair screens (S = 1)
   */
  evaluate(tK: number, nLo: number, nsCm3: number, screened: boolean, out: EmissionOut): void {
    const c = this.c;
    const hw = c.loEv;
    this.bottleneck(c.spacingCoefElectron, c.lowestGapElectronEv, this.f1Electron, tK, this.fe);
    if (c.spacingCoefHole === c.spacingCoefElectron) {
      this.fh.f = this.fe.f;
      this.fh.dfdT = this.fe.dfdT;
    } else {
      this.bottleneck(c.spacingCoefHole, c.lowestGapHoleEv, this.f1Hole, tK, this.fh);
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
    const { g, dgdx } = this.maxwell(xc);
    const dgdT = (-dgdx * xc) / tK;
    out.P = hw * W * g * B;
    out.dPdT = hw * (dWdT * g * B + W * dgdT * B + (W * g * (nLo + 1) * ec * xc) / tK);
    out.dPdN = hw * W * g * (ec - 1);
    out.dPdns = hw * dWdns * g * B;
    out.blocked = 1 - (Re * fe.f + Rh * fh.f) / (Re + Rh);
    out.dBlockeddT = -(Re * fe.dfdT + Rh * fh.dfdT) / (Re + Rh);
  }

  /**
   * Electrons at tE and holes at tH (K, > 0), each with its own coupling, bottleneck and screening.
   * @param nLo LO occupation seen by the carriers; @param nsCm3 screening pair density (cm^-3);
   * @param screened false: no other pair screens (S = 1)
   * @param bins the resolved LO bins' occupations (then nLo is not read): each type sees Σ_b w_b N_b / Σ_b w_b and
   *   its net emission into each bin lands in binE / binH. The partials by N are then by that seen occupation (the
   *   resolved model uses a finite-difference Jacobian).
   * @param partials false: only the values are needed (a right-hand side); the partials of T are then NaN
   */
  evaluateTypes(
    tE: number, tH: number, nLo: number, nsCm3: number, screened: boolean, e: TypeEmissionOut, h: TypeEmissionOut,
    bins: Float64Array | null = null, partials = true,
  ): void {
    const c = this.c;
    const same = tE === tH;
    this.bottleneck(c.spacingCoefElectron, c.lowestGapElectronEv, this.f1Electron, tE, this.fe, partials);
    if (same && c.spacingCoefHole === c.spacingCoefElectron) {
      this.fh.f = this.fe.f;
      this.fh.dfdT = this.fe.dfdT;
    } else {
      this.bottleneck(c.spacingCoefHole, c.lowestGapHoleEv, this.f1Hole, tH, this.fh, partials);
    }
    const { se2, sh2 } = this;
    se2.s = sh2.s = 1;
    se2.dsdT = se2.dsdTo = se2.dsdns = sh2.dsdT = sh2.dsdTo = sh2.dsdns = 0;
    if (c.screeningCoef > 0 && screened && !partials) {
      // A right-hand side: the factors alone, the same numbers as fill2's (screeningValue), partials NaN.
      const aSq = 0.5 * c.screeningCoef * (1 / tE + 1 / tH) * Math.max(nsCm3, 0);
      se2.s = screeningValue(aSq, tE, c.electronMassM0, c.loEv);
      sh2.s = same && c.holeMassM0 === c.electronMassM0 ? se2.s : screeningValue(aSq, tH, c.holeMassM0, c.loEv);
      se2.dsdT = se2.dsdTo = se2.dsdns = sh2.dsdT = sh2.dsdTo = sh2.dsdns = Number.NaN;
    } else if (c.screeningCoef > 0 && screened) {
      const half = 0.5 * c.screeningCoef;
      const ns = Math.max(nsCm3, 0);
      const kq = half * (1 / tE + 1 / tH); // q_D² per screening pair density
      const aSq = kq * ns;
      const daE = (-half * ns) / (tE * tE);
      const daH = (-half * ns) / (tH * tH);
      this.fill2(se2, aSq, kq, daE, daH, tE, c.electronMassM0);
      if (same && c.holeMassM0 === c.electronMassM0) {
        sh2.s = se2.s; sh2.dsdT = se2.dsdT; sh2.dsdTo = se2.dsdTo; sh2.dsdns = se2.dsdns;
      } else {
        this.fill2(sh2, aSq, kq, daH, daE, tH, c.holeMassM0);
      }
    }
    let nE = nLo;
    let nH = nLo;
    if (bins) {
      // The same q_D² as the screening factors above; alike types (one temperature, one mass) share their weights.
      const aSq = c.screeningCoef > 0 && screened ? 0.5 * c.screeningCoef * (1 / tE + 1 / tH) * Math.max(nsCm3, 0) : 0;
      nE = this.seen(bins, aSq, tE, c.electronMassM0, this.we);
      if (same && c.holeMassM0 === c.electronMassM0) {
        this.wh.w.set(this.we.w);
        nH = nE;
      } else {
        nH = this.seen(bins, aSq, tH, c.holeMassM0, this.wh);
      }
    }
    this.seenE = nE;
    this.seenH = nH;
    this.typeOut(c.emissionRateElectronPerPs, this.fe, se2, tE, nE, e, partials);
    if (same && c.emissionRateHolePerPs === c.emissionRateElectronPerPs && c.spacingCoefHole === c.spacingCoefElectron && c.holeMassM0 === c.electronMassM0) {
      h.P = e.P; h.dPdT = e.dPdT; h.dPdTo = e.dPdTo; h.dPdN = e.dPdN; h.dPdns = e.dPdns; h.blocked = e.blocked; h.dBlockeddT = e.dBlockeddT;
    } else {
      this.typeOut(c.emissionRateHolePerPs, this.fh, sh2, tH, nH, h, partials);
    }
    if (bins) {
      this.intoBins(bins, c.emissionRateElectronPerPs * this.fe.f, tE, this.we, this.binE);
      this.intoBins(bins, c.emissionRateHolePerPs * this.fh.f, tH, this.wh, this.binH);
    }
  }

  /** The occupation a carrier type sees over the bins, weighted by its coupling into each. */
  private seen(bins: Float64Array, aSq: number, tK: number, massM0: number, w: BinWeights): number {
    binWeights(this.c.loBins, aSq, tK, massM0, this.c.loEv, w);
    let sw = 0;
    let swn = 0;
    for (let b = 0; b < bins.length; b++) {
      sw += w.w[b];
      swn += w.w[b] * bins[b];
    }
    return sw > 0 ? swn / sw : bins[0];
  }

  /** Net emission of one carrier type into each bin: ħω R f w_b [(N_b + 1) e^(−ħω/kB T) − N_b] (sums to its P). */
  private intoBins(bins: Float64Array, rateF: number, tK: number, w: BinWeights, out: Float64Array): void {
    const hw = this.c.loEv;
    const xc = hw / (KB * tK);
    const ec = Math.exp(-xc);
    const rg = rateF * this.maxwell(xc).g;
    for (let b = 0; b < bins.length; b++) out[b] = hw * rg * w.w[b] * ((bins[b] + 1) * ec - bins[b]);
  }

  /** One type's P and blocked share; with `partials` false (a right-hand side) the partials are NaN, not computed. */
  private typeOut(rate: number, f: Factor, s: Screen2, tK: number, nLo: number, out: TypeEmissionOut, partials = true): void {
    const hw = this.c.loEv;
    const xc = hw / (KB * tK);
    const ec = Math.exp(-xc);
    const B = (nLo + 1) * ec - nLo;
    if (!partials) {
      const W = rate * f.f * s.s;
      out.P = hw * W * (this.c.maxwellAverage ? maxwellFroehlichValue(xc) : 1) * B;
      out.dPdT = out.dPdTo = out.dPdN = out.dPdns = Number.NaN;
      out.blocked = 1 - f.f;
      out.dBlockeddT = Number.NaN;
      return;
    }
    const { g, dgdx } = this.maxwell(xc);
    const dgdT = (-dgdx * xc) / tK;
    const W = rate * f.f * s.s;
    out.P = hw * W * g * B;
    out.dPdT = hw * (rate * (f.dfdT * s.s + f.f * s.dsdT) * g * B + W * dgdT * B + (W * g * (nLo + 1) * ec * xc) / tK);
    out.dPdTo = hw * rate * f.f * s.dsdTo * g * B;
    out.dPdN = hw * W * g * (ec - 1);
    out.dPdns = hw * rate * f.f * s.dsdns * g * B;
    out.blocked = 1 - f.f;
    out.dBlockeddT = -f.dfdT;
  }

  /** Screening of one type at its temperature tK by q_D² = aSq, with ∂q_D²/∂T (own, other) and ∂q_D²/∂n_s = kq. */
  private fill2(out: Screen2, aSq: number, kq: number, daOwn: number, daOther: number, tK: number, massM0: number): void {
    const r = this.scratch;
    screeningFactor(aSq, tK, massM0, this.c.loEv, r);
    out.s = r.s;
    out.dsdT = r.dsdT + r.dsdA * daOwn;
    out.dsdTo = r.dsdA * daOther;
    out.dsdns = r.dsdA * kq;
  }

  /** The Maxwell average G(x) of the Fröhlich rates and dG/dx at x = ħω/kB T (G = 1 with the switch off). */
  private maxwell(x: number): MaxwellFactor {
    if (this.c.maxwellAverage) return maxwellFroehlichFactor(x, this.gScratch);
    this.gScratch.g = 1;
    this.gScratch.dgdx = 0;
    return this.gScratch;
  }

  /** The energy-gap law at r = (level spacing)/ħω: f = exp(−[softplus_s(r − 1) − softplus_s(−1)]), smooth at r = 1. */
  private gapLaw(r: number): number {
    return Math.exp(-(softplus(r - 1, this.c.bottleneckSharpness) - this.softplusAtMinusOne));
  }

  /**
   * The intrinsic-bottleneck factor f and df/dT of one carrier type at temperature tK: the energy-gap law f(δ/ħω) for the mean
   * level spacing δ = coef/√(3/2 kB T), and, in a share w(θ) of the excited carriers (those in the 1P level,
   * cube-ladder.ts), for the cube's lowest gap Δ₁ instead: f̄ = w f1 + (1 − w) f(δ/ħω), f1 = f(Δ₁/ħω).
   */
  private bottleneck(coef: number, gapEv: number, f1: number, tK: number, out: Factor, partials = true): void {
    if (coef <= 0) {
      out.f = 1;
      out.dfdT = 0;
      return;
    }
    const c = this.c;
    const r = coef / Math.sqrt(1.5 * KB * tK) / c.loEv;
    const fW = this.gapLaw(r);
    // dr/dT = −r/(2T);  d softplus_s(r−1)/dr = logistic(s (r−1)). Without partials (a right-hand side only) the
    // partial is NaN, so that one read by mistake shows.
    const dfWdT = partials ? (fW * logistic(c.bottleneckSharpness * (r - 1)) * r) / (2 * tK) : Number.NaN;
    if (gapEv <= 0) {
      out.f = fW;
      out.dfdT = dfWdT;
      return;
    }
    const uEv = gapEv / 3;
    onePShare((KB * tK) / uEv, this.share);
    const w = this.share.w;
    out.f = w * f1 + (1 - w) * fW;
    out.dfdT = partials ? this.share.dwdTheta * (KB / uEv) * (f1 - fW) + (1 - w) * dfWdT : Number.NaN;
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
