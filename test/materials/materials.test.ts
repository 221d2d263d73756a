// Material data sheets, presets, mixing, Fröhlich α and tolerance-factor verdicts.
import { describe, expect, it } from 'vitest';
import {
  compoundSheets, frohlichAlpha, listPresets, resolveMaterial, toleranceFactor, GAP_BOWING, IONIC_RADII_A,
} from '../../src/materials/index.ts';
import type { MaterialParams } from '../../src/materials/index.ts';

const NUMERIC: (keyof MaterialParams)[] = [
  'gapEv', 'electronMassM0', 'holeMassM0', 'epsInf', 'epsStatic', 'loPhononMeV', 'loLifetimePs', 'carrierAcousticPs',
  'k1PerS', 'k2Cm3PerS', 'k3Cm6PerS', 'biexcitonAugerPsPerNm3', 'ncRadiativeLifetimeNs', 'bohrRadiusNm',
  'heatCapacityJcm3K', 'thermalConductivityWmK', 'absorptionPerCm',
];

describe('presets', () => {
  it('lists the presets the issue asks for', () => {
    for (const p of ['CsPbI3', 'FAPbI3', 'FA0.5Cs0.5PbI3', 'MAPbI3', 'MAPbBr3', 'CsPbBr3', 'FAPbBr3', 'CsPbI2Br', 'CsSnI3']) {
      expect(listPresets()).toContain(p);
    }
  });
  it.each(listPresets())('%s resolves to finite positive numbers, each with a source', (name) => {
    const m = resolveMaterial(name);
    for (const f of NUMERIC) {
      const v = m[f] as number;
      expect(Number.isFinite(v) && v > 0, `${name}.${String(f)} = ${v}`).toBe(true);
      expect(m.sources[f]?.length ?? 0, `${name}.${String(f)} source`).toBeGreaterThan(10);
    }
    expect(Number.isFinite(m.gapSlopeMeVPerK) && Math.abs(m.gapSlopeMeVPerK) < 1, `${name}.gapSlopeMeVPerK`).toBe(true);
    expect(m.sources.gapSlopeMeVPerK?.length ?? 0).toBeGreaterThan(10);
    expect(m.organicInorganicMixing).toBeGreaterThanOrEqual(0);
    expect(m.organicInorganicMixing).toBeLessThanOrEqual(1);
    expect(Number.isFinite(m.tolerance.t)).toBe(true);
  });
});

describe('data sheets', () => {
  it('every quantity has a unit and a source with a DOI or a stated estimate/calc.', () => {
    const sheets = compoundSheets();
    expect(sheets.length).toBeGreaterThanOrEqual(11);
    for (const s of sheets) {
      for (const [k, v] of Object.entries(s)) {
        if (typeof v !== 'object') continue;
        const label = `${s.formula}.${k}`;
        // A gap's temperature slope may be zero or negative (CsPbCl3); every other quantity is positive.
        expect(Number.isFinite(v.value) && (k === 'gapSlopeMeVPerK' || v.value > 0), label).toBe(true);
        expect(v.unit.length, label).toBeGreaterThan(0);
        expect(/doi:|PMC\d+|estimate:|^calc\./.test(v.source), `${label}: ${v.source}`).toBe(true);
      }
    }
  });
  it('mixing end points equal the end members', () => {
    for (const s of compoundSheets()) {
      const m = resolveMaterial(s.formula);
      for (const f of NUMERIC) expect(m[f], `${s.formula}.${String(f)}`).toBeCloseTo((s as any)[f].value, 12);
      expect(m.sources.gapEv).toBe(s.gapEv.source);
    }
  });
});

describe('mixing', () => {
  it('CsPbI2Br gap lies between CsPbI3 and CsPbBr3 and below the linear line', () => {
    const i = resolveMaterial('CsPbI3').gapEv;
    const br = resolveMaterial('CsPbBr3').gapEv;
    const mix = resolveMaterial('CsPbI2Br').gapEv;
    const linear = (2 / 3) * i + (1 / 3) * br;
    const b = GAP_BOWING.find((g) => g.pair.join() === 'I,Br')!.bEv;
    expect(mix).toBeGreaterThan(i);
    expect(mix).toBeLessThan(br);
    expect(mix).toBeCloseTo(linear - b * (2 / 3) * (1 / 3), 12);
    expect(resolveMaterial('CsPbI2Br').sources.gapEv).toMatch(/^mixing rule .*bowing.* of end members: CsPbI3/);
  });
  it('Pb–Sn bowing puts MAPb0.5Sn0.5I3 below both end members', () => {
    const g = resolveMaterial('MAPb0.5Sn0.5I3').gapEv;
    expect(g).toBeLessThan(resolveMaterial('MASnI3').gapEv);
    expect(g).toBeLessThan(resolveMaterial('MAPbI3').gapEv);
  });
  it('organic–inorganic mixing and the alloy LO lifetime', () => {
    const fa = resolveMaterial('FAPbI3');
    const cs = resolveMaterial('CsPbI3');
    const alloy = resolveMaterial('FA0.5Cs0.5PbI3');
    expect(fa.organicInorganicMixing).toBe(0);
    expect(cs.organicInorganicMixing).toBe(0);
    expect(alloy.organicInorganicMixing).toBeCloseTo(1, 12);
    expect(resolveMaterial('Cs0.05FA0.95PbI3').organicInorganicMixing).toBeCloseTo(4 * 0.95 * 0.05, 12);
    expect(resolveMaterial('FA0.5MA0.5PbI3').organicInorganicMixing).toBe(0);
    expect(alloy.loLifetimePs).toBeGreaterThan(Math.max(fa.loLifetimePs, cs.loLifetimePs));
    expect(alloy.sources.loLifetimePs).toMatch(/organicInorganicMixing/);
  });
  it('names the missing end member', () => {
    expect(() => resolveMaterial('CsSnBr3')).toThrow(/no data sheet for end member CsSnBr3/);
    expect(() => resolveMaterial('FAPb0.5Sn0.5Cl3')).toThrow(/FAPbCl3.*FASnCl3|FASnCl3/);
  });
});

