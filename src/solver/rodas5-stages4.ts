// Rodas5's stages 2 … 8 for a dense 4 × 4 W and an autonomous problem (HC-4's case), as one function.
import { luSolve4 } from './dense-lu.ts';
import { RODAS5_CT } from './rodas5-tableau.ts';
import type { RhsFn } from './types.ts';

/**
 * The stage loop of Rodas5.integrate for s = 1 … 7 (u_0 already solved), for n = 4: Y_s and the coupling
 * Σ_j c_sj u_j (into e3) as stageInput (rodas5-stages.ts) computes them with n = 4, f(t + c_s h, Y_s), and
 * u_s = W⁻¹ diag(weight)(f + coupling/h): the same operations in the same order as the generic loop there
 * (test/solver/rodas5-stages.test.ts compares the two bit for bit). One function, too large for V8 to inline
 * into integrate, so that its own inlining budget goes to the rhs and the 4 × 4 solve: inside integrate (a few
 * thousand bytes of bytecode) the budget runs out before the rhs call, the hottest one.
 */
export function stages4Autonomous(
  rhs: RhsFn, t: number, h: number, y: Float64Array, u: Float64Array, ys: Float64Array, fs: Float64Array,
  e3: Float64Array, weight: Float64Array, w: Float64Array, piv: Int32Array,
): void {
  const CT = RODAS5_CT;
  const invH = 1 / h;
  for (let s = 1; s < 8; s++) {
    switch (s) {
      case 1:
        for (let i = 0; i < 4; i++) {
          const u0 = u[i];
          ys[i] = y[i] + 2 * u0;
          e3[i] = -10.31323885133993 * u0;
        }
        break;
      case 2:
        for (let i = 0; i < 4; i++) {
          const u0 = u[i];
          const u1 = u[4 + i];
          ys[i] = y[i] + 3.040894194418781 * u0 + 1.041747909077569 * u1;
          e3[i] = -21.04823117650003 * u0 - 7.234992135176716 * u1;
        }
        break;
      case 3:
        for (let i = 0; i < 4; i++) {
          const u0 = u[i];
          const u1 = u[4 + i];
          const u2 = u[8 + i];
          ys[i] = y[i] + 2.576417536461461 * u0 + 1.62208306077664 * u1 - 0.9089668560264532 * u2;
          e3[i] = 32.22751541853323 * u0 - 4.943732386540191 * u1 + 19.44922031041879 * u2;
        }
        break;
      case 4:
        for (let i = 0; i < 4; i++) {
          const u0 = u[i];
          const u1 = u[4 + i];
          const u2 = u[8 + i];
          const u3 = u[12 + i];
          ys[i] = y[i] + 2.760842080225597 * u0 + 1.446624659844071 * u1 - 0.3036980084553738 * u2 + 0.2877498600325443 * u3;
          e3[i] = -20.69865579590063 * u0 - 8.816374604402768 * u1 + 1.260436877740897 * u2 - 0.7495647613787146 * u3;
        }
        break;
      case 5:
        for (let i = 0; i < 4; i++) {
          const u0 = u[i];
          const u1 = u[4 + i];
          const u2 = u[8 + i];
          const u3 = u[12 + i];
          const u4 = u[16 + i];
          ys[i] = y[i] + -14.09640773051259 * u0 + 6.925207756232704 * u1 - 41.47510893210728 * u2 + 2.343771018586405 * u3 + 24.13215229196062 * u4;
          e3[i] = -46.22004352711257 * u0 - 17.49534862857472 * u1 - 289.6389582892057 * u2 + 93.60855400400906 * u3 + 318.3822534212147 * u4;
        }
        break;
      case 6:
        for (let i = 0; i < 4; i++) {
          const u0 = u[i];
          const u1 = u[4 + i];
          const u2 = u[8 + i];
          const u3 = u[12 + i];
          const u4 = u[16 + i];
          const u5 = u[20 + i];
          ys[i] += u5;
          e3[i] = 34.20013733472935 * u0 - 14.1553540271769 * u1 + 57.823356409884 * u2 + 25.83362985412365 * u3 + 1.408950972071624 * u4 - 6.551835421242162 * u5;
        }
        break;
      case 7:
        for (let i = 0; i < 4; i++) {
          const u0 = u[i];
          const u1 = u[4 + i];
          const u2 = u[8 + i];
          const u3 = u[12 + i];
          const u4 = u[16 + i];
          const u5 = u[20 + i];
          const u6 = u[24 + i];
          ys[i] += u6;
          e3[i] = 42.57076742291101 * u0 - 13.80770672017997 * u1 + 93.98938432427124 * u2 + 18.77919633714503 * u3 - 31.5835918722337 * u4 - 6.685968952921985 * u5 - 5.810979938412932 * u6;
        }
        break;
    }
    rhs(t + CT[s] * h, ys, fs);
    const us = 4 * s;
    for (let i = 0; i < 4; i++) u[us + i] = (fs[i] + e3[i] * invH) * weight[i];
    luSolve4(w, piv, u, us);
  }
}
