// Stiff test set benchmark: HIRES, ROBER, VDPOL with rodas5 and auto (odex only where it is practical).
import { solveIvp, type MethodName } from '../src/solver/index.ts';
import { STIFF_SET } from './problems/stiff-set.ts';
import { loadStiffReference, maxRelErr } from './problems/reference.ts';
import { timePerTrajectory, type BenchRow } from './lib/measure.ts';

export function stiffSetRows(repeats: number, rtol = 1e-6): BenchRow[] {
  const ref = loadStiffReference();
  const rows: BenchRow[] = [];
  for (const p of STIFF_SET) {
    const R = ref[p.name];
    for (const method of ['rodas5', 'auto'] as MethodName[]) {
      for (const analytic of [true, false]) {
        const opts = { method, rtol, atol: p.atol, jacobian: analytic ? p.jacobian : undefined };
        const r = solveIvp(p.rhs, [0, R.t_end], R.y0, opts);
        const yEnd = r.y.map((c) => c[c.length - 1]);
        let scaled = 0;
        for (let i = 0; i < yEnd.length; i++) {
          const a = typeof p.atol === 'number' ? p.atol : p.atol[i];
          scaled = Math.max(scaled, Math.abs(yEnd[i] - R.y_end[i]) / (a + rtol * Math.abs(R.y_end[i])));
        }
        const us = timePerTrajectory(() => solveIvp(p.rhs, [0, R.t_end], R.y0, opts), 1, repeats);
        rows.push({
          benchmark: 'stiff-set', problem: p.name, method, rtol, us_per_traj: us, nfev_per_traj: r.nfev,
          max_rel_err: maxRelErr(yEnd, R.y_end), max_scaled_err: scaled, jacobian: analytic ? 'analytic' : 'finite-diff',
          steps: r.nAccepted + r.nRejected, njev: r.njev, nlu: r.nlu, status: r.status, switches: r.methodsUsed?.switches,
        });
      }
    }
  }
  return rows;
}
