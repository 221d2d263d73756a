// The three-stage cooling model's right-hand side and its analytic Jacobian (jacobian.ts), both in place.
//
// Carrier classes: films and mean-field NCs have one, all n pairs at T_1 (S.tc). Poisson NCs have two (ensemble.ts):
// the s pairs of singly excited NCs at T_1 and the x = n − s pairs of multiply excited NCs at T_m (S.tcMulti).
// Auger events happen only in class m: in an N ≥ 3 NC the energy Eg + 3kB T_m heats class m; a biexciton's event
// leaves a single whose pair carries its own energy plus the recombined one into class 1.
//
//   dn/dt = G − k_1(T_1) s − k_1(T_m) x − R_A          (films: G − k1 n − k2 n² − k3 n³ − k_x n)
//   do/dt = G (1 − oV) − k_1(T_1) s                    (k_1 = k1 + k_rad + k_x(T): first-order loss per pair)
//   ds/dt = G (1 − oV) − G V s − k_1(T_1) s + R_21 + 2 k_1(T_m) d
//   dT_1/dt = F_1/s − P(T_1)/(3kB) − (T_1 − T_A)/τ_cA
//     F_1 = G(1 − oV)(T_inj − T_1) + R_21 ((1 + h) T_m + h Eg/(3kB) − T_1) + 2 k_1(T_m) d (T_m − T_1)
//     (films: F_1/n = (G/n)(T_inj − T_1) + h (R_A/n)(Eg/(3kB) + T_1))
//   dT_m/dt = H/x − P(T_m)/(3kB) − (T_m − T_A)/τ_cA
//     H = G V s (T_1 − T_m) + G V o (T_inj − T_m) + h (R_A − R_21)(Eg/(3kB) + T_m)
//   dN/dt   = (s P_1 + x P_m)/(N_LO ħω) − D,   D = Γ[N(1+q)² − (N+1) q²]   (Klemens LO ⇄ 2 acoustic at ħω/2)
//   dn_D/dt = D − (n_D − n_A(T_A))/τ_AA
//   C dT_A/dt = N_LO ħω (n_D − n_A)/τ_AA + Σ_c 3kB n_c (T_c − T_A)/τ_cA + k1 Σ_c n_c (Eg + 3kB T_c)
//               + (1 − h) R_A (Eg + 3kB T_A-class) − C (T_A − T0)/τ_env
// P: net Fröhlich emission per pair (emission.ts); classes are unscreened when alone in their NC (singles), screened
// by the g/V other pairs of their NC (class m), by n (films) or n − 1/V (mean-field NCs).
//
// Electrons and holes: each class's T above is its pair temperature (T_e + T_h)/2; its electrons and holes sit at
// T_e,h = T ± ΔT/2 (state.ts). P = P_e(T_e) + P_h(T_h) and the ligand bypass P_lig = P_lig,e + P_lig,h are each
// type's own; the e − h difference of a class follows
//   dΔ_1/dt = F_Δ/s − 2(Q + Q_lig)/(3kB) − Δ_1/τ_cA − ν_eh Δ_1      (films: F_Δ/n = (G/n)(Δ_inj − Δ_1))
//     F_Δ = G(1 − oV)(Δ_inj − Δ_1) + (R_21 + 2 k_1(T_m) d)(Δ_m − Δ_1),   H_Δ = G V s (Δ_1 − Δ_m) + G V o (Δ_inj − Δ_m)
//   dΔ_m/dt = H_Δ/x − 2(Q_m + Q_lig,m)/(3kB) − Δ_m/τ_cA − ν_eh,m Δ_m
// with Q = P_e − P_h, ν_eh = k_eh n_eh the Coulomb e–h exchange (n_eh: n in films, max(n, 1/V) in mean-field NCs,
// 1/V for a single exciton, (1 + g)/V in class m). Auger energy is shared equally by electrons and holes (assumption,
// docs/model.md), so it heats T and leaves ΔT alone. Symbols and sources: docs/model.md. Units: ps, eV, K, cm^-3.

