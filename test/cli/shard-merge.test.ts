// Sharded sweeps: `sweep --shard K/N` as separate processes, `hotcarrier merge` of their files equals the unsharded
// sweep row for row; merge refuses gaps, duplicates and foreign shards; --points designs and material axes.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { shardRange, sweepMain } from '../../cli/sweep.ts';
import { mergeMain } from '../../cli/merge.ts';
import { simulate } from '../../src/index.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'hotcarrier-shards-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['bin/hotcarrier.mjs', ...args], { cwd: ROOT, timeout: 120_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') return reject(error);
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

async function inProcess(main: typeof sweepMain, argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t + '\n'), err: (t) => (err += t + '\n') });
  return { code, out, err };
}

/** Data rows of a CSV (no `#` lines), each without the wall-clock column solveMs. */
function table(csv: string): string[][] {
  const [header, ...rows] = csv.trim().split('\n').filter((l) => !l.startsWith('#')).map((l) => l.split(','));
  const drop = header.indexOf('solveMs');
  return [header, ...rows].map((r) => r.filter((_, j) => j !== drop));
}

const SPEC = ['--composition', 'CsPbI3', '--vary', 'density=1e16:1e19:3', '--vary', 'edge-nm=6,9', '--csv'];

describe('sharded sweeps', () => {
  it('shard ranges are contiguous, in order and cover every index once', () => {
    for (const [count, n] of [[10, 3], [3, 4], [100000, 7], [1, 1]]) {
      let next = 0;
      for (let k = 1; k <= n; k++) {
        const [a, b] = shardRange(count, k, n);
        expect(a).toBe(next);
        expect(b).toBeGreaterThanOrEqual(a);
        next = b;
      }
      expect(next).toBe(count);
    }
  });

  it('4 shards run as separate processes and merged equal the unsharded sweep, row for row', async () => {
    const [full, ...shards] = await Promise.all([
      inProcess(sweepMain, [...SPEC, '--workers', '2']),
      ...[1, 2, 3, 4].map((k) => cli(['sweep', ...SPEC, '--workers', '1', '--shard', `${k}/4`])),
    ]);
    expect(full.code, full.err).toBe(0);
    const files = shards.map((s, k) => {
      expect(s.code, s.stderr).toBe(0);
      const file = join(tmp, `shard-${k + 1}.csv`);
      writeFileSync(file, s.stdout);
      return file;
    });
    expect(shards.map((s) => table(s.stdout).length - 1)).toEqual([1, 2, 1, 2]); // 6 points: ⌊6k/4⌋ boundaries
    const out = join(tmp, 'merged.csv');
    const merged = await inProcess(mergeMain, [...[...files].reverse(), '--out', out]);
    expect(merged.code, merged.err).toBe(0);
    expect(table(readFileSync(out, 'utf8'))).toEqual(table(full.out));
    expect(table(full.out)[0].slice(-4)).toEqual(['index', 'specHash', 'version', 'seed']);
  });

  it('merge refuses a missing shard, a repeated one and a shard of another sweep', async () => {
    const files = [1, 2, 3, 4].map((k) => join(tmp, `shard-${k}.csv`));
    const gap = await inProcess(mergeMain, [files[0], files[1], files[3]]);
    expect(gap.code).toBe(2);
    expect(gap.err).toMatch(/1 of 6 indices are missing \(3\)/);
    const twice = await inProcess(mergeMain, [...files, files[2]]);
    expect(twice.code).toBe(2);
    expect(twice.err).toMatch(/index 3 appears twice/);
    const other = await inProcess(sweepMain, ['--vary', 'density=1e16:1e19:3', '--vary', 'edge-nm=6,10', '--csv', '--shard', '1/4']);
    writeFileSync(join(tmp, 'other.csv'), other.out);
    const foreign = await inProcess(mergeMain, [join(tmp, 'other.csv'), ...files.slice(1)]);
    expect(foreign.code).toBe(2);
    expect(foreign.err).toMatch(/is from another sweep/);
  });

  it('--points runs a list design with material fields; each row equals the single simulation', async () => {
    const design = join(tmp, 'design.csv');
    writeFileSync(design, '# a small hand-made design\nn-per-nc,material.loLifetimePs,composition\n0.1,0.3,CsPbI3\n2,1.2,FAPbI3\n');
    const r = await inProcess(sweepMain, ['--edge-nm', '8', '--points', design, '--seed', '42', '--csv', '--workers', '1']);
    expect(r.code, r.err).toBe(0);
    const [header, ...rows] = table(r.out);
    expect(header.slice(0, 3)).toEqual(['n-per-nc', 'material.loLifetimePs', 'composition']);
    const tau = header.indexOf('tau1ePs');
    const expected = [
      simulate({ composition: 'CsPbI3', edgeNm: 8, nPerNc: 0.1, materialOverrides: { loLifetimePs: 0.3 } }),
      simulate({ composition: 'FAPbI3', edgeNm: 8, nPerNc: 2, materialOverrides: { loLifetimePs: 1.2 } }),
    ];
    rows.forEach((row, i) => {
      expect(Number(row[tau])).toBeCloseTo(expected[i].metrics.tau1ePs as number, 3);
      expect(row.slice(-4, -2)).toEqual([String(i), expect.stringMatching(/^sha256:[0-9a-f]{16}$/)]);
      expect(row.at(-1)).toBe('42');
    });
  });

  it('bad designs and material axes are refused before any work, naming the column and value', async () => {
    const bad = join(tmp, 'bad.csv');
    writeFileSync(bad, 'density,material.loLifetimePs\n1e17,500\n');
    const r = await inProcess(sweepMain, ['--points', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/line 2: material\.loLifetimePs: "500" is not allowed; allowed: a number from 0\.01 to 100 ps/);
    const axis = await inProcess(sweepMain, ['--vary', 'material.colour=1,2']);
    expect(axis.code).toBe(2);
    expect(axis.err).toMatch(/material\.colour: unknown material field; allowed: .*loLifetimePs/);
    const shard = await inProcess(sweepMain, ['--vary', 'density=1e16,1e17', '--shard', '5/4']);
    expect(shard.code).toBe(2);
    expect(shard.err).toMatch(/--shard = "5\/4" is not allowed; allowed: K\/N/);
  });
});
