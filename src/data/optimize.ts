// Small dense optimisation tools for the fit: bounded Nelder–Mead on the unit box, a central-difference Hessian and
// a Cholesky inverse. Plain arrays (k ≤ 4 parameters), no dependencies.

/**
 * Bounded Nelder–Mead on the unit box [0, 1]^k (points are projected onto the box).
 * Coefficients: reflection 1, expansion 2, contraction ½, shrink ½ (Nelder & Mead, Comput. J. 7, 308 (1965)).
 * Stops when the simplex spans less than `xtol` in every coordinate and its values differ by at most
 * `ftol`·|f_best| + 1e-12, or after `maxEvals` evaluations.
 * @returns the best point, its value, evaluations used and whether the tolerances were met
 */
export function nelderMeadBox(
  f: (z: number[]) => number, z0: number[], step: number, maxEvals: number, xtol = 1e-4, ftol = 1e-9,
): { z: number[]; fz: number; evals: number; converged: boolean } {
  const k = z0.length;
  const clip = (z: number[]) => z.map((v) => Math.min(1, Math.max(0, v)));
  let evals = 0;
  const value = (z: number[]) => {
    evals++;
    const v = f(z);
    return Number.isNaN(v) ? Infinity : v;
  };
  const simplex: { z: number[]; f: number }[] = [{ z: clip(z0), f: value(clip(z0)) }];
  for (let i = 0; i < k; i++) {
    const z = [...simplex[0].z];
    z[i] = z[i] + step <= 1 ? z[i] + step : z[i] - step;
    simplex.push({ z: clip(z), f: value(clip(z)) });
  }
  const combine = (a: number[], b: number[], t: number) => clip(a.map((v, i) => v + t * (b[i] - v)));
  for (;;) {
    simplex.sort((a, b) => a.f - b.f);
    const best = simplex[0];
    const worst = simplex[k];
    const spread = Math.max(...simplex.map((s) => Math.max(...s.z.map((v, i) => Math.abs(v - best.z[i])))));
    if (Number.isFinite(best.f) && spread <= xtol && worst.f - best.f <= ftol * Math.abs(best.f) + 1e-12) {
      return { z: best.z, fz: best.f, evals, converged: true };
    }
    if (evals >= maxEvals) return { z: best.z, fz: best.f, evals, converged: false };
    const centroid = Array.from({ length: k }, (_, i) => simplex.slice(0, k).reduce((s, p) => s + p.z[i], 0) / k);
    const reflected = combine(centroid, worst.z, -1);
    const fr = value(reflected);
    if (fr < best.f) {
      const expanded = combine(centroid, worst.z, -2);
      const fe = value(expanded);
      simplex[k] = fe < fr ? { z: expanded, f: fe } : { z: reflected, f: fr };
    } else if (fr < simplex[k - 1].f) {
      simplex[k] = { z: reflected, f: fr };
    } else {
      const contracted = fr < worst.f ? combine(centroid, reflected, 0.5) : combine(centroid, worst.z, 0.5);
      const fc = value(contracted);
      if (fc < Math.min(fr, worst.f)) simplex[k] = { z: contracted, f: fc };
      else {
        for (let i = 1; i <= k; i++) {
          const z = combine(best.z, simplex[i].z, 0.5);
          simplex[i] = { z, f: value(z) };
        }
      }
    }
  }
}

/** Cholesky inverse of a symmetric matrix; null when it is not positive definite (or not finite). */
export function inverseSpd(a: number[][]): number[][] | null {
  const n = a.length;
  const l = a.map(() => new Array<number>(n).fill(0));
  for (let j = 0; j < n; j++) {
    let d = a[j][j];
    for (let p = 0; p < j; p++) d -= l[j][p] ** 2;
    if (!(d > 0) || !Number.isFinite(d)) return null;
    l[j][j] = Math.sqrt(d);
    for (let i = j + 1; i < n; i++) {
      let s = a[i][j];
      for (let p = 0; p < j; p++) s -= l[i][p] * l[j][p];
      l[i][j] = s / l[j][j];
    }
  }
  const inv = a.map(() => new Array<number>(n).fill(0));
  for (let c = 0; c < n; c++) {
    const y = new Array<number>(n).fill(0); // L y = e_c, then Lᵀ x = y
    for (let i = 0; i < n; i++) {
      let s = i === c ? 1 : 0;
      for (let p = 0; p < i; p++) s -= l[i][p] * y[p];
      y[i] = s / l[i][i];
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = y[i];
      for (let p = i + 1; p < n; p++) s -= l[p][i] * inv[p][c];
      inv[i][c] = s / l[i][i];
    }
  }
  return inv;
}

/** Central-difference Hessian of `f` at `z` with steps `h` (f(z) = f0 given). */
export function hessian(f: (z: number[]) => number, z: number[], f0: number, h: number[]): number[][] {
  const k = z.length;
  const at = (d: [number, number][]) => {
    const p = [...z];
    for (const [i, s] of d) p[i] += s * h[i];
    return f(p);
  };
  const hm = z.map(() => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    hm[i][i] = (at([[i, 1]]) - 2 * f0 + at([[i, -1]])) / (h[i] * h[i]);
    for (let j = 0; j < i; j++) {
      hm[i][j] = hm[j][i] = (at([[i, 1], [j, 1]]) - at([[i, 1], [j, -1]]) - at([[i, -1], [j, 1]]) + at([[i, -1], [j, -1]])) / (4 * h[i] * h[j]);
    }
  }
  return hm;
}