describe('Fröhlich coupling', () => {
  it("reproduces Frost's α = 2.39 (electron) for MAPbI3 from his inputs", () => {
    const frost = { epsInf: 4.5, epsStatic: 24.1, loPhononMeV: 2.25 * 4.135667696, electronMassM0: 0.12, holeMassM0: 0.15 };
    expect(frohlichAlpha(frost, 'electron')).toBeCloseTo(2.39, 2);
    expect(frohlichAlpha(frost, 'hole')).toBeCloseTo(2.68, 2);
  });
  it("reproduces Frost's α = 1.02 for CsSnI3 holes from the data sheet", () => {
    expect(frohlichAlpha(resolveMaterial('CsSnI3'), 'hole')).toBeCloseTo(1.02, 2);
  });
  it('FAPbI3 couples more strongly than CsPbI3 (review T7, ref 112)', () => {
    for (const carrier of ['electron', 'hole'] as const) {
      expect(frohlichAlpha(resolveMaterial('FAPbI3'), carrier)).toBeGreaterThan(frohlichAlpha(resolveMaterial('CsPbI3'), carrier));
    }
  });
});

describe('tolerance factor', () => {
  it("is Goldschmidt's (r_A + r_X) / (√2 (r_B + r_X)) of the declared radii, evaluated here by hand", () => {
    const r = IONIC_RADII_A;
    const t = (a: number, b: number, x: number) => (a + x) / (Math.SQRT2 * (b + x));
    expect(toleranceFactor('CsPbI3').t).toBeCloseTo(t(r.Cs, r.Pb, r.I), 12);
    expect(toleranceFactor('FAPbI3').t).toBeCloseTo(t(r.FA, r.Pb, r.I), 12);
    expect(toleranceFactor('MAPbBr3').t).toBeCloseTo(t(r.MA, r.Pb, r.Br), 12);
    // site averages: Cs0.5FA0.5 on A and I2Br on X
    expect(toleranceFactor('FA0.5Cs0.5PbI2Br').t).toBeCloseTo(t((r.Cs + r.FA) / 2, r.Pb, (2 * r.I + r.Br) / 3), 12);
  });

  it('grows with the A cation (Cs < MA < FA) and as the halide shrinks (I < Br < Cl)', () => {
    const t = (f: string) => toleranceFactor(f).t;
    expect(t('CsPbI3')).toBeLessThan(t('MAPbI3'));
    expect(t('MAPbI3')).toBeLessThan(t('FAPbI3'));
    expect(t('CsPbI3')).toBeLessThan(t('CsPbBr3'));
    expect(t('CsPbBr3')).toBeLessThan(t('CsPbCl3'));
  });

  it("gives the review's verdicts: CsPbI3 marginal (§2.1, t ≈ 0.8), FAPbI3, MAPbI3 and CsPbBr3 black", () => {
    const cs = toleranceFactor('CsPbI3');
    expect(cs.phase).toBe('marginal');
    expect(cs.warning).toMatch(/nanocrystals can hold the cubic phase/);
    for (const f of ['FAPbI3', 'MAPbI3', 'CsPbBr3']) {
      expect(toleranceFactor(f).phase, f).toBe('cubic-black');
      expect(toleranceFactor(f).warning, f).toBeUndefined();
    }
  });
  it('warns, never refuses, outside the black band', () => {
    expect(toleranceFactor({ a: { FA: 1 }, b: { Pb: 1 }, x: { Br: 1 } }).phase).toBe('low-dimensional');
    const m = resolveMaterial('CsPbI3');
    expect(m.warnings.join(' ')).toMatch(new RegExp(`t = ${m.tolerance.t.toFixed(3)}`));
  });
});
