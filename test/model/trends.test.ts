// Every trend T1–T13 of the review, run through the model (CsPbI3 8 nm base).

import { describe, expect, it } from 'vitest';
import { runTrends, TREND_TITLES, type TrendId } from '../../src/index.ts';

/**
 * Trends the model is known to fail, each with where the reason is written. The test asserts the failure, so a
 * change that makes one pass (or another one fail) shows up here and the documents get updated with it.
 */
const KNOWN_FAILING: Partial<Record<TrendId, string>> = {
  T12: 'README "Known limitations" and docs/model.md "What the model leaves out": no NC-side mechanism; with carrier screening in the film and τ_XX ∝ V the 10 nm MAPbBr3 NC cools as fast as the film',
};

describe('the review\'s trends', () => {
  for (const id of Object.keys(TREND_TITLES) as TrendId[]) {
    it(`${id}: ${TREND_TITLES[id]}${KNOWN_FAILING[id] ? ' (known to fail)' : ''}`, () => {
      const [result] = runTrends({ only: [id] });
      expect(result.id).toBe(id);
      expect(Object.keys(result.numbers).length).toBeGreaterThan(0);
      for (const v of Object.values(result.numbers)) expect(Number.isFinite(v)).toBe(true);
      expect(result.passed, `${result.detail}${KNOWN_FAILING[id] ? ` — listed as known to fail: ${KNOWN_FAILING[id]}` : ''}`).toBe(!KNOWN_FAILING[id]);
    });
  }
});
