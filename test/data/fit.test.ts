// fitToMeasured: recovers known parameters from synthetic model data with seeded noise, reports honest
// uncertainties, refuses bad free-parameter specs by name, and never returns NaN.

import { describe, expect, it } from 'vitest';
import { fitToMeasured } from '../../src/data/fit.ts';
import { inverseSpd, nelderMeadBox } from '../../src/data/optimize.ts';
import { modelTcAt, type MeasuredSeries } from '../../src/data/measured.ts';
import { syntheticSeries } from '../../src/data/synthetic.ts';
import { simulate } from '../../src/model/simulate.ts';
import { InputError } from '../../src/model/validate.ts';
import type { SimulationInput } from '../../src/model/types.ts';

/**
 * Synthetic measurement: the model for `truth` at `count` log-spaced delays from 0.1 to 20 ps plus seeded Gaussian
 * noise of σ = `relSigma`·Tc (at least 5 K); the σ column only when `withSigma`.
 */
function synthetic(truth: SimulationInput, count: number, seed: number, withSigma = true, relSigma = 0.005): MeasuredSeries {
  const t = Array.from({ length: count }, (_, i) => 0.1 * 200 ** (i / (count - 1)));
  return syntheticSeries(truth, t, { seed, relSigma, minSigmaK: 5, withSigma });
}

const BASE: SimulationInput = { composition: 'CsPbI3', edgeNm: 8, nPerNc: 2 };
const TRUTH: SimulationInput = { ...BASE, materialOverrides: { loLifetimePs: 0.9 } };

describe('fitToMeasured: recovery from synthetic data', () => {
  it('one parameter: the LO lifetime (start 0.6 ps, truth 0.9 ps) within its 1σ·3 and 10 %', () => {
    const data = synthetic(TRUTH, 20, 7);
    const fit = fitToMeasured(BASE, data, [{ key: 'materialOverrides.loLifetimePs' }]);
    const p = fit.parameters[0];
    expect(fit.status, fit.message).toBe('converged');
    expect(p.start).toBeCloseTo(0.6, 10);
    expect(p.sigma).not.toBeNull();
    expect(Math.abs(p.value - 0.9)).toBeLessThan(3 * (p.sigma as number));
    // σ is ~3.7 % at ⟨N⟩ = 2 (seeds 7–10 land 0.85–0.95): the error bar, not a fixed 5 %, is the test; 10 % is the
    // least a constraining data set must give.
    expect(Math.abs(p.value / 0.9 - 1)).toBeLessThan(0.1);
    expect(p.sigma as number).toBeLessThan(0.1 * p.value); // the data do constrain it
    expect(fit.n).toBe(20);
    expect(fit.dof).toBe(19);
    expect(fit.chi2PerDof as number).toBeGreaterThan(0.3); // noise of σ: χ²/dof near 1
    expect(fit.chi2PerDof as number).toBeLessThan(2);
    expect(fit.objective).toBeLessThan(fit.startObjective);
    expect(fit.nSimulations).toBeLessThanOrEqual(400 + 8);
    expect(fit.uncertainty.reason).toBeNull();
    expect(fit.best?.tcK.every(Number.isFinite)).toBe(true);
    expect(fit.input.materialOverrides?.loLifetimePs).toBe(p.value);
  });

  it('two parameters: ⟨N⟩ (start 0.5, truth 2) and the LO lifetime, without a σ column (residual-scaled errors)', () => {
    const data = synthetic(TRUTH, 18, 11, false, 0.02);
    const fit = fitToMeasured({ ...BASE, nPerNc: 0.5 }, data, [{ key: 'nPerNc', min: 0.05, max: 20 }, { key: 'materialOverrides.loLifetimePs' }]);
    expect(fit.status, fit.message).toBe('converged');
    expect(fit.objectiveKind).toBe('sum-squares-K2');
    expect(fit.chi2PerDof).toBeNull();
    expect(fit.uncertainty.scaledByResidual).toBe(true);
    const [nPerNc, lo] = fit.parameters;
    for (const [p, truth] of [[nPerNc, 2], [lo, 0.9]] as const) {
      expect(p.sigma, fit.uncertainty.reason ?? '').not.toBeNull();
      expect(Math.abs(p.value - truth), `${p.key} ${p.value} ± ${p.sigma}`).toBeLessThan(3 * (p.sigma as number));
      // ⟨N⟩ is pinned to 10 %. With carrier screening of the Fröhlich coupling this 18-point curve constrains the LO
      // lifetime only to about ±0.6–0.9 ps (the same optimum is found starting from the truth), so for it the check
      // is that the reported σ is honest (the 3σ line above), not a 10 % value.
      if (p.key === 'nPerNc') expect(Math.abs(p.value / truth - 1), `${p.key} ${p.value}`).toBeLessThan(0.1);
    }
    const c = fit.uncertainty.correlation as number[][];
    expect(Math.abs(c[0][1])).toBeLessThanOrEqual(1);
    expect(fit.rmsK as number).toBeLessThan(100);
  });

  it('noise-free data: the fit lands on the truth to well under 1 %', () => {
    const clean = synthetic(TRUTH, 15, 3);
    const exact = { ...clean, tcK: Float64Array.from(clean.tPs, (t) => modelTcAt(simulate({ ...TRUTH, tStartPs: 0.05, tEndPs: 30, nPoints: 2000, rtol: 1e-9 }), t) as number) };
    const fit = fitToMeasured(BASE, exact, [{ key: 'materialOverrides.loLifetimePs' }]);
    expect(Math.abs(fit.parameters[0].value / 0.9 - 1)).toBeLessThan(0.005);
  });

  it('the uncertainties are honest: over 12 noise seeds the truth lies within 1σ about 68 % of the time', () => {
    let within1 = 0;
    let within3 = 0;
    const pulls: string[] = [];
    for (let seed = 100; seed < 112; seed++) {
      const p = fitToMeasured(BASE, synthetic(TRUTH, 15, seed), [{ key: 'materialOverrides.loLifetimePs' }]).parameters[0];
      const pull = (p.value - 0.9) / (p.sigma as number);
      pulls.push(pull.toFixed(2));
      if (Math.abs(pull) <= 1) within1++;
      if (Math.abs(pull) <= 3) within3++;
    }
    expect(within3, pulls.join(' ')).toBe(12);
    expect(within1, pulls.join(' ')).toBeGreaterThanOrEqual(5); // binomial(12, 0.68): 5 or more with probability 0.99
    expect(within1, pulls.join(' ')).toBeLessThanOrEqual(12);
  });

  it('a capped run says so in its status and message', () => {
    const data = synthetic(TRUTH, 15, 5);
    const fit = fitToMeasured(BASE, data, [{ key: 'nPerNc' }, { key: 'materialOverrides.loLifetimePs' }], { maxSimulations: 10 });
    expect(fit.status).toBe('max-simulations');
    expect(fit.message).toMatch(/cap of 10 simulations/);
    expect(Number.isNaN(fit.objective)).toBe(false);
  });
});

