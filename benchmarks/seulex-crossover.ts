// Where SEULEX beats rodas5: HC-4's evaluation floor per rtol, and CPU time on the small stiff test-set problems.
/*
 * The measurement behind auto's rule (src/solver/auto.ts: SEULEX as the stiff method at rtol ≤ 1e-8, dense
 * Jacobian, n ≤ 16). Part 1: HC-4 (20 densities, 9 output times, analytic Jacobian), both methods' counters
 * priced at the unit costs hc4UnitCosts measures in this run (the floor of benchmarks/README.md), with the
 * largest relative error against hc4_reference.json. Part 2: ROBER, HIRES, VDPOL (μ = 1e3, 1e6), OREGO, POLLU
 * (output at t1, analytic Jacobian), CPU ms per solve (≥ 0.1 s each, rodas5 and seulex alternating, after one
 * untimed solve each), scaled end error max |y − ref|/(atol + rtol·|ref|), and what 'auto' ran.
 * Run: node bin/run-ts.mjs benchmarks/seulex-crossover.ts
 */
import os from 'node:os';
import { solveIvp, type MethodName } from '../src/solver/index.ts';
import { HC4_T_END, hc4Atol, hc4Densities, hc4Jacobian, hc4Rhs, hc4Y0 } from './problems/hc4.ts';
import { loadHc4Reference, maxRelErr } from './problems/reference.ts';
import { TEST_SET } from './problems/test-set.ts';
import { loadTestSetReference } from './test-set-bench.ts';
import { hc4Floor, hc4OursCpu, hc4UnitCosts } from './hc4-bench.ts';
import { cpuPerCall } from './lib/cpu.ts';

console.log(`# ${os.cpus()[0]?.model ?? 'CPU'}, load average ${os.loadavg().map((l) => l.toFixed(1)).join('/')} at start`);
const u = hc4UnitCosts();
console.log(`# HC-4 unit costs: rhs ${u.rhs_ns.toFixed(0)} ns, Jacobian ${u.jac_ns.toFixed(0)} ns, LU ${u.lu_ns.toFixed(0)} ns, solve ${u.solve_ns.toFixed(0)} ns`);
const ref = loadHc4Reference();
const hc4Err = (method: MethodName, rtol: number) => {
  let e = 0;
  for (const c of ref.cases) {
    const r = solveIvp(hc4Rhs, [0, HC4_T_END], hc4Y0(c.n0_cm3), { method, rtol, atol: hc4Atol(c.n0_cm3), jacobian: hc4Jacobian, tEval: ref.times_ps, autonomous: true });
    for (let q = 0; q < ref.times_ps.length; q++) e = Math.max(e, maxRelErr(r.y.map((col) => col[q]), c.y[q]));
  }
  return e;
};
console.log('\nHC-4: rtol | rodas5 floor µs (steps, err) | seulex floor µs (steps, err) | floor seulex/rodas5');
for (const rtol of [1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10]) {
  // Counters only (minS ≈ 0: one timed sweep, its time is not used here).
  const a = hc4OursCpu('rodas5', rtol, 1e-3);
  const b = hc4OursCpu('seulex', rtol, 1e-3);
  const fa = hc4Floor(a, u);
  const fb = hc4Floor(b, u);
  console.log(`${rtol.toExponential(0)} | ${fa.toFixed(1)} (${a.steps.toFixed(1)}, ${hc4Err('rodas5', rtol).toExponential(1)}) | ${fb.toFixed(1)} (${b.steps.toFixed(1)}, ${hc4Err('seulex', rtol).toExponential(1)}) | ${(fb / fa).toFixed(2)}`);
}

const refs = loadTestSetReference();
console.log('\nTest set: problem | rtol | rodas5 ms (err) | seulex ms (err) | seulex/rodas5 | auto ran');
for (const p of TEST_SET.filter((q) => ['ROBER', 'HIRES', 'VDPOL-1e3', 'VDPOL-1e6', 'OREGO', 'POLLU'].includes(q.name))) {
  for (const rtol of [1e-6, 1e-8, 1e-9, 1e-10]) {
    const run = (method: MethodName) => solveIvp(p.rhs, [0, p.t1], p.y0, { method, rtol, atol: p.atol, jacobian: p.jacobian });
    const err = (r: ReturnType<typeof run>) => {
      if (r.status !== 0) return 'FAIL';
      const y = r.y.map((c) => c[c.length - 1]);
      const yr = refs[p.name].y_end;
      let e = 0;
      for (let i = 0; i < p.n; i++) e = Math.max(e, Math.abs(y[i] - yr[i]) / (p.atol + rtol * Math.abs(yr[i])));
      return e.toExponential(1);
    };
    const ea = err(run('rodas5'));
    const eb = err(run('seulex'));
    let ta = Infinity;
    let tb = Infinity;
    for (let k = 0; k < 2; k++) {
      ta = Math.min(ta, cpuPerCall(() => run('rodas5'), 0.1));
      tb = Math.min(tb, cpuPerCall(() => run('seulex'), 0.1));
    }
    const m = run('auto').methodsUsed!;
    const ran = `seulex ${m.seulexSteps ?? 0}, rodas5 ${m.rodasSteps}, dop853 ${m.dop853Steps} steps`;
    console.log(`${p.name} | ${rtol.toExponential(0)} | ${(ta * 1e3).toFixed(2)} (${ea}) | ${(tb * 1e3).toFixed(2)} (${eb}) | ${(tb / ta).toFixed(2)} | ${ran}`);
  }
}
