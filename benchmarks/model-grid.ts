// The engine's own model over a density × size grid, method auto vs odex vs rodas5 interleaved in rounds, CPU time (needs simulate in src/index.ts).
import { cpuPerCall, median } from './lib/cpu.ts';
import type { BenchRow } from './lib/measure.ts';

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

const METHODS = ['auto', 'odex', 'rodas5'] as const;

/**
 * The grid solved by each method, interleaved in rounds (the order rotated per round), each timing repeating the
 * whole grid for at least `minSeconds` of CPU time; one untimed pass and one untimed `minSeconds` per method first (JIT). Rows carry the median
 * over rounds and, for odex and rodas5, the median over rounds of the ratio method/auto within a round.
 */
export function modelGridRows(simulate: Simulate, rounds: number, minSeconds = 0.3): BenchRow[] {
  const grid = (method: string) => {
    const inputs: Record<string, unknown>[] = [];
    for (const densityCm3 of DENSITIES) for (const edgeNm of EDGES) inputs.push({ composition: 'CsPbI3', edgeNm, densityCm3, method });
    return inputs;
  };
  const cells = METHODS.map((method) => {
    const inputs = grid(method);
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
    const body = () => {
      for (const input of inputs) {
        try {
          simulate(input);
        } catch {
          /* counted above */
        }
      }
    };
    return { method, inputs, nfev, steps, failed, body, us: [] as number[] };
  });
  for (const c of cells) cpuPerCall(c.body, minSeconds); // untimed: V8 optimises the model and the solvers first
  for (let k = 0; k < rounds; k++) {
    for (let j = 0; j < cells.length; j++) {
      const c = cells[(j + k) % cells.length];
      c.us.push((cpuPerCall(c.body, minSeconds) / c.inputs.length) * 1e6);
    }
  }
  const auto = cells[0];
  return cells.map((c) => ({
    benchmark: 'model-grid', problem: `CsPbI3 ${DENSITIES.length} densities × ${EDGES.length} sizes`, method: c.method, rtol: Number.NaN,
    us_per_traj: median(c.us), rounds_us: c.us, nfev_per_traj: c.nfev / c.inputs.length, max_rel_err: Number.NaN,
    steps_per_traj: c.steps / c.inputs.length, failed: c.failed,
    ratio_to_auto: c === auto ? 1 : median(c.us.map((u, i) => u / auto.us[i])),
  }));
}
