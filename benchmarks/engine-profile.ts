// Where a trajectory of the page's sweep spends its CPU time: simulate() for CsPbI3 8 nm on a log grid of densities
// (1e15…1e20 cm^-3, the page's defaults: nPoints 200, tEnd 1000 ps, method auto), split into
//   set-up (normalizeInput + build + CoolingModel + grid and initial state), solve (solveThroughPulse),
//   metrics (coolingMetrics, of which the bi-exponential fit), ledger (energyLedger), guard (guardResult),
//   output (the rest: unscaling the columns, T_LO, the typed/tail-fit observables, the warnings' scans),
// each timed by calling the same functions on the same data, and the evaluation floor: the solver's counters
// (rhs evaluations, Jacobians, LU factorisations, 8 triangular solves per rodas5 step) priced at unit costs
// measured on the trajectory's own states. CPU time (process.cpuUsage), rounds interleaved, medians.
//
//   node bin/run-ts.mjs benchmarks/engine-profile.ts [--points 40] [--rounds 7] [--src DIR ...] [--total-only]
//
// With several --src (source trees, e.g. a `git archive main` unpacked in /tmp), each round times every tree in
// turn (order rotated), and the table gives each tree's medians and the median over rounds of the ratio to the first.

import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadavg } from 'node:os';
import { cpuSeconds, median } from './lib/cpu.ts';

const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const POINTS = arg('points', 40);
const ROUNDS = arg('rounds', 7);
const srcs: string[] = [];
for (let i = 0; i < args.length; i++) if (args[i] === '--src') srcs.push(resolve(args[i + 1]));
if (srcs.length === 0) srcs.push(resolve(import.meta.dirname, '..'));

/* eslint-disable @typescript-eslint/no-explicit-any */
type Any = any;

interface Tree {
  root: string;
  simulate: (input: Any) => Any;
  normalizeInput: Any; build: Any; CoolingModel: Any; logGrid: Any; initialState: Any; absoluteTolerances: Any; S: Any;
  solveThroughPulse: Any; coolingMetrics: Any; fitBiExponential: Any; energyLedger: Any; guardResult: Any;
  luFactor: Any; luSolve: Any;
}

async function load(root: string): Promise<Tree> {
  const m = async (p: string) => import(pathToFileURL(`${root}/src/${p}`).href);
  const sim = await m('model/simulate.ts');
  const validate = await m('model/validate.ts');
  const derive = await m('model/derive.ts');
  const rhs = await m('model/rhs.ts');
  const state = await m('model/state.ts');
  const pulse = await m('model/pulse-solve.ts');
  const metrics = await m('model/metrics.ts');
  const fit = await m('model/biexp-fit.ts');
  const ledger = await m('model/ledger.ts');
  const guard = await m('model/result-guard.ts');
  const lu = await m('solver/dense-lu.ts');
  return {
    root, simulate: sim.simulate, normalizeInput: validate.normalizeInput, build: derive.build, CoolingModel: rhs.CoolingModel,
    logGrid: sim.logGrid, initialState: state.initialState, absoluteTolerances: state.absoluteTolerances, S: state.S,
    solveThroughPulse: pulse.solveThroughPulse, coolingMetrics: metrics.coolingMetrics, fitBiExponential: fit.fitBiExponential,
    energyLedger: ledger.energyLedger, guardResult: guard.guardResult, luFactor: lu.luFactor, luSolve: lu.luSolve,
  };
}

const densities = Array.from({ length: POINTS }, (_, k) => 1e15 * 10 ** ((5 * k) / (POINTS - 1)));
const inputs = densities.map((densityCm3) => ({ composition: 'CsPbI3', edgeNm: 8, densityCm3 }));

/** What each phase needs, prepared once per trajectory (untimed). */
interface Prepared {
  input: Any; normalized: Any; c: Any; model: Any; y0: Float64Array; solveOptions: Any;
  result: Any; t: Float64Array; y: Float64Array[]; lossRateAt: (k: number) => number; tail: Float64Array; excess: Float64Array;
  counters: { nfev: number; njev: number; nlu: number; rodasSteps: number };
  states: Float64Array[];
}

