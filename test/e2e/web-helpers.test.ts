// Browser-free checks of the web UI's pure helpers: URL state, sweep form, custom-mix formulas, stages, formatting,
// and the latest-only runner that keeps live updates from piling up.

import { describe, expect, it } from 'vitest';
import { plainMessage } from '../../web/messages.ts';
import { decodeLink, decodeState, defaultState, encodeState, inputFromJson } from '../../web/url-state.ts';
import { axisFromForm, defaultSweepForm, spacedValues, specFromForm } from '../../web/sweep-form.ts';
import { mixFormula } from '../../web/composition-control.ts';
import { formatNumber, parseNumber, prettyUnit } from '../../web/format.ts';
import { LatestRunner } from '../../web/latest-runner.ts';
import { stageMarks } from '../../web/stages.ts';
import { intensitySeries } from '../../web/intensity-series.ts';
import { gridCount, gridIndices, pointInput } from '../../src/sweep/grid.ts';
import type { SimulationResult } from '../../src/model/types.ts';
import { simulate } from '../../src/model/simulate.ts';
import { BOTTLENECK_STEPS, stepNumbers } from '../../web/bottleneck-steps.ts';
import { delayTicks } from '../../web/chart-figure.ts';

describe('URL state', () => {
  it('round-trips the whole state: input, switches, overlays and the sweep form', () => {
    const state = defaultState();
    state.input = { composition: 'FA0.5Cs0.5PbI3', edgeNm: null, fluenceUJcm2: 35, pumpNm: 400, latticeK: 80, acceptor: 'hot', method: 'rodas5', switches: { augerHeating: false } };
    state.overlays = [{ composition: 'CsPbI3', edgeNm: 6, nPerNc: 0.3, augerStatistics: 'mean-field', loPool: 'resolved' }];
    state.sweep.axes[0].count = '40';
    const back = decodeState(`#${encodeState(state)}`);
    expect(back).toEqual(state);
    state.input = { composition: 'CsPbBr3', edgeNm: 5, nPerNc: 2, augerStatistics: 'mean-field', loPool: 'resolved' };
    expect(decodeState(`#${encodeState(state)}`).input).toEqual(state.input);
    // An unknown pool in a link is dropped (the default), never passed on.
    expect(decodeState('#loPool=bogus').input.loPool).toBeUndefined();
  });

  it('falls back to defaults on an empty or malformed hash, never throwing', () => {
    expect(decodeState('')).toEqual(defaultState());
    const bad = decodeState('#edgeNm=abc&densityCm3=xyz&overlays=%7Bnot json&sweep=[1');
    expect(bad.input.edgeNm).toBe(defaultState().input.edgeNm);
    expect(bad.input.densityCm3).toBe(defaultState().input.densityCm3);
    expect(bad.overlays).toEqual([]);
    const odd = decodeState(`#sweep=${encodeURIComponent(JSON.stringify({ axes: [null, { key: 5 }], workers: 'x', metric: 'bogus' }))}`);
    expect(odd.sweep.axes[0]).toEqual({ key: '', from: '', to: '', count: '', list: '' });
    expect(odd.sweep.workers).toBe(0);
    expect(odd.sweep.metric).toBe('tau1ePs');
  });
});

describe('sweep form', () => {
  it('spaces values on the declared scale', () => {
    expect(spacedValues(1e16, 1e20, 5, true)).toEqual([1e16, 1e17, 1e18, 1e19, 1e20]);
    expect(spacedValues(5, 15, 3, false)).toEqual([5, 10, 15]);
  });

  it('builds the default spec: density × size × composition', () => {
    const spec = specFromForm(defaultSweepForm(), { composition: 'CsPbI3', edgeNm: 8, densityCm3: 1e18 });
    expect(spec.axes.map((a) => a.key)).toEqual(['densityCm3', 'edgeNm', 'composition']);
    expect(gridCount(spec.axes)).toBe(13 * 3 * 2);
  });

  it('asks for the bi-exponential fit only when the plotted metric is one of its columns', () => {
    const base = { composition: 'CsPbI3', edgeNm: 8, densityCm3: 1e18 };
    expect(specFromForm(defaultSweepForm(), base).biExponential).toBe(false);
    for (const metric of ['fastPs', 'slowPs'] as const) expect(specFromForm({ ...defaultSweepForm(), metric }, base).biExponential).toBe(true);
  });

  it('names the field that is wrong', () => {
    expect(() => axisFromForm({ key: 'densityCm3', from: '1e10', to: '1e18', count: '5', list: '' })).toThrow(/^Initial carrier density, from: a number from 1e15 to 1e20 cm⁻³$/);
    expect(() => axisFromForm({ key: 'edgeNm', from: '5', to: '10', count: '2.5', list: '' })).toThrow(/NC edge length, points: a whole number/);
    expect(() => axisFromForm({ key: 'edgeNm', from: '5', to: '10', count: '2', list: '5, 8' })).toThrow(/a range .* or a list, not both/);
    expect(() => axisFromForm({ key: 'constructor', from: '1', to: '2', count: '2', list: '' })).toThrow(/not a parameter/);
    expect(() => axisFromForm({ key: 'composition', from: '', to: '', count: '', list: ' , ' })).toThrow(/composition/);
  });
});

