// The worker API over real Node worker_threads: simulate, sweep with progress, cancel, timeouts and crashes.

import { afterAll, describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { proxy, wrap } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createNodeEnginePool, nodeWorkerFactory, workerEntry } from '../../workers/spawn-node.ts';
import { BIEXP_COLUMN_NAMES, POINT_NOT_RUN, POINT_OK, SWEEP_COLUMN_NAMES, type EngineApi, type SweepProgress, type SweepSpec } from '../../workers/protocol.ts';
import { chunkSizes, EnginePool, type WorkerHandle } from '../../workers/pool.ts';
import { modelTcAt, type MeasuredSeries } from '../../src/data/measured.ts';
import { simulate } from '../../src/model/simulate.ts';

const BASE = { composition: 'CsPbI3', edgeNm: 8, densityCm3: 1e18, nPoints: 60 };
const pools: EnginePool[] = [];
const pool = (size: number, extra: { taskTimeoutMs?: number; testHooks?: boolean } = {}) => {
  const p = createNodeEnginePool({ size, ...extra });
  pools.push(p);
  return p;
};
afterAll(() => {
  for (const p of pools) p.close();
});

/** A grid long enough to still be running when cancelled (many points over the pool). */
const bigSweep = (): SweepSpec => ({
  base: BASE,
  axes: [
    { key: 'densityCm3', values: Array.from({ length: 200 }, (_, i) => 1e16 * 10 ** (i / 50)) },
    { key: 'latticeK', values: [200, 300] },
  ],
});

describe('chunk sizes of a sweep', () => {
  it('cover every point once: guided (shrinking, at most 64, small at the end) by default, or the fixed size asked for', () => {
    for (const [n, lanes] of [[1, 2], [12, 2], [78, 2], [1000, 1], [1000, 2], [2400, 2], [3000, 8]]) {
      const sizes = chunkSizes(n, lanes);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(n);
      expect(Math.max(...sizes)).toBeLessThanOrEqual(64);
      for (let i = 1; i < sizes.length; i++) expect(sizes[i]).toBeLessThanOrEqual(sizes[i - 1]);
      expect(sizes[sizes.length - 1]).toBeLessThanOrEqual(4);
    }
    // The page's 1 000-point sweep on 2 workers: 36 chunks (16-point chunks made 63).
    expect(chunkSizes(1000, 2).length).toBe(36);
    expect(chunkSizes(10, 3, 4)).toEqual([4, 4, 2]);
  });
});

