// A pool of engine workers (browser or Node): runs calls on free workers, splits sweeps into chunks,
// stops work at once on cancel (by terminating busy workers) and turns a dead worker into an Error.

import { proxy, type Remote } from 'comlink';
import type { SimulationInput, SimulationResult, TrendId, TrendOptions, TrendResult } from '../src/model/types.ts';
import {
  CancelledError, POINT_NOT_RUN, SWEEP_COLUMN_NAMES,
  type EngineApi, type EngineTestHooks, type MaterialEntry, type MaterialSummary, type ProgressCallback,
  type SweepColumns, type SweepProgress, type SweepResult, type SweepSpec,
} from './protocol.ts';
import { checkSweepSpec } from '../src/sweep/grid.ts';
import type { FitOptions, FitResult, FreeParameter } from '../src/data/fit.ts';
import type { MeasuredSeries } from '../src/data/measured.ts';

/** A worker's API as the main thread sees it; `crashForTesting` exists only in workers started with test hooks. */
export type RemoteEngine = Remote<EngineApi> & Partial<Remote<EngineTestHooks>>;

/** One started worker, as the pool sees it; made by a WorkerFactory (browser or Node). */
export interface WorkerHandle {
  api: RemoteEngine;
  /** Register a listener called once if the worker dies on its own (crash, exit, failed to load). */
  onDeath(listener: (error: Error) => void): void;
  /** Stop the worker now. Does not call the death listeners. */
  terminate(): void;
}

export type WorkerFactory = () => WorkerHandle;

export interface PoolOptions {
  /** Number of workers (default 1). */
  size?: number;
  /** A call not answered within this time stops its worker and rejects (ms); 0 = no limit. Default 120000. */
  taskTimeoutMs?: number;
}

export interface SweepOptions {
  /**
   * Points per chunk handed to one worker (cancel keeps whole chunks). Default: guided sizes (chunkSizes below), a
   * quarter of the remaining points per worker, at most 64 and shrinking to a few at the end.
   */
  chunkSize?: number;
  /** Cancels this sweep only (as `cancel()` does for everything). */
  signal?: AbortSignal;
  /**
   * Run at most this many chunks at once (1 … pool size; default the pool size). The pool's workers are kept,
   * so a sweep on fewer workers reuses ones whose engine is already compiled (JIT-warm) instead of new ones.
   */
  workers?: number;
}

export const ALL_TREND_IDS: readonly TrendId[] = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'T8', 'T9', 'T10', 'T11', 'T12', 'T13'];

/** A group of tasks cancelled together (one sweep, or one call). */
class Job {
  cancelled = false;
}

interface Task {
  job: Job;
  run: (api: RemoteEngine) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timeoutMs: number;
}

interface Slot {
  handle: WorkerHandle;
  task: Task | null;
  timer: ReturnType<typeof setTimeout> | null;
}

export class EnginePool {
  readonly size: number;
  private readonly taskTimeoutMs: number;
  private slots: Slot[] = [];
  private queue: Task[] = [];
  private closed = false;

  constructor(private readonly factory: WorkerFactory, options: PoolOptions = {}) {
    const size = options.size ?? 1;
    if (!Number.isInteger(size) || size < 1) throw new Error(`EnginePool: size must be an integer ≥ 1, got ${size}`);
    this.size = size;
    this.taskTimeoutMs = options.taskTimeoutMs ?? 120_000;
  }

  /** Workers currently started (they start on demand, up to `size`). */
  get started(): number {
    return this.slots.length;
  }

