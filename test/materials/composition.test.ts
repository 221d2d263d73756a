// Formula parser, validation messages and canonical formatting.
import { describe, expect, it } from 'vitest';
import { formatComposition, parseComposition, validateComposition } from '../../src/materials/index.ts';

describe('parseComposition', () => {
  it('reads site fractions', () => {
    expect(parseComposition('CsPbI3')).toEqual({ a: { Cs: 1 }, b: { Pb: 1 }, x: { I: 1 } });
    expect(parseComposition('FA0.5Cs0.5PbI3')).toEqual({ a: { FA: 0.5, Cs: 0.5 }, b: { Pb: 1 }, x: { I: 1 } });
    const c = parseComposition('CsPbI2Br');
    expect(c.x.I).toBeCloseTo(2 / 3, 12);
    expect(c.x.Br).toBeCloseTo(1 / 3, 12);
    expect(parseComposition('MAPb0.5Sn0.5I3').b).toEqual({ Pb: 0.5, Sn: 0.5 });
    expect(parseComposition('Cs0.05FA0.95PbI3').a).toEqual({ Cs: 0.05, FA: 0.95 });
    expect(parseComposition('CsPb(I0.5Br0.5)3').x).toEqual({ I: 0.5, Br: 0.5 });
    expect(parseComposition('(FA0.5Cs0.5)PbI3').a).toEqual({ FA: 0.5, Cs: 0.5 });
  });
  it.each(['CsPbI3', 'FA0.5Cs0.5PbI3', 'CsPbI2Br', 'MAPb0.5Sn0.5I3', 'FA0.95Cs0.05PbI3', 'CsPbBr1.5Cl1.5', 'FA0.2MA0.3Cs0.5PbI2.4Br0.6'])(
    '%s round-trips', (f) => {
      expect(formatComposition(parseComposition(f))).toBe(f);
      expect(parseComposition(formatComposition(parseComposition(f)))).toEqual(parseComposition(f));
    });
  it('writes a canonical A-site order', () => {
    expect(formatComposition(parseComposition('Cs0.05FA0.95PbI3'))).toBe('FA0.95Cs0.05PbI3');
  });
});

describe('bad input names the input, the problem and what is allowed', () => {
  const cases: [string, RegExp][] = [
    ['RbPbI3', /"RbPbI3".*unknown ion or character "Rb".*allowed: A site Cs, FA, MA/],
    ['CsGeI3', /"CsGeI3".*unknown ion.*"Ge"/],
    ['FA0.5Cs0.4PbI3', /"FA0.5Cs0.4PbI3".*A-site amounts sum to 0.9.*must be 1/],
    ['CsPbI2', /"CsPbI2".*X-site amounts sum to 2, must be 3/],
    ['FA-0.5Cs1.5PbI3', /"FA-0.5Cs1.5PbI3".*negative/],
    ['FANaNCsPbI3', /"FANaNCsPbI3".*NaN/],
    ['CsI3Pb', /"CsI3Pb".*order A, B, X/],
    ['CsCsPbI3', /appears twice/],
    ['', /empty formula/],
    ['CsPb', /no X-site ion/],
  ];
  it.each(cases)('%s', (input, message) => {
    expect(() => parseComposition(input)).toThrow(message);
  });
  it('checks Composition objects: NaN, negative, unknown ion, sum', () => {
    expect(() => validateComposition({ a: { Cs: Number.NaN }, b: { Pb: 1 }, x: { I: 1 } })).toThrow(/fraction of "Cs" is NaN/);
    expect(() => validateComposition({ a: { Cs: -0.5, FA: 1.5 }, b: { Pb: 1 }, x: { I: 1 } })).toThrow(/fraction of "Cs" is -0.5, negative/);
    expect(() => validateComposition({ a: { Rb: 1 } as never, b: { Pb: 1 }, x: { I: 1 } })).toThrow(/unknown A-site ion "Rb"/);
    expect(() => validateComposition({ a: { Cs: 1 }, b: { Pb: 0.5 }, x: { I: 1 } })).toThrow(/B-site fractions sum to 0.5, must be 1 within 1e-6/);
    expect(validateComposition({ a: { Cs: 1 + 5e-7 }, b: { Pb: 1 }, x: { I: 1 } }).a.Cs).toBe(1);
  });
});
