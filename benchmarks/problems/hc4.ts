// HC-4, the four-state hot-carrier cooling benchmark (../shared/benchmarks/README.md): rhs, Jacobian, tolerances.
import type { JacobianFn, RhsFn } from '../../src/solver/types.ts';

const KB = 8.617333262e-5; // eV/K
const HW = 0.0165; // eV
const TAU_EP = 0.03; // ps
const NPH = 5e18; // cm^-3
const TAU_LA = 0.6; // ps
const CA = 9.36e18; // eV cm^-3 K^-1
const TAU_CA = 20; // ps
const TAU_ENV = 200; // ps
const K1 = 1e-3; // ps^-1
const K2 = 1e-22; // cm^3 ps^-1
const K3 = 2e-41; // cm^6 ps^-1
const EG = 1.6; // eV
const EEX = 0.5; // eV
const T0 = 300; // K

/** Bose–Einstein occupation of the LO mode at temperature T (K). */
export function neq(T: number): number {
  return 1 / Math.expm1(HW / (KB * T));
}

/** HC-4 right-hand side, y = [n, Tc, N, TA]; t in ps. */
export const hc4Rhs: RhsFn = (_t, y, dydt) => {
  const n = y[0];
  const tc = y[1];
  const N = y[2];
  const ta = y[3];
  const p = (HW / TAU_EP) * ((N + 1) * Math.exp(-HW / (KB * tc)) - N);
  const nEqA = 1 / Math.expm1(HW / (KB * ta));
  dydt[0] = -(K1 * n + K2 * n * n + K3 * n * n * n);
  dydt[1] = (K3 * n * n * (EG + 3 * KB * tc) - p) / (3 * KB) - (tc - ta) / TAU_CA;
  dydt[2] = (n * p) / (NPH * HW) - (N - nEqA) / TAU_LA;
  dydt[3] = ((NPH * HW * (N - nEqA)) / TAU_LA + (3 * KB * n * (tc - ta)) / TAU_CA + K1 * n * EG - (CA * (ta - T0)) / TAU_ENV) / CA;
};

/** Analytic Jacobian of hc4Rhs (row-major 4 × 4). */
export const hc4Jacobian: JacobianFn = (_t, y, J) => {
  const n = y[0];
  const tc = y[1];
  const N = y[2];
  const ta = y[3];
  const e = Math.exp(-HW / (KB * tc));
  const p = (HW / TAU_EP) * ((N + 1) * e - N);
  const dpdtc = (HW / TAU_EP) * (N + 1) * e * (HW / (KB * tc * tc));
  const dpdN = (HW / TAU_EP) * (e - 1);
  const x = HW / (KB * ta);
  const ex = Math.exp(x);
  const em1 = Math.expm1(x);
  const dneq = (ex * x) / (ta * em1 * em1);
  J[0] = -(K1 + 2 * K2 * n + 3 * K3 * n * n);
  J[1] = 0;
  J[2] = 0;
  J[3] = 0;
  J[4] = (2 * K3 * n * (EG + 3 * KB * tc)) / (3 * KB);
  J[5] = K3 * n * n - dpdtc / (3 * KB) - 1 / TAU_CA;
  J[6] = -dpdN / (3 * KB);
  J[7] = 1 / TAU_CA;
  J[8] = p / (NPH * HW);
  J[9] = (n * dpdtc) / (NPH * HW);
  J[10] = (n * dpdN) / (NPH * HW) - 1 / TAU_LA;
  J[11] = dneq / TAU_LA;
  J[12] = ((3 * KB * (tc - ta)) / TAU_CA + K1 * EG) / CA;
  J[13] = (3 * KB * n) / (TAU_CA * CA);
  J[14] = (NPH * HW) / (TAU_LA * CA);
  J[15] = (-(NPH * HW * dneq) / TAU_LA - (3 * KB * n) / TAU_CA - CA / TAU_ENV) / CA;
};

/** Initial state for carrier density n0 (cm^-3). */
export function hc4Y0(n0: number): Float64Array {
  return Float64Array.from([n0, T0 + EEX / (3 * KB), neq(T0), T0]);
}

/** Timing tolerances of the README: atol = [1e-9 n0, 1e-3, 1e-9, 1e-6]. */
export function hc4Atol(n0: number): number[] {
  return [1e-9 * n0, 1e-3, 1e-9, 1e-6];
}

export const HC4_T_END = 1000;

/** The standard sweep: `count` densities log-spaced from 1e16 to 1e20 cm^-3 (20 in the README). */
export function hc4Densities(count = 20): number[] {
  const out: number[] = [];
  for (let k = 0; k < count; k++) out.push(10 ** (16 + (4 * k) / (count - 1)));
  return out;
}
