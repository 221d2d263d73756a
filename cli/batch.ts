// `hotcarrier batch`: a long-lived process for scripts and notebooks. Reads one JSON request per line on stdin
// ({"id": 1, "op": "simulate", "input": {...}}), runs it on a pool of worker threads and writes one JSON line per
// request on stdout ({"id": 1, "ok": true, "result": {...}} or {"id": 1, "ok": false, "error": {...}}), in order of
// completion. A bad request gets an error line with the CLI's message; the process goes on until stdin closes.

import { createInterface } from 'node:readline';
import { DataFileError } from '../src/data/measured.ts';
import { InputError } from '../src/model/validate.ts';
import { simulate } from '../src/model/simulate.ts';
import type { SimulationInput } from '../src/model/types.ts';
import { createNodeEnginePool } from '../workers/spawn-node.ts';
import type { EnginePool } from '../workers/pool.ts';
import { UsageError } from './args.ts';
import { BATCH_OPS, type BatchContext, type BatchRequest, type CliRunner } from './batch-ops.ts';
import { compactJson } from './format.ts';
import type { Io } from './io.ts';

export const BATCH_HELP = [
  'hotcarrier batch — JSON lines in, JSON lines out, on a pool of worker threads',
  '',
  '  hotcarrier batch [--workers N] [--no-warm-up]',
  '',
  'Each stdin line is one request with an "id" (echoed) and an "op":',
  '  {"id": 1, "op": "simulate", "input": {"composition": "CsPbI3", "edgeNm": 8, "nPerNc": 0.1}}   (or "args": CLI flags)',
  '  {"id": 2, "op": "sweep", "spec": {"base": {...}, "axes": [{"key": "densityCm3", "values": [1e16, 1e18]}]}, "index": 1}',
  '  {"id": 3, "op": "fit", "input": {...}, "data": {"t_ps": [...], "tc_k": [...]}, "free": ["loLifetimePs"]}',
  '  {"id": 4, "op": "validate", "args": [...]}   {"id": 5, "op": "cli", "args": ["trends", "--json"]}   version, ops',
  'Each reply is one line: {"id": …, "ok": true, "result": …} or {"id": …, "ok": false, "error": {"kind", "message",',
  '"exit"}} with the message the CLI prints and the exit status it would give (2 bad input, 1 solver failure).',
  'Replies come in order of completion (match them by id). A simulate alone in flight runs in this process, without',
  'the hop to a worker; concurrent requests run on the pool. The process ends when stdin closes. At start the workers',
'and this process run a warm-up sweep (2 × 48 points, for the JIT), which the first simulate/sweep/fit requests wait for;',
  '--no-warm-up skips it.',
'"arrays": "base64" in a request sends its float arrays as {"$f64": base64 of little-endian float64 bytes} (lossless, fast).',
].join('\n');

/** The warm-up sweep's grid (4 × 6 × 2 = 48 points). */
const WARM_UP_AXES = [
  { key: 'edgeNm', values: [5, 8, 12, null] },
  { key: 'densityCm3', values: [1e16, 1e17, 3e17, 1e18, 3e18, 1e19] },
  { key: 'augerStatistics', values: ['poisson', 'mean-field'] },
];

const WARM_UP_ROUNDS = 2;