function prepare(tree: Tree, input: Any): Prepared {
  const normalized = tree.normalizeInput(input);
  const { coefficients: c } = tree.build(normalized);
  const model = new tree.CoolingModel(c);
  const tEval = tree.logGrid(normalized.tStartPs, normalized.tEndPs, normalized.nPoints);
  const y0 = model.toSolver(tree.initialState(c).map((v: number, i: number) => v / model.scale[i]));
  const solveOptions = {
    method: normalized.method, rtol: normalized.rtol, atol: model.toSolver(tree.absoluteTolerances(c, normalized.rtol)),
    integrationStartPs: c.integrationStartPs, tEndPs: normalized.tEndPs, pulseSigmaPs: c.pulseSigmaPs, tEval,
  };
  const sol = tree.solveThroughPulse(model, y0, solveOptions);
  const y = Array.from({ length: model.size }, () => new Float64Array(sol.t.length));
  model.solverIndex.forEach((i: number, k: number) => { y[i] = sol.y[k].map((v: number) => v * model.scale[i]); });
  const state = new Float64Array(model.size);
  const lossRateAt = (k: number) => {
    for (let i = 0; i < model.size; i++) state[i] = y[i][k];
    return 1000 * model.phononLossPerCarrierEvPs(state);
  };
  const result = tree.simulate(input);
  const t = result.tPs;
  let peak = 0;
  for (let k = 0; k < t.length; k++) if (result.tcK[k] > result.tcK[peak]) peak = k;
  const excess = Float64Array.from(result.tcK, (v: number, k: number) => Math.max(v - result.tAK[k], 0)).subarray(peak);
  const states: Float64Array[] = [];
  for (let k = 0; k < sol.t.length; k += 10) states.push(Float64Array.from(sol.y, (col: Float64Array) => col[k]));
  return {
    input, normalized, c, model, y0, solveOptions, result, t, y, lossRateAt, tail: t.subarray(peak), excess,
    counters: { nfev: sol.nfev + model.fdEvaluations, njev: sol.njev, nlu: sol.nlu, rodasSteps: sol.methodsUsed?.rodasSteps ?? 0 },
    states,
  };
}

let sink = 0;
/** CPU µs per trajectory of `body(p)` over all prepared trajectories, repeated to ≥ minSeconds. */
function per(prepared: Prepared[], body: (p: Prepared) => void, minSeconds = 0.05): number {
  const t0 = cpuSeconds();
  let runs = 0;
  let el = 0;
  do {
    for (const p of prepared) body(p);
    runs++;
    el = cpuSeconds() - t0;
  } while (el < minSeconds);
  return (el / (runs * prepared.length)) * 1e6;
}

/** Unit costs (ns) of one rhs, one Jacobian, one LU and one triangular solve on the trajectory's states. */
function unitCosts(tree: Tree, prepared: Prepared[]): { rhs: number; jac: number; lu: number; solve: number } {
  const p0 = prepared[Math.floor(prepared.length / 2)];
  const n = p0.model.solverSize;
  const f = new Float64Array(n);
  const jac = new Float64Array(n * n);
  const a = new Float64Array(n * n);
  const piv = new Int32Array(n);
  const colScale = new Float64Array(n);
  const b = new Float64Array(n);
  const count = prepared.reduce((s, p) => s + p.states.length, 0);
  const ns = (us: number) => (us * 1000 * prepared.length) / count;
  const rhs = ns(per(prepared, (p) => { for (const s of p.states) { p.model.rhs(1, s, f); sink += f[0]; } }));
  const jacFn = prepared.map((p) => p.model.jacobianFor);
  const jacNs = ns(per(prepared, (p) => { const j = jacFn[prepared.indexOf(p)]; for (const s of p.states) { j(1, s, jac); sink += jac[0]; } }));
  const lu = ns(per(prepared, (p) => {
    for (const s of p.states) {
      p.model.jacobian(1, s, jac);
      for (let i = 0; i < n * n; i++) a[i] = -jac[i];
      for (let i = 0; i < n; i++) a[i * n + i] += 10;
      tree.luFactor(a, n, piv, colScale);
      sink += a[0];
    }
  })) - jacNs; // net of the Jacobian used to fill the matrix
  const solve = ns(per(prepared, (p) => { for (const s of p.states) { b.set(s); tree.luSolve(a, n, piv, b, 0); sink += b[0]; } }));
  return { rhs, jac: jacNs, lu, solve };
}

type Phase = 'total' | 'setup' | 'solve' | 'metrics' | 'biexp' | 'ledger' | 'guard' | 'floor';

function round(tree: Tree, prepared: Prepared[]): Record<Phase, number> & { output: number; units: ReturnType<typeof unitCosts> } {
  const total = per(prepared, (p) => { sink += tree.simulate(p.input).tPs.length; }, 0.3);
  const setup = per(prepared, (p) => {
    const normalized = tree.normalizeInput(p.input);
    const { coefficients: c } = tree.build(normalized);
    const model = new tree.CoolingModel(c);
    const tEval = tree.logGrid(normalized.tStartPs, normalized.tEndPs, normalized.nPoints);
    const y0 = model.toSolver(tree.initialState(c).map((v: number, i: number) => v / model.scale[i]));
    sink += y0[0] + tEval[0] + model.toSolver(tree.absoluteTolerances(c, normalized.rtol))[0];
  });
  const solve = per(prepared, (p) => { sink += tree.solveThroughPulse(p.model, p.y0, p.solveOptions).nfev; }, 0.2);
  const metrics = per(prepared, (p) => {
    sink += tree.coolingMetrics(p.t, p.result.tcK, p.result.tAK, p.normalized.targetK, p.lossRateAt, false).peakTcK;
  });
  const biexp = per(prepared, (p) => { sink += tree.fitBiExponential(p.tail, p.excess)?.rms ?? 0; });
  const ledger = per(prepared, (p) => { sink += tree.energyLedger(p.c, p.t, p.y).maxRelError; });
  const guard = per(prepared, (p) => { sink += tree.guardResult(p.result, p.normalized.latticeK).tPs.length; });
  const units = unitCosts(tree, prepared);
  let floorNs = 0;
  for (const p of prepared) {
    const k = p.counters;
    floorNs += k.nfev * units.rhs + k.njev * units.jac + k.nlu * units.lu + k.rodasSteps * 8 * units.solve;
  }
  const floor = floorNs / 1000 / prepared.length;
  return { total, setup, solve, metrics, biexp, ledger, guard, floor, output: total - setup - solve - metrics - ledger - guard, units };
}

