// HC-4 helpers for the benchmarks: our solves of the 20-density sweep, their accuracy, unit costs and the floor.
import { solveIvp, type MethodName } from '../src/solver/index.ts';
import { HC4_T_END, hc4Atol, hc4Densities, hc4Jacobian, hc4Rhs, hc4Y0 } from './problems/hc4.ts';
import { loadHc4Reference, maxRelErr } from './problems/reference.ts';
import { cpuPerCall } from './lib/cpu.ts';
import { luFactor, luSolve } from '../src/solver/dense-lu.ts';

const reference = loadHc4Reference();
const times = reference.times_ps;

function solveHc4(n0: number, method: MethodName, rtol: number) {
  return solveIvp(hc4Rhs, [0, HC4_T_END], hc4Y0(n0), {
    method, rtol, atol: hc4Atol(n0), jacobian: hc4Jacobian, tEval: times, autonomous: true,
  });
}

/** Largest relative error against the reference over the 5 reference densities × 9 times × 4 components. */
export function hc4Accuracy(method: MethodName, rtol: number): number {
  let err = 0;
  for (const c of reference.cases) {
    const r = solveHc4(c.n0_cm3, method, rtol);
    if (r.status !== 0) return Number.POSITIVE_INFINITY;
    for (let k = 0; k < times.length; k++) err = Math.max(err, maxRelErr(r.y.map((col) => col[k]), c.y[k]));
  }
  return err;
}

export const WORK_PRECISION_RTOLS = [1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10];

/** CPU µs per trajectory of the 20-density sweep for one of our methods (at least minS CPU seconds). */
export function hc4OursCpu(method: MethodName, rtol: number, minS: number): { us: number; nfev: number; njev: number; nlu: number; steps: number; solves: number; failed: number } {
  const densities = hc4Densities(20);
  let nfev = 0, njev = 0, nlu = 0, steps = 0, solves = 0, failed = 0;
  for (const n0 of densities) {
    const r = solveHc4(n0, method, rtol);
    nfev += r.nfev; njev += r.njev; nlu += r.nlu; steps += r.nAccepted + r.nRejected;
    solves += triangularSolves(r);
    if (r.status !== 0) failed++;
  }
  const sec = cpuPerCall(() => { for (const n0 of densities) solveHc4(n0, method, rtol); }, minS);
  const k = densities.length;
  return { us: (sec / k) * 1e6, nfev: nfev / k, njev: njev / k, nlu: nlu / k, steps: steps / k, solves: solves / k, failed };
}

/**
 * Triangular solves of one HC-4 solve, from its counters. rodas5: 8 stage solves + 2 for the defect estimate
 * per step. seulex (alone or inside auto; HC-4 has an analytic Jacobian and is autonomous, so every evaluation
 * but the first two, f(t0) and the first-step guess, belongs to a row or to an end state): a row of m substeps
 * makes m − 1 evaluations and m solves, an end state one evaluation and one solve (the defect check), so
 * solves = nfev − 2 + nlu (exact unless a row was cut short by a non-finite value or the stability check).
 */
function triangularSolves(r: ReturnType<typeof solveIvp>): number {
  const seulex = r.method === 'seulex' || (r.methodsUsed?.seulexSteps ?? 0) > 0;
  if (seulex && (r.methodsUsed?.rodasSteps ?? 0) === 0 && (r.methodsUsed?.dop853Steps ?? 0) === 0) return r.nfev - 2 + r.nlu;
  if (!seulex) return 10 * (r.nAccepted + r.nRejected);
  return Number.NaN; // a mixed run: no exact count
}

export type Hc4UnitCosts = { rhs_ns: number; jac_ns: number; lu_ns: number; solve_ns: number };

/**
 * The evaluation floor of one HC-4 trajectory: what our own counters (evaluations, Jacobians, LU
 * factorisations, triangular solves) would cost at the unit prices measured here, with nothing else
 * (no stage arithmetic, control or output). Unit prices: rhs and Jacobian at the 9 reference states of 5
 * densities; LU and solve on a 4 × 4 W built from those Jacobians. Each price is the minimum of repeated
 * measurements after a warm-up, so the floor is a lower bound under the machine's load at the time.
 * hc4UnitPricer warms up once and returns a function that prices all four units again (the minimum of
 * `repeats` measurements of ≥ minS CPU seconds each), so a benchmark can re-price them beside its timings.
 */
export function hc4UnitPricer(): (repeats: number, minS: number) => Hc4UnitCosts {
  const states: Float64Array[] = [];
  for (const c of reference.cases) for (const y of c.y) states.push(Float64Array.from(y));
  const f = new Float64Array(4);
  const J = new Float64Array(16);
  const W = new Float64Array(16);
  const piv = new Int32Array(4);
  const cs = new Float64Array(4);
  const b = new Float64Array(4);
  const reps = 2000;
  let sink = 0;
  const bodies = [
    () => { for (const s of states) { hc4Rhs(0, s, f); sink += f[0]; } },
    () => { for (const s of states) { hc4Jacobian(0, s, J); sink += J[0]; } },
    () => { for (const s of states) { hc4Jacobian(0, s, J); for (let i = 0; i < 16; i++) W[i] = -J[i]; for (let i = 0; i < 4; i++) W[5 * i] += 50; luFactor(W, 4, piv, cs); sink += W[0]; } },
    () => { for (const s of states) { b.set(s); luSolve(W, 4, piv, b, 0); sink += b[0]; } },
  ].map((body) => () => { for (let r = 0; r < reps; r++) body(); });
  for (const loop of bodies) cpuPerCall(loop, 0.03); // warm-up (JIT)
  // A unit price is a minimum over measurements (ns per call of the body's unit), the four bodies measured in
  // turn `repeats` times (so a change in the machine's speed meets all four alike: the LU price is a difference).
  return (repeats, minS) => {
    const best = bodies.map(() => Infinity);
    for (let k = 0; k < repeats; k++) bodies.forEach((loop, j) => { best[j] = Math.min(best[j], cpuPerCall(loop, minS)); });
    const [rhs_ns, jac_ns, luJac, solve_ns] = best.map((sec) => (sec / (reps * states.length)) * 1e9);
    if (sink === 42) console.error('#');
    return { rhs_ns, jac_ns, lu_ns: luJac - jac_ns, solve_ns };
  };
}

/** The unit prices once: the minimum of 7 measurements of ≥ 30 ms CPU each, after a warm-up. */
export function hc4UnitCosts(): Hc4UnitCosts {
  return hc4UnitPricer()(7, 0.03);
}

/** Floor in µs per trajectory from counters and unit costs; `solves` from triangularSolves (rodas5: 10 per step). */
export function hc4Floor(c: { nfev: number; njev: number; nlu: number; steps: number; solves?: number }, u: Hc4UnitCosts): number {
  const solves = c.solves ?? c.steps * 10;
  return (c.nfev * u.rhs_ns + c.njev * u.jac_ns + c.nlu * u.lu_ns + solves * u.solve_ns) / 1000;
}