/** The warm-up points on this thread, one per event-loop turn (so the pool's warm-up is handed its chunks meanwhile). */
async function warmUpHere(): Promise<void> {
  let points: Record<string, unknown>[] = [{ composition: 'CsPbI3' }];
  for (const { key, values } of WARM_UP_AXES) points = points.flatMap((p) => values.map((v) => ({ ...p, [key]: v })));
  for (let round = 0; round < WARM_UP_ROUNDS; round++) {
    for (const p of points) {
      try {
        simulate(p as unknown as SimulationInput);
      } catch {
        // a point the engine refuses warms nothing; requests report their own errors
      }
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
/** Ops that run on the pool (and so wait for the warm-up). */
const POOL_OPS = new Set(['simulate', 'sweep', 'fit']);

interface ErrorReply {
  kind: 'usage' | 'input' | 'solver' | 'protocol' | 'error';
  message: string;
  exit: number;
}

/** The error line's body for anything a handler threw, with the CLI's message and exit status. */
export function errorReply(e: unknown): ErrorReply {
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof UsageError) return { kind: 'usage', message, exit: 2 };
  if (e instanceof InputError || e instanceof DataFileError || (e instanceof Error && e.name === 'InputError')) return { kind: 'input', message, exit: 2 };
  if (e instanceof Error && (e.name === 'SimulationError' || /^solver failed/.test(message))) return { kind: 'solver', message, exit: 1 };
  return { kind: 'error', message, exit: 1 };
}

/** Answer one request line (never throws). */
/** A CLI runner for when none is given: every command unavailable. */
const noCli: CliRunner = async (argv, io) => {
  io.err(`error: CLI commands are not available here (${argv[0] ?? ''})`);
  return 2;
};

const ALWAYS_POOL: BatchContext = { alone: () => false };

export async function answer(line: string, lineNo: number, pool: () => EnginePool, ready: Promise<unknown> = Promise.resolve(), runCli: CliRunner = noCli, context: BatchContext = ALWAYS_POOL): Promise<string> {
  let request: BatchRequest;
  try {
    request = JSON.parse(line) as BatchRequest;
  } catch (e) {
    return compactJson({ id: null, ok: false, error: { kind: 'protocol', message: `line ${lineNo} is not JSON (${(e as Error).message}); allowed: one JSON object per line`, exit: 2 } });
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return compactJson({ id: null, ok: false, error: { kind: 'protocol', message: `line ${lineNo} is not a JSON object; allowed: {"id": …, "op": …}`, exit: 2 } });
  }
  const id = request.id ?? null;
  const handler = typeof request.op === 'string' ? BATCH_OPS.get(request.op) : undefined;
  if (!handler) {
    return compactJson({ id, ok: false, error: { kind: 'protocol', message: `op = ${JSON.stringify(request.op)} is not allowed; allowed: ${[...BATCH_OPS.keys()].join(', ')}`, exit: 2 } });
  }
  try {
    if (POOL_OPS.has(request.op as string)) await ready;
    const result = await handler(request, pool(), runCli, context);
    return compactJson({ id, ok: true, result }, request.arrays === 'base64');
  } catch (e) {
    return compactJson({ id, ok: false, error: errorReply(e) });
  }
}

/** `runCli`: the CLI's main, for the validate and cli ops (main.ts hands itself in). */
export async function batchMain(argv: string[], io: Io, input: NodeJS.ReadableStream = process.stdin, runCli: CliRunner = noCli): Promise<number> {
  let workers: number | undefined;
  let warmUp = true;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--no-warm-up') {
      warmUp = false;
      continue;
    }
    if (argv[i] === '--help' || argv[i] === '-h') {
      io.out(BATCH_HELP);
      return 0;
    }
    if (argv[i] === '--workers') {
      workers = Number(argv[++i]);
      if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
        io.err(`error: --workers = ${JSON.stringify(argv[i])} must be a whole number from 1 to 64`);
        return 2;
      }
    } else {
      io.err(`error: unknown option ${argv[i]} for batch; allowed: --workers N, --no-warm-up`);
      return 2;
    }
  }
  let pool: EnginePool | undefined;
  const getPool = () => (pool ??= createNodeEnginePool(workers ? { size: workers } : {}));
  // JIT warm-up: sweeps over regimes (film and NC sizes, low to high density, both Auger statistics) run on the
  // workers first, and requests that need the pool wait for them. Costs a second or two at start and spares the
  // first ~150 requests cold code (measured: benchmarks/README.md). The same points run on this thread too, beside
  // them, for the requests that run here (a simulate alone in flight). Errors here are ignored: requests report their own.
  const ready: Promise<unknown> = warmUp
    ? Promise.all([
        (async () => {
          for (let round = 0; round < WARM_UP_ROUNDS; round++) await getPool().sweep({ base: { composition: 'CsPbI3', edgeNm: 8 }, axes: WARM_UP_AXES });
        })().catch(() => undefined),
        warmUpHere(),
      ])
    : Promise.resolve();
  const pending = new Set<Promise<void>>();
  const context: BatchContext = { alone: () => pending.size <= 1 };
  const lines = createInterface({ input, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const raw of lines) {
      n++;
      if (raw.trim() === '') continue;
      const job = answer(raw, n, getPool, ready, runCli, context).then((reply) => {
        pending.delete(job);
        io.out(reply);
      });
      pending.add(job);
    }
    await Promise.all(pending);
  } finally {
    pool?.close();
  }
  return 0;
}
