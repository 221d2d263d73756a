// Known disagreements: a run in the regime of a disagreeing entry gets its note, with the entry's own fields; agreeing
// entries and runs outside every regime get none.

import { describe, expect, it } from 'vitest';
import { knownDisagreements } from '../../src/index.ts';
import { simulate } from '../../src/model/simulate.ts';
import { ENTRIES } from '../../src/validation/entries.ts';
import {
  knownDisagreementText, knownDisagreementsAt, knownDisagreementsOf, modelChangesOf,
} from '../../src/validation/known-disagreements.ts';
import { pointOfInput } from '../../src/validation/regime-derive.ts';
import type { RegimePoint } from '../../src/validation/regime.ts';
import type { StoredVerdict, VerdictTable } from '../../src/validation/verdict-table.ts';
import { VERDICT_TABLE } from '../../src/validation/verdicts.generated.ts';

const disagreeing = VERDICT_TABLE.entries.filter((e) => !e.calibration && e.verdict === 'disagree');
const verdictOf = new Map(VERDICT_TABLE.entries.map((e) => [e.id, e]));
const entryOf = new Map(ENTRIES.map((e) => [e.id, e]));
/** The runs an entry's regime speaks for. */
const regimeRunsOf = (id: string) => {
  const e = entryOf.get(id)!;
  return (e.regime?.runs ?? Object.keys(e.runs)).map((name) => e.runs[name]);
};

describe('knownDisagreementsAt (stored table)', () => {
  it('the table holds at least one disagreement to report (else these tests prove nothing)', () => {
    expect(disagreeing.length).toBeGreaterThan(0);
  });

  it('every disagreeing entry is reached by its own runs\' inputs', () => {
    for (const e of disagreeing) {
      for (const input of regimeRunsOf(e.id)) {
        const ids = knownDisagreementsAt(pointOfInput(input)).map((n) => n.id);
        expect(ids, `${e.id}: ${JSON.stringify(input)}`).toContain(e.id);
      }
    }
  });

  it('no input of any entry gets a note of an agreeing entry or a calibration', () => {
    for (const e of ENTRIES) {
      for (const input of Object.values(e.runs)) {
        for (const n of knownDisagreementsAt(pointOfInput(input))) {
          const stored = verdictOf.get(n.id)!;
          expect(stored.verdict, n.id).toBe('disagree');
          expect(stored.calibration, n.id).toBe(false);
        }
      }
    }
  });

  it('a note carries the entry\'s DOI, quantity, published value, unit and pointsAt, and the suite\'s model value and ratio', () => {
    for (const stored of disagreeing) {
      const entry = entryOf.get(stored.id)!;
      const note = knownDisagreementsAt(pointOfInput(regimeRunsOf(stored.id)[0])).find((n) => n.id === stored.id)!;
      expect(note.doi).toBe(entry.doi);
      expect(note.title).toBe(entry.title);
      expect(note.quantity).toBe(entry.quantity.name);
      expect(note.unit).toBe(entry.quantity.unit);
      expect(note.published).toBe(entry.published.value);
      expect(note.pointsAt).toBe(entry.pointsAt);
      expect(note.model).toBe(stored.model);
      expect(note.ratio).toBe(stored.ratio);
      if (note.model !== null && note.ratio !== null) {
        const reference = entry.tolerance.kind === 'at-least' || entry.tolerance.kind === 'at-most' ? entry.tolerance.limit : entry.published.value;
        expect(note.ratio).toBeCloseTo(note.model / reference, 2);
      }
      const line = knownDisagreementText(note);
      for (const bit of [note.id, `doi:${note.doi}`, note.quantity, 'points at:']) expect(line).toContain(bit);
    }
  });

  it('outside a regime (another lattice temperature, another acceptor) the entry gives no note', () => {
    for (const e of disagreeing) {
      const p = pointOfInput(regimeRunsOf(e.id)[0]);
      const ids = (q: RegimePoint) => knownDisagreementsAt(q).map((n) => n.id);
      expect(ids({ ...p, latticeK: 20 }), e.id).not.toContain(e.id);
      expect(ids({ ...p, acceptor: p.acceptor === 'none' ? 'cold' : 'none' }), e.id).not.toContain(e.id);
      expect(ids({ ...p, formula: 'not-a-formula' }), e.id).not.toContain(e.id);
    }
  });

  it('the verdict decides: the same regime gives a note when it disagrees and none when it agrees', () => {
    const row = disagreeing[0];
    const point = pointOfInput(regimeRunsOf(row.id)[0]);
    const table = (verdict: StoredVerdict['verdict'], calibration = false): VerdictTable => ({ agree: 0, counted: 1, entries: [{ ...row, verdict, calibration }] });
    expect(knownDisagreementsAt(point, table('disagree')).map((n) => n.id)).toEqual([row.id]);
    expect(knownDisagreementsAt(point, table('agree'))).toEqual([]);
    expect(knownDisagreementsAt(point, table('disagree', true))).toEqual([]);
  });
});

describe('knownDisagreements(input) and of a result', () => {
  it('give the same notes: from the input alone, and from a result\'s input and derived', () => {
    const input = { ...regimeRunsOf(disagreeing[0].id)[0], tEndPs: 10, nPoints: 20 };
    const r = simulate(input);
    const fromInput = knownDisagreements(input);
    expect(fromInput.map((n) => n.id)).toContain(disagreeing[0].id);
    expect(knownDisagreementsOf(r.input, r.derived)).toEqual(fromInput);
  });

  it('refuses an input simulate would refuse', () => {
    expect(() => knownDisagreements({ composition: 'CsPbBr3', edgeNm: 8, nPerNc: -1 })).toThrow(/nPerNc/);
  });

  it('modelChangesOf lists the model choices the stored verdicts were not taken with', () => {
    expect(modelChangesOf({ composition: 'CsPbBr3', edgeNm: 8 })).toEqual([]);
    expect(modelChangesOf({ composition: 'CsPbBr3', edgeNm: 8, loPool: 'single', switches: { screening: true } })).toEqual([]);
    const changes = modelChangesOf({ composition: 'CsPbBr3', edgeNm: 8, loPool: 'resolved', switches: { screening: false }, materialOverrides: { loLifetimePs: 1 } });
    expect(changes.join('; ')).toMatch(/screening.*loLifetimePs.*loPool resolved/);
  });
});
