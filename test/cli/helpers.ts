// Helpers for the CLI tests: run `main(argv, io)` in-process and collect the exit code and both streams.

import { expect } from 'vitest';
import { main } from '../../cli/main.ts';

export interface Run {
  code: number;
  out: string;
  err: string;
}

/** Run the `hotcarrier` command in-process; each write is kept as a line, as the real streams would show it. */
export async function run(argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await main(argv, {
    out: (t) => (out += t.endsWith('\n') ? t : t + '\n'),
    err: (t) => (err += t.endsWith('\n') ? t : t + '\n'),
  });
  return { code, out, err };
}

/** What a bad-input message must say: the parameter (any of these flag or key spellings), the value, what is allowed. */
export interface BadInputExpectation {
  param: string[];
  value: string | RegExp;
  allowed: RegExp | RegExp[];
}

function contains(text: string, needle: string | RegExp): boolean {
  return typeof needle === 'string' ? text.includes(needle) : needle.test(text);
}

/** Exit 2, nothing on stdout, and a message on stderr naming the parameter, the value and what is allowed. */
export function expectBadInput(r: Run, e: BadInputExpectation): void {
  expect(r.code, `exit code; stderr: ${r.err}`).toBe(2);
  expect(r.out, 'stdout must stay empty on bad input').toBe('');
  expect(r.err.trim().length, 'stderr carries a message').toBeGreaterThan(0);
  expect(e.param.some((p) => r.err.includes(p)), `stderr names one of ${e.param.join(', ')}: ${r.err}`).toBe(true);
  expect(contains(r.err, e.value), `stderr names the value ${String(e.value)}: ${r.err}`).toBe(true);
  for (const a of Array.isArray(e.allowed) ? e.allowed : [e.allowed]) {
    expect(contains(r.err, a), `stderr says what is allowed (${String(a)}): ${r.err}`).toBe(true);
  }
}

/** Escape text for use inside a RegExp. */
export function escapeRe(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
