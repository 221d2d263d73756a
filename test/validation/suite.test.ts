// The literature validation suite: it runs, every entry is sourced and justified, calibrations are not counted.

import { describe, expect, it } from 'vitest';
import { ENTRIES } from '../../src/validation/entries.ts';
import { RunCache, runValidation } from '../../src/validation/runner.ts';
import type { ValidationEntry } from '../../src/validation/types.ts';
import { run } from '../cli/helpers.ts';

const DOI = /^10\.\d{4,9}\/\S+$/;

describe('validation entries', () => {
  it('at least 15 entries from at least 8 papers', () => {
    expect(ENTRIES.filter((e) => !e.calibration).length).toBeGreaterThanOrEqual(15);
    expect(new Set(ENTRIES.map((e) => e.doi.toLowerCase())).size).toBeGreaterThanOrEqual(8);
  });

  it('unique ids', () => {
    expect(new Set(ENTRIES.map((e) => e.id)).size).toBe(ENTRIES.length);
  });

  for (const e of ENTRIES) {
    it(`${e.id}: DOI, source, units, conditions, tolerance reason`, () => {
      expect(e.doi).toMatch(DOI);
      expect(e.source.authors.length).toBeGreaterThan(0);
      expect(e.source.figure.length).toBeGreaterThan(0);
      expect(e.source.readAt.length).toBeGreaterThan(0);
      expect(typeof e.quantity.unit).toBe('string');
      expect(e.published.unit).toBe(e.quantity.unit);
      expect(Number.isFinite(e.published.value)).toBe(true);
      expect(e.published.note.length).toBeGreaterThan(0);
      expect(Object.keys(e.paperConditions).length).toBeGreaterThan(0);
      expect(e.conversion.length).toBeGreaterThan(0);
      expect(Object.keys(e.runs).length).toBeGreaterThan(0);
      expect(e.toleranceReason.trim().length).toBeGreaterThan(20);
      expect(typeof e.calibration).toBe('boolean');
      const t = e.tolerance;
      if (t.kind === 'at-least' || t.kind === 'at-most') expect(e.published.value, 'a bound is published as its limit').toBe(t.limit);
      if (t.kind === 'factor') expect(t.factor).toBeGreaterThan(1);
    });
  }
});

