// The stored verdict table (src/validation/verdicts.generated.ts) must be the suite's outcome today: this re-runs the
// suite and fails when a verdict, value, regime or note text differs, so a physics change that flips a verdict forces
// the table to be refreshed (`npx hotcarrier validate --write-verdicts`).

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENTRIES } from '../../src/validation/entries.ts';
import { runValidation } from '../../src/validation/runner.ts';
import { verdictTable, verdictTableSource, type StoredVerdict } from '../../src/validation/verdict-table.ts';
import { VERDICT_TABLE } from '../../src/validation/verdicts.generated.ts';

const REFRESH = 'the stored verdicts are stale: run `npx hotcarrier validate --write-verdicts` and commit src/validation/verdicts.generated.ts';
/** Model values and ratios are stored to 4 significant digits; a change below that is solver noise, not a new outcome. */
const VALUE_REL_TOLERANCE = 2e-3;

const close = (a: number | null, b: number | null) => (a === null || b === null ? a === b : Math.abs(a - b) <= VALUE_REL_TOLERANCE * Math.max(Math.abs(a), Math.abs(b)));

describe('stored verdicts', () => {
  const fresh = verdictTable(ENTRIES, runValidation(ENTRIES));

  it('hold every entry of the suite, in its order', () => {
    expect(VERDICT_TABLE.entries.map((e) => e.id), REFRESH).toEqual(ENTRIES.map((e) => e.id));
  });

  it('equal the verdicts, summary, regimes and texts of a fresh run', () => {
    expect({ agree: VERDICT_TABLE.agree, counted: VERDICT_TABLE.counted }, REFRESH).toEqual({ agree: fresh.agree, counted: fresh.counted });
    const stored = new Map(VERDICT_TABLE.entries.map((e) => [e.id, e]));
    for (const now of fresh.entries) {
      const was = stored.get(now.id) as StoredVerdict;
      const { model, ratio, ...rest } = now;
      const { model: wasModel, ratio: wasRatio, ...wasRest } = was;
      expect(wasRest, `${now.id}: ${REFRESH}`).toEqual(rest);
      expect(close(wasModel, model), `${now.id} model value ${wasModel} stored, ${model} now: ${REFRESH}`).toBe(true);
      expect(close(wasRatio, ratio), `${now.id} ratio ${wasRatio} stored, ${ratio} now: ${REFRESH}`).toBe(true);
    }
  });

  it('the file is the generator\'s text of its table (not edited by hand)', () => {
    const text = readFileSync(new URL('../../src/validation/verdicts.generated.ts', import.meta.url), 'utf8');
    expect(text).toBe(verdictTableSource(VERDICT_TABLE));
  });

  it('a flipped verdict is caught (the comparison can fail)', () => {
    const flipped = { ...fresh.entries[0], verdict: fresh.entries[0].verdict === 'agree' ? 'disagree' : 'agree' };
    const { model: _m, ratio: _r, ...rest } = flipped;
    const { model: _m2, ratio: _r2, ...freshRest } = fresh.entries[0];
    expect(rest).not.toEqual(freshRest);
    expect(close(1, 1.01)).toBe(false);
    expect(close(1, 1.001)).toBe(true);
  });
});