describe('engine worker pool (worker_threads)', () => {
  const shared = pool(2);

  it('simulates in a worker and hands back Float64Array columns', async () => {
    const r = await shared.simulate(BASE);
    expect(r.tPs).toBeInstanceOf(Float64Array);
    expect(r.tcK).toBeInstanceOf(Float64Array);
    expect(r.tcK.length).toBe(r.tPs.length);
    expect(r.tPs.length).toBe(60);
    expect(r.solver.status).toBe(0);
    expect(r.metrics.peakTcK).toBeGreaterThan(300);
    expect(r.tcK.every((v) => Number.isFinite(v))).toBe(true);
  });

  it('rejects bad input with a clean Error naming the parameter', async () => {
    await expect(shared.simulate({ ...BASE, densityCm3: -5 })).rejects.toThrow(/densityCm3/);
    await expect(shared.simulate({ ...BASE, composition: 'Bogus' })).rejects.toThrow(/composition/);
    // The worker survives a bad input.
    expect((await shared.simulate(BASE)).solver.status).toBe(0);
  });

  it('runs a grid over density × size × composition with progress, matching single simulations', async () => {
    const spec: SweepSpec = {
      base: BASE,
      axes: [
        { key: 'densityCm3', values: [1e17, 1e19] },
        { key: 'edgeNm', values: [6, null] },
        { key: 'composition', values: ['CsPbI3', 'FAPbI3', 'Bogus'] },
      ],
      curves: true,
    };
    const reports: SweepProgress[] = [];
    const result = await shared.sweep(spec, (p) => reports.push(p), { chunkSize: 2 });
    expect(result.count).toBe(12);
    expect(result.cancelled).toBe(false);
    expect(result.columns.tau1ePs).toBeInstanceOf(Float64Array);
    const status = Array.from(result.columns.status);
    // Every third point (composition "Bogus") is a bad input with a message; the rest solved.
    status.forEach((s, i) => expect(s).toBe(i % 3 === 2 ? -2 : POINT_OK));
    expect(result.errors[2]).toMatch(/Bogus/);
    expect(reports.length).toBeGreaterThan(0);
    const last = reports[reports.length - 1];
    expect(last).toMatchObject({ done: 12, total: 12, failed: 4 });
    for (let i = 1; i < reports.length; i++) expect(reports[i].done).toBeGreaterThanOrEqual(reports[i - 1].done);
    // Point 5 = density 1e17, bulk film, FAPbI3: the same numbers as a direct call.
    const single = await shared.simulate({ ...BASE, densityCm3: 1e17, edgeNm: null, composition: 'FAPbI3' });
    expect(result.columns.tau1ePs[4]).toBeCloseTo(single.metrics.tau1ePs!, 10);
    expect(result.tPs!.length).toBe(60);
    expect(Array.from(result.tcK!.subarray(4 * 60, 5 * 60))).toEqual(Array.from(single.tcK));
  });

  it('a sweep with biExponential: false leaves the fit columns NaN and every other column as the full sweep', async () => {
    const spec: SweepSpec = { base: BASE, axes: [{ key: 'densityCm3', values: [1e16, 1e18, 1e19, 1e20] }, { key: 'edgeNm', values: [5, null] }] };
    const full = await shared.sweep(spec, undefined, { chunkSize: 3 });
    const lean = await shared.sweep({ ...spec, biExponential: false }, undefined, { chunkSize: 3 });
    expect(full.biExponential).toBe(true);
    expect(lean.biExponential).toBe(false);
    expect(Array.from(full.columns.status)).toEqual(new Array(8).fill(POINT_OK));
    expect(Array.from(full.columns.slowPs).some((v) => Number.isFinite(v))).toBe(true);
    for (const name of BIEXP_COLUMN_NAMES) expect(Array.from(lean.columns[name]).every(Number.isNaN)).toBe(true);
    for (const name of SWEEP_COLUMN_NAMES) {
      if (BIEXP_COLUMN_NAMES.includes(name) || name === 'solveMs') continue;
      expect(Array.from(lean.columns[name]), name).toEqual(Array.from(full.columns[name]));
    }
  });

  it('cancel stops a sweep at once, keeps finished points, and the pool works afterwards', async () => {
    const chunkSize = 4;
    let doneAtCancel = -1;
    // Cancel from inside the progress report once 20 points are done: an event, not a clock.
    const result = await shared.sweep(bigSweep(), (prog) => {
      if (doneAtCancel < 0 && prog.done >= 20) {
        doneAtCancel = prog.done;
        shared.cancel();
      }
    }, { chunkSize });
    expect(result.cancelled).toBe(true);
    const status = Array.from(result.columns.status);
    const finished = status.filter((s) => s !== POINT_NOT_RUN).length;
    expect(status.filter((s) => s === POINT_OK).length).toBeGreaterThan(0);
    // "At once": the workers are stopped, so at most the chunks in flight (one per worker) may still have ended;
    // a cancel that waited for the sweep would leave none of its 400 points unrun.
    expect(finished).toBeLessThanOrEqual(doneAtCancel + 2 * chunkSize);
    expect(status.filter((s) => s === POINT_NOT_RUN).length).toBeGreaterThan(300);
    expect((await shared.simulate(BASE)).solver.status).toBe(0);
  });

  it('a sweep on fewer workers than the pool runs on that many, and the count is checked', async () => {
    const p = pool(2);
    const spec: SweepSpec = { base: BASE, axes: [{ key: 'densityCm3', values: [1e16, 1e17, 1e18, 1e19] }] };
    const one = await p.sweep(spec, undefined, { workers: 1, chunkSize: 1 });
    expect(one.workers).toBe(1);
    expect(p.started).toBe(1); // four chunks, one lane: the second worker was never needed
    const both = await p.sweep(spec, undefined, { workers: 2, chunkSize: 1 });
    expect(both.workers).toBe(2);
    expect(p.started).toBe(2);
    expect(Array.from(both.columns.tau1ePs)).toEqual(Array.from(one.columns.tau1ePs));
    for (const bad of [0, 3, 1.5, Number.NaN]) {
      await expect(p.sweep(spec, undefined, { workers: bad })).rejects.toThrow(/workers = .*allowed: a whole number from 1 to 2/);
    }
  });

  it('an AbortSignal cancels one sweep and leaves other work running', async () => {
    const abort = new AbortController();
    // Abort on the first progress report (the sweep is running then), not after a fixed sleep.
    const sweep = shared.sweep(bigSweep(), () => abort.abort(), { signal: abort.signal, chunkSize: 4, workers: 1 });
    const other = shared.simulate(BASE);
    const result = await sweep;
    expect(result.cancelled).toBe(true);
    expect(Array.from(result.columns.status).filter((s) => s === POINT_NOT_RUN).length).toBeGreaterThan(300);
    expect((await other).solver.status).toBe(0);
  });

  describe('crashes (one pool with test hooks, shared by these tests)', () => {
    const handles: WorkerHandle[] = [];
    const factory = nodeWorkerFactory({ testHooks: true });
    const crashy = new EnginePool(() => {
      const handle = factory();
      handles.push(handle);
      return handle;
    }, { size: 1 });
    pools.push(crashy);

    it('a worker that exits turns into an Error, is replaced, and the pool keeps working', async () => {
      await expect(crashy.run((api) => api.crashForTesting!('exit'))).rejects.toThrow(/exited unexpectedly/);
      expect((await crashy.simulate(BASE)).solver.status).toBe(0);
    });

    it('an uncaught error in a worker turns into an Error and the worker is replaced', async () => {
      await expect(crashy.run((api) => api.crashForTesting!('throw'))).rejects.toThrow(/crashed/);
      expect((await crashy.simulate(BASE)).solver.status).toBe(0);
    });

    it('a worker dying in the middle of a sweep rejects the sweep with an Error, not a hang', async () => {
      let halfway!: () => void;
      const started = new Promise<void>((ok) => (halfway = ok));
      const sweep = crashy.sweep(bigSweep(), (prog) => prog.done >= 10 && halfway(), { chunkSize: 50 });
      await started;
      // The worker yields between points, so it reads this call mid-sweep and exits.
      void handles[handles.length - 1].api.crashForTesting!('exit').catch(() => {});
      await expect(sweep).rejects.toThrow(/exited unexpectedly/);
      expect((await crashy.simulate(BASE)).solver.status).toBe(0);
    });
  });

  it('a call that outlives the task timeout stops its worker and rejects', async () => {
    const p = pool(1, { taskTimeoutMs: 300 });
    await expect(p.sweep(bigSweep(), undefined, { chunkSize: 400 })).rejects.toThrow(/did not answer within 300 ms/);
    // The replacement worker needs longer than 300 ms to load the engine, so this call has no limit.
    const after = await p.run((api) => api.simulate(BASE), undefined, 0);
    expect(after.solver.status).toBe(0);
  });

  it('spreads trends over the pool in T1…T13 order', async () => {
    const results = await shared.trends({ only: ['T1', 'T2', 'T5'] });
    expect(results.map((r) => r.id)).toEqual(['T1', 'T2', 'T5']);
    for (const r of results) expect(typeof r.passed).toBe('boolean');
  });

  it('lists materials and resolves a formula with its tolerance factor', async () => {
    const materials = await shared.materials();
    expect(materials.map((m) => m.name)).toContain('FA0.5Cs0.5PbI3');
    const summary = await shared.resolveMaterial('FA0.5Cs0.5PbI3');
    expect(summary.tolerance.t).toBeGreaterThan(0.8);
    expect(summary.bohrDiameterNm).toBeGreaterThan(0);
  });
});