describe('plain messages', () => {
  it('names parameters by label, drops CLI flags and code references, writes units and exponents as people do', () => {
    expect(plainMessage('pumpNm (--pump-nm) = 900 nm is below the gap; allowed: a wavelength shorter than 688.9 nm')).toBe('Pump wavelength = 900 nm is below the gap; allowed: a wavelength shorter than 688.9 nm');
    expect(plainMessage('densityCm3 (--density) = 1e+30 cm^-3 is out of range; allowed: a number from 1000000000000000 to 100000000000000000000 cm^-3')).toBe('Initial carrier density = 1e30 cm⁻³ is out of range; allowed: a number from 1e15 to 1e20 cm⁻³');
    expect(plainMessage('Edge length of the cubic nanocrystal (ignored with --bulk)')).toBe('Edge length of the cubic nanocrystal (ignored for a bulk film)');
    expect(plainMessage('mixtures interpolate between end members that have sheets (see compoundSheets())')).not.toMatch(/compoundSheets|\(\)/);
  });
});

describe('hostile links', () => {
  it('reads only known keys as own properties, caps lengths before parsing, and says what it left out', () => {
    const big = decodeLink(`#composition=${'A'.repeat(1_000_000)}`);
    expect(big.state).toEqual(defaultState());
    expect(big.notes[0]).toMatch(/1000013 characters long/);
    const long = decodeLink(`#composition=${'A'.repeat(101)}&densityCm3=1e19`);
    expect(long.state.input.composition).toBe('CsPbI3');
    expect(long.state.input.densityCm3).toBe(1e19);
    expect(long.notes[0]).toMatch(/101 characters long/);
    const odd = decodeLink(`#switches.foo=0&switches.constructor=0&switches.hotPhonons=0&overlays=${encodeURIComponent('[null,1,{"composition":{}},{"composition":"FAPbI3","edgeNm":"8","__proto__":{"x":1},"switches":{"toString":false,"augerHeating":false}}]')}`);
    expect(odd.state.input.switches).toEqual({ hotPhonons: false });
    expect(odd.state.overlays).toEqual([{ composition: 'FAPbI3', edgeNm: 8, densityCm3: 1e18, switches: { augerHeating: false } }]);
    expect(odd.notes.join(' ')).toMatch(/foo, constructor[\s\S]*3 kept curves/);
    expect(inputFromJson(null)).toBeNull();
    expect(inputFromJson({ composition: 'x'.repeat(101) })).toBeNull();
  });
});

describe('sweep grid', () => {
  it('orders points with the last axis fastest and applies each value, one excitation at a time', () => {
    const spec = {
      base: { composition: 'CsPbI3', edgeNm: 8, nPerNc: 1 },
      axes: [{ key: 'densityCm3', values: [1e17, 1e18] }, { key: 'switches.augerHeating', values: [true, false] }],
    };
    expect(gridIndices(spec.axes, 3)).toEqual([1, 1]);
    const input = pointInput(spec, 3);
    expect(input).toEqual({ composition: 'CsPbI3', edgeNm: 8, densityCm3: 1e18, switches: { augerHeating: false } });
    expect(spec.base).toEqual({ composition: 'CsPbI3', edgeNm: 8, nPerNc: 1 }); // base untouched
  });
});

describe('custom mix', () => {
  it('writes formulas in the canonical ion order', () => {
    expect(mixFormula({})).toBe('CsPbI3');
    expect(mixFormula({ FA: 0.5 })).toBe('FA0.5Cs0.5PbI3');
    expect(mixFormula({ MA: 1, Sn: 0.5, Br: 0.3 })).toBe('MAPb0.5Sn0.5I2.1Br0.9');
    expect(() => mixFormula({ FA: 0.7, MA: 0.6 })).toThrow(/A-site/);
  });
});

describe('formatting never shows NaN', () => {
  it('formats and parses', () => {
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Infinity)).toBe('—');
    expect(formatNumber(1e18)).toBe('1e18');
    expect(formatNumber(12.345)).toBe('12.3');
    expect(parseNumber('1e18')).toBe(1e18);
    expect(parseNumber('2,5')).toBe(2.5);
    expect(parseNumber('1e')).toBeNaN();
    expect(parseNumber('lots')).toBeNaN();
    expect(prettyUnit('cm^-3')).toBe('cm⁻³');
  });
});

