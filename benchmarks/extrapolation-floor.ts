// Experiment (not a solver method): how much a higher-order linearly implicit method could save on HC-4 at tight rtol.
/*
 * Linearly implicit Euler with the harmonic sequence n_j = 1 … k and Aitken–Neville extrapolation (the scheme of
 * SEULEX, Hairer & Wanner II, Sec. IV.9), at a FIXED order k with a plain step-size control on
 * ‖T_kk − T_k,k−1‖, stepping onto the 9 output times (no dense output). It prices every run at the unit costs
 * the HC-4 section measures (rhs, Jacobian, 4×4 LU, solve) beside rodas5's floor at the same accuracy, to tell
 * whether the order is what limits CVODE/ours at rtol 1e-9 … 1e-10 (README, Solvers). It is no substitute for a
 * method: no order selection, no stability check, its error is not kept within 10× of rtol at every setting.
 * Run: node bin/run-ts.mjs benchmarks/extrapolation-floor.ts
 */
import { luFactor, luSolve } from '../src/solver/dense-lu.ts';
import { solveIvp } from '../src/solver/index.ts';
import type { JacobianFn, RhsFn } from '../src/solver/types.ts';
import { HC4_T_END, hc4Atol, hc4Jacobian, hc4Rhs, hc4Y0 } from './problems/hc4.ts';
import { loadHc4Reference, maxRelErr } from './problems/reference.ts';
import { hc4UnitCosts } from './hc4-bench.ts';

interface Work { nfev: number; njev: number; nlu: number; nsol: number; steps: number }

function extrapolated(rhs: RhsFn, jac: JacobianFn, y0: Float64Array, tEval: number[], rtol: number, atol: number[], k: number) {
  const n = y0.length;
  const w: Work = { nfev: 0, njev: 0, nlu: 0, nsol: 0, steps: 0 };
  const y = Float64Array.from(y0);
  const f0 = new Float64Array(n);
  const J = new Float64Array(n * n);
  const W = new Float64Array(n * n);
  const piv = new Int32Array(n);
  const cs = new Float64Array(n);
  const yi = new Float64Array(n);
  const d = new Float64Array(n);
  const T = Array.from({ length: k }, () => Array.from({ length: k }, () => new Float64Array(n)));
  const out: number[][] = [];
  let t = 0;
  let H = 1e-4;
  let next = 0;
  rhs(t, y, f0);
  w.nfev++;
  while (next < tEval.length) {
    if (tEval[next] === t) {
      out.push(Array.from(y));
      next++;
      continue;
    }
    jac(t, y, J);
    w.njev++;
    for (;;) {
      let last = false;
      let h = H;
      if (t + h >= tEval[next]) {
        h = tEval[next] - t;
        last = true;
      }
      for (let j = 0; j < k; j++) {
        const nj = j + 1;
        const hs = h / nj;
        for (let a = 0; a < n * n; a++) W[a] = -J[a];
        for (let a = 0; a < n; a++) W[a * n + a] += 1 / hs;
        luFactor(W, n, piv, cs);
        w.nlu++;
        for (let a = 0; a < n; a++) {
          yi[a] = y[a];
          d[a] = f0[a];
        }
        for (let s = 0; s < nj; s++) {
          if (s > 0) {
            rhs(t + s * hs, yi, d);
            w.nfev++;
          }
          luSolve(W, n, piv, d, 0);
          w.nsol++;
          for (let a = 0; a < n; a++) yi[a] += d[a];
        }
        T[j][0].set(yi);
        for (let l = 1; l <= j; l++) {
          const q = (j + 1) / (j - l + 1) - 1;
          for (let a = 0; a < n; a++) T[j][l][a] = T[j][l - 1][a] + (T[j][l - 1][a] - T[j - 1][l - 1][a]) / q;
        }
      }
      let s2 = 0;
      for (let a = 0; a < n; a++) {
        const sc = atol[a] + rtol * Math.max(Math.abs(y[a]), Math.abs(T[k - 1][k - 1][a]));
        const e = (T[k - 1][k - 1][a] - T[k - 1][k - 2][a]) / sc;
        s2 += e * e;
      }
      const err = Math.sqrt(s2 / n);
      const fac = Math.min(4, Math.max(0.2, 0.94 * Math.pow(0.65 / Math.max(err, 1e-10), 1 / k)));
      w.steps++;
      if (err <= 1) {
        y.set(T[k - 1][k - 1]);
        t = last ? tEval[next] : t + h;
        rhs(t, y, f0);
        w.nfev++;
        H = last && fac >= 1 ? Math.max(H, h * fac) : h * fac;
        break;
      }
      H = h * Math.min(fac, 0.5);
    }
  }
  return { out, w };
}

const ref = loadHc4Reference();
const u = hc4UnitCosts();
const price = (w: Work) => (w.nfev * u.rhs_ns + w.njev * u.jac_ns + w.nlu * u.lu_ns + w.nsol * u.solve_ns) / 1000;
console.log(`# unit costs: rhs ${u.rhs_ns.toFixed(0)} ns, Jacobian ${u.jac_ns.toFixed(0)} ns, LU ${u.lu_ns.toFixed(0)} ns, solve ${u.solve_ns.toFixed(0)} ns; 5 reference densities, 9 output times`);
console.log('rtol\tmethod\tmax rel err\tfloor µs/traj\tsteps/traj');
for (const rtol of [1e-6, 1e-8, 1e-9, 1e-10]) {
  let err = 0;
  let floor = 0;
  let steps = 0;
  for (const c of ref.cases) {
    const r = solveIvp(hc4Rhs, [0, HC4_T_END], hc4Y0(c.n0_cm3), { method: 'rodas5', rtol, atol: hc4Atol(c.n0_cm3), jacobian: hc4Jacobian, tEval: ref.times_ps, autonomous: true });
    for (let q = 0; q < ref.times_ps.length; q++) err = Math.max(err, maxRelErr(r.y.map((col) => col[q]), c.y[q]));
    floor += price({ nfev: r.nfev, njev: r.njev, nlu: r.nlu, nsol: 10 * (r.nAccepted + r.nRejected), steps: 0 });
    steps += r.nAccepted + r.nRejected;
  }
  console.log(`${rtol}\trodas5\t${err.toExponential(1)}\t${(floor / 5).toFixed(1)}\t${steps / 5}`);
  for (const k of [6, 7, 8]) {
    for (const rt of [rtol, rtol * 10]) {
      let e = 0;
      let fl = 0;
      let st = 0;
      for (const c of ref.cases) {
        const r = extrapolated(hc4Rhs, hc4Jacobian, hc4Y0(c.n0_cm3), ref.times_ps, rt, hc4Atol(c.n0_cm3), k);
        for (let q = 0; q < ref.times_ps.length; q++) e = Math.max(e, maxRelErr(r.out[q], c.y[q]));
        fl += price(r.w);
        st += r.w.steps;
      }
      console.log(`${rtol}\tk = ${k}, its rtol ${rt.toExponential(0)}\t${e.toExponential(1)}\t${(fl / 5).toFixed(1)}\t${st / 5}`);
    }
  }
}
