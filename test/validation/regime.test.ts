// The regime of a validation entry: derived from its runs (hull of their conditions, widened by the declared margins),
// and the test of whether a simulation lies inside.

import { describe, expect, it } from 'vitest';
import { ENTRIES } from '../../src/validation/entries.ts';
import { describePart, matchingPart, partContains, type RegimePart, type RegimePoint } from '../../src/validation/regime.ts';
import {
  EDGE_WIDEN_FACTOR, EXCITATION_WIDEN_FACTOR, LATTICE_WIDEN_K, PUMP_WIDEN_EV, pointOfInput, regimeOfEntry,
} from '../../src/validation/regime-derive.ts';
import type { ValidationEntry } from '../../src/validation/types.ts';

const NC_PART: RegimePart = {
  sample: 'nc', compositions: ['MAPbBr3'], edgeNm: [8, 12], densityCm3: null, nPerNc: [0.03, 0.3],
  latticeK: [270, 320], pumpEv: null, acceptor: 'none',
};
const FILM_PART: RegimePart = {
  sample: 'film', compositions: ['MAPbI3'], edgeNm: null, densityCm3: [1e17, 1e18], nPerNc: null,
  latticeK: [270, 320], pumpEv: [2.1, 2.4], acceptor: 'none',
};
const NC_POINT: RegimePoint = { sample: 'nc', formula: 'MAPbBr3', edgeNm: 10, densityCm3: 1e17, nPerNc: 0.1, latticeK: 295, pumpEv: 3.1, acceptor: 'none' };
const FILM_POINT: RegimePoint = { sample: 'film', formula: 'MAPbI3', edgeNm: null, densityCm3: 3e17, nPerNc: null, latticeK: 295, pumpEv: 2.25, acceptor: 'none' };

describe('partContains', () => {
  it('holds a point inside every range, edges included', () => {
    expect(partContains(NC_PART, NC_POINT)).toBe(true);
    expect(partContains(FILM_PART, FILM_POINT)).toBe(true);
    expect(partContains(NC_PART, { ...NC_POINT, edgeNm: 8, nPerNc: 0.3, latticeK: 320 })).toBe(true);
  });

  it('refuses a point outside any one condition', () => {
    const outside: [string, RegimePart, RegimePoint][] = [
      ['sample kind', NC_PART, { ...FILM_POINT, formula: 'MAPbBr3' }],
      ['composition', NC_PART, { ...NC_POINT, formula: 'CsPbBr3' }],
      ['edge below', NC_PART, { ...NC_POINT, edgeNm: 7.9 }],
      ['edge above', NC_PART, { ...NC_POINT, edgeNm: 12.1 }],
      ['⟨N⟩ above', NC_PART, { ...NC_POINT, nPerNc: 0.31 }],
      ['⟨N⟩ below', NC_PART, { ...NC_POINT, nPerNc: 0.02 }],
      ['lattice', NC_PART, { ...NC_POINT, latticeK: 77 }],
      ['acceptor', NC_PART, { ...NC_POINT, acceptor: 'hot' }],
      ['density', FILM_PART, { ...FILM_POINT, densityCm3: 5e18 }],
      ['pump, where it matters', FILM_PART, { ...FILM_POINT, pumpEv: 3.1 }],
    ];
    for (const [what, part, point] of outside) expect(partContains(part, point), what).toBe(false);
  });

  it('ignores the pump when the part does not hold it', () => {
    expect(partContains(NC_PART, { ...NC_POINT, pumpEv: 2.6 })).toBe(true);
  });

  it('matchingPart finds the part that holds the point, or none', () => {
    expect(matchingPart([NC_PART, FILM_PART], FILM_POINT)).toBe(FILM_PART);
    expect(matchingPart([NC_PART, FILM_PART], { ...FILM_POINT, formula: 'CsPbI3' })).toBeNull();
  });

  it('describePart names the composition, sample kind and each range', () => {
    const text = describePart(FILM_PART);
    expect(text).toMatch(/^MAPbI3 film/);
    for (const bit of ['density 1.0e+17–1.0e+18 cm^-3', 'lattice 270–320 K', 'pump 2.1–2.4 eV']) expect(text).toContain(bit);
    expect(describePart(NC_PART)).toContain('⟨N⟩ 0.03–0.3');
  });
});

const base = ENTRIES[0];
const entryWith = (runs: ValidationEntry['runs'], regime?: ValidationEntry['regime']): ValidationEntry => ({ ...base, id: 'synthetic', runs, regime });

