// Timing helpers for the benchmarks: medians over repeated runs and the common result row.

/** One benchmark result; printed as a JSON line with --json. */
export interface BenchRow {
  benchmark: string;
  problem: string;
  method: string;
  rtol: number;
  us_per_traj: number;
  nfev_per_traj: number;
  max_rel_err: number;
  [extra: string]: unknown;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}

/**
 * Run `body` (which performs `trajectories` solves) untimed until it has run `warmup` times and for at
 * least 0.2 s (so V8 has optimised the hot code), then timed at least `repeats` times and for at least
 * 0.3 s (at most 500 runs).
 * @returns the median wall time per trajectory in microseconds.
 */
export function timePerTrajectory(body: () => void, trajectories: number, repeats: number, warmup = 3): number {
  const start = performance.now();
  for (let w = 0; w < warmup || performance.now() - start < 200; w++) body();
  const times: number[] = [];
  const t00 = performance.now();
  for (let r = 0; (r < repeats || performance.now() - t00 < 300) && r < 500; r++) {
    const t0 = process.hrtime.bigint();
    body();
    times.push(Number(process.hrtime.bigint() - t0) / 1e3 / trajectories);
  }
  return median(times);
}