import type { ModelCoefficients } from './coefficients.ts';
import { KB_EV_PER_K as KB, THREE_KB } from './constants.ts';
import { CarrierEmission, combineClass, emptyClassEmission, type TypeEmissionOut } from './emission.ts';
import { ENSEMBLE_EPSILON_REL, emptyEnsemble, ensembleRates } from './ensemble.ts';
import { assembleJacobian } from './jacobian.ts';
import type { Aux } from './rates.ts';
import { LO_BIN_SLOTS, STATE_SIZE, S, daughterOffset, loBinIndex, loBinOffset, stateScale } from './state.ts';
import { boltzmannFractionAbove, boltzmannFractionAboveDerivative } from './special.ts';

const SQRT_2PI = Math.sqrt(2 * Math.PI);
/** Floor of the carrier temperatures inside the nonlinear rates (K), for trial states only. */
const MIN_TC_K = 1;

export class CoolingModel {
  /** Physical state size (state.ts); rhsPhysical and jacobianPhysical work on vectors of this length. */
  readonly size = STATE_SIZE;
  /**
   * Electrons and holes alike (equal masses, hence equal couplings, level spacings, screening and injection share:
   * every lead-halide preset): ΔT = 0 is then an exact invariant of the equations (every source of ΔT vanishes with
   * it), so the solver-facing system leaves the two ΔT components (S.dtc, S.dtcMulti) out and its dense LU keeps the
   * one-temperature size (solverIndex).
   */
  readonly symmetric: boolean;
  /** The LO population in wavevector bins (lo-bins.ts): their extra states are solved, by a finite-difference
   *  Jacobian (the analytic one covers the one pool; `jacobianFor` says which). */
  readonly resolved: boolean;
  /** The state components the solver sees, in order: all but the ΔT pair when symmetric, and the extra LO bins
   *  only when resolved. */
  readonly solverIndex: Int32Array;
  /** Length of the solver-facing (scaled) vectors. */
  readonly solverSize: number;
  /** Physical value of one unit of each scaled state component. */
  readonly scale: Float64Array;
  /** 1/scale, and the Jacobian's scaling scale_j/scale_i (row-major), computed once. */
  private readonly invScale: Float64Array;
  private readonly jacScale: Float64Array;
  /** Full-size scratch for the solver-facing calls (the state and its derivative with every component). */
  private readonly fFull = new Float64Array(STATE_SIZE);
  private readonly jFull = new Float64Array(STATE_SIZE * STATE_SIZE);
  private readonly yPhys = new Float64Array(STATE_SIZE);
  private readonly emission: CarrierEmission;
  /** Resolved LO bins: their occupations in the evaluated state, and Σ_class n_class × (net emission into each). */
  private readonly binOcc: Float64Array;
  private readonly binSource: Float64Array;
  /** What the bins' state components hold beyond the occupation (state.ts, loBinOffset). */
  private readonly binOffset: number;
  private readonly nAcOffset: number;
  /** Resolved bins: the occupation class 1's electrons saw in the last evaluation. */
  private seen1 = 0;
  private readonly aux: Aux = {
    gen: 0, poisson: false, c1: 0, x: 0, dc1dn: 1, dc1ds: 0, dxdn: 0, dxds: 0, nLo: 0, dNdA: 0,
    te1: 0, th1: 0, tem: 0, thm: 0, e1: emptyClassEmission(), em: emptyClassEmission(),
    lig1: 0, dLig1dT: 0, dLig1dD: 0, dLig1dA: 0, ligM: 0, dLigMdT: 0, dLigMdD: 0, dLigMdA: 0,
    ligQ1: 0, dLigQ1dT: 0, dLigQ1dD: 0, dLigQ1dA: 0, ligQM: 0, dLigQMdT: 0, dLigQMdD: 0, dLigQMdA: 0,
    nu1: 0, dNu1dn: 0, nuM: 0, dNuMdn: 0, dNuMdo: 0, dNuMds: 0, FD: 0, HD: 0,
    dP1dn: 0, D: 0, dDdN: 0, dDdD: 0, dDdA: 0, Rd: 0, dRddA: 0, qD: 0,
    kx1: 0, dkx1: 0, kxm: 0, dkxm: 0, ens: emptyEnsemble(), k11: 0, k1m: 0, GV: 0, Gq: 0, R21: 0, F1: 0, H: 0, s1: 0, x1: 0,
  };