describe('validation runner', () => {
  it('runs every entry and reports a value, ratio and verdict for each', () => {
    const report = runValidation();
    expect(report.entries).toHaveLength(ENTRIES.length);
    for (const o of report.entries) {
      expect(['agree', 'disagree']).toContain(o.verdict);
      expect(o.pass).toBe(o.verdict === 'agree');
      if (o.model.value !== null) expect(Number.isFinite(o.model.value)).toBe(true);
      expect(o.detail).not.toMatch(/NaN/);
    }
    const s = report.summary;
    expect(s.counted).toBe(ENTRIES.filter((e) => !e.calibration).length);
    expect(s.agree + s.disagree).toBe(s.counted);
    expect(s.passed).toBe(s.agree >= 0.8 * s.counted);
  });

  it('every entry\'s inputs are accepted by the model (a refused input is a broken entry)', () => {
    const report = runValidation();
    for (const o of report.entries) expect(o.model.note, o.id).not.toMatch(/entry inputs refused/);
  });

  it('the 1/e extraction agrees with the engine\'s own 1/e metric on a real run', async () => {
    const { simulate } = await import('../../src/model/simulate.ts');
    const { oneOverETimePs } = await import('../../src/validation/extract.ts');
    const { curveOf } = await import('../../src/validation/helpers.ts');
    for (const input of [
      { composition: 'MAPbI3', edgeNm: null, densityCm3: 1e18, pumpNm: 400, tStartPs: 0.01, tEndPs: 1000, nPoints: 400 },
      { composition: 'CsPbBr3', edgeNm: 8, nPerNc: 0.1, pumpNm: 350, tStartPs: 0.01, tEndPs: 1000, nPoints: 400 },
    ]) {
      const r = simulate(input);
      const mine = oneOverETimePs(curveOf(r)) as number;
      const engine = r.metrics.tau1ePs as number;
      expect(Math.abs(mine - engine) / engine, `${input.composition}: ${mine} vs ${engine}`).toBeLessThan(0.02);
    }
  });

  it('shares identical runs between entries', () => {
    const cache = new RunCache();
    runValidation(ENTRIES, cache);
    const distinct = new Set(ENTRIES.flatMap((e) => Object.values(e.runs).map((r) => JSON.stringify(r, Object.keys(r).sort())))).size;
    expect(cache.count).toBe(distinct);
  });

  it('a calibration entry is reported but not counted', () => {
    const base = ENTRIES[0];
    const agreeing: ValidationEntry = {
      ...base, id: 'fitted', calibration: true,
      measure: () => ({ value: base.published.value, note: 'fitted' }),
      tolerance: { kind: 'factor', factor: 1.01 },
    };
    const disagreeing: ValidationEntry = { ...base, id: 'real', measure: () => ({ value: base.published.value * 100, note: '' }), tolerance: { kind: 'factor', factor: 2 } };
    const r = runValidation([agreeing, disagreeing]);
    expect(r.entries.map((e) => e.verdict)).toEqual(['agree', 'disagree']);
    expect(r.summary.counted).toBe(1);
    expect(r.summary.calibrations).toBe(1);
    expect(r.summary.agree).toBe(0);
    expect(r.summary.passed).toBe(false);
  });

  it('a value just outside its bound is printed with the digits that tell it from the bound', () => {
    const at = (value: number, limit: number): ValidationEntry => ({ ...ENTRIES[0], id: `near-${value}`, published: { ...ENTRIES[0].published, value: limit }, measure: () => ({ value, note: '' }), tolerance: { kind: 'at-least', limit } });
    const [below, above] = runValidation([at(1.0969, 1.1), at(1.1031, 1.1)]).entries;
    expect(below.verdict).toBe('disagree');
    expect(below.detail).toMatch(/^model 1\.097\b.* vs published ≥ 1\.1\b/);
    expect(above.verdict).toBe('agree');
    expect(above.detail).toMatch(/^model 1\.103\b/);
    // far from the bound: three significant digits as before
    expect(runValidation([at(1.5, 1.1)]).entries[0].detail).toMatch(/^model 1\.5\b/);
  });

  it('a measure that throws gives no value and a disagreement, not a crash', () => {
    const e: ValidationEntry = { ...ENTRIES[0], id: 'broken', measure: () => { throw new Error('not reached'); } };
    const r = runValidation([e]);
    expect(r.entries[0].model.value).toBeNull();
    expect(r.entries[0].verdict).toBe('disagree');
    expect(r.entries[0].detail).toMatch(/not reached/);
  });
});

describe('hotcarrier validate', () => {
  it('--json parses, carries every entry, and the exit code follows the 80 % rule', async () => {
    const r = await run(['validate', '--json']);
    const data = JSON.parse(r.out);
    expect(data.entries).toHaveLength(ENTRIES.length);
    for (const e of data.entries) {
      for (const k of ['id', 'title', 'doi', 'source', 'sample', 'conditions', 'quantity', 'published', 'model', 'ratio', 'tolerance', 'toleranceReason', 'calibration', 'verdict', 'pass', 'detail']) {
        expect(e, k).toHaveProperty(k);
      }
    }
    expect(r.code).toBe(data.summary.passed ? 0 : 1);
  });

  it('refuses simulate options instead of ignoring them', async () => {
    for (const argv of [['validate', '--density', '1e19'], ['validate', '--csv'], ['validate', '--composition', 'CsPbBr3', '--json']]) {
      const r = await run(argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(/validate takes no --(density|csv|composition)/);
      expect(r.err).toMatch(/allowed: hotcarrier validate \[--json\]/);
    }
  });

  it('--lo-pool validates a model choice: an unknown pool is refused by name before any simulation', async () => {
    const r = await run(['validate', '--lo-pool', 'nope']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/loPool \(--lo-pool\) = "nope" is unknown; allowed: single, resolved/);
  });

  it('text: one verdict line per entry and "k/n agree"', async () => {
    const r = await run(['validate']);
    const verdictLines = r.out.split('\n').filter((l) => /^(AGREE|DIFF |CALIB) /.test(l));
    expect(verdictLines).toHaveLength(ENTRIES.length);
    expect(r.out).toMatch(/\n\d+\/\d+ agree/);
  });
});
