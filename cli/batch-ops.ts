// The requests `hotcarrier batch` understands, as a registry: op name → handler. Handlers get the parsed request
// and the shared worker pool and return the result object; they throw UsageError / InputError (exit 2 in the CLI)
// or other errors, which batch turns into per-request error lines. `validate` and any other CLI command are run
// through the CLI itself, so a command added there (e.g. by another branch) is served here unchanged.

import { parseMeasuredCsv, type MeasuredSeries } from '../src/data/measured.ts';
import type { FitOptions, FreeParameter } from '../src/data/fit.ts';
import { InputError, inputIssues } from '../src/model/validate.ts';
import { simulate } from '../src/model/simulate.ts';
import type { SimulationInput } from '../src/model/types.ts';
import type { EnginePool } from '../workers/pool.ts';
import { PARAMS } from '../src/model/params.ts';
import { MATERIAL_FIELDS } from '../src/materials/fields.ts';
import type { SweepSpec } from '../src/sweep/types.ts';
import { UsageError, parseArgs } from './args.ts';
import { buildInfo, stamp } from './build-info.ts';
import { readMeasuredFile } from './data-file.ts';
import { fitObject, parseFreeSpec } from './fit-command.ts';
import { simulationObject } from './format.ts';
import type { Io } from './io.ts';

export type BatchRequest = Record<string, unknown> & { id?: unknown; op?: unknown };
/** How batch runs a whole CLI command in this process (cli/main.ts's main, handed in by main, so no import cycle). */
export type CliRunner = (argv: string[], io: Io) => Promise<number>;
/** What a handler may know of the process: `alone()` is true when no other request is in flight, so a short job can
 *  run on the main thread instead of hopping to a worker and back. */
export interface BatchContext {
  alone: () => boolean;
}
export type BatchHandler = (request: BatchRequest, pool: EnginePool, runCli: CliRunner, context: BatchContext) => Promise<unknown>;

export const BATCH_OPS = new Map<string, BatchHandler>();

/** Add (or replace) a batch op. */
export function registerBatchOp(name: string, handler: BatchHandler): void {
  BATCH_OPS.set(name, handler);
}

/** The simulation input of a request: `input` (a SimulationInput object) or `args` (simulate's CLI flags). */
export function requestInput(request: BatchRequest, command = 'simulate'): SimulationInput {
  if (request.args !== undefined) {
    if (!Array.isArray(request.args) || !request.args.every((a) => typeof a === 'string')) throw new UsageError('args must be an array of strings (CLI flags), e.g. ["--composition", "CsPbI3"]');
    return parseArgs([command, ...(request.args as string[])]).input;
  }
  if (typeof request.input !== 'object' || request.input === null || Array.isArray(request.input)) {
    throw new UsageError('a request needs "input" (an object such as {"composition": "CsPbI3", "edgeNm": 8}) or "args" (CLI flags)');
  }
  return request.input as SimulationInput;
}

/** Refuse a bad input with the engine's messages before it reaches a worker. */
function checkInput(input: SimulationInput): void {
  const issues = inputIssues(input);
  if (issues.length > 0) throw new InputError(issues);
}

registerBatchOp('simulate', async (request, pool, _main, context) => {
  // validated by simulate() itself, with the same messages (checking here too would cost a second normalisation per
  // request). A request alone in flight (a client's loop of simulate calls) runs here on the main thread: the same
  // engine and result, without the worker hop (posting the input, cloning the result back, two thread wake-ups),
  // which cost about as much as the simulation on a busy machine. Concurrent requests go to the pool, in parallel.
  // Alone is judged after one event-loop turn, once the rest of a burst of lines (simulate_many) has been read.
  const input = requestInput(request);
  const here = context.alone() && (await new Promise((resolve) => setImmediate(resolve)), context.alone());
  return simulationObject(here ? simulate(input) : await pool.simulate(input));
});

registerBatchOp('sweep', async (request, pool) => {
  const spec = request.spec as SweepSpec;
  if (typeof spec !== 'object' || spec === null) throw new UsageError('sweep needs "spec": {"base": {...}, "axes": [{"key": "densityCm3", "values": [...]}]} or {"base", "design": [...]}');
  let range = spec.range;
  if (request.index !== undefined) {
    const i = request.index;
    if (typeof i !== 'number' || !Number.isInteger(i) || i < 0) throw new UsageError(`index = ${JSON.stringify(i)} is not allowed; allowed: a whole number from 0 (a point of the sweep)`);
    range = [i, i + 1];
  }
  const result = await pool.sweep({ ...spec, axes: spec.axes ?? [], range }, undefined, {});
  return { provenance: stamp({ base: spec.base, axes: spec.axes ?? [], design: spec.design ?? null }), ...result };
});

