// examples/synthetic-tc-fit.csv is the model's own output with seeded noise (README's fit examples read it): it must be
// what the current model makes, or the fits there no longer recover the parameters it was made with.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticTcFitCsv } from '../../examples/synthetic-tc-fit-data.ts';

const rows = (text: string) => text.split('\n').filter((l) => /^[0-9]/.test(l)).map((l) => l.split(',').map(Number));

describe('examples/synthetic-tc-fit.csv', () => {
  it('matches what the current model makes (else: node bin/run-ts.mjs examples/make-synthetic-tc-fit.ts)', () => {
    const committed = readFileSync(join(import.meta.dirname, '../../examples/synthetic-tc-fit.csv'), 'utf8');
    const fresh = syntheticTcFitCsv();
    expect(committed.split('\n').filter((l) => l.startsWith('#'))).toEqual(fresh.split('\n').filter((l) => l.startsWith('#')));
    const a = rows(committed);
    const b = rows(fresh);
    expect(a.length).toBe(18);
    expect(b.length).toBe(a.length);
    // one decimal in the file: allow its rounding, nothing more
    for (let i = 0; i < a.length; i++) for (let j = 0; j < 3; j++) expect(Math.abs(a[i][j] - b[i][j])).toBeLessThanOrEqual(0.100001);
  });
});
