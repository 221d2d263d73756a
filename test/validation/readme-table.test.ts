// README's validation table is quoted as seen output: it must say what the stored verdict table (itself checked
// against a fresh run by verdicts.test.ts) says — every entry, its band, the model value and the verdict.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { VERDICT_TABLE } from '../../src/validation/verdicts.generated.ts';

const README = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

interface Row { id: string; doi: string; model: string; band: string; verdict: string }

function tableRows(): Row[] {
  return README.split('\n')
    .filter((l) => /^\| `[a-z0-9.-]+` \| 10\./.test(l))
    .map((l) => {
      const cells = l.split('|').slice(1, -1).map((c) => c.trim());
      return { id: cells[0].replace(/`/g, ''), doi: cells[1], model: cells[4], band: cells[5], verdict: cells[6] };
    });
}

describe('README validation table', () => {
  const rows = tableRows();

  it('lists every entry of the suite once', () => {
    expect(rows.map((r) => r.id).sort()).toEqual(VERDICT_TABLE.entries.map((e) => e.id).sort());
  });

  it('quotes each entry as the stored run has it: DOI, band, verdict and the model value to its printed digits', () => {
    for (const e of VERDICT_TABLE.entries) {
      const row = rows.find((r) => r.id === e.id)!;
      expect(row.doi, e.id).toBe(e.doi);
      expect(row.band, e.id).toBe(e.band);
      const verdict = e.calibration ? 'calibration (not counted)' : `**${e.verdict}**`;
      expect(row.verdict, e.id).toBe(verdict);
      if (e.model === null) continue;
      const printed = Number.parseFloat(row.model);
      expect(Number.isFinite(printed), `${e.id}: model cell "${row.model}"`).toBe(true);
      // three significant digits are printed: within half a unit of the third digit
      expect(Math.abs(printed - e.model), `${e.id}: README ${row.model}, run ${e.model}`).toBeLessThanOrEqual(Math.abs(e.model) * 6e-3 + 1e-12);
    }
  });

  it('states the suite total the stored run gives', () => {
    expect(README).toContain(`**${VERDICT_TABLE.agree}/${VERDICT_TABLE.counted} agree`);
    expect(README).toMatch(new RegExp(`\\(${VERDICT_TABLE.agree} of the ${VERDICT_TABLE.counted}\\s+that count agree`));
  });
});
