// End-to-end: the real `hotcarrier` command as a child process — exit codes and the two streams.

import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TIMEOUT_MS = 30_000;

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run a command from the repository root; resolves with the exit code and both streams (never rejects on exit ≠ 0). */
function spawn(file: string, args: string[]): Promise<Exit> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd: ROOT, timeout: TIMEOUT_MS, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error && (error.killed || error.signal)) return reject(new Error(`${file} ${args.join(' ')} was killed (${error.signal}); stderr: ${stderr}`));
      if (error && typeof error.code !== 'number') return reject(error);
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

describe('hotcarrier as a child process', () => {
  it('simulate --json exits 0 with JSON on stdout and nothing on stderr', async () => {
    const r = await spawn(process.execPath, ['bin/hotcarrier.mjs', 'simulate', '--composition', 'CsPbI3', '--edge-nm', '8', '--density', '1e18', '--points', '30', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const j = JSON.parse(r.stdout);
    expect(j.input).toMatchObject({ composition: 'CsPbI3', edgeNm: 8, densityCm3: 1e18 });
    expect(j.columns.tc_k).toHaveLength(30);
    expect(j.ledgerMaxRelError).toBeLessThan(1e-4);
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
  }, TIMEOUT_MS);

  it('bad input exits 2 with the message on stderr and nothing on stdout', async () => {
    const r = await spawn(process.execPath, ['bin/hotcarrier.mjs', 'simulate', '--edge-nm', '8nm']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--edge-nm = "8nm" is not a number; allowed: a number from 2 to 50 nm/);
    const below = await spawn(process.execPath, ['bin/hotcarrier.mjs', 'simulate', '--composition', 'CsPbI3', '--pump-nm', '900']);
    expect(below.code).toBe(2);
    expect(below.stdout).toBe('');
    expect(below.stderr).toMatch(/--pump-nm.*900 nm.*below the gap/);
  }, TIMEOUT_MS);

  it('npx hotcarrier trends: a summary "k/n trends pass" that counts the PASS lines; exit 0 exactly when all pass', async () => {
    const r = await spawn('npx', ['--no-install', 'hotcarrier', 'trends']);
    expect(r.stderr).not.toMatch(/NaN|Error/);
    const pass = (r.stdout.match(/^PASS T\d+/gm) ?? []).length;
    const fail = (r.stdout.match(/^FAIL T\d+/gm) ?? []).length;
    const m = /^(\d+)\/(\d+) trends pass$/m.exec(r.stdout);
    expect(m, r.stdout).not.toBeNull();
    expect(Number(m![1])).toBe(pass);
    expect(Number(m![2])).toBe(pass + fail);
    expect(Number(m![2])).toBe(13);
    expect(r.code === 0).toBe(pass === 13);
    expect([0, 1]).toContain(r.code);
  }, TIMEOUT_MS);
});
