// The engine's own model over a density × size grid, method auto vs odex vs rodas5 (needs simulate in src/index.ts).
import { timePerTrajectory, type BenchRow } from './lib/measure.ts';

type Simulate = (input: Record<string, unknown>) => { solver: { nfev: number; method: string; nAccepted: number; nRejected: number } };

const DENSITIES = [1e16, 1e17, 1e18, 1e19];
const EDGES: (number | null)[] = [4, 6, 8, 12, null];

/** Loads `simulate` from the package entry; null with a reason when it is not there yet. */
export async function loadSimulate(): Promise<{ simulate: Simulate | null; reason: string }> {
  const entry = '../src/index.ts';
  try {
    const mod = (await import(/* @vite-ignore */ entry)) as { simulate?: Simulate };
    if (typeof mod.simulate !== 'function') return { simulate: null, reason: 'src/index.ts does not export simulate()' };
    return { simulate: mod.simulate, reason: '' };
  } catch (e) {
    return { simulate: null, reason: `src/index.ts could not be loaded (${(e as Error).message.split('\n')[0]})` };
  }
}

export function modelGridRows(simulate: Simulate, repeats: number): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const method of ['auto', 'odex', 'rodas5']) {
    const inputs: Record<string, unknown>[] = [];
    for (const densityCm3 of DENSITIES) for (const edgeNm of EDGES) inputs.push({ composition: 'CsPbI3', edgeNm, densityCm3, method });
    let nfev = 0;
    let steps = 0;
    let failed = 0;
    for (const input of inputs) {
      try {
        const r = simulate(input);
        nfev += r.solver.nfev;
        steps += r.solver.nAccepted + r.solver.nRejected;
      } catch {
        failed++;
      }
    }
    const us = timePerTrajectory(() => {
      for (const input of inputs) {
        try {
          simulate(input);
        } catch {
          /* counted above */
        }
      }
    }, inputs.length, repeats, 1);
    rows.push({
      benchmark: 'model-grid', problem: `CsPbI3 ${DENSITIES.length} densities × ${EDGES.length} sizes`, method, rtol: Number.NaN,
      us_per_traj: us, nfev_per_traj: nfev / inputs.length, max_rel_err: Number.NaN, steps_per_traj: steps / inputs.length, failed,
    });
  }
  return rows;
}
