// README's "How biased is the tail method?" table is quoted as printed by examples/ta-round-trip.ts: it must be what
// the current model and tail fit give (numbers compared to their printed digits).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { roundTripTable } from '../../examples/ta-round-trip-table.ts';

const README = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
const numbers = (line: string) => (line.match(/[-+]?\d+(\.\d+)?(e[-+]?\d+)?/g) ?? []).map(Number);
const words = (line: string) => line.replace(/[-+]?\d+(\.\d+)?(e[-+]?\d+)?/g, '#');

describe('README round-trip table', () => {
  it('matches examples/ta-round-trip.ts on this model', () => {
    const fresh = roundTripTable();
    const start = README.indexOf(fresh[0]);
    expect(start, 'the table header is in README').toBeGreaterThan(0);
    const quoted = README.slice(start).split('\n').slice(0, fresh.length);
    expect(quoted.length).toBe(fresh.length);
    for (let i = 0; i < fresh.length; i++) {
      expect(words(quoted[i]), `row ${i}`).toBe(words(fresh[i]));
      const a = numbers(quoted[i]);
      const b = numbers(fresh[i]);
      expect(a.length).toBe(b.length);
      // the last printed digit may differ by one where a value sits on a rounding edge
      for (let j = 0; j < a.length; j++) expect(Math.abs(a[j] - b[j]), `row ${i}: README ${quoted[i]}\nnow ${fresh[i]}`).toBeLessThanOrEqual(Math.abs(b[j]) * 2e-3 + 0.11);
    }
  }, 60_000);
});
