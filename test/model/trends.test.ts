// Every trend T1–T13 of the review, run through the model.

import { describe, expect, it } from 'vitest';
import { runTrends, TREND_TITLES, type TrendId } from '../../src/index.ts';

describe('the review\'s trends', () => {
  for (const id of Object.keys(TREND_TITLES) as TrendId[]) {
    it(`${id}: ${TREND_TITLES[id]}`, () => {
      const [result] = runTrends({ only: [id] });
      expect(result.id).toBe(id);
      expect(Object.keys(result.numbers).length).toBeGreaterThan(0);
      for (const v of Object.values(result.numbers)) expect(Number.isFinite(v)).toBe(true);
      expect(result.passed, result.detail).toBe(true);
    });
  }
});
