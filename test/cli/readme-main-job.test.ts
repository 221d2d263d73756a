// README's "On a fresh machine" block quotes what the main job prints: it must be what it prints now, but for the
// solver's wall time (the only line with a clock in it).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './helpers.ts';

const README = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
const MAIN_JOB = 'npx hotcarrier simulate --composition CsPbI3 --edge-nm 8 --n-per-nc 0.1';

/** The text block after "What the first prints". */
function quotedBlock(): string[] {
  const at = README.indexOf('What the first prints');
  const open = README.indexOf('```text\n', at) + '```text\n'.length;
  const close = README.indexOf('\n```', open);
  return README.slice(open, close).split('\n');
}

const clockFree = (line: string) => line.replace(/, [0-9.]+ ms$/, ', <time> ms');

describe('README main job', () => {
  it('the README states the main job command it quotes', () => {
    expect(README).toContain(`npm ci && ${MAIN_JOB}`);
  });

  it('prints what the README quotes, line by line, but for the solver wall time', async () => {
    const r = await run(MAIN_JOB.split(' ').slice(2));
    expect(r.code).toBe(0);
    const printed = r.out.trimEnd().split('\n').map(clockFree);
    expect(quotedBlock().map(clockFree)).toEqual(printed);
  }, 60_000);
});