  /** Run `run` on a free worker. Rejects with CancelledError on cancel, with an Error if the worker dies. */
  run<T>(run: (api: RemoteEngine) => Promise<T>, job = new Job(), timeoutMs = this.taskTimeoutMs): Promise<T> {
    if (this.closed) return Promise.reject(new Error('EnginePool: the pool is closed'));
    if (job.cancelled) return Promise.reject(new CancelledError());
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ job, run, resolve: resolve as (v: unknown) => void, reject, timeoutMs });
      this.dispatch();
    });
  }

  simulate(input: SimulationInput): Promise<SimulationResult> {
    return this.run((api) => api.simulate(input) as Promise<SimulationResult>);
  }

  materials(): Promise<MaterialEntry[]> {
    return this.run((api) => api.materials() as Promise<MaterialEntry[]>);
  }

  resolveMaterial(formula: string): Promise<MaterialSummary> {
    return this.run((api) => api.resolveMaterial(formula) as Promise<MaterialSummary>);
  }

  validate(input: SimulationInput): Promise<string[]> {
    return this.run((api) => api.validate(input) as Promise<string[]>);
  }

  /** A fit on one worker; `signal` stops it at once (its worker is terminated and replaced). */
  fit(base: SimulationInput, data: MeasuredSeries, free: FreeParameter[], options?: FitOptions, signal?: AbortSignal): Promise<FitResult> {
    const job = new Job();
    this.follow(signal, job);
    return this.run((api) => api.fit(base, data, free, options) as Promise<FitResult>, job);
  }

  /** The trends, one per task so they run in parallel across the pool; results in T1…T13 order. */
  async trends(options: TrendOptions = {}, signal?: AbortSignal): Promise<TrendResult[]> {
    const ids = options.only ?? ALL_TREND_IDS;
    const job = new Job();
    this.follow(signal, job);
    const parts = ids.map((id) =>
      this.run((api) => api.trends({ ...options, only: [id] }) as Promise<TrendResult[]>, job).catch((error) => {
        this.cancelJob(job);
        throw error;
      }),
    );
    return (await Promise.all(parts)).flat();
  }

  /**
   * A grid of simulations split in chunks over the pool. Progress is reported through `onProgress`.
   * On `cancel()` it resolves at once with `cancelled: true` and the points finished so far;
   * if a worker dies or a chunk fails it rejects with that Error.
   */
  async sweep(spec: SweepSpec, onProgress?: ProgressCallback, options: SweepOptions = {}): Promise<SweepResult> {
    const started = performance.now();
    const count = checkSweepSpec(spec);
    const [start, end] = spec.range ?? [0, count];
    const n = end - start;
    const lanes = options.workers ?? this.size;
    if (!Number.isInteger(lanes) || lanes < 1 || lanes > this.size) {
      throw new Error(`sweep: workers = ${String(lanes)} is not allowed; allowed: a whole number from 1 to ${this.size} (the pool size)`);
    }
    const sizes = chunkSizes(n, lanes, options.chunkSize);
    const columns = {} as SweepColumns;
    for (const name of SWEEP_COLUMN_NAMES) columns[name] = new Float64Array(n).fill(Number.NaN);
    columns.status.fill(POINT_NOT_RUN);
    const merged: SweepResult = {
      axes: spec.axes, count, range: [start, end], columns, errors: {}, cancelled: false, biExponential: spec.biExponential ?? true, wallMs: 0,
      workers: Math.min(lanes, sizes.length),
    };
    const chunks: { range: [number, number]; done: number; failed: number; finished: boolean }[] = [];
    let from = start;
    for (const size of sizes) {
      chunks.push({ range: [from, from + size], done: 0, failed: 0, finished: false });
      from += size;
    }
    let over = false;
    const emit = () => {
      if (!onProgress || over) return;
      let done = 0;
      let failed = 0;
      for (const c of chunks) {
        done += c.done;
        failed += c.failed;
      }
      const progress: SweepProgress = { done, failed, total: n, elapsedMs: performance.now() - started };
      try {
        onProgress(progress);
      } catch {
        // A throwing progress listener must not break the sweep.
      }
    };
    const job = new Job();
    this.follow(options.signal, job);
    let firstError: Error | null = null;
    const runChunk = (c: (typeof chunks)[number]) =>
      this.run((api) => {
        const report = proxy((p: SweepProgress) => {
          if (c.finished) return;
          c.done = p.done;
          c.failed = p.failed;
          emit();
        });
        return api.sweep({ ...spec, range: c.range }, report) as Promise<SweepResult>;
      }, job).then(
        (part) => {
          c.finished = true;
          c.done = part.range[1] - part.range[0];
          c.failed = Object.keys(part.errors).length;
          mergeInto(merged, part, start);
          emit();
        },
        (error: Error) => {
          if (error.name !== 'CancelledError' && !firstError) {
            firstError = error;
            this.cancelJob(job);
          }
        },
      );
    // `lanes` loops, each taking the next chunk when its last one is done.
    let next = 0;
    const lane = async () => {
      while (next < chunks.length && !job.cancelled && !firstError) await runChunk(chunks[next++]);
    };
    this.activeSweeps.add(job);
    try {
      await Promise.all(Array.from({ length: Math.min(lanes, chunks.length) }, lane));
    } finally {
      this.activeSweeps.delete(job);
      over = true; // reports still in flight from cancelled chunks are dropped
    }
    if (firstError) throw firstError;
    merged.cancelled = job.cancelled;
    merged.wallMs = performance.now() - started;
    return merged;
  }

  private activeSweeps = new Set<Job>();

  /** Stop everything at once: queued calls are dropped, busy workers are terminated (replaced on demand). */
  cancel(): void {
    const jobs = new Set<Job>([...this.queue.map((t) => t.job), ...this.slots.flatMap((s) => (s.task ? [s.task.job] : [])), ...this.activeSweeps]);
    for (const job of jobs) this.cancelJob(job);
  }

  /** Terminate all workers; pending calls reject. */
  close(): void {
    this.cancel();
    this.closed = true;
    for (const slot of this.slots) slot.handle.terminate();
    this.slots = [];
  }

  /** Cancel `job` when `signal` aborts. */
  private follow(signal: AbortSignal | undefined, job: Job): void {
    if (!signal) return;
    if (signal.aborted) job.cancelled = true;
    else signal.addEventListener('abort', () => this.cancelJob(job), { once: true });
  }

  private cancelJob(job: Job): void {
    job.cancelled = true;
    const kept: Task[] = [];
    for (const task of this.queue) {
      if (task.job === job) task.reject(new CancelledError());
      else kept.push(task);
    }
    this.queue = kept;
    for (const slot of [...this.slots]) {
      if (slot.task?.job === job) this.retire(slot, new CancelledError());
    }
    this.dispatch();
  }

  /** Stop a slot's worker, reject its task with `error`, and forget the slot. */
  private retire(slot: Slot, error: Error): void {
    const task = slot.task;
    slot.task = null;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    this.slots = this.slots.filter((s) => s !== slot);
    slot.handle.terminate();
    task?.reject(error);
  }

  private spawn(): Slot {
    const handle = this.factory();
    const slot: Slot = { handle, task: null, timer: null };
    handle.onDeath((error) => {
      if (!this.slots.includes(slot)) return;
      this.retire(slot, error);
      this.dispatch();
    });
    this.slots.push(slot);
    return slot;
  }

  private dispatch(): void {
    if (this.closed) return;
    while (this.queue.length > 0) {
      let slot = this.slots.find((s) => s.task === null);
      if (!slot && this.slots.length < this.size) slot = this.spawn();
      if (!slot) return;
      const task = this.queue.shift()!;
      this.start(slot, task);
    }
  }

  private start(slot: Slot, task: Task): void {
    slot.task = task;
    if (task.timeoutMs > 0) {
      slot.timer = setTimeout(() => {
        if (slot.task !== task) return;
        this.retire(slot, new Error(`engine worker did not answer within ${task.timeoutMs} ms; it was stopped`));
        this.dispatch();
      }, task.timeoutMs);
    }
    let promise: Promise<unknown>;
    try {
      promise = Promise.resolve(task.run(slot.handle.api));
    } catch (error) {
      promise = Promise.reject(error);
    }
    promise.then(
      (value) => this.finish(slot, task, () => task.resolve(value)),
      (error) => this.finish(slot, task, () => task.reject(asError(error))),
    );
  }

  private finish(slot: Slot, task: Task, settle: () => void): void {
    if (slot.task !== task) return; // already cancelled, timed out or dead
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.task = null;
    settle();
    this.dispatch();
  }
}