/** Measured data of a fit request: `data` {t_ps, tc_k[, sigma_k]} or `data_file` (a path, read as the CLI reads it). */
function requestData(request: BatchRequest): MeasuredSeries {
  if (typeof request.data_file === 'string') return readMeasuredFile(request.data_file);
  const d = request.data as Record<string, unknown> | undefined;
  const col = (k: string) => (Array.isArray(d?.[k]) ? (d![k] as unknown[]) : undefined);
  const t = col('t_ps') ?? col('tPs');
  const tc = col('tc_k') ?? col('tcK');
  const sigma = col('sigma_k') ?? col('sigmaK');
  if (!t || !tc) throw new UsageError('fit needs "data": {"t_ps": [...], "tc_k": [...], "sigma_k": [...] (optional)} or "data_file": "path.csv"');
  if (t.length !== tc.length || (sigma && sigma.length !== t.length)) throw new UsageError(`fit data: t_ps has ${t.length} values, tc_k ${tc.length}${sigma ? `, sigma_k ${sigma.length}` : ''}; allowed: columns of equal length`);
  // written as the CSV a user would give, so every check and message is the CLI's
  const rows = t.map((x, i) => [x, tc[i], ...(sigma ? [sigma[i]] : [])].map((v) => String(v)).join(','));
  return parseMeasuredCsv(['delay_ps,tc_k' + (sigma ? ',sigma_k' : ''), ...rows].join('\n'), typeof d?.name === 'string' ? d.name : 'data');
}

registerBatchOp('fit', async (request, pool) => {
  const input = requestInput(request, 'fit');
  checkInput(input);
  const data = requestData(request);
  if (!Array.isArray(request.free) || request.free.length === 0) throw new UsageError('fit needs "free": ["n-per-nc", "loLifetimePs:0.2:3", …] or [{"key": "nPerNc", "min": 0.01, "max": 10}]');
  const free: FreeParameter[] = request.free.map((f) => (typeof f === 'string' ? parseFreeSpec(f) : (f as FreeParameter)));
  const options = (request.options ?? {}) as FitOptions;
  return fitObject(await pool.fit(input, data, free, options), data);
});

/** Run a CLI command in this process with captured streams: its exit code, stdout (parsed when JSON) and stderr. */
async function viaCli(main: CliRunner, argv: string[]): Promise<{ exit: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: Io = { out: (t) => (stdout += t.endsWith('\n') ? t : t + '\n'), err: (t) => (stderr += t.endsWith('\n') ? t : t + '\n') };
  const exit = await main(argv, io);
  return { exit, stdout, stderr };
}

const cliArgs = (request: BatchRequest): string[] => {
  const a = request.args ?? [];
  if (!Array.isArray(a) || !a.every((x) => typeof x === 'string')) throw new UsageError('args must be an array of strings (CLI arguments)');
  return a as string[];
};

/** A CLI command's output as a result; exit ≠ 0 becomes an error carrying the CLI's own message. */
async function cliResult(main: CliRunner, argv: string[]): Promise<unknown> {
  const r = await viaCli(main, argv);
  if (r.exit === 2) throw new UsageError(r.stderr.trim().replace(/^error: /, ''));
  let output: unknown = r.stdout;
  try {
    output = JSON.parse(r.stdout);
  } catch {
    // text output stays text
  }
  return { exit: r.exit, output, stderr: r.stderr };
}

registerBatchOp('validate', async (request, _pool, main) => cliResult(main, ['validate', ...cliArgs(request).filter((a) => a !== '--json'), '--json']));
registerBatchOp('cli', async (request, _pool, main) => {
  const argv = cliArgs(request);
  if (['batch', 'sweep'].includes(argv[0])) throw new UsageError(`op "cli" runs one-shot commands; for ${argv[0]} use op "${argv[0] === 'sweep' ? 'sweep' : 'simulate'}"`);
  return cliResult(main, argv);
});
registerBatchOp('version', async () => buildInfo());
registerBatchOp('params', async () => ({
  params: Object.values(PARAMS).map((p) => ({ key: p.key, flag: p.flag, unit: p.unit, min: p.min, max: p.max, default: p.default, meaning: p.meaning })),
  materials: MATERIAL_FIELDS.map((f) => ({ key: f.key, unit: f.unit, min: f.min, max: f.max, meaning: f.meaning })),
}));
registerBatchOp('ops', async () => [...BATCH_OPS.keys()]);