describe('fitToMeasured: several starts', () => {
  it('runs from the given start and from points spread over the box, and all end at the one optimum', () => {
    const data = synthetic(TRUTH, 16, 5);
    const free = [{ key: 'nPerNc', min: 0.05, max: 20 }];
    const one = fitToMeasured({ ...BASE, nPerNc: 0.5 }, data, free);
    const three = fitToMeasured({ ...BASE, nPerNc: 0.5 }, data, free, { starts: 3 });
    expect(three.starts).toHaveLength(3);
    expect(one.starts).toHaveLength(1);
    expect(three.starts[0].start[0]).toBeCloseTo(0.5, 12);
    expect(three.starts[0].end[0]).toBeCloseTo(one.parameters[0].value, 6); // run 1 is the single-start fit
    const begins = three.starts.map((r) => r.start[0]);
    expect(new Set(begins.map((b) => b.toPrecision(6))).size).toBe(3);
    expect(three.agreeingRuns).toBe(3);
    expect(three.ambiguity).toBeNull();
    expect(three.objective).toBeLessThanOrEqual(one.objective * (1 + 1e-9));
    expect(three.nSimulations).toBeGreaterThan(one.nSimulations);
    expect(three.message).toMatch(/in 3 runs, the best kept/);
  });

  it('flags a parameter the data cannot see: runs end in different places and no ±1σ is given', () => {
    // Without an acceptor the hot-acceptor barrier changes nothing, so the objective is flat in it.
    const data = synthetic(TRUTH, 12, 9);
    const fit = fitToMeasured({ ...TRUTH }, data, [{ key: 'hotAcceptorBarrierEv', min: 0.05, max: 1.5 }], { starts: 4 });
    expect(fit.ambiguity).toMatch(/other runs? ended elsewhere .*hotAcceptorBarrierEv/);
    expect(fit.agreeingRuns).toBeLessThan(4);
    expect(fit.parameters[0].sigma).toBeNull();
    expect(fit.uncertainty.reason).toMatch(/not positive definite|bound/);
  });

  it('refuses a bad number of starts, naming it', () => {
    const data = synthetic(TRUTH, 8, 3);
    for (const starts of [0, 21, 2.5, Number.NaN]) {
      expect(() => fitToMeasured(BASE, data, [{ key: 'nPerNc' }], { starts })).toThrow(/starts = .* is not allowed; allowed: a whole number from 1 to 20/);
    }
  });
});