/** Largest chunk of the guided split: what a cancel can lose per worker, and the longest a chunk runs without
 *  the pool hearing from it but through progress (64 trajectories ≈ 0.15–0.3 s). */
const MAX_CHUNK = 64;

/**
 * Chunk sizes of a sweep of n points on `lanes` workers: `fixed` points each when given, else guided self-scheduling
 * (Polychronopoulos & Kuck 1987), each chunk a quarter of the remaining points per lane, between a floor of up to 4
 * and MAX_CHUNK. Every chunk costs a round trip with the worker idle (≈ 1 ms measured in Node, more when the page's
 * main thread is busy); 1 000 points on 2 workers take 36 chunks instead of 16-point chunks' 63, and the last ones
 * are small, so the workers still finish together.
 */
export function chunkSizes(n: number, lanes: number, fixed?: number): number[] {
  const sizes: number[] = [];
  if (fixed !== undefined) {
    for (let a = 0; a < n; a += fixed) sizes.push(Math.min(fixed, n - a));
    return sizes;
  }
  const floor = Math.max(1, Math.min(4, Math.ceil(n / (lanes * 16))));
  for (let rest = n; rest > 0;) {
    const size = Math.min(rest, MAX_CHUNK, Math.max(floor, Math.ceil(rest / (4 * lanes))));
    sizes.push(size);
    rest -= size;
  }
  return sizes;
}

function asError(error: unknown): Error {
  if (error instanceof Error) return error;
  return new Error(typeof error === 'string' ? error : JSON.stringify(error));
}

/** Copy a chunk's rows into the whole sweep's columns (rows offset by `start`). */
function mergeInto(merged: SweepResult, part: SweepResult, start: number): void {
  const offset = part.range[0] - start;
  for (const name of SWEEP_COLUMN_NAMES) merged.columns[name].set(part.columns[name], offset);
  Object.assign(merged.errors, part.errors);
  if (part.tPs && part.tcK) {
    const n = merged.range[1] - merged.range[0];
    if (!merged.tPs) {
      merged.tPs = part.tPs;
      merged.tcK = new Float64Array(n * part.tPs.length).fill(Number.NaN);
    }
    if (part.tPs.length === merged.tPs.length) merged.tcK!.set(part.tcK, offset * merged.tPs.length);
  }
}
