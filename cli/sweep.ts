// `hotcarrier sweep`: a grid (or a list design) of simulations run in parallel on a pool of Node worker threads,
// whole or as one contiguous shard K/N of it. Part of the CLI app layer (cli/), over the engine (src/) and the
// worker transport (workers/).

import { availableParallelism } from 'node:os';
import { PARAMS, formatLimit, type NumericParamKey } from '../src/model/params.ts';
import { UsageError, parseArgs, shownValue } from './args.ts';
import { InputError, inputIssues } from '../src/model/validate.ts';
import { toJson } from './format.ts';
import type { SweepAxis, SweepSpec } from '../src/sweep/types.ts';
import { checkSweepSpec, pointInput } from '../src/sweep/grid.ts';
import { createNodeEnginePool } from '../workers/spawn-node.ts';
import { stamp } from './build-info.ts';
import { readDesignFile } from './design-file.ts';
import { parseVary } from './sweep-axes.ts';
import { columnName, sweepCsv, type SweepStamp } from './sweep-table.ts';
import type { Io } from './io.ts';

export { parseVary } from './sweep-axes.ts';

export const MAX_SWEEP_POINTS = 100000;

export const SWEEP_HELP = [
  'hotcarrier sweep — a grid of simulations on all cores',
  '',
  '  hotcarrier sweep [simulate options for the base case] --vary FLAG=VALUES [--vary …] [--workers N] [--json | --csv]',
  '  hotcarrier sweep [simulate options] --design design.csv [--seed N] …   (also --points design.csv)',
  '  … --shard K/N                     run only the K-th of N contiguous parts (K = 1…N); join them with hotcarrier merge',
  '',
  'VALUES: a comma list (4,6,8 or CsPbI3,FAPbI3; "bulk" for --vary edge-nm) or from:to:count, log-spaced for',
  'parameters declared log-scale (density, n-per-nc, fluence, most material fields), linear otherwise.',
  'FLAG: composition, auger-statistics (poisson,mean-field), any numeric simulate flag (density, n-per-nc, edge-nm,',
  'lattice-k, pump-nm …) or material.KEY for a material field (material.loLifetimePs=0.3,0.6; hotcarrier help lists them).',
  '--design FILE: a CSV design instead of a grid: a header of the same FLAG names, one point per row (Latin hypercube,',
  'Sobol …); a point\'s index is its row (0-based). --seed N is recorded in every row (the design\'s seed; the engine is',
  'deterministic).',
  'Example: hotcarrier sweep --composition CsPbI3 --edge-nm 8 --vary density=1e16:1e20:9 --vary edge-nm=5,8,12',
  'Output (CSV with --csv or by default, JSON with --json): `#` lines with the version, commit and the spec hash, then',
  'one row per point: the axis values, the cooling metrics (tau1e, bi-exponential fit, time to target, initial loss',
  'rate, peak Tc, density, <N>, fluence, solver counters, status) and index, specHash, version, seed.',
].join('\n');

/** Axes that are alternatives of one quantity: varying two of them would let the last silently win. */
const ALTERNATIVE_AXES: readonly (readonly string[])[] = [['densityCm3', 'nPerNc', 'fluenceUJcm2'], ['pumpNm', 'pumpEv']];

/** Refuse a grid the engine would refuse or read wrongly, before any worker starts: a repeated axis, two
 *  alternative axes, a spec the grid checker rejects, or an axis value that is bad with the base options. */
function checkAxes(base: Record<string, unknown>, axes: SweepAxis[]): void {
  const flagOf = (key: string) => (Object.hasOwn(PARAMS, key) ? PARAMS[key as NumericParamKey].flag : key === 'augerStatistics' ? 'auger-statistics' : columnName(key));
  const seen = new Set<string>();
  for (const a of axes) {
    if (seen.has(a.key)) throw new UsageError(`--vary ${flagOf(a.key)} is given twice; allowed: each parameter on one --vary (merge the values: --vary ${flagOf(a.key)}=A,B,C)`);
    seen.add(a.key);
  }
  for (const group of ALTERNATIVE_AXES) {
    const both = group.filter((k) => seen.has(k));
    if (both.length > 1) throw new UsageError(`--vary ${both.map(flagOf).join(' and --vary ')} are alternatives (one sets the other); allowed: vary one of ${group.map(flagOf).join(', ')}`);
  }
  try {
    checkSweepSpec({ base: base as never, axes });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
  // Each axis value with the base and the other axes' first values: a bad value fails here, not on a worker.
  for (const axis of axes) {
    for (const value of axis.values) {
      const spec: SweepSpec = { base: base as never, axes: axes.map((a) => (a === axis ? { key: a.key, values: [value] } : { key: a.key, values: [a.values[0]] })) };
      const issues = inputIssues(pointInput(spec, 0));
      if (issues.length > 0) throw new UsageError(issues.map((i) => i.message).join('\n'));
    }
  }
}

/** The flat index range [start, end) of shard K of N over `count` points: contiguous, in order, covering all. */
export function shardRange(count: number, k: number, n: number): [number, number] {
  return [Math.floor(((k - 1) * count) / n), Math.floor((k * count) / n)];
}

function parseShard(text: string): [number, number] {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const k = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || !(n >= 1 && n <= 100000) || !(k >= 1 && k <= n)) throw new UsageError(`--shard = ${JSON.stringify(text)} is not allowed; allowed: K/N with whole numbers 1 ≤ K ≤ N ≤ 100000, e.g. --shard 2/4`);
  return [k, n];
}

