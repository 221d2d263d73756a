// The bundled CLI's V8 code cache (bin/run-bundle.mjs): used when it fits, and when it is missing, stale, corrupt,
// truncated, not writable or switched off the command still runs and prints the same; an unusable cache is rewritten
// after a simulate. Runs the real `hotcarrier` command from a copy of bin/ and the built lib/ (an installed layout: no
// sources), so the test's cache files never touch the checkout's.

import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const ARGV = ['simulate', '--composition', 'CsPbI3', '--edge-nm', '8', '--n-per-nc', '0.1', '--points', '30', '--json'];

let dir = '';
let cacheFile = '';
let reference = '';

interface Exit { code: number; stdout: string; stderr: string }

function hotcarrier(args: string[], env: Record<string, string> = {}, nodeFlags: string[] = []): Promise<Exit> {
  const e: Record<string, string | undefined> = { ...process.env, HOTCARRIER_TRACE_STARTUP: '1', ...env };
  delete e.NODE_OPTIONS;
  delete e.HOTCARRIER_CODE_CACHE;
  Object.assign(e, env);
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...nodeFlags, join(dir, 'bin', 'hotcarrier.mjs'), ...args], { env: e, timeout: 60_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') return reject(error);
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

/** The output without the solver's wall time, which differs from run to run. */
const stable = (stdout: string) => {
  const j = JSON.parse(stdout) as { solver: Record<string, unknown> };
  delete j.solver.wallMs;
  return JSON.stringify(j);
};

/** The cache state the start-up trace reports. */
const cacheState = (r: Exit) => /code cache ([^\n]*)/.exec(r.stderr)?.[1];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hotcarrier-cache-'));
  cpSync(join(ROOT, 'bin'), join(dir, 'bin'), { recursive: true });
  cpSync(join(ROOT, 'lib'), join(dir, 'lib'), { recursive: true });
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  cacheFile = join(dir, 'lib', 'cli', 'main.bundle.v8cache');
  const r = await hotcarrier(ARGV);
  expect(r.code, r.stderr).toBe(0);
  reference = stable(r.stdout);
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the code cache of the bundled CLI', () => {
  it('is built with the package and used', async () => {
    expect(existsSync(cacheFile), 'npm run build:lib writes lib/cli/main.bundle.v8cache').toBe(true);
    const header = JSON.parse(readFileSync(cacheFile).subarray(0, readFileSync(cacheFile).indexOf(10)).toString('utf8')) as Record<string, unknown>;
    expect(header).toMatchObject({ format: 'hotcarrier-v8-code-cache/1', node: process.version, v8: process.versions.v8 });
    expect(header.bundle).toMatch(/^[0-9a-f]{64}$/);
    const r = await hotcarrier(ARGV);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('main.bundle.cjs');
    expect(cacheState(r)).toBe('used');
    expect(stable(r.stdout)).toBe(reference);
  }, 60_000);

  const damages: [string, (file: Buffer) => Buffer, string][] = [
    ['corrupt (one byte of the cached code changed)', (f) => { const g = Buffer.from(f); g[g.length >> 1] ^= 0xff; return g; }, 'corrupt'],
    ['truncated', (f) => f.subarray(0, f.length >> 1), 'corrupt'],
    ['not a cache at all', () => Buffer.from('garbage\n\u0000\u0001'), 'corrupt'],
    ['empty', () => Buffer.alloc(0), 'corrupt'],
    ['made for another bundle', (f) => {
      const nl = f.indexOf(10);
      const h = JSON.parse(f.subarray(0, nl).toString('utf8')) as Record<string, unknown>;
      return Buffer.concat([Buffer.from(JSON.stringify({ ...h, bundle: '0'.repeat(64) }) + '\n'), f.subarray(nl + 1)]);
    }, 'stale'],
    ['made for another Node', (f) => {
      const nl = f.indexOf(10);
      const h = JSON.parse(f.subarray(0, nl).toString('utf8')) as Record<string, unknown>;
      return Buffer.concat([Buffer.from(JSON.stringify({ ...h, node: 'v0.0.1' }) + '\n'), f.subarray(nl + 1)]);
    }, 'stale'],
  ];
  for (const [what, damage, state] of damages) {
    it(`when ${what}: ignored, the same output, rewritten, then used`, async () => {
      writeFileSync(cacheFile, damage(readFileSync(cacheFile)));
      const r = await hotcarrier(ARGV);
      expect(r.code, r.stderr).toBe(0);
      expect(cacheState(r)).toBe(`${state}, written`);
      expect(stable(r.stdout)).toBe(reference);
      const again = await hotcarrier(ARGV);
      expect(cacheState(again)).toBe('used');
      expect(stable(again.stdout)).toBe(reference);
    }, 60_000);
  }

  it('when missing: written by the next simulate; another command uses it but never writes it', async () => {
    rmSync(cacheFile);
    const materials = await hotcarrier(['materials']);
    expect(materials.code, materials.stderr).toBe(0);
    expect(cacheState(materials)).toBe('missing');
    expect(existsSync(cacheFile)).toBe(false);
    const r = await hotcarrier(ARGV);
    expect(cacheState(r)).toBe('missing, written');
    expect(stable(r.stdout)).toBe(reference);
    expect(cacheState(await hotcarrier(['materials']))).toBe('used');
  }, 60_000);

  it('when it cannot be written (a directory in its place): the command still runs, and leaves no temporary file', async () => {
    rmSync(cacheFile);
    mkdirSync(cacheFile);
    try {
      const r = await hotcarrier(ARGV);
      expect(r.code, r.stderr).toBe(0);
      expect(cacheState(r)).toBe('missing, not writable');
      expect(stable(r.stdout)).toBe(reference);
      expect(readdirSync(join(dir, 'lib', 'cli')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      rmSync(cacheFile, { recursive: true, force: true });
    }
    expect(cacheState(await hotcarrier(ARGV))).toBe('missing, written');
  }, 60_000);

  it('with other V8 flags (node --max-lazy): V8 rejects it, the command runs the same', async () => {
    const r = await hotcarrier(ARGV, {}, ['--max-lazy']);
    expect(r.code, r.stderr).toBe(0);
    expect(cacheState(r)).toBe('rejected, written');
    expect(stable(r.stdout)).toBe(reference);
    // and back: the flag set of a plain run rewrites it for itself
    expect(cacheState(await hotcarrier(ARGV))).toBe('rejected, written');
    expect(cacheState(await hotcarrier(ARGV))).toBe('used');
  }, 60_000);

  it('HOTCARRIER_CODE_CACHE=0 switches it off: neither read nor written', async () => {
    rmSync(cacheFile);
    const r = await hotcarrier(ARGV, { HOTCARRIER_CODE_CACHE: '0' });
    expect(r.code, r.stderr).toBe(0);
    expect(cacheState(r)).toBe('off');
    expect(stable(r.stdout)).toBe(reference);
    expect(existsSync(cacheFile)).toBe(false);
  }, 60_000);

  it('bad input keeps its message and exit code through the bundle', async () => {
    const r = await hotcarrier(['simulate', '--edge-nm', '80']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('edgeNm (--edge-nm) = 80 nm is out of range; allowed: a number from 2 to 50 nm');
  }, 60_000);
});