  constructor(readonly c: ModelCoefficients) {
    this.scale = stateScale(c);
    this.symmetric = c.injectionDeltaK === 0 && c.emissionRateElectronPerPs === c.emissionRateHolePerPs &&
      c.spacingCoefElectron === c.spacingCoefHole && c.electronMassM0 === c.holeMassM0;
    this.resolved = c.loBins.modesCm3.length > 1;
    if (c.loBins.modesCm3.length > LO_BIN_SLOTS) throw new Error(`${c.loBins.modesCm3.length} LO bins: the state holds ${LO_BIN_SLOTS}`);
    const index: number[] = [];
    for (let i = 0; i < S.dtc; i++) index.push(i);
    if (!this.symmetric) index.push(S.dtc, S.dtcMulti);
    if (this.resolved) for (let b = 1; b < c.loBins.modesCm3.length; b++) index.push(loBinIndex(b));
    this.solverIndex = Int32Array.from(index);
    this.solverSize = index.length;
    this.binOcc = new Float64Array(c.loBins.modesCm3.length);
    this.binOffset = loBinOffset(c);
    this.nAcOffset = daughterOffset(c);
    this.binSource = new Float64Array(c.loBins.modesCm3.length);
    const n = this.solverSize;
    this.invScale = this.scale.map((v) => 1 / v);
    this.jacScale = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) this.jacScale[i * n + j] = this.scale[index[j]] / this.scale[index[i]];
    this.emission = new CarrierEmission(c);
    this.aux.poisson = c.ncAugerPerPs > 0;
  }

  /** Pair generation rate by the Gaussian pump (cm^-3 ps^-1). */
  generation(tPs: number): number {
    const s = this.c.pulseSigmaPs;
    if (s <= 0) return 0;
    const z = tPs / s;
    // Beyond |z| ≈ 38.7 the Gaussian underflows to exactly 0 (e^−750 = 0 in binary64): skip the exp after the pulse.
    if (z * z > 1500) return 0;
    return (this.c.n0Cm3 * Math.exp(-0.5 * z * z)) / (s * SQRT_2PI);
  }

  /** Extraction rate (ps^-1) of a class's carriers, its electrons at temperature T (the acceptor's barrier is a LUMO),
   *  and its derivative by T, into class `which`'s fields. */
  private extraction(tK: number, which: 1 | 2): void {
    const c = this.c;
    const a = this.aux;
    let k = 0;
    let dk = 0;
    if (c.acceptor === 'hot') {
      const x = c.hotBarrierEv / (KB * tK);
      k = c.hotRatePerPs * boltzmannFractionAbove(x);
      dk = (c.hotRatePerPs * -boltzmannFractionAboveDerivative(x) * x) / tK;
    } else if (c.acceptor === 'cold') {
      k = c.coldRatePerPs;
    }
    if (which === 1) { a.kx1 = k; a.dkx1 = dk; } else { a.kxm = k; a.dkxm = dk; }
  }

  /** Evaluate every rate of the state y (physical units) into the shared scratch; `partials` false: the rates only
   *  (a right-hand side), their partials by temperature are then not all set. */
  evaluate(t: number, y: Float64Array, partials = true): Aux {
    const c = this.c;
    const a = this.aux;
    // Trial stages can visit T ≤ 0 (the state itself never does); keep the nonlinear terms finite there so that the
    // step is rejected by error control instead of failing on NaN.
    const T1 = Math.max(y[S.tc], MIN_TC_K);
    a.te1 = Math.max(y[S.tc] + 0.5 * y[S.dtc], MIN_TC_K);
    a.th1 = Math.max(y[S.tc] - 0.5 * y[S.dtc], MIN_TC_K);
    const A = c.ambientK + y[S.ta];
    const hw = c.loEv;
    const n = y[S.n];
    const xA = hw / (KB * A);
    const bins = this.resolved && c.hotPhonons ? this.binOcc : null;
    if (bins) for (let b = 0; b < bins.length; b++) bins[b] = y[loBinIndex(b)] + this.binOffset;
    if (c.hotPhonons) {
      a.nLo = y[S.nLo] + this.binOffset;
      a.dNdA = 0;
    } else {
      a.nLo = 1 / Math.expm1(xA);
      a.dNdA = (a.nLo * (a.nLo + 1) * xA) / A;
    }
    a.gen = this.generation(t);
    const kEh = c.ehExchangeCm3PerPs;
    if (a.poisson) {
      const s = y[S.single];
      const V = c.ncVolumeCm3;
      ensembleRates(n, y[S.occ], s, c.ncAugerPerPs, ENSEMBLE_EPSILON_REL * c.n0Cm3, a.ens);
      a.c1 = s; a.dc1dn = 0; a.dc1ds = 1;
      a.x = n - s; a.dxdn = 1; a.dxds = -1;
      this.emission.evaluateTypes(a.te1, a.th1, a.nLo, 0, false, a.e1.e, a.e1.h, bins, partials); // alone in its NC: nothing screens
      if (bins) { this.sourceBins(a.c1, false); this.seen1 = this.emission.seenE; }
      combineClass(a.e1);
      a.dP1dn = 0;
      a.tem = Math.max(y[S.tcMulti] + 0.5 * y[S.dtcMulti], MIN_TC_K);
      a.thm = Math.max(y[S.tcMulti] - 0.5 * y[S.dtcMulti], MIN_TC_K);
      this.emission.evaluateTypes(a.tem, a.thm, a.nLo, a.ens.g / V, true, a.em.e, a.em.h, bins, partials);
      if (bins) this.sourceBins(a.x, true);
      combineClass(a.em);
      this.extraction(a.tem, 2); // the acceptor takes electrons (a LUMO barrier): their own temperature
      // e–h exchange partners: a single exciton's own partner (1/V); in class m the carrier's NC holds 1 + g pairs.
      a.nu1 = kEh / V; a.dNu1dn = 0;
      a.nuM = (kEh * (1 + a.ens.g)) / V;
      a.dNuMdn = (kEh * a.ens.gn) / V; a.dNuMdo = (kEh * a.ens.go) / V; a.dNuMds = (kEh * a.ens.gs) / V;
    } else {
      const V = c.ncVolumeCm3;
      a.c1 = n; a.dc1dn = 1; a.dc1ds = 0;
      a.x = 0; a.dxdn = 0; a.dxds = 0;
      // Films: every pair screens. Mean-field NCs: the other pairs of the NC, n − 1/V.
      const ns = V > 0 ? n - 1 / V : n;
      this.emission.evaluateTypes(a.te1, a.th1, a.nLo, ns, V <= 0 || ns > 0, a.e1.e, a.e1.h, bins, partials);
      if (bins) { this.sourceBins(a.c1, false); this.seen1 = this.emission.seenE; }
      combineClass(a.e1);
      a.dP1dn = a.e1.dPdns;
      a.kxm = a.dkxm = 0;
      const k3 = c.k3Cm6PerPs;
      const e = a.ens;
      e.RA = k3 * n * n * n;
      e.RAn = 3 * k3 * n * n;
      // e–h exchange partners: all pairs of a film; in a mean-field NC its ⟨N⟩ pairs, at least the carrier's own.
      const own = V > 0 ? 1 / V : 0;
      const partners = n > own ? n : own;
      a.nu1 = kEh * partners;
      a.dNu1dn = n > own ? kEh : 0;
      a.nuM = a.dNuMdn = a.dNuMdo = a.dNuMds = 0;
    }
    this.extraction(a.te1, 1);
    if (a.poisson) this.classFlows(y, a);
    // Ligand bypass of the blocked coupling (ligand.ts), per carrier type: P_lig,c = k_lig b_c(T_c) 3/2 kB (T_c − T_A).
    const kL = c.ligandBypassPerPs;
    a.lig1 = a.dLig1dT = a.dLig1dD = a.dLig1dA = a.ligQ1 = a.dLigQ1dT = a.dLigQ1dD = a.dLigQ1dA = 0;
    a.ligM = a.dLigMdT = a.dLigMdD = a.dLigMdA = a.ligQM = a.dLigQMdT = a.dLigQMdD = a.dLigQMdA = 0;
    if (kL > 0) {
      this.ligand(kL, a.e1.e, a.e1.h, a.te1, a.th1, A, 1);
      if (a.poisson) this.ligand(kL, a.em.e, a.em.h, a.tem, a.thm, A, 2);
    }

    // Klemens decay LO → 2 acoustic at ħω/2 into the daughter modes n_D; up-conversion from q.
    const nA = 1 / Math.expm1(0.5 * xA);
    const dnAdA = (nA * (nA + 1) * 0.5 * xA) / A;
    const nD = y[S.nAc] + this.nAcOffset;
    const u = c.upConversion;
    // q: the hot daughters (u = 1), or with up-conversion switched off the lattice's thermal modes.
    const q = u * nD + (1 - u) * nA;
    a.qD = q;
    const gamma = c.klemensPerPs;
    const N = a.nLo;
    const onePlus = 1 + q;
    a.D = gamma * (N * onePlus * onePlus - (N + 1) * q * q);
    a.dDdN = gamma * (onePlus * onePlus - q * q);
    const dDdq = gamma * (2 * N * onePlus - 2 * (N + 1) * q);
    a.dDdD = dDdq * u;
    a.dDdA = dDdq * (1 - u) * dnAdA;
    a.Rd = (nD - nA) / c.daughterLifetimePs;
    a.dRddA = -dnAdA / c.daughterLifetimePs;
    return a;
  }

  /** Resolved LO bins: add a class of `pairs` pairs' net emission into each bin (eV ps^-1 cm^-3). */
  private sourceBins(pairs: number, add: boolean): void {
    const { binE, binH } = this.emission;
    const src = this.binSource;
    for (let b = 0; b < src.length; b++) src[b] = (add ? src[b] : 0) + pairs * (binE[b] + binH[b]);
  }

  /** The LO occupation the electrons of class 1 see (the one pool's N; with bins their coupling-weighted mean). */
  loOccupationSeen(y: Float64Array): number {
    this.evaluate(0, y);
    return this.resolved && this.c.hotPhonons ? this.seen1 : y[S.nLo] + this.binOffset;
  }

  /** Ligand bypass of one class from its types' blocked shares, as pair sum and e − h difference with partials. */
  private ligand(kL: number, e: TypeEmissionOut, h: TypeEmissionOut, te: number, th: number, A: number, which: 1 | 2): void {
    const a = this.aux;
    const k = kL * 1.5 * KB;
    const pe = k * e.blocked * (te - A);
    const ph = k * h.blocked * (th - A);
    const dpe = k * (e.dBlockeddT * (te - A) + e.blocked); // ∂P_lig,e/∂T_e
    const dph = k * (h.dBlockeddT * (th - A) + h.blocked); // ∂P_lig,h/∂T_h
    const dAe = -k * e.blocked;
    const dAh = -k * h.blocked;
    if (which === 1) {
      a.lig1 = pe + ph; a.dLig1dT = dpe + dph; a.dLig1dD = 0.5 * (dpe - dph); a.dLig1dA = dAe + dAh;
      a.ligQ1 = pe - ph; a.dLigQ1dT = dpe - dph; a.dLigQ1dD = 0.5 * (dpe + dph); a.dLigQ1dA = dAe - dAh;
    } else {
      a.ligM = pe + ph; a.dLigMdT = dpe + dph; a.dLigMdD = 0.5 * (dpe - dph); a.dLigMdA = dAe + dAh;
      a.ligQM = pe - ph; a.dLigQMdT = dpe - dph; a.dLigQMdD = 0.5 * (dpe + dph); a.dLigQMdA = dAe - dAh;
    }
  }

  /** The flows between the Poisson classes and their heat (F1, H) and ΔT (FD, HD), on the state's own temperatures. */
  private classFlows(y: Float64Array, a: Aux): void {
    const c = this.c;
    const h = c.augerHeating;
    const eg3 = c.gapEv / THREE_KB;
    const o = y[S.occ];
    const s = y[S.single];
    const T1 = y[S.tc];
    const Tm = y[S.tcMulti];
    const V = c.ncVolumeCm3;
    const ens = a.ens;
    a.GV = a.gen * V;
    a.Gq = a.gen * (1 - o * V);
    a.k11 = c.k1PerPs + c.kRadPerPs + a.kx1;
    a.k1m = c.k1PerPs + c.kRadPerPs + a.kxm;
    a.R21 = c.ncAugerPerPs * ens.d;
    a.F1 = a.Gq * (c.injectionTempK - T1) + a.R21 * ((1 + h) * Tm + h * eg3 - T1) + 2 * a.k1m * ens.d * (Tm - T1);
    a.H = a.GV * s * (T1 - Tm) + a.GV * o * (c.injectionTempK - Tm) + h * (ens.RA - a.R21) * (eg3 + Tm);
    // ΔT moves with the pairs; Auger energy, shared equally by electrons and holes, leaves it alone.
    const D1 = y[S.dtc];
    const Dm = y[S.dtcMulti];
    a.FD = a.Gq * (c.injectionDeltaK - D1) + (a.R21 + 2 * a.k1m * ens.d) * (Dm - D1);
    a.HD = a.GV * s * (D1 - Dm) + a.GV * o * (c.injectionDeltaK - Dm);
    // Each class's in-flow heat is shared over max(pairs, floor): below the floor (a class emptying or filling, its
    // count at solver-noise level) the rest of that heat goes to the other class, so energy stays exact.
    a.s1 = Math.max(s, c.classFloorCm3);
    a.x1 = Math.max(a.x, c.classFloorCm3);
  }

  /** Energy a carrier pair loses to phonons (net LO emission + acoustic) per ps, averaged over the classes (eV ps^-1). */
  phononLossPerCarrierEvPs(y: Float64Array): number {
    const a = this.evaluate(0, y);
    const c = this.c;
    const A = c.ambientK + y[S.ta];
    const loss1 = a.e1.P + a.lig1 + (THREE_KB * (y[S.tc] - A)) / c.carrierAcousticPs;
    if (!a.poisson) return loss1;
    const lossM = a.em.P + a.ligM + (THREE_KB * (y[S.tcMulti] - A)) / c.carrierAcousticPs;
    const n = y[S.n];
    return n > 0 ? (a.c1 * loss1 + a.x * lossM) / n : loss1;
  }

  /**
   * Solver-facing right-hand side on the scaled state ŷ = y / scale (densities in units of n0, energies in
   * units of the absorbed n0·hν), so that Jacobian entries stay O(1) and tolerances mean the same for all.
   */
  rhs = (t: number, yScaled: Float64Array, dydtScaled: Float64Array): void => {
    const s = this.scale;
    const inv = this.invScale;
    const y = this.yPhys;
    const idx = this.solverIndex;
    const n = idx.length;
    // Components left out (the ΔT pair of a symmetric model, the unused LO bins) stay 0.
    for (let i = 0; i < n; i++) y[idx[i]] = yScaled[i] * s[idx[i]];
    const f = this.fFull;
    this.rhsPhysical(t, y, f);
    for (let i = 0; i < n; i++) dydtScaled[i] = f[idx[i]] * inv[idx[i]];
  };

  /** The solver-facing part of a full-length (scaled) state vector. */
  toSolver(full: Float64Array): Float64Array {
    return Float64Array.from(this.solverIndex, (i) => full[i]);
  }

  /** The Jacobian the solver uses: analytic for the one LO pool, central differences with resolved bins. */
  get jacobianFor(): (t: number, y: Float64Array, jac: Float64Array) => void {
    return this.resolved ? this.jacobianFd : this.jacobian;
  }

  /**
   * Jacobian of the scaled system with resolved LO bins, whose weights the analytic Jacobian does not differentiate:
   * central differences (steps 6e-6 ≈ ε^(1/3) of the component, at least 1e-3 K for temperatures, where rounding in the
   * O(1e3 K ps^-1) rows swamps smaller steps, and 1e-10 of the unit scale otherwise; 2n evaluations), except in the
   * columns of the pair and NC counts (n, o, s) outside the bins' rows: there the class floors and the ensemble
   * closure (ensemble.ts) put kinks at solver-noise counts that differences straddle (seen: 30× the steps), so
   * those entries are the analytic ones, at the occupation the carriers see.
   */
  private readonly jAn = new Float64Array(STATE_SIZE * STATE_SIZE);
  private readonly fdPlus = new Float64Array(STATE_SIZE);
  private readonly fdMinus = new Float64Array(STATE_SIZE);
  private readonly fdY = new Float64Array(STATE_SIZE);
  /** Right-hand-side evaluations jacobianFd made (the solver's own count does not see them). */
  fdEvaluations = 0;
  jacobianFd = (t: number, yScaled: Float64Array, jac: Float64Array): void => {
    const n = this.solverSize;
    this.fdEvaluations += 2 * n;
    const yy = this.fdY.subarray(0, n);
    yy.set(yScaled.subarray(0, n));
    const fp = this.fdPlus.subarray(0, n);
    const fm = this.fdMinus.subarray(0, n);
    for (let j = 0; j < n; j++) {
      const i = this.solverIndex[j];
      const kelvin = i === S.tc || i === S.tcMulti || i === S.ta || i === S.dtc || i === S.dtcMulti;
      const h = Math.max(6e-6 * Math.abs(yy[j]), kelvin ? 1e-3 : 1e-10);
      const keep = yy[j];
      yy[j] = keep + h;
      this.rhs(t, yy, fp);
      yy[j] = keep - h;
      this.rhs(t, yy, fm);
      yy[j] = keep;
      for (let r = 0; r < n; r++) jac[r * n + j] = (fp[r] - fm[r]) / (2 * h);
    }
    const an = this.jAn.subarray(0, n * n);
    this.jacobian(t, yScaled, an);
    for (let j = 0; j < n; j++) {
      const col = this.solverIndex[j];
      if (col !== S.n && col !== S.occ && col !== S.single) continue;
      for (let r = 0; r < n; r++) {
        const row = this.solverIndex[r];
        if (row !== S.nLo && row < S.nLoBin2) jac[r * n + j] = an[r * n + j];
      }
    }
  };

  /** Solver-facing Jacobian of the scaled system: Ĵ_ij = J_ij · scale_j / scale_i (solverSize², row-major). */
  jacobian = (t: number, yScaled: Float64Array, jac: Float64Array): void => {
    const s = this.scale;
    const y = this.yPhys;
    const idx = this.solverIndex;
    const n = idx.length;
    const r = this.jacScale;
    for (let i = 0; i < n; i++) y[idx[i]] = yScaled[i] * s[idx[i]];
    const J = this.jFull;
    this.jacobianPhysical(t, y, J);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) jac[i * n + j] = J[idx[i] * STATE_SIZE + idx[j]] * r[i * n + j];
  };

  /** ∂f_i/∂y_j into jac[i * size + j] (row-major), physical units. */
  jacobianPhysical(t: number, y: Float64Array, jac: Float64Array): void {
    assembleJacobian(this.c, this.evaluate(t, y), y, jac);
  }

  /** dy/dt into `dydt`, physical units. */
  rhsPhysical(t: number, y: Float64Array, dydt: Float64Array): void {
    const c = this.c;
    const a = this.evaluate(t, y, false); // the rates only: their partials are the Jacobian's (jacobian.ts)
    const n = y[S.n];
    const T1 = y[S.tc];
    const A = c.ambientK + y[S.ta];
    const h = c.augerHeating;
    const G = a.gen;
    const tau = c.carrierAcousticPs;
    const eg3 = c.gapEv / THREE_KB;
    const pair1 = c.gapEv + THREE_KB * T1;
    const { c1, x, ens } = a;
    const RA = ens.RA;
    let pairA = pair1;
    if (a.poisson) {
      const s = y[S.single];
      const Tm = y[S.tcMulti];
      const { k11, k1m, GV, Gq, R21, F1, H, s1, x1 } = a;
      dydt[S.n] = G - k11 * s - k1m * x - RA;
      dydt[S.occ] = Gq - k11 * s;
      dydt[S.single] = Gq - GV * s - k11 * s + R21 + 2 * k1m * ens.d;
      dydt[S.tc] = F1 / s1 + (H * (1 - x / x1)) / s1 - (a.e1.P + a.lig1) / THREE_KB - (T1 - A) / tau;
      dydt[S.tcMulti] = H / x1 + (F1 * (1 - s / s1)) / x1 - (a.em.P + a.ligM) / THREE_KB - (Tm - A) / tau;
      const { FD, HD } = a;
      const D1 = y[S.dtc];
      const Dm = y[S.dtcMulti];
      dydt[S.dtc] = FD / s1 + (HD * (1 - x / x1)) / s1 - (2 * (a.e1.Q + a.ligQ1)) / THREE_KB - D1 / tau - a.nu1 * D1;
      dydt[S.dtcMulti] = HD / x1 + (FD * (1 - s / s1)) / x1 - (2 * (a.em.Q + a.ligQM)) / THREE_KB - Dm / tau - a.nuM * Dm;
      pairA = c.gapEv + THREE_KB * Tm;
    } else {
      dydt[S.n] = G - c.k1PerPs * n - c.k2Cm3PerPs * n * n - c.kRadPerPs * n - RA - a.kx1 * n;
      const inject = G === 0 ? 0 : (G / n) * (c.injectionTempK - T1);
      const heat = n > 0 ? h * (RA / n) * (eg3 + T1) : 0;
      dydt[S.tc] = inject + heat - (a.e1.P + a.lig1) / THREE_KB - (T1 - A) / tau;
      const D1 = y[S.dtc];
      const injectD = G === 0 ? 0 : (G / n) * (c.injectionDeltaK - D1);
      dydt[S.dtc] = injectD - (2 * (a.e1.Q + a.ligQ1)) / THREE_KB - D1 / tau - a.nu1 * D1;
      dydt[S.occ] = 0;
      dydt[S.single] = 0;
      dydt[S.tcMulti] = 0;
      dydt[S.dtcMulti] = 0;
    }
    const Tm = y[S.tcMulti];
    const pairM = c.gapEv + THREE_KB * Tm;
    const nphHw = c.loModesCm3 * c.loEv;
    let heatIn = THREE_KB * (c1 * (T1 - A) + x * (Tm - A)) / tau + c1 * a.lig1 + x * a.ligM + c.k1PerPs * (c1 * pair1 + x * pairM) + (1 - h) * RA * pairA;
    const emitted = c1 * a.e1.P + x * a.em.P;
    for (let b = 1; b < LO_BIN_SLOTS; b++) dydt[loBinIndex(b)] = 0;
    if (c.hotPhonons && this.resolved) {
      // Each bin: its share of the emission over its M_b modes, and its own Klemens decay into the one daughter
      // pool of totalModesCm3 modes (lo-bins.ts).
      const { modesCm3, totalModesCm3 } = c.loBins;
      const q = a.qD;
      const onePlus = 1 + q;
      let toDaughters = 0;
      for (let b = 0; b < modesCm3.length; b++) {
        const Nb = y[loBinIndex(b)] + this.binOffset;
        const Db = c.klemensPerPs * (Nb * onePlus * onePlus - (Nb + 1) * q * q);
        dydt[loBinIndex(b)] = this.binSource[b] / (modesCm3[b] * c.loEv) - Db;
        toDaughters += modesCm3[b] * Db;
      }
      dydt[S.nAc] = toDaughters / totalModesCm3 - a.Rd;
      heatIn += totalModesCm3 * c.loEv * a.Rd;
    } else if (c.hotPhonons) {
      dydt[S.nLo] = emitted / nphHw - a.D;
      dydt[S.nAc] = a.D - a.Rd;
      heatIn += nphHw * a.Rd;
    } else {
      dydt[S.nLo] = 0;
      dydt[S.nAc] = 0;
      heatIn += emitted;
    }
    const loss = (c.heatCapacityEvCm3K * y[S.ta]) / c.heatLossPs;
    dydt[S.ta] = (heatIn - loss) / c.heatCapacityEvCm3K;
    dydt[S.eEnv] = loss;
    dydt[S.eEmit] = c.k2Cm3PerPs * n * n * pair1 + c.kRadPerPs * (c1 * pair1 + x * pairM);
    dydt[S.eExt] = a.kx1 * c1 * pair1 + a.kxm * x * pairM;
    dydt[S.nExt] = a.kx1 * c1 + a.kxm * x;
    // The extracted carriers' temperature: the electrons' (T_e = T + Δ/2), which the acceptor's barrier selects.
    dydt[S.tcExt] = a.kx1 * c1 * (T1 + 0.5 * y[S.dtc]) + a.kxm * x * (Tm + 0.5 * y[S.dtcMulti]);
  }
}
