// CPU-time measurement for the interleaved benchmarks (process CPU time, like the C and Python peers).

/** CPU seconds (user + system) of this process. */
export function cpuSeconds(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) * 1e-6;
}

/**
 * Repeat `body` until it has used at least `minSeconds` of CPU time (at least once, at most 2000 times).
 * @returns CPU seconds per call.
 */
export function cpuPerCall(body: () => void, minSeconds: number): number {
  const t0 = cpuSeconds();
  let runs = 0;
  let el = 0;
  do {
    body();
    runs++;
    el = cpuSeconds() - t0;
  } while (el < minSeconds && runs < 2000);
  return el / runs;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? Number.NaN : s.length % 2 ? s[m] : 0.5 * (s[m - 1] + s[m]);
}