/** Run the sweep command. Exit 0 when every point ran, 1 if some failed, 2 on bad input. */
export async function sweepMain(argv: string[], io: Io): Promise<number> {
  const rest: string[] = [];
  const axes: SweepAxis[] = [];
  let workers: number | undefined;
  let shard: [number, number] | null = null;
  let pointsFile: string | undefined;
  let seed = 0;
  try {
    for (let i = 0; i < argv.length; i++) {
      const [a, inline] = argv[i].startsWith('--') && argv[i].includes('=') && /^--(shard|points|design|seed|workers)=/.test(argv[i]) ? [argv[i].slice(0, argv[i].indexOf('=')), argv[i].slice(argv[i].indexOf('=') + 1)] : [argv[i], undefined];
      // --points N (a whole number) stays simulate's output points; --points FILE is a design, as is --design FILE
      const design = a === '--design' || (a === '--points' && (inline ?? argv[i + 1]) !== undefined && !/^\d+$/.test((inline ?? argv[i + 1]).trim()));
      if (a === '--vary' || a === '--workers' || a === '--shard' || design || a === '--seed') {
        const v = inline ?? argv[++i];
        if (v === undefined) throw new UsageError(`${a} needs a value`);
        if (a === '--vary') axes.push(parseVary(v));
        else if (a === '--shard') shard = parseShard(v);
        else if (a === '--design' || a === '--points') pointsFile = v;
        else if (a === '--seed') {
          seed = /^\d+$/.test(v.trim()) ? Number(v) : NaN;
          if (!Number.isSafeInteger(seed)) throw new UsageError(`--seed = ${JSON.stringify(v)} is not allowed; allowed: a whole number from 0 to ${Number.MAX_SAFE_INTEGER}`);
        } else {
          workers = v.length <= 6 ? Number(v) : NaN;
          if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UsageError(`--workers = ${shownValue(v)} must be a whole number from 1 to 64`);
          const cores = availableParallelism();
          if (workers > cores) {
            io.err(`--workers ${workers}: capped at ${cores}, the cores of this machine (more workers only compete for them)`);
            workers = cores;
          }
        }
      } else rest.push(argv[i]);
    }
    const parsed = parseArgs(['simulate', ...rest]);
    if (parsed.data !== undefined) throw new UsageError('--data applies to simulate only, not sweep; allowed: hotcarrier simulate [options] --data FILE');
    if (parsed.help) {
      io.out(SWEEP_HELP);
      return 0;
    }
    if (pointsFile !== undefined && axes.length > 0) throw new UsageError('--design and --vary conflict: give a grid (--vary …) or a design file (--design FILE), not both');
    if (axes.length === 0 && pointsFile === undefined) throw new UsageError('sweep needs at least one --vary FLAG=VALUES or --design FILE; e.g. --vary density=1e16:1e20:9');
    const design = pointsFile === undefined ? undefined : readDesignFile(pointsFile);
    const spec: SweepSpec = design ? { base: parsed.input, axes: [], design } : { base: parsed.input, axes };
    const count = design ? design.length : axes.reduce((n, a) => n * a.values.length, 1);
    if (count > MAX_SWEEP_POINTS) throw new UsageError(`the grid has ${count} points; allowed: at most ${formatLimit(MAX_SWEEP_POINTS)}`);
    if (design) {
      // every design point with the base, so a bad row fails before any work (named by its line's index)
      design.forEach((_, i) => {
        const issues = inputIssues(pointInput(spec, i));
        if (issues.length > 0) throw new UsageError(`design point ${i}: ${issues.map((x) => x.message).join('; ')}`);
      });
    } else checkAxes(parsed.input as unknown as Record<string, unknown>, axes);
    const range: [number, number] = shard ? shardRange(count, shard[0], shard[1]) : [0, count];
    const sweepStamp: SweepStamp = { provenance: stamp({ base: spec.base, axes: spec.axes, design: spec.design ?? null, seed }), seed, shard };
    const pool = createNodeEnginePool(workers ? { size: workers } : {});
    try {
      const started = performance.now();
      const showProgress = parsed.format === 'text' && process.stderr.isTTY === true;
      const result = await pool.sweep({ ...spec, range }, (p) => {
        if (showProgress) io.err(`\r${p.done}/${p.total} points`);
      });
      if (showProgress) io.err('\r');
      const seconds = (performance.now() - started) / 1000;
      const failed = Object.keys(result.errors).length;
      if (parsed.format === 'json') io.out(toJson({ provenance: sweepStamp.provenance, seed, shard, design: spec.design, ...result }));
      else io.out(sweepCsv(spec, result, sweepStamp));
      if (parsed.format === 'text') io.err(`${range[1] - range[0]} points${shard ? ` (shard ${shard[0]}/${shard[1]} of ${count})` : ''} on ${result.workers} workers in ${seconds.toFixed(2)} s; ${failed} failed`);
      for (const [index, message] of Object.entries(result.errors).slice(0, 10)) io.err(`point ${index}: ${message}`);
      return failed > 0 ? 1 : 0;
    } finally {
      pool.close();
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) {
      io.err(`error: ${e.message}`);
      return 2;
    }
    throw e;
  }
}