describe('regimeOfEntry', () => {
  it('spans the runs of one sample and composition, widened by the declared margins', () => {
    const runs = {
      small: { composition: 'MAPbBr3', edgeNm: 7, nPerNc: 0.05, pumpNm: 400, latticeK: 295 },
      large: { composition: 'MAPbBr3', edgeNm: 13, nPerNc: 0.2, pumpNm: 400, latticeK: 295 },
    };
    const [part, ...more] = regimeOfEntry(entryWith(runs));
    expect(more).toHaveLength(0);
    expect(part.sample).toBe('nc');
    expect(part.compositions).toEqual(['MAPbBr3']);
    expect(part.edgeNm![0]).toBeCloseTo(7 / EDGE_WIDEN_FACTOR, 3);
    expect(part.edgeNm![1]).toBeCloseTo(13 * EDGE_WIDEN_FACTOR, 3);
    expect(part.nPerNc![0]).toBeCloseTo(0.05 / EXCITATION_WIDEN_FACTOR, 4);
    expect(part.nPerNc![1]).toBeCloseTo(0.2 * EXCITATION_WIDEN_FACTOR, 4);
    expect(part.latticeK).toEqual([295 - LATTICE_WIDEN_K, 295 + LATTICE_WIDEN_K]);
    expect(part.pumpEv).toBeNull();
    // each run lies in its own entry's regime
    for (const input of Object.values(runs)) expect(partContains(part, pointOfInput(input))).toBe(true);
  });

  it('takes the NC ⟨N⟩ from a fluence with the model\'s own conversion', () => {
    const input = { composition: 'MAPbBr3', edgeNm: 10, fluenceUJcm2: 0.7, pumpNm: 400 };
    const [part] = regimeOfEntry(entryWith({ nc: input }));
    const n = pointOfInput(input).nPerNc as number;
    expect(n).toBeGreaterThan(0);
    expect(part.nPerNc![0]).toBeCloseTo(n / EXCITATION_WIDEN_FACTOR, 4);
  });

  it('one part per sample kind; compositions with the same conditions merged; a film part by density', () => {
    const parts = regimeOfEntry(entryWith({
      nc: { composition: 'MAPbBr3', edgeNm: 10, nPerNc: 0.1, pumpNm: 400 },
      film: { composition: 'MAPbBr3', edgeNm: null, densityCm3: 1e17, pumpNm: 400 },
      fa: { composition: 'FAPbI3', edgeNm: null, densityCm3: 5e18, pumpNm: 400 },
      cs: { composition: 'CsPbI3', edgeNm: null, densityCm3: 5e18, pumpNm: 400 },
    }));
    expect(parts.map((p) => `${p.sample}:${p.compositions.join('+')}`)).toEqual(['nc:MAPbBr3', 'film:MAPbBr3', 'film:FAPbI3+CsPbI3']);
    expect(parts[1].densityCm3![1]).toBeCloseTo(1e17 * EXCITATION_WIDEN_FACTOR, -13);
    expect(parts[1].nPerNc).toBeNull();
  });

  it('regime.runs narrows the runs, regime.pumpMatters adds the pump range', () => {
    const runs = {
      a: { composition: 'MAPbI3', edgeNm: null, densityCm3: 1e17, pumpEv: 2.25 },
      b: { composition: 'CsPbBr3', edgeNm: null, densityCm3: 1e17, pumpEv: 2.9 },
    };
    const parts = regimeOfEntry(entryWith(runs, { runs: ['a'], pumpMatters: true }));
    expect(parts).toHaveLength(1);
    expect(parts[0].compositions).toEqual(['MAPbI3']);
    expect(parts[0].pumpEv![0]).toBeCloseTo(2.25 - PUMP_WIDEN_EV, 6);
    expect(parts[0].pumpEv![1]).toBeCloseTo(2.25 + PUMP_WIDEN_EV, 6);
  });

  it('a regime.runs name that is not a run is an error naming it', () => {
    expect(() => regimeOfEntry(entryWith({ a: base.runs[Object.keys(base.runs)[0]] }, { runs: ['nope'] }))).toThrow(/synthetic: regime.runs names "nope".*\(a\)/);
  });

  it('every entry of the suite has a regime its own runs lie in', () => {
    for (const e of ENTRIES) {
      const parts = regimeOfEntry(e);
      expect(parts.length, e.id).toBeGreaterThan(0);
      const names = e.regime?.runs ?? Object.keys(e.runs);
      for (const name of names) expect(matchingPart(parts, pointOfInput(e.runs[name])), `${e.id} run ${name}`).not.toBeNull();
    }
  });
});
