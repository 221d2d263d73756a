// `hotcarrier sweep`: a grid on real worker threads, CSV/JSON output, and bad input refused before any work.

import { availableParallelism } from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import { sweepMain } from '../../cli/sweep.ts';
import { simulate } from '../../src/index.ts';

// Count the worker pools the command starts, so "refused before any worker starts" is checked, not assumed.
const started = vi.hoisted(() => ({ pools: 0 }));
vi.mock('../../workers/spawn-node.ts', async (original) => {
  const actual = await original<typeof import('../../workers/spawn-node.ts')>();
  return {
    ...actual,
    createNodeEnginePool: (...args: Parameters<typeof actual.createNodeEnginePool>) => {
      started.pools++;
      return actual.createNodeEnginePool(...args);
    },
  };
});

/** The CSV lines of a sweep's output without its `#` provenance lines. */
const csvLines = (out: string) => out.trim().split('\n').filter((l) => !l.startsWith('#'));

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await sweepMain(argv, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err };
}

describe('hotcarrier sweep', () => {
  it('runs a density × size grid in parallel and matches single simulations', async () => {
    const r = await run(['--composition', 'CsPbI3', '--vary', 'density=1e16:1e19:4', '--vary', 'edge-nm=6,bulk', '--csv']);
    expect(r.code, r.err).toBe(0);
    const [header, ...rows] = csvLines(r.out);
    const names = header.split(',');
    expect(names.slice(0, 3)).toEqual(['density', 'edge-nm', 'tau1ePs']);
    expect(rows.length).toBe(8);
    const tau = names.indexOf('tau1ePs');
    const [density, edge, value] = [rows[2].split(',')[0], rows[2].split(',')[1], Number(rows[2].split(',')[tau])];
    expect(edge).toBe('6');
    const single = simulate({ composition: 'CsPbI3', edgeNm: 6, densityCm3: Number(density) });
    expect(value).toBeCloseTo(single.metrics.tau1ePs as number, 3);
    expect(r.out).not.toMatch(/NaN|Infinity/);
  });

  it('JSON output carries the axes and the metric columns', async () => {
    const r = await run(['--vary', 'composition=CsPbI3,FAPbI3', '--json']);
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.count).toBe(2);
    expect(json.axes[0].values).toEqual(['CsPbI3', 'FAPbI3']);
    expect(json.columns.tau1ePs.length).toBe(2);
  });

  it('varies the NC Auger statistics: each row matches the single simulation with that option', async () => {
    const r = await run(['--composition', 'CsPbBr3', '--edge-nm', '5', '--vary', 'n-per-nc=0.5,3', '--vary', 'auger-statistics=poisson,mean-field', '--csv']);
    expect(r.code, r.err).toBe(0);
    const [header, ...rows] = csvLines(r.out);
    const names = header.split(',');
    expect(names.slice(0, 2)).toEqual(['n-per-nc', 'augerStatistics']);
    expect(rows.map((row) => row.split(',').slice(0, 2).join(','))).toEqual(['0.5,poisson', '0.5,mean-field', '3,poisson', '3,mean-field']);
    const tau = names.indexOf('tau1ePs');
    for (const row of rows) {
      const cells = row.split(',');
      const single = simulate({ composition: 'CsPbBr3', edgeNm: 5, nPerNc: Number(cells[0]), augerStatistics: cells[1] as 'poisson' | 'mean-field' });
      expect(Number(cells[tau])).toBeCloseTo(single.metrics.tau1ePs as number, 3);
    }
  });

  it('a failing point is reported and the exit is 1, the other points still run', async () => {
    // ⟨N⟩ = 100 in a 3 nm NC is a density above 1e20 cm^-3: refused when that point is derived, on its worker.
    const r = await run(['--edge-nm', '3', '--pump-nm', '400', '--vary', 'n-per-nc=0.5,100', '--csv']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/point 1: .*nPerNc = 100 gives an initial density/);
    expect(csvLines(r.out)[1]).toMatch(/^0\.5,\d/);
  });

  it('--workers above the core count is capped, with a message', async () => {
    const cores = availableParallelism();
    const r = await run(['--vary', 'density=1e16', '--workers', String(cores + 5), '--points', '10', '--t-end-ps', '10']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(new RegExp(`--workers ${cores + 5}: capped at ${cores}, the cores of this machine`));
  });

  for (const [label, argv, pattern] of [
    ['value out of range', ['--vary', 'density=1e16:1e22:3'], /--vary density: "1e22".*allowed: a number from 1e15 to 1e20/],
    ['unknown parameter', ['--vary', 'colour=1,2'], /--vary colour: unknown parameter; allowed: composition, auger-statistics, edge-nm/],
    ['no axis', ['--edge-nm', '8'], /needs at least one --vary/],
    ['not FLAG=VALUES', ['--vary', 'density'], /not FLAG=VALUES/],
    ['bad count', ['--vary', 'density=1e16:1e18:x'], /count "x" must be a whole number/],
    ['bad workers', ['--vary', 'density=1e16,1e17', '--workers', '0'], /--workers = "0"/],
    ['bad base option', ['--vary', 'density=1e16,1e17', '--lattice-k', '-4'], /latticeK \(--lattice-k\) = -4 K is out of range/],
    ['NaN value', ['--vary', 'edge-nm=NaN,8'], /--vary edge-nm: "NaN" is not allowed/],
    ['unknown Auger statistics', ['--vary', 'auger-statistics=poisson,binomial'], /--vary auger-statistics: "binomial" is not allowed; allowed: poisson, mean-field/],
    ['the same axis twice', ['--vary', 'density=1e16,1e17', '--vary', 'density=1e18'], /--vary density is given twice/],
    ['alternative axes', ['--vary', 'density=1e16', '--vary', 'n-per-nc=1'], /--vary density and --vary n-per-nc are alternatives/],
    ['unknown composition', ['--vary', 'composition=Foo,Bar'], /--vary composition: composition "Foo": unknown ion/],
    ['a bad value on a later axis', ['--vary', 'density=1e16', '--vary', 'lattice-k=300,900'], /--vary lattice-k: "900" is not allowed/],
  ] as [string, string[], RegExp][]) {
    it(`bad input: ${label} → exit 2 with a message, no output, no worker started`, async () => {
      const pools = started.pools;
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(pattern);
      expect(r.err).not.toMatch(/\n\s+at /);
      expect(started.pools).toBe(pools);
    });
  }
});
