// The classic stiff test problems HIRES, ROBER and VDPOL (Hairer & Wanner II; CWI/Bari IVP test set).
import type { JacobianFn, RhsFn } from '../../src/solver/types.ts';

export interface StiffProblem {
  name: 'HIRES' | 'ROBER' | 'VDPOL';
  rhs: RhsFn;
  jacobian: JacobianFn;
  /** Tolerances the tests and benchmarks use for this problem. */
  atol: number | number[];
}

const hiresRhs: RhsFn = (_t, y, f) => {
  f[0] = -1.71 * y[0] + 0.43 * y[1] + 8.32 * y[2] + 0.0007;
  f[1] = 1.71 * y[0] - 8.75 * y[1];
  f[2] = -10.03 * y[2] + 0.43 * y[3] + 0.035 * y[4];
  f[3] = 8.32 * y[1] + 1.71 * y[2] - 1.12 * y[3];
  f[4] = -1.745 * y[4] + 0.43 * y[5] + 0.43 * y[6];
  f[5] = -280 * y[5] * y[7] + 0.69 * y[3] + 1.71 * y[4] - 0.43 * y[5] + 0.69 * y[6];
  f[6] = 280 * y[5] * y[7] - 1.81 * y[6];
  f[7] = -f[6];
};

const hiresJac: JacobianFn = (_t, y, J) => {
  J.fill(0);
  const n = 8;
  J[0] = -1.71; J[1] = 0.43; J[2] = 8.32;
  J[n] = 1.71; J[n + 1] = -8.75;
  J[2 * n + 2] = -10.03; J[2 * n + 3] = 0.43; J[2 * n + 4] = 0.035;
  J[3 * n + 1] = 8.32; J[3 * n + 2] = 1.71; J[3 * n + 3] = -1.12;
  J[4 * n + 4] = -1.745; J[4 * n + 5] = 0.43; J[4 * n + 6] = 0.43;
  J[5 * n + 3] = 0.69; J[5 * n + 4] = 1.71; J[5 * n + 5] = -280 * y[7] - 0.43; J[5 * n + 6] = 0.69; J[5 * n + 7] = -280 * y[5];
  J[6 * n + 5] = 280 * y[7]; J[6 * n + 6] = -1.81; J[6 * n + 7] = 280 * y[5];
  J[7 * n + 5] = -280 * y[7]; J[7 * n + 6] = 1.81; J[7 * n + 7] = -280 * y[5];
};

const roberRhs: RhsFn = (_t, y, f) => {
  f[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
  f[2] = 3e7 * y[1] * y[1];
  f[1] = -f[0] - f[2];
};

const roberJac: JacobianFn = (_t, y, J) => {
  J[0] = -0.04; J[1] = 1e4 * y[2]; J[2] = 1e4 * y[1];
  J[6] = 0; J[7] = 6e7 * y[1]; J[8] = 0;
  J[3] = 0.04; J[4] = -1e4 * y[2] - 6e7 * y[1]; J[5] = -1e4 * y[1];
};

const MU = 1000;
const vdpolRhs: RhsFn = (_t, y, f) => {
  f[0] = y[1];
  f[1] = MU * ((1 - y[0] * y[0]) * y[1] - y[0]);
};

const vdpolJac: JacobianFn = (_t, y, J) => {
  J[0] = 0; J[1] = 1;
  J[2] = MU * (-2 * y[0] * y[1] - 1); J[3] = MU * (1 - y[0] * y[0]);
};

export const STIFF_SET: StiffProblem[] = [
  { name: 'HIRES', rhs: hiresRhs, jacobian: hiresJac, atol: 1e-10 },
  { name: 'ROBER', rhs: roberRhs, jacobian: roberJac, atol: [1e-10, 1e-14, 1e-10] },
  { name: 'VDPOL', rhs: vdpolRhs, jacobian: vdpolJac, atol: 1e-8 },
];
