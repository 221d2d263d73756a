// A sweep run point by point in the calling thread: each grid point simulated, its row filled, failures kept
// per point; yields to the event loop now and then so a cancel request can arrive. Workers call this.

import { SimulationError, simulate } from '../model/simulate.ts';
import { allocateColumns, fillRow } from './columns.ts';
import { checkSweepSpec, pointInput } from './grid.ts';
import { POINT_BAD_INPUT, POINT_SOLVER_FAILED, type ProgressCallback, type SweepResult, type SweepSpec } from './types.ts';

/** Yield to the event loop this often during a sweep, so `cancel()` messages get through (ms). */
const YIELD_EVERY_MS = 50;
/** Report sweep progress at most this often (ms). */
const PROGRESS_EVERY_MS = 50;

/** A way to let queued messages (a cancel request) run, then continue; `close` when the sweep is over. */
interface Yielder { yield(): Promise<void>; close(): void }

/**
 * Without the timer's delay: setTimeout(0) waits 1–2.5 ms in Node (measured) and, nested as these yields are, ≥ 4 ms
 * in browsers: 2–8 % of a sweep at one yield per 50 ms. Node: setImmediate, which runs after the poll phase has
 * delivered the port's messages (a MessageChannel would not do: Node drains one port's queue, refilled by each yield,
 * before it looks at another port, so a cancel request would wait). Browsers: a MessageChannel task, queued behind
 * the messages already there. setTimeout where there is neither.
 */
function makeYielder(): Yielder {
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  if (typeof immediate === 'function') return { yield: () => new Promise<void>((resolve) => { immediate(resolve); }), close: () => {} };
  if (typeof MessageChannel !== 'function') {
    return { yield: () => new Promise<void>((resolve) => setTimeout(resolve, 0)), close: () => {} };
  }
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return {
    yield: () => new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    }),
    close: () => channel.port1.close(),
  };
}

/** Run a sweep (or its `range` slice) point by point in this thread. */
export async function runSweep(
  spec: SweepSpec,
  onProgress: ProgressCallback | undefined,
  isCancelled: () => boolean,
): Promise<SweepResult> {
  const started = performance.now();
  const count = checkSweepSpec(spec);
  const [start, end] = spec.range ?? [0, count];
  const n = end - start;
  const columns = allocateColumns(n);
  const errors: Record<number, string> = {};
  let tPs: Float64Array | undefined;
  let tcK: Float64Array | undefined;
  let done = 0;
  let failed = 0;
  let lastYield = performance.now();
  let lastReport = -Infinity;
  const report = () => {
    if (!onProgress) return;
    // Not awaited: progress must never slow the sweep; a closed port only loses a report.
    Promise.resolve(onProgress({ done, failed, total: n, elapsedMs: performance.now() - started })).catch(() => {});
  };
  let cancelled = false;
  const yielder = makeYielder();
  const biExponential = spec.biExponential ?? true;
  try {
    for (let flat = start; flat < end; flat++) {
      if (isCancelled()) {
        cancelled = true;
        break;
      }
      const row = flat - start;
      try {
        const result = simulate(pointInput(spec, flat), { biExponential });
        fillRow(columns, row, result);
        if (result.solver.status !== 0) {
          errors[flat] = result.solver.message;
          failed++;
        }
        if (spec.curves) {
          if (!tPs) {
            tPs = Float64Array.from(result.tPs);
            tcK = new Float64Array(n * tPs.length).fill(Number.NaN);
          }
          if (result.tPs.length !== tPs.length) {
            throw new Error('sweep: curves need one shared delay grid; do not sweep tStartPs, tEndPs or nPoints with curves on');
          }
          tcK!.set(result.tcK, row * tPs.length);
        }
      } catch (error) {
        // a refused result (the result guard) or a failed solve is a solver failure; anything else is bad input
        columns.status[row] = error instanceof SimulationError ? POINT_SOLVER_FAILED : POINT_BAD_INPUT;
        errors[flat] = error instanceof Error ? error.message : String(error);
        failed++;
      }
      done++;
      const now = performance.now();
      if (now - lastReport >= PROGRESS_EVERY_MS) {
        lastReport = now;
        report();
      }
      if (now - lastYield >= YIELD_EVERY_MS) {
        await yielder.yield();
        lastYield = performance.now();
      }
    }
  } finally {
    yielder.close();
  }
  report();
  return {
    axes: spec.axes,
    count,
    range: [start, end],
    columns,
    errors,
    tPs,
    tcK,
    cancelled,
    biExponential,
    wallMs: performance.now() - started,
    workers: 1,
  };
}
