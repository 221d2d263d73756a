// `hotcarrier batch`: JSON lines in and out on a real worker pool; per-request errors carry the CLI's messages;
// a bad line never ends the process.

import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { EnginePool } from '../../workers/pool.ts';
import { batchMain } from '../../cli/batch.ts';
import { main } from '../../cli/main.ts';
import { simulate } from '../../src/index.ts';
import { run } from './helpers.ts';

async function batch(lines: string[]): Promise<{ code: number; replies: Record<string, any>[]; err: string }> {
  let out = '';
  let err = '';
  const code = await batchMain(['--workers', '2'], { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') }, Readable.from(lines.map((l) => l + '\n')), main);
  return { code, replies: out.trim().split('\n').map((l) => JSON.parse(l)), err };
}

/** Requests sent one at a time, each after the previous reply (a client's loop): each is alone in flight. */
async function oneByOne(lines: string[]): Promise<Record<string, any>[]> {
  const input = new PassThrough();
  const replies: Record<string, any>[] = [];
  let next = 0;
  const send = () => (next < lines.length ? input.write(lines[next++] + '\n') : input.end());
  const done = batchMain(['--workers', '2', '--no-warm-up'], { out: (t) => { replies.push(JSON.parse(t)); send(); }, err: () => {} }, input, main);
  send();
  expect(await done).toBe(0);
  return replies;
}

/** A reply without the solver's wall time, which differs from run to run. */
const stable = (reply: Record<string, any>) => JSON.stringify(reply, (k, v) => (k === 'wallMs' ? undefined : v));

describe('hotcarrier batch', () => {
  it('a simulate alone in flight (run on the main thread) answers exactly as one run on the pool', async () => {
    const input = { composition: 'CsPbI3', edgeNm: 8, nPerNc: 0.1, nPoints: 40 };
    const lines = [
      JSON.stringify({ id: 1, op: 'simulate', input, arrays: 'base64' }),
      JSON.stringify({ id: 2, op: 'simulate', input: { ...input, edgeNm: null, densityCm3: 1e19 } }),
      JSON.stringify({ id: 3, op: 'simulate', input: { ...input, edgeNm: 80 } }),
      JSON.stringify({ id: 4, op: 'simulate', args: ['--material', 'loLifetimePs=1e9'] }),
      JSON.stringify({ id: 5, op: 'simulate', input: { ...input, nPerNc: 'many' } }),
    ];
    const onPool = vi.spyOn(EnginePool.prototype, 'simulate');
    const alone = await oneByOne(lines);
    expect(onPool).not.toHaveBeenCalled();
    // all at once: each is in flight with the others, so they run on the pool
    const burst = new Map((await batch(lines)).replies.map((r) => [r.id, r]));
    expect(onPool.mock.calls.length).toBeGreaterThanOrEqual(3);
    onPool.mockRestore();
    expect(alone.map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
    for (const r of alone) expect(stable(r)).toBe(stable(burst.get(r.id)!));
    expect(alone[0].result.columns.tc_k.$f64).toBeTypeOf('string');
    expect(alone[2].error).toMatchObject({ kind: 'input', exit: 2 });
    expect(alone[2].error.message).toContain('edgeNm (--edge-nm) = 80 nm is out of range');
  });


  it('answers every request by id, good and bad, and exits 0 when stdin ends', async () => {
    const input = { composition: 'CsPbI3', edgeNm: 8, nPerNc: 0.1, nPoints: 30 };
    const r = await batch([
      JSON.stringify({ id: 'a', op: 'simulate', input }),
      'not json',
      JSON.stringify({ id: 'b', op: 'simulate', input: { ...input, edgeNm: 80 } }),
      JSON.stringify({ id: 'c', op: 'simulate', args: ['--edge-nm', '8', '--material', 'loLifetimePs=0.3', '--points', '30'] }),
      JSON.stringify({ id: 'd', op: 'frobnicate' }),
      JSON.stringify({ id: 'e', op: 'sweep', spec: { base: input, axes: [{ key: 'materialOverrides.loLifetimePs', values: [0.3, 0.6] }] }, index: 1 }),
      JSON.stringify({ id: 'f', op: 'simulate', args: ['--material', 'loLifetimePs=1e9'] }),
    ]);
    expect(r.code).toBe(0);
    const byId = new Map(r.replies.map((x) => [x.id, x]));
    expect(r.replies).toHaveLength(7);
    const a = byId.get('a')!;
    expect(a.ok).toBe(true);
    const single = simulate(input);
    expect(a.result.columns.tc_k).toEqual(Array.from(single.tcK));
    expect(a.result.provenance.inputHash).toMatch(/^sha256:/);
    expect(byId.get(null)!.error).toMatchObject({ kind: 'protocol', exit: 2 });
    // the same message as the CLI for the same bad value
    const cliBad = await run(['simulate', '--edge-nm', '80']);
    expect(byId.get('b')!.error).toMatchObject({ kind: 'input', exit: 2 });
    expect(cliBad.err).toContain(byId.get('b')!.error.message);
    expect(byId.get('c')!.result.input.materialOverrides).toEqual({ loLifetimePs: 0.3 });
    expect(byId.get('d')!.error.message).toMatch(/op = "frobnicate" is not allowed; allowed: simulate, sweep, fit/);
    const e = byId.get('e')!.result;
    expect(e.range).toEqual([1, 2]);
    expect(e.columns.tau1ePs[0]).toBeCloseTo(simulate({ ...input, materialOverrides: { loLifetimePs: 0.6 } }).metrics.tau1ePs as number, 6);
    const cliMaterial = await run(['simulate', '--material', 'loLifetimePs=1e9']);
    expect(cliMaterial.err).toBe(`error: ${byId.get('f')!.error.message}\n`);
  });

  it('fits data sent inline, as the CLI fits the same numbers from a file', async () => {
    const truth = simulate({ composition: 'CsPbI3', edgeNm: 8, nPerNc: 0.1, materialOverrides: { loLifetimePs: 0.9 }, nPoints: 60 });
    const pick = [5, 10, 15, 20, 25, 30, 35, 40];
    const data = { t_ps: pick.map((k) => truth.tPs[k]), tc_k: pick.map((k) => truth.tcK[k]) };
    const r = await batch([JSON.stringify({ id: 1, op: 'fit', input: { composition: 'CsPbI3', edgeNm: 8, nPerNc: 0.1 }, data, free: ['loLifetimePs'] })]);
    expect(r.replies[0].ok, JSON.stringify(r.replies[0].error)).toBe(true);
    expect(r.replies[0].result.parameters[0].value).toBeCloseTo(0.9, 1);
  });
});