describe('fitting in a worker', () => {
  /** Model Tc for ⟨N⟩ = 2 at 12 delays from 0.15 to 15 ps, σ = 2 % (no noise: the optimum is the truth). */
  let cached: MeasuredSeries | null = null;
  const data = (): MeasuredSeries => (cached ??= makeData());
  const makeData = (): MeasuredSeries => {
    const truth = simulate({ ...BASE, densityCm3: undefined, nPerNc: 2, tStartPs: 0.05, tEndPs: 30, nPoints: 1500, rtol: 1e-9 });
    const tPs = Float64Array.from({ length: 12 }, (_, i) => 0.15 * 100 ** (i / 11));
    const tcK = tPs.map((t) => modelTcAt(truth, t) as number);
    return { name: 'synthetic', tPs, tcK, sigmaK: tcK.map((v) => 0.02 * v), header: [], delayUnit: 'ps', notes: [] };
  };
  const start = { ...BASE, densityCm3: undefined, nPerNc: 0.5 };

  const p = pool(1); // one worker for both fits (the aborted one is replaced)

  it('recovers ⟨N⟩ from model data, with the best-fit curve as Float64Arrays', async () => {
    const fit = await p.fit(start, data(), [{ key: 'nPerNc' }]);
    expect(fit.status).toBe('converged');
    expect(fit.parameters[0].value).toBeGreaterThan(1.9);
    expect(fit.parameters[0].value).toBeLessThan(2.1);
    expect(fit.objective).toBeLessThan(fit.startObjective / 100);
    expect(fit.best!.tcK).toBeInstanceOf(Float64Array);
  });

  it('names a bad free parameter, and an AbortSignal stops a running fit (its worker replaced)', async () => {
    await expect(p.fit(start, data(), [{ key: 'bogus' }])).rejects.toThrow(/bogus.*allowed/s);
    const abort = new AbortController();
    // Three free parameters and a 5000-simulation cap: far longer than the test's time limit if it ran to the end.
    const running = p.fit(start, data(), [{ key: 'nPerNc' }, { key: 'latticeK' }, { key: 'materialOverrides.loLifetimePs' }], { maxSimulations: 5000 }, abort.signal);
    setTimeout(() => abort.abort(), 300);
    await expect(running).rejects.toThrow(/cancel/i);
    expect((await p.simulate(BASE)).solver.status).toBe(0);
  });
});

describe('the raw worker API over comlink (no pool)', () => {
  it('sweeps with a proxied progress callback and stops on api.cancel()', async () => {
    const worker = new Worker(workerEntry());
    try {
      const api = wrap<EngineApi>(nodeEndpoint(worker));
      expect(await api.ping()).toBe('ready');
      const reports: SweepProgress[] = [];
      let cancelled = false;
      const result = await api.sweep(bigSweep(), proxy((p: SweepProgress) => {
        reports.push(p);
        if (!cancelled && p.done >= 2) {
          cancelled = true;
          void api.cancel();
        }
      }));
      expect(result.cancelled).toBe(true);
      expect(result.columns.status).toBeInstanceOf(Float64Array);
      const done = Array.from(result.columns.status).filter((s) => s !== POINT_NOT_RUN).length;
      expect(done).toBeGreaterThanOrEqual(2);
      expect(done).toBeLessThan(400);
      expect(reports.length).toBeGreaterThan(0);
    } finally {
      await worker.terminate();
    }
  });
});
