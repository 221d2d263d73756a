// The analytic Jacobian of the cooling model (rhs.ts, whose header has the equations), from the rates one
// evaluation computed. Row-major, physical units; checked against central differences in test/model/rhs.test.ts.

import type { ModelCoefficients } from './coefficients.ts';
import { THREE_KB } from './constants.ts';
import type { Aux } from './rates.ts';
import { STATE_SIZE, S } from './state.ts';

const M = STATE_SIZE;
/** Scratch rows (the engine is single-threaded per model instance and this file keeps no state between calls). */
const Ev = new Float64Array(M);
const Q = new Float64Array(M);
const EMISSION_COLUMNS = [S.n, S.single, S.occ, S.tc, S.tcMulti, S.dtc, S.dtcMulti];
const Fv = new Float64Array(M);
const Hv = new Float64Array(M);
/** Partials of the ΔT in-flows F_Δ (class 1) and H_Δ (class m). */
const FDv = new Float64Array(M);
const HDv = new Float64Array(M);

/** jac[i][j] += v (row-major). */
function add(jac: Float64Array, i: number, j: number, v: number): void {
  jac[i * M + j] += v;
}

export function assembleJacobian(c: ModelCoefficients, a: Aux, y: Float64Array, jac: Float64Array): void {
  jac.fill(0);
  const n = y[S.n];
  const T1 = y[S.tc];
  const Tm = y[S.tcMulti];
  const A = c.ambientK + y[S.ta];
  const h = c.augerHeating;
  const tau = c.carrierAcousticPs;
  const C = c.heatCapacityEvCm3K;
  const L = c.loModesCm3 * c.loEv;
  const eg3 = c.gapEv / THREE_KB;
  const pair1 = c.gapEv + THREE_KB * T1;
  const pairM = c.gapEv + THREE_KB * Tm;
  const { c1, x, dc1dn, dc1ds, dxdn, dxds, e1, em, ens } = a;
  // The LO occupation the carriers see: the state (hot phonons) or the lattice's Bose value (a function of T_A).
  const hot = c.hotPhonons;

  // Carrier temperatures: emission, relaxation to the lattice.
  add(jac, S.tc, S.tc, -(e1.dPdT + a.dLig1dT) / THREE_KB - 1 / tau);
  add(jac, S.tc, S.dtc, -(e1.dPdD + a.dLig1dD) / THREE_KB);
  add(jac, S.tc, S.ta, 1 / tau - a.dLig1dA / THREE_KB);
  if (hot) add(jac, S.tc, S.nLo, -e1.dPdN / THREE_KB);
  else add(jac, S.tc, S.ta, (-e1.dPdN * a.dNdA) / THREE_KB);
  // Electron − hole differences: dΔ/dt ⊃ −2(Q + Q_lig)/(3kB) − Δ/τ_cA − ν_eh Δ.
  const D1 = y[S.dtc];
  const Dm = y[S.dtcMulti];
  const two3 = 2 / THREE_KB;
  add(jac, S.dtc, S.tc, -two3 * (e1.dQdT + a.dLigQ1dT));
  add(jac, S.dtc, S.dtc, -two3 * (e1.dQdD + a.dLigQ1dD) - 1 / tau - a.nu1);
  add(jac, S.dtc, S.ta, -two3 * a.dLigQ1dA);
  add(jac, S.dtc, S.n, -two3 * e1.dQdns * (a.poisson ? 0 : 1) - a.dNu1dn * D1);
  if (hot) add(jac, S.dtc, S.nLo, -two3 * e1.dQdN);
  else add(jac, S.dtc, S.ta, -two3 * e1.dQdN * a.dNdA);

  // Emitted power per volume Σ n_c P_c: its partials, used by the LO row (hot phonons) or the lattice row.
  Ev.fill(0);
  Ev[S.n] = dc1dn * e1.P + c1 * a.dP1dn + dxdn * em.P;
  Ev[S.single] = dc1ds * e1.P + dxds * em.P;
  Ev[S.tc] = c1 * e1.dPdT;
  Ev[S.dtc] = c1 * e1.dPdD;
  const dEdN = c1 * e1.dPdN + x * em.dPdN;

  let pairA = pair1; // energy per Auger-recombined pair
  if (a.poisson) {
    const o = y[S.occ];
    const s = y[S.single];
    const V = c.ncVolumeCm3;
    const kA = c.ncAugerPerPs;
    const { k11, k1m, GV, Gq, F1, H, s1, x1 } = a;
    const d = ens.d;
    // dn/dt = G − k11 s − k1m x − R_A
    add(jac, S.n, S.n, -k1m - ens.RAn);
    add(jac, S.n, S.single, -k11 + k1m - ens.RAs);
    add(jac, S.n, S.occ, -ens.RAo);
    // Extraction rates depend on the electrons' temperature T_e = T + Δ/2: ∂/∂Δ = ½ ∂/∂T.
    add(jac, S.n, S.tc, -a.dkx1 * s);
    add(jac, S.n, S.dtc, -0.5 * a.dkx1 * s);
    add(jac, S.n, S.tcMulti, -a.dkxm * x);
    add(jac, S.n, S.dtcMulti, -0.5 * a.dkxm * x);
    // do/dt = G (1 − oV) − k11 s
    add(jac, S.occ, S.occ, -GV);
    add(jac, S.occ, S.single, -k11);
    add(jac, S.occ, S.tc, -a.dkx1 * s);
    add(jac, S.occ, S.dtc, -0.5 * a.dkx1 * s);
    // ds/dt = G(1 − oV) − GV s − k11 s + kA d + 2 k1m d
    const kd = kA + 2 * k1m;
    add(jac, S.single, S.n, kd * ens.dn);
    add(jac, S.single, S.occ, -GV + kd * ens.do);
    add(jac, S.single, S.single, -GV - k11 + kd * ens.ds);
    add(jac, S.single, S.tc, -a.dkx1 * s);
    add(jac, S.single, S.dtc, -0.5 * a.dkx1 * s);
    add(jac, S.single, S.tcMulti, 2 * a.dkxm * d);
    add(jac, S.single, S.dtcMulti, a.dkxm * d);
    // In-flow heat F1 (class 1) and H (class m) with their partials by n, o, s, T1, Tm (columns in Fv, Hv).
    const z1 = (1 + h) * Tm + h * eg3 - T1;
    const dm1 = Tm - T1;
    const w = kA * z1 + 2 * k1m * dm1; // ∂F1/∂d
    Fv.fill(0);
    Fv[S.n] = w * ens.dn;
    Fv[S.occ] = -GV * (c.injectionTempK - T1) + w * ens.do;
    Fv[S.single] = w * ens.ds;
    Fv[S.tc] = -Gq - kA * d - 2 * k1m * d;
    Fv[S.tcMulti] = kA * d * (1 + h) + 2 * a.dkxm * d * dm1 + 2 * k1m * d;
    Fv[S.dtcMulti] = a.dkxm * d * dm1;
    const q3 = eg3 + Tm;
    const RA3 = ens.RA - kA * d;
    Hv.fill(0);
    Hv[S.n] = h * (ens.RAn - kA * ens.dn) * q3;
    Hv[S.occ] = GV * (c.injectionTempK - Tm) + h * (ens.RAo - kA * ens.do) * q3;
    Hv[S.single] = GV * (T1 - Tm) + h * (ens.RAs - kA * ens.ds) * q3;
    Hv[S.tc] = GV * s;
    Hv[S.tcMulti] = -GV * (s + o) + h * RA3;
    // ΔT in-flows: F_Δ = Gq (Δ_inj − Δ1) + (kA d + 2 k1m d)(Δm − Δ1),  H_Δ = GV s (Δ1 − Δm) + GV o (Δ_inj − Δm)
    const dD = Dm - D1;
    FDv.fill(0);
    FDv[S.n] = kd * ens.dn * dD;
    FDv[S.occ] = -GV * (c.injectionDeltaK - D1) + kd * ens.do * dD;
    FDv[S.single] = kd * ens.ds * dD;
    FDv[S.tcMulti] = 2 * a.dkxm * d * dD;
    FDv[S.dtc] = -Gq - kd * d;
    FDv[S.dtcMulti] = kd * d + a.dkxm * d * dD;
    HDv.fill(0);
    HDv[S.single] = GV * (D1 - Dm);
    HDv[S.occ] = GV * (c.injectionDeltaK - Dm);
    HDv[S.dtc] = GV * s;
    HDv[S.dtcMulti] = -GV * (s + o);
    const { FD, HD } = a;
    // dT1/dt ⊃ F1/s1 + H (1 − x/x1)/s1,  dTm/dt ⊃ H/x1 + F1 (1 − s/s1)/x1,  s1 = max(s, floor), x1 = max(x, floor)
    const floor = c.classFloorCm3;
    const sLow = s < floor;
    const xLow = x < floor;
    const rho1 = 1 - s / s1; // 0 unless class 1 is below the floor
    const rhoM = 1 - x / x1;
    for (const j of EMISSION_COLUMNS) {
      // ∂s1/∂s = 1 above the floor; ∂x1/∂(n, s) = (1, −1) above it; ∂ρ1/∂s = −1/floor below; ∂ρm/∂(n, s) = (−1, 1)/floor below.
      const ds1 = j === S.single && !sLow ? 1 : 0;
      const dx1 = xLow ? 0 : j === S.n ? 1 : j === S.single ? -1 : 0;
      const dRho1 = sLow && j === S.single ? -1 / floor : 0;
      const dRhoM = xLow ? (j === S.n ? -1 / floor : j === S.single ? 1 / floor : 0) : 0;
      add(jac, S.tc, j, Fv[j] / s1 - (F1 * ds1) / (s1 * s1) + (Hv[j] * rhoM + H * dRhoM) / s1 - (H * rhoM * ds1) / (s1 * s1));
      add(jac, S.tcMulti, j, Hv[j] / x1 - (H * dx1) / (x1 * x1) + (Fv[j] * rho1 + F1 * dRho1) / x1 - (F1 * rho1 * dx1) / (x1 * x1));
      add(jac, S.dtc, j, FDv[j] / s1 - (FD * ds1) / (s1 * s1) + (HDv[j] * rhoM + HD * dRhoM) / s1 - (HD * rhoM * ds1) / (s1 * s1));
      add(jac, S.dtcMulti, j, HDv[j] / x1 - (HD * dx1) / (x1 * x1) + (FDv[j] * rho1 + FD * dRho1) / x1 - (FD * rho1 * dx1) / (x1 * x1));
    }
    const gV = 1 / V;
    add(jac, S.tcMulti, S.tcMulti, -(em.dPdT + a.dLigMdT) / THREE_KB - 1 / tau);
    add(jac, S.tcMulti, S.dtcMulti, -(em.dPdD + a.dLigMdD) / THREE_KB);
    // Class m's ΔT: emission and bypass differences (screened by g/V), acoustic relaxation, e–h exchange ν(g).
    add(jac, S.dtcMulti, S.tcMulti, -two3 * (em.dQdT + a.dLigQMdT));
    add(jac, S.dtcMulti, S.dtcMulti, -two3 * (em.dQdD + a.dLigQMdD) - 1 / tau - a.nuM);
    add(jac, S.dtcMulti, S.ta, -two3 * a.dLigQMdA);
    add(jac, S.dtcMulti, S.n, -two3 * em.dQdns * ens.gn * gV - a.dNuMdn * Dm);
    add(jac, S.dtcMulti, S.occ, -two3 * em.dQdns * ens.go * gV - a.dNuMdo * Dm);
    add(jac, S.dtcMulti, S.single, -two3 * em.dQdns * ens.gs * gV - a.dNuMds * Dm);
    if (hot) add(jac, S.dtcMulti, S.nLo, -two3 * em.dQdN);
    else add(jac, S.dtcMulti, S.ta, -two3 * em.dQdN * a.dNdA);
    add(jac, S.tcMulti, S.ta, 1 / tau - a.dLigMdA / THREE_KB);
    add(jac, S.tcMulti, S.n, (-em.dPdns * ens.gn * gV) / THREE_KB);
    add(jac, S.tcMulti, S.occ, (-em.dPdns * ens.go * gV) / THREE_KB);
    add(jac, S.tcMulti, S.single, (-em.dPdns * ens.gs * gV) / THREE_KB);
    if (hot) add(jac, S.tcMulti, S.nLo, -em.dPdN / THREE_KB);
    else add(jac, S.tcMulti, S.ta, (-em.dPdN * a.dNdA) / THREE_KB);
    // Class m's emission through its screening density g/V.
    Ev[S.n] += x * em.dPdns * ens.gn * gV;
    Ev[S.occ] += x * em.dPdns * ens.go * gV;
    Ev[S.single] += x * em.dPdns * ens.gs * gV;
    Ev[S.tcMulti] = x * em.dPdT;
    Ev[S.dtcMulti] = x * em.dPdD;
    pairA = pairM;
  } else {
    const G = a.gen;
    // dΔ/dt ⊃ (G/n)(Δ_inj − Δ)
    if (G !== 0) {
      add(jac, S.dtc, S.n, (-G / (n * n)) * (c.injectionDeltaK - D1));
      add(jac, S.dtc, S.dtc, -G / n);
    }
    // dn/dt = G − k1 n − k2 n² − k_rad n − k3 n³ − k_x n
    add(jac, S.n, S.n, -c.k1PerPs - 2 * c.k2Cm3PerPs * n - c.kRadPerPs - ens.RAn - a.kx1);
    add(jac, S.n, S.tc, -a.dkx1 * n);
    add(jac, S.n, S.dtc, -0.5 * a.dkx1 * n);
    // dT1/dt ⊃ (G/n)(T_inj − T1) + h (R_A/n)(Eg/3kB + T1) − P_1/3kB with P_1 screened by n
    if (G !== 0) {
      add(jac, S.tc, S.n, (-G / (n * n)) * (c.injectionTempK - T1));
      add(jac, S.tc, S.tc, -G / n);
    }
    if (n > 0) {
      const k3 = c.k3Cm6PerPs;
      add(jac, S.tc, S.n, h * 2 * k3 * n * (eg3 + T1));
      add(jac, S.tc, S.tc, h * k3 * n * n);
    }
    add(jac, S.tc, S.n, -a.dP1dn / THREE_KB);
  }

  // LO and daughter phonons; with hot phonons off the emitted power heats the lattice directly.
  Q.fill(0); // ∂(C dT_A/dt)/∂y
  if (hot) {
    for (const j of EMISSION_COLUMNS) add(jac, S.nLo, j, Ev[j] / L);
    add(jac, S.nLo, S.nLo, dEdN / L - a.dDdN);
    add(jac, S.nLo, S.nAc, -a.dDdD);
    add(jac, S.nLo, S.ta, -a.dDdA);
    add(jac, S.nAc, S.nLo, a.dDdN);
    add(jac, S.nAc, S.nAc, a.dDdD - 1 / c.daughterLifetimePs);
    add(jac, S.nAc, S.ta, a.dDdA - a.dRddA);
    Q[S.nAc] += L / c.daughterLifetimePs;
    Q[S.ta] += L * a.dRddA;
  } else {
    for (const j of EMISSION_COLUMNS) Q[j] += Ev[j];
    Q[S.ta] += dEdN * a.dNdA;
  }
  // Lattice: carrier–acoustic relaxation, trap heat, Auger without heating, loss to the surroundings.
  const k1 = c.k1PerPs;
  Q[S.n] += (THREE_KB * (dc1dn * (T1 - A) + dxdn * (Tm - A))) / tau + k1 * (dc1dn * pair1 + dxdn * pairM);
  Q[S.single] += (THREE_KB * (dc1ds * (T1 - A) + dxds * (Tm - A))) / tau + k1 * (dc1ds * pair1 + dxds * pairM);
  Q[S.tc] += (THREE_KB * c1) / tau + k1 * c1 * THREE_KB;
  Q[S.tcMulti] += (THREE_KB * x) / tau + k1 * x * THREE_KB;
  Q[S.ta] += (-THREE_KB * (c1 + x)) / tau - C / c.heatLossPs;
  // Ligand bypass: Σ n_c P_lig,c into the lattice.
  Q[S.n] += dc1dn * a.lig1 + dxdn * a.ligM;
  Q[S.single] += dc1ds * a.lig1 + dxds * a.ligM;
  Q[S.tc] += c1 * a.dLig1dT;
  Q[S.tcMulti] += x * a.dLigMdT;
  Q[S.dtc] += c1 * a.dLig1dD;
  Q[S.dtcMulti] += x * a.dLigMdD;
  Q[S.ta] += c1 * a.dLig1dA + x * a.dLigMdA;
  const noHeat = 1 - h;
  Q[S.n] += noHeat * ens.RAn * pairA;
  if (a.poisson) {
    Q[S.occ] += noHeat * ens.RAo * pairA;
    Q[S.single] += noHeat * ens.RAs * pairA;
    Q[S.tcMulti] += noHeat * ens.RA * THREE_KB;
  } else {
    Q[S.tc] += noHeat * ens.RA * THREE_KB;
  }
  for (let j = 0; j < M; j++) if (Q[j] !== 0) add(jac, S.ta, j, Q[j] / C);

  // Ledger rows.
  add(jac, S.eEnv, S.ta, C / c.heatLossPs);
  const kr = c.kRadPerPs;
  add(jac, S.eEmit, S.n, 2 * c.k2Cm3PerPs * n * pair1 + kr * (dc1dn * pair1 + dxdn * pairM));
  add(jac, S.eEmit, S.single, kr * (dc1ds * pair1 + dxds * pairM));
  add(jac, S.eEmit, S.tc, (c.k2Cm3PerPs * n * n + kr * c1) * THREE_KB);
  add(jac, S.eEmit, S.tcMulti, kr * x * THREE_KB);
  const { kx1, dkx1, kxm, dkxm } = a;
  add(jac, S.eExt, S.n, kx1 * dc1dn * pair1 + kxm * dxdn * pairM);
  add(jac, S.eExt, S.single, kx1 * dc1ds * pair1 + kxm * dxds * pairM);
  add(jac, S.eExt, S.tc, dkx1 * c1 * pair1 + kx1 * c1 * THREE_KB);
  add(jac, S.eExt, S.dtc, 0.5 * dkx1 * c1 * pair1);
  add(jac, S.eExt, S.tcMulti, dkxm * x * pairM + kxm * x * THREE_KB);
  add(jac, S.eExt, S.dtcMulti, 0.5 * dkxm * x * pairM);
  add(jac, S.nExt, S.n, kx1 * dc1dn + kxm * dxdn);
  add(jac, S.nExt, S.single, kx1 * dc1ds + kxm * dxds);
  add(jac, S.nExt, S.tc, dkx1 * c1);
  add(jac, S.nExt, S.dtc, 0.5 * dkx1 * c1);
  add(jac, S.nExt, S.tcMulti, dkxm * x);
  add(jac, S.nExt, S.dtcMulti, 0.5 * dkxm * x);
  // ∫ k c T_e dt, T_e = T + Δ/2 of each class.
  const Te1 = T1 + 0.5 * D1;
  const Tem = Tm + 0.5 * Dm;
  add(jac, S.tcExt, S.n, kx1 * dc1dn * Te1 + kxm * dxdn * Tem);
  add(jac, S.tcExt, S.single, kx1 * dc1ds * Te1 + kxm * dxds * Tem);
  add(jac, S.tcExt, S.tc, dkx1 * c1 * Te1 + kx1 * c1);
  add(jac, S.tcExt, S.dtc, 0.5 * (dkx1 * c1 * Te1 + kx1 * c1));
  add(jac, S.tcExt, S.tcMulti, dkxm * x * Tem + kxm * x);
  add(jac, S.tcExt, S.dtcMulti, 0.5 * (dkxm * x * Tem + kxm * x));
}