describe('stage marks', () => {
  it('puts stage 1 at the LO peak and stage 2 where the LO excess has fallen to 1/e', () => {
    const tPs = Float64Array.from([0.01, 0.1, 0.3, 1, 3, 10, 30]);
    const tLoK = Float64Array.from([300, 350, 500, 420, 330, 305, 300]);
    const tAK = Float64Array.from([300, 300, 300, 301, 302, 302, 302]);
    const marks = stageMarks({ tPs, tLoK, tAK } as unknown as SimulationResult);
    expect(marks).toEqual({ loPeakPs: 0.3, loEquilibratedPs: 3 });
    const flat = stageMarks({ tPs, tLoK: tAK, tAK } as unknown as SimulationResult);
    expect(flat).toBeNull();
  });
});

describe('LatestRunner', () => {
  it('runs the first and the latest request only, showing each finished result', async () => {
    const started: number[] = [];
    const shown: number[] = [];
    const gates: (() => void)[] = [];
    const runner = new LatestRunner<number, number>(
      (n) => {
        started.push(n);
        return new Promise((ok) => gates.push(() => ok(n * 10)));
      },
      (result) => shown.push(result),
      () => {},
    );
    for (let i = 1; i <= 5; i++) runner.request(i);
    expect(started).toEqual([1]);
    gates[0]();
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual([1, 5]); // 2, 3, 4 were replaced while 1 ran
    expect(shown).toEqual([10]); // shown at once: the chart follows a moving control
    gates[1]();
    await new Promise((r) => setTimeout(r, 0));
    expect(shown).toEqual([10, 50]);
  });
});

describe('intensity series', () => {
  it('scales the excitation in the unit chosen, keeps everything else, and stays inside the allowed range', () => {
    const base = { composition: 'CsPbBr3', edgeNm: 6, nPerNc: 0.5, pumpNm: 400, switches: { augerHeating: false } };
    const series = intensitySeries(base);
    expect(series.map((s) => s.nPerNc)).toEqual([0.05, 0.15, 1.5, 5]);
    for (const s of series) expect({ ...s, nPerNc: 0.5 }).toEqual(base);
    expect(intensitySeries({ composition: 'CsPbI3', edgeNm: 8, densityCm3: 3e19 }).map((s) => s.densityCm3)).toEqual([3e18, 9e18, 9e19]); // ×10 would exceed 1e20
    expect(intensitySeries({ composition: 'CsPbI3', edgeNm: null, fluenceUJcm2: 10 }).map((s) => s.fluenceUJcm2)).toEqual([1, 3, 30, 100]);
  });
});

describe('the teaching view\'s bottleneck steps', () => {
  it('say what the engine computes: a slow tail with hot LO, gone with LO held, fast at low density', () => {
    const results = BOTTLENECK_STEPS.map((s) => simulate(structuredClone(s.input)));
    const [hot, held, few] = results.map(stepNumbers);
    for (const s of [hot, held, few]) expect(s.tau1ePs).not.toBeNull();
    // Step 1 → 2: holding LO at the lattice removes the tail (1/e time at least halved); the LO modes did heat up.
    expect(held.tau1ePs!).toBeLessThan(0.5 * hot.tau1ePs!);
    expect(hot.peakLoK).toBeGreaterThan(600);
    expect(held.peakLoK).toBeLessThan(310);
    // Step 2's "still slower than step 3" and step 3's "LO phonons barely heat": the two hold.
    expect(few.tau1ePs!).toBeLessThan(held.tau1ePs!);
    expect(few.peakLoK).toBeLessThan(400);
    // Step 3 is the high-density effect's absence: holding LO changes its 1/e time by under 10 %.
    const fewHeld = simulate({ ...structuredClone(BOTTLENECK_STEPS[2].input), switches: { hotPhonons: false } }).metrics.tau1ePs!;
    expect(Math.abs(fewHeld - few.tau1ePs!) / few.tau1ePs!).toBeLessThan(0.1);
    // The captions quote these numbers.
    expect(BOTTLENECK_STEPS[0].caption([hot])).toContain(`${formatNumber(hot.tau1ePs)} ps`);
    expect(BOTTLENECK_STEPS[1].caption([hot, held])).toContain(`${formatNumber(held.tau1ePs)} ps instead of ${formatNumber(hot.tau1ePs)} ps`);
    expect(BOTTLENECK_STEPS[2].caption([hot, held, few])).toContain(`${formatNumber(few.tau1ePs)} ps`);
  });
});

describe('figure delay ticks', () => {
  it('keep 0, ±0.1 and the decades on the full range, and add 1–2–5 steps when a zoom leaves fewer than three', () => {
    expect(delayTicks(-0.3, 1000)).toEqual([-0.1, 0, 0.1, 1, 10, 100, 1000]);
    expect(delayTicks(0.3, 5)).toEqual([0.5, 1, 2, 5]);
  });
});