describe('fitToMeasured: refused input', () => {
  const data = synthetic(TRUTH, 15, 1);
  const refused = (free: Parameters<typeof fitToMeasured>[2], message: RegExp, input: SimulationInput = BASE, d = data) => {
    let error: unknown;
    try {
      fitToMeasured(input, d, free);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toMatch(/allowed: /);
  };
  it('names the unknown key, the bad bound and what is allowed', () => {
    refused([{ key: 'banana' }], /free parameter "banana" is unknown.*allowed: one of edgeNm, .*densityCm3.*materialOverrides\.<field>.*loLifetimePs/);
    refused([{ key: 'materialOverrides.formula' }], /"materialOverrides\.formula" is not a numeric material field/);
    refused([{ key: 'rtol' }], /"rtol" is unknown or cannot be fitted/);
    refused([{ key: 'nPerNc', min: 5, max: 1 }], /nPerNc \(--n-per-nc\): min = 5 is not below max = 1/);
    refused([{ key: 'nPerNc', min: 0, max: 1 }], /nPerNc \(--n-per-nc\): min = 0 is out of range; allowed: a number from 0\.001 to 100/);
    refused([{ key: 'materialOverrides.loLifetimePs', max: 1000 }], /loLifetimePs: max = 1000 ps is out of range; allowed: a number from 0\.01 to 60 ps \(0\.01× to 100× the resolved value 0\.6 ps, within the declared range 0\.01–100 ps\)/);
    refused([{ key: 'nPerNc', max: Number.NaN }], /max = NaN is not a finite number/);
    refused([{ key: 'nPerNc' }, { key: 'nPerNc' }], /nPerNc is given twice/);
    refused([{ key: 'nPerNc' }, { key: 'densityCm3' }], /free parameters densityCm3 and nPerNc both set the excitation; allowed: free at most one of densityCm3, nPerNc, fluenceUJcm2/);
    refused([{ key: 'nPerNc' }], /needs a nanocrystal/, { composition: 'CsPbI3', edgeNm: null, densityCm3: 1e18 });
  });
  it('more than four free parameters, or none', () => {
    const five = ['nPerNc', 'latticeK', 'pumpNm', 'materialOverrides.loLifetimePs', 'materialOverrides.epsStatic'].map((key) => ({ key }));
    refused(five, /5 given; allowed: 1 to 4 free parameters/);
    refused([], /0 given; allowed: 1 to 4/);
  });
  it('a data set with no points inside the model window', () => {
    const late = { ...data, tPs: Float64Array.from([-2, -1, -0.5]), tcK: Float64Array.from([300, 300, 300]), sigmaK: null };
    refused([{ key: 'nPerNc' }], /data synthetic: 0 of 3 measured points lie inside the model window .* ps; allowed: at least 2 points/, BASE, late);
    const later = { ...data, tPs: Float64Array.from([2, 3, 4]), tcK: Float64Array.from([900, 800, 700]), sigmaK: null };
    refused([{ key: 'nPerNc' }], /0 of 3 measured points lie inside the model window 0\.01–1 ps/, { ...BASE, tStartPs: 0.01, tEndPs: 1 }, later);
  });
  it('a bad base case is refused naming its parameter', () => {
    refused([{ key: 'nPerNc' }], /edgeNm \(--edge-nm\) = -3 nm is out of range/, { ...BASE, edgeNm: -3 });
  });
});

describe('fit helpers', () => {
  it('nelderMeadBox finds the minimum of a bounded quadratic and stops at the box', () => {
    const inside = nelderMeadBox(([x, y]) => (x - 0.3) ** 2 + 10 * (y - 0.7) ** 2, [0.5, 0.5], 0.1, 500);
    expect(inside.converged).toBe(true);
    expect(inside.z[0]).toBeCloseTo(0.3, 3);
    expect(inside.z[1]).toBeCloseTo(0.7, 3);
    const edge = nelderMeadBox(([x]) => (x - 2) ** 2, [0.5], 0.1, 500);
    expect(edge.z[0]).toBeCloseTo(1, 9);
    const nan = nelderMeadBox(([x]) => (x < 0.4 ? Number.NaN : x), [0.5], 0.1, 200);
    expect(nan.fz).toBeCloseTo(0.4, 3);
  });
  it('inverseSpd inverts a positive-definite matrix and refuses an indefinite one', () => {
    const inv = inverseSpd([[4, 2], [2, 3]]) as number[][];
    expect(inv[0][0]).toBeCloseTo(3 / 8, 12);
    expect(inv[0][1]).toBeCloseTo(-2 / 8, 12);
    expect(inv[1][1]).toBeCloseTo(4 / 8, 12);
    expect(inverseSpd([[1, 2], [2, 1]])).toBeNull();
  });
});

describe('syntheticSeries', () => {
  it('is deterministic for a seed, differs between seeds, and honours the sigma floor and column switch', () => {
    const delays = [0.2, 1, 5, 20];
    const a = syntheticSeries(TRUTH, delays, { seed: 4, relSigma: 0.01, minSigmaK: 30 });
    const b = syntheticSeries(TRUTH, delays, { seed: 4, relSigma: 0.01, minSigmaK: 30 });
    const c = syntheticSeries(TRUTH, delays, { seed: 5, relSigma: 0.01, minSigmaK: 30, withSigma: false });
    expect(Array.from(a.tcK)).toEqual(Array.from(b.tcK));
    expect(Array.from(c.tcK)).not.toEqual(Array.from(a.tcK));
    expect(c.sigmaK).toBeNull();
    for (const s of a.sigmaK as Float64Array) expect(s).toBeGreaterThanOrEqual(30);
    expect(a.tcK.every(Number.isFinite)).toBe(true);
  });
});
