// `hotcarrier sweep`: a grid of simulations run in parallel on a pool of Node worker threads.
// Part of the CLI app layer (cli/), over the engine (src/) and the worker transport (workers/).

import { availableParallelism } from 'node:os';
import { PARAMS, allowedRange, formatLimit, type NumericParamKey } from '../src/model/params.ts';
import { UsageError, parseArgs, shownValue } from './args.ts';
import { AUGER_STATISTICS, InputError, checkNumeric, inputIssues, type InputIssue } from '../src/model/validate.ts';
import { readDecimal } from '../src/data/decimal.ts';
import { resolveMaterial } from '../src/materials/index.ts';
import { checkSweepSpec } from '../src/sweep/grid.ts';
import { toJson } from './format.ts';
import { SWEEP_COLUMN_NAMES, type SweepAxis, type SweepResult } from '../src/sweep/types.ts';
import { createNodeEnginePool } from '../workers/spawn-node.ts';
import type { Io } from './io.ts';

const FLAG_TO_KEY = new Map<string, NumericParamKey>(Object.values(PARAMS).map((p) => [p.flag, p.key]));

export const SWEEP_HELP = [
  'hotcarrier sweep — a grid of simulations on all cores',
  '',
  '  hotcarrier sweep [simulate options for the base case] --vary FLAG=VALUES [--vary …] [--workers N] [--json | --csv]',
  '',
  'VALUES: a comma list (4,6,8 or CsPbI3,FAPbI3; "bulk" for --vary edge-nm) or from:to:count, log-spaced for',
  'parameters declared log-scale (density, n-per-nc, fluence, …), linear otherwise.',
  'FLAG: composition, auger-statistics (poisson,mean-field) or any numeric simulate flag, e.g. density, n-per-nc,',
  'edge-nm, lattice-k, pump-nm.',
  'Example: hotcarrier sweep --composition CsPbI3 --edge-nm 8 --vary density=1e16:1e20:9 --vary edge-nm=5,8,12',
  'Output: one row per grid point with the axis values and the cooling metrics (tau1e, bi-exponential fit,',
  'time to target, initial loss rate, peak Tc, density, <N>, fluence, solver counters, status).',
].join('\n');

