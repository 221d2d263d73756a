// Rodas5's stage arguments written out per stage: Y_s = y + Σ_j a_sj u_j and the coupling Σ_j c_sj u_j, no inner loop.
import { RODAS5_A, RODAS5_C } from './rodas5-tableau.ts';

const A = RODAS5_A;
const C = RODAS5_C;
const a10 = A[8];
const a20 = A[16];
const a21 = A[17];
const a30 = A[24];
const a31 = A[25];
const a32 = A[26];
const a40 = A[32];
const a41 = A[33];
const a42 = A[34];
const a43 = A[35];
const a50 = A[40];
const a51 = A[41];
const a52 = A[42];
const a53 = A[43];
const a54 = A[44];
const c10 = C[8];
const c20 = C[16];
const c21 = C[17];
const c30 = C[24];
const c31 = C[25];
const c32 = C[26];
const c40 = C[32];
const c41 = C[33];
const c42 = C[34];
const c43 = C[35];
const c50 = C[40];
const c51 = C[41];
const c52 = C[42];
const c53 = C[43];
const c54 = C[44];
const c60 = C[48];
const c61 = C[49];
const c62 = C[50];
const c63 = C[51];
const c64 = C[52];
const c65 = C[53];
const c70 = C[56];
const c71 = C[57];
const c72 = C[58];
const c73 = C[59];
const c74 = C[60];
const c75 = C[61];
const c76 = C[62];

/**
 * For stage s (1 … 7) of one Rodas5 step: writes the stage argument into `ys` and Σ_j c_sj u_j into `cc`.
 * `u` holds the earlier increments u_0 … u_{s−1} at offsets 0, n, 2n, … Stages 6 and 7 use a_sj = a_{s−1,j}
 * plus a 1 at j = s − 1, so they extend the argument `ys` already holds from the stage before.
 * Written out per stage (the coefficients become constants of straight-line code): with n of a few
 * components the generic double loop over (component, earlier stage) spent most of its time on loop control.
 */
export function stageInput(s: number, n: number, y: Float64Array, u: Float64Array, ys: Float64Array, cc: Float64Array): void {
  switch (s) {
    case 1:
      for (let i = 0; i < n; i++) {
        const u0 = u[i];
        ys[i] = y[i] + a10 * u0;
        cc[i] = c10 * u0;
      }
      return;
    case 2:
      for (let i = 0; i < n; i++) {
        const u0 = u[i];
        const u1 = u[n + i];
        ys[i] = y[i] + a20 * u0 + a21 * u1;
        cc[i] = c20 * u0 + c21 * u1;
      }
      return;
    case 3:
      for (let i = 0; i < n; i++) {
        const u0 = u[i];
        const u1 = u[n + i];
        const u2 = u[2 * n + i];
        ys[i] = y[i] + a30 * u0 + a31 * u1 + a32 * u2;
        cc[i] = c30 * u0 + c31 * u1 + c32 * u2;
      }
      return;
    case 4:
      for (let i = 0; i < n; i++) {
        const u0 = u[i];
        const u1 = u[n + i];
        const u2 = u[2 * n + i];
        const u3 = u[3 * n + i];
        ys[i] = y[i] + a40 * u0 + a41 * u1 + a42 * u2 + a43 * u3;
        cc[i] = c40 * u0 + c41 * u1 + c42 * u2 + c43 * u3;
      }
      return;
    case 5:
      for (let i = 0; i < n; i++) {
        const u0 = u[i];
        const u1 = u[n + i];
        const u2 = u[2 * n + i];
        const u3 = u[3 * n + i];
        const u4 = u[4 * n + i];
        ys[i] = y[i] + a50 * u0 + a51 * u1 + a52 * u2 + a53 * u3 + a54 * u4;
        cc[i] = c50 * u0 + c51 * u1 + c52 * u2 + c53 * u3 + c54 * u4;
      }
      return;
    case 6:
      for (let i = 0; i < n; i++) {
        const u0 = u[i];
        const u1 = u[n + i];
        const u2 = u[2 * n + i];
        const u3 = u[3 * n + i];
        const u4 = u[4 * n + i];
        const u5 = u[5 * n + i];
        ys[i] += u5;
        cc[i] = c60 * u0 + c61 * u1 + c62 * u2 + c63 * u3 + c64 * u4 + c65 * u5;
      }
      return;
    case 7:
      for (let i = 0; i < n; i++) {
        const u0 = u[i];
        const u1 = u[n + i];
        const u2 = u[2 * n + i];
        const u3 = u[3 * n + i];
        const u4 = u[4 * n + i];
        const u5 = u[5 * n + i];
        const u6 = u[6 * n + i];
        ys[i] += u6;
        cc[i] = c70 * u0 + c71 * u1 + c72 * u2 + c73 * u3 + c74 * u4 + c75 * u5 + c76 * u6;
      }
      return;
    default:
      throw new Error(`stageInput: stage ${s} is outside 1 … 7`);
  }
}
