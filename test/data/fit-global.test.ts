// Global fits over a fluence series: three simulated TA maps (seeded noise) → tail fit → Tc(t) each, then one fit of
// the shared material parameters with the excitation per file; and the instrument terms (t0, Gaussian IRF).

import { describe, expect, it } from 'vitest';
import { resolveMaterial } from '../../src/materials/index.ts';
import { simulate } from '../../src/model/simulate.ts';
import { extractTc } from '../../src/data/ta-extract.ts';
import { forwardMap } from '../../src/data/ta-forward.ts';
import { fitGlobal, observedTcAt, type GlobalDataset } from '../../src/data/fit-global.ts';
import { gaussian } from '../../src/data/synthetic.ts';
import type { MeasuredSeries } from '../../src/data/measured.ts';

const material = resolveMaterial('MAPbI3');
const truth = { loLifetimePs: 2 * material.loLifetimePs, carrierAcousticPs: 0.5 * material.carrierAcousticPs };
const series = (name: string, t: number[], tc: number[], s: number[]): MeasuredSeries => ({
  name, tPs: Float64Array.from(t), tcK: Float64Array.from(tc), sigmaK: Float64Array.from(s), header: [], delayUnit: 'ps', notes: [],
});

describe('fitGlobal', () => {
  it('a fluence series of three simulated maps recovers the shared LO lifetime and carrier–acoustic time within ±2σ', () => {
    const sets: GlobalDataset[] = [3e16, 1e17, 3e17].map((densityCm3, i) => {
      const r = simulate({ composition: 'MAPbI3', edgeNm: null, densityCm3, tStartPs: 0.2, tEndPs: 200, nPoints: 16, materialOverrides: truth });
      const map = forwardMap(r, { noiseOd: 2e-5, seed: 30 + i, bgr: false });
      const fitted = extractTc(map, map.edge, { method: 'fermi-dirac' }).delays.filter((d) => d.model !== null);
      expect(fitted.length).toBeGreaterThan(12);
      return { series: series(`map ${densityCm3}`, fitted.map((d) => d.delayPs), fitted.map((d) => d.model!.tK), fitted.map((d) => d.model!.sigmaK)), excitation: { densityCm3 } };
    });
    const fit = fitGlobal({ composition: 'MAPbI3', edgeNm: null }, sets, [{ key: 'materialOverrides.loLifetimePs' }, { key: 'materialOverrides.carrierAcousticPs' }]);
    expect(fit.uncertaintyReason).toBeNull();
    const [lo, ac] = fit.parameters;
    expect(Math.abs(lo.value - truth.loLifetimePs), `${lo.value} ± ${lo.sigma}`).toBeLessThan(2 * lo.sigma!);
    expect(Math.abs(ac.value - truth.carrierAcousticPs), `${ac.value} ± ${ac.sigma}`).toBeLessThan(2 * ac.sigma!);
    // (seeds 20–22 put the LO lifetime at 2.1σ and the acoustic time at 1.9σ, 40–42 at 0.8σ and 0.2σ: the spread of
    // a ±2σ check; README)
    // the start (the material's own values) is far outside those bounds: the test could fail
    expect(Math.abs(material.loLifetimePs - truth.loLifetimePs)).toBeGreaterThan(5 * lo.sigma!);
    expect(fit.perFile.map((f) => f.n)).toEqual(sets.map((s) => s.series.tPs.length));
    expect(fit.chi2PerDof).toBeLessThan(3);
    expect(fit.correlation![0][1]).toBeGreaterThan(-1);
  });

  it('recovers a time-zero offset and a Gaussian instrument response applied to the model', () => {
    const base = { composition: 'CsPbI3', edgeNm: 8 as number | null };
    const t = [-0.1, 0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.6, 0.8, 1, 1.5, 2, 3, 5];
    const sets: GlobalDataset[] = [0.2, 1].map((nPerNc, i) => {
      const r = simulate({ ...base, nPerNc, tStartPs: 0.01, tEndPs: 10, nPoints: 400, rtol: 1e-9 });
      const noise = gaussian(40 + i);
      const tc = t.map((x) => observedTcAt(r, x, 0.12, 250) as number);
      const s = tc.map((v) => 0.01 * v);
      return { series: series(`N ${nPerNc}`, t, tc.map((v, k) => v + s[k] * noise()), s), excitation: { nPerNc } };
    });
    const fit = fitGlobal(base, sets, [{ key: 't0Ps' }, { key: 'irfFwhmFs' }]);
    const [t0, irf] = fit.parameters;
    expect(Math.abs(t0.value - 0.12), `${t0.value} ± ${t0.sigma}`).toBeLessThan(2 * t0.sigma!);
    expect(Math.abs(irf.value - 250), `${irf.value} ± ${irf.sigma}`).toBeLessThan(2 * irf.sigma!);
  });

  it('refuses a free excitation (it is per file) and a file without σ', () => {
    const s = series('a', [1, 2, 3], [900, 700, 500], [10, 10, 10]);
    expect(() => fitGlobal({ composition: 'CsPbI3', edgeNm: 8 }, [{ series: s, excitation: { nPerNc: 1 } }], [{ key: 'nPerNc' }])).toThrow(/per file/);
    expect(() => fitGlobal({ composition: 'CsPbI3', edgeNm: 8 }, [{ series: { ...s, sigmaK: null }, excitation: { nPerNc: 1 } }], [{ key: 'loLifetimePs' }])).toThrow(/uncertainty column/);
  });
});
