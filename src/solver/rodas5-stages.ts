// Rodas5's stage arguments written out per stage: Y_s = y + Σ_j a_sj u_j and the coupling Σ_j c_sj u_j, no inner loop.
/*
 * The coefficients are the numbers of RODAS5_A and RODAS5_C (rodas5-tableau.ts) as literals, so each stage is
 * straight-line code on constants (module-level constants cost a context load and a hole check per use in V8).
 * test/solver/rodas5-stages.test.ts checks every stage against the tableau, so the two cannot drift apart.
 */

/**
 * For stage s (1 … 7) of one Rodas5 step: writes the stage argument into `ys` and Σ_j c_sj u_j into `cc`.
 * `u` holds the earlier increments u_0 … u_{s−1} at offsets 0, n, 2n, … Stages 6 and 7 use a_sj = a_{s−1,j}
 * plus a 1 at j = s − 1, so they extend the argument `ys` already holds from the stage before.
 * Written out per stage: with n of a few components the generic double loop over (component, earlier stage)
 * spent most of its time on loop control.
 */
export function stageInput(s: number, n: number, y: Float64Array, u: Float64Array, ys: Float64Array, cc: Float64Array): void {
  switch (s) {
    case 1:
      for (let i = 0; i < n; i++) {
        const u0 = u[i];
        ys[i] = y[i] + 2 * u0;
        cc[i] = -10.31323885133993 * u0;
      }
      return;
    case 2:
      for (let i = 0; i < n; i++) {
        const u0 = u[i];
        const u1 = u[n + i];
        ys[i] = y[i] + 3.040894194418781 * u0 + 1.041747909077569 * u1;
        cc[i] = -21.04823117650003 * u0 - 7.234992135176716 * u1;
      }
      return;
    case 3:
      for (let i = 0; i < n; i++) {
        const u0 = u[i];
        const u1 = u[n + i];
        const u2 = u[2 * n + i];
        ys[i] = y[i] + 2.576417536461461 * u0 + 1.62208306077664 * u1 - 0.9089668560264532 * u2;
        cc[i] = 32.22751541853323 * u0 - 4.943732386540191 * u1 + 19.44922031041879 * u2;
      }
      return;
    case 4:
      for (let i = 0; i < n; i++) {
        const u0 = u[i];
        const u1 = u[n + i];
        const u2 = u[2 * n + i];
        const u3 = u[3 * n + i];
        ys[i] = y[i] + 2.760842080225597 * u0 + 1.446624659844071 * u1 - 0.3036980084553738 * u2 + 0.2877498600325443 * u3;
        cc[i] = -20.69865579590063 * u0 - 8.816374604402768 * u1 + 1.260436877740897 * u2 - 0.7495647613787146 * u3;
      }
      return;
    case 5:
      for (let i = 0; i < n; i++) {
        const u0 = u[i];
        const u1 = u[n + i];
        const u2 = u[2 * n + i];
        const u3 = u[3 * n + i];
        const u4 = u[4 * n + i];
        ys[i] = y[i] + -14.09640773051259 * u0 + 6.925207756232704 * u1 - 41.47510893210728 * u2 + 2.343771018586405 * u3 + 24.13215229196062 * u4;
        cc[i] = -46.22004352711257 * u0 - 17.49534862857472 * u1 - 289.6389582892057 * u2 + 93.60855400400906 * u3 + 318.3822534212147 * u4;
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
        cc[i] = 34.20013733472935 * u0 - 14.1553540271769 * u1 + 57.823356409884 * u2 + 25.83362985412365 * u3 + 1.408950972071624 * u4 - 6.551835421242162 * u5;
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
        cc[i] = 42.57076742291101 * u0 - 13.80770672017997 * u1 + 93.98938432427124 * u2 + 18.77919633714503 * u3 - 31.5835918722337 * u4 - 6.685968952921985 * u5 - 5.810979938412932 * u6;
      }
      return;
    default:
      throw new Error(`stageInput: stage ${s} is outside 1 … 7`);
  }
}