/** Parse one --vary FLAG=VALUES into a sweep axis; throws UsageError naming the flag and value. */
export function parseVary(text: string): SweepAxis {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`--vary ${JSON.stringify(text)} is not FLAG=VALUES; e.g. --vary density=1e16:1e20:9`);
  const flag = text.slice(0, eq).replace(/^--/, '');
  const raw = text.slice(eq + 1);
  if (flag === 'composition') {
    const values = raw.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
    if (values.length === 0) throw new UsageError('--vary composition= needs at least one composition; allowed: presets or formulas, comma-separated');
    for (const v of values) {
      try {
        resolveMaterial(v);
      } catch (e) {
        throw new UsageError(`--vary composition: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return { key: 'composition', values };
  }
  if (flag === 'auger-statistics') {
    const values = raw.split(',').map((s) => s.trim());
    const bad = values.find((v) => !(AUGER_STATISTICS as string[]).includes(v));
    if (bad !== undefined) throw new UsageError(`--vary auger-statistics: ${JSON.stringify(bad)} is not allowed; allowed: ${AUGER_STATISTICS.join(', ')}, comma-separated`);
    return { key: 'augerStatistics', values };
  }
  const key = FLAG_TO_KEY.get(flag);
  if (!key) throw new UsageError(`--vary ${flag}: unknown parameter; allowed: composition, auger-statistics, ${Object.values(PARAMS).map((p) => p.flag).join(', ')}`);
  const spec = PARAMS[key];
  const number = (s: string) => {
    const read = readDecimal(s);
    const v = 'value' in read ? read.value : NaN;
    const issues: InputIssue[] = [];
    checkNumeric(key, v, issues);
    if (issues.length > 0) throw new UsageError(`--vary ${flag}: ${shownValue(s)} is not allowed; allowed: ${allowedRange(spec)}`);
    return v;
  };
  const range = raw.split(':');
  if (range.length === 3) {
    const from = number(range[0]);
    const to = number(range[1]);
    const count = range[2].length <= 6 ? Number(range[2]) : NaN;
    if (!Number.isInteger(count) || count < 1 || count > 10000) throw new UsageError(`--vary ${flag}: count ${shownValue(range[2])} must be a whole number from 1 to 10000`);
    const values: number[] = [];
    for (let i = 0; i < count; i++) {
      const f = count === 1 ? 0 : i / (count - 1);
      values.push(spec.scale === 'log' ? from * Math.pow(to / from, f) : from + (to - from) * f);
    }
    return { key, values };
  }
  const values = raw.split(',').map((s) => (key === 'edgeNm' && s.trim() === 'bulk' ? null : number(s)));
  return { key, values };
}

/** A CSV cell: numbers to 6 significant digits (exponent form when large or small), blank when undefined. */
function cell(v: unknown): string {
  if (v === null) return 'bulk';
  if (typeof v !== 'number') return String(v);
  if (!Number.isFinite(v)) return '';
  return v !== 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3) ? v.toExponential(5).replace(/\.?0+e/, 'e') : Number(v.toPrecision(6)).toString();
}

function csv(result: SweepResult): string {
  // Axis columns carry the CLI flag name (density, edge-nm, …) so they never clash with the metric columns.
  const axisName = (key: string) => (key in PARAMS ? PARAMS[key as NumericParamKey].flag : key);
  const names = [...result.axes.map((a) => axisName(a.key)), ...SWEEP_COLUMN_NAMES];
  const rows = [names.join(',')];
  const sizes = result.axes.map((a) => a.values.length);
  for (let i = 0; i < result.count; i++) {
    const coords: unknown[] = [];
    let rest = i;
    for (let a = sizes.length - 1; a >= 0; a--) {
      coords[a] = result.axes[a].values[rest % sizes[a]];
      rest = Math.floor(rest / sizes[a]);
    }
    const local = i - result.range[0];
    const metrics = SWEEP_COLUMN_NAMES.map((c) => cell(result.columns[c][local]));
    rows.push([...coords.map(cell), ...metrics].join(','));
  }
  return rows.join('\n');
}

/** Axes that are alternatives of one quantity: varying two of them would let the last silently win. */
const ALTERNATIVE_AXES: readonly (readonly string[])[] = [['densityCm3', 'nPerNc', 'fluenceUJcm2'], ['pumpNm', 'pumpEv']];

/** Refuse a grid the engine would refuse or read wrongly, before any worker starts: a repeated axis, two
 *  alternative axes, a spec the grid checker rejects, or an axis value that is bad with the base options. */
function checkAxes(base: Record<string, unknown>, axes: SweepAxis[]): void {
  const flagOf = (key: string) => (key in PARAMS ? PARAMS[key as NumericParamKey].flag : key === 'augerStatistics' ? 'auger-statistics' : key);
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
      const probe = { ...base } as Record<string, unknown>;
      for (const a of axes) probe[a.key] = a === axis ? value : a.values[0];
      for (const group of ALTERNATIVE_AXES) if (group.includes(axis.key)) for (const k of group) if (k !== axis.key) delete probe[k];
      const issues = inputIssues(probe as never);
      if (issues.length > 0) throw new UsageError(issues.map((i) => i.message).join('\n'));
    }
  }
}

/** Run the sweep command. Exit 0 when every point ran, 1 if some failed, 2 on bad input. */
export async function sweepMain(argv: string[], io: Io): Promise<number> {
  const rest: string[] = [];
  const axes: SweepAxis[] = [];
  let workers: number | undefined;
  try {
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      if (a === '--vary' || a === '--workers') {
        const v = argv[++i];
        if (v === undefined) throw new UsageError(`${a} needs a value`);
        if (a === '--vary') axes.push(parseVary(v));
        else {
          workers = v.length <= 6 ? Number(v) : NaN;
          if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UsageError(`--workers = ${shownValue(v)} must be a whole number from 1 to 64`);
          const cores = availableParallelism();
          if (workers > cores) {
            io.err(`--workers ${workers}: capped at ${cores}, the cores of this machine (more workers only compete for them)`);
            workers = cores;
          }
        }
      } else rest.push(a);
    }
    const parsed = parseArgs(['simulate', ...rest]);
    if (parsed.data !== undefined) throw new UsageError('--data applies to simulate only, not sweep; allowed: hotcarrier simulate [options] --data FILE');
    if (parsed.help) {
      io.out(SWEEP_HELP);
      return 0;
    }
    if (axes.length === 0) throw new UsageError('sweep needs at least one --vary FLAG=VALUES; e.g. --vary density=1e16:1e20:9');
    const count = axes.reduce((n, a) => n * a.values.length, 1);
    if (count > 100000) throw new UsageError(`the grid has ${count} points; allowed: at most ${formatLimit(100000)}`);
    checkAxes(parsed.input as unknown as Record<string, unknown>, axes);
    const pool = createNodeEnginePool(workers ? { size: workers } : {});
    try {
      const started = performance.now();
      const showProgress = parsed.format === 'text' && process.stderr.isTTY === true;
      const result = await pool.sweep({ base: parsed.input, axes }, (p) => {
        if (showProgress) io.err(`\r${p.done}/${p.total} points`);
      });
      if (showProgress) io.err('\r');
      const seconds = (performance.now() - started) / 1000;
      const failed = Object.keys(result.errors).length;
      if (parsed.format === 'json') io.out(toJson(result));
      else io.out(csv(result));
      if (parsed.format === 'text') io.err(`${result.count} points on ${result.workers} workers in ${seconds.toFixed(2)} s; ${failed} failed`);
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