console.log(`# engine-profile: CsPbI3 8 nm, ${POINTS} densities 1e15…1e20 cm^-3, ${ROUNDS} rounds; load ${loadavg().map((v) => v.toFixed(2)).join(' ')}; ${new Date().toISOString()}`);
const trees = await Promise.all(srcs.map(load));
const prepared = trees.map((tree) => inputs.map((input) => prepare(tree, input)));
{
  const p = prepared[0];
  const avg = (f: (q: Prepared) => number) => p.reduce((s, q) => s + f(q), 0) / p.length;
  console.log(`# per trajectory: nfev ${avg((q) => q.counters.nfev).toFixed(0)}, njev ${avg((q) => q.counters.njev).toFixed(1)}, nlu ${avg((q) => q.counters.nlu).toFixed(1)}, rodas5 steps ${avg((q) => q.counters.rodasSteps).toFixed(1)}, accepted ${avg((q) => q.result.solver.nAccepted).toFixed(1)}`);
}
if (args.includes('--total-only')) {
  // simulate() alone, the trees alternating every pass over the grid (finer interleaving than the phase rounds):
  // per pass CPU µs per trajectory; medians and the median of the per-pass ratios to the first tree.
  const passes = trees.map(() => [] as number[]);
  for (let w = 0; w < 15; w++) for (const tree of trees) for (const input of inputs) sink += tree.simulate(input).tPs.length;
  for (let r = 0; r < ROUNDS * 10; r++) {
    for (let j = 0; j < trees.length; j++) {
      const i = (j + r) % trees.length;
      const t0 = cpuSeconds();
      for (const input of inputs) sink += trees[i].simulate(input).tPs.length;
      passes[i].push(((cpuSeconds() - t0) / inputs.length) * 1e6);
    }
  }
  for (let i = 0; i < trees.length; i++) {
    const ratio = i > 0 ? `  ×${median(passes[i].map((v, r) => v / passes[0][r])).toFixed(3)} (median of ${passes[i].length} per-pass ratios)` : '';
    console.log(`${trees[i].root}: simulate ${median(passes[i]).toFixed(1)} µs CPU per trajectory${ratio}`);
  }
  process.exit(0);
}
// warm-up: every path of every tree, untimed
for (let w = 0; w < 2; w++) trees.forEach((tree, i) => round(tree, prepared[i]));
const rows: ReturnType<typeof round>[][] = trees.map(() => []);
for (let r = 0; r < ROUNDS; r++) {
  for (let j = 0; j < trees.length; j++) {
    const i = (j + r) % trees.length;
    rows[i].push(round(trees[i], prepared[i]));
  }
}
const phases = ['total', 'setup', 'solve', 'output', 'metrics', 'biexp', 'ledger', 'guard', 'floor'] as const;
const label: Record<string, string> = { biexp: '  (biexp fit)' };
for (let i = 0; i < trees.length; i++) {
  const med = (f: (x: ReturnType<typeof round>) => number) => median(rows[i].map(f));
  console.log(`\n## ${trees[i].root}`);
  console.log('phase            µs/traj   share  ' + (i > 0 ? ' ratio to first (median of per-round ratios)' : ''));
  for (const ph of phases) {
    const v = med((x) => x[ph]);
    const ratio = i > 0 ? median(rows[i].map((x, r) => x[ph] / rows[0][r][ph])) : Number.NaN;
    console.log(`${(label[ph] ?? ph).padEnd(15)} ${v.toFixed(1).padStart(8)}  ${((100 * v) / med((x) => x.total)).toFixed(1).padStart(5)} %${i > 0 ? `  ×${ratio.toFixed(3)}` : ''}`);
  }
  const u = rows[i].map((x) => x.units);
  console.log(`unit costs (ns): rhs ${median(u.map((x) => x.rhs)).toFixed(0)}, Jacobian ${median(u.map((x) => x.jac)).toFixed(0)}, LU ${median(u.map((x) => x.lu)).toFixed(0)}, triangular solve ${median(u.map((x) => x.solve)).toFixed(0)}`);
  console.log(`total / floor: ${median(rows[i].map((x) => x.total / x.floor)).toFixed(2)} (solve / floor ${median(rows[i].map((x) => x.solve / x.floor)).toFixed(2)})`);
}
if (sink === 42) console.log('');
