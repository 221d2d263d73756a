// Whole simulations: energy conservation by the ledger, positivity, agreement between solvers, bad input.

import { describe, expect, it } from 'vitest';
import { InputError, simulate, validateInput, type SimulationInput } from '../../src/index.ts';

const CASES: [string, SimulationInput][] = [
  ['CsPbI3 8 nm, low density', { composition: 'CsPbI3', edgeNm: 8, densityCm3: 1e17 }],
  ['CsPbI3 8 nm, ⟨N⟩ = 10', { composition: 'CsPbI3', edgeNm: 8, nPerNc: 10 }],
  ['MAPbBr3 film, 1e19', { composition: 'MAPbBr3', edgeNm: null, densityCm3: 1e19, pumpNm: 400 }],
  ['FA0.5Cs0.5PbI3 5 nm, hot acceptor', { composition: 'FA0.5Cs0.5PbI3', edgeNm: 5, densityCm3: 1e18, acceptor: 'hot' }],
  ['CsSnI3 12 nm, cold acceptor, 80 K', { composition: 'CsSnI3', edgeNm: 12, densityCm3: 1e18, acceptor: 'cold', latticeK: 80 }],
  ['CsPbI3 film, impulsive, no hot phonons', { composition: 'CsPbI3', edgeNm: null, densityCm3: 1e19, pulseFwhmFs: 0, switches: { hotPhonons: false } }],
  ['CsPbI2Br 9 nm, no up-conversion, no Auger heating', { composition: 'CsPbI2Br', edgeNm: 9, densityCm3: 5e18, pumpNm: 420, switches: { upConversion: false, augerHeating: false } }],
];

describe('energy ledger', () => {
  for (const [label, input] of CASES) {
    it(`${label}: absorbed = carriers + LO + acoustic + surroundings + emitted + extracted to < 1e-6 at rtol 1e-8`, () => {
      const r = simulate({ ...input, rtol: 1e-8 });
      expect(r.solver.status).toBe(0);
      expect(r.energy.maxRelError).toBeLessThan(1e-6);
      // The ledger is not trivially balanced: energy really moves between its accounts.
      const last = r.tPs.length - 1;
      const total = r.energy.absorbed[last];
      expect(total).toBeGreaterThan(0);
      const moved = r.energy.acoustic[last] + r.energy.surroundings[last] + r.energy.emitted[last] + r.energy.extracted[last];
      expect(moved / total).toBeGreaterThan(1e-3);
    });
  }

  it('the error shrinks with the tolerance (it measures the solver, not a bookkeeping identity)', () => {
    const loose = simulate({ ...CASES[1][1], rtol: 1e-4 }).energy.maxRelError;
    const tight = simulate({ ...CASES[1][1], rtol: 1e-9 }).energy.maxRelError;
    expect(tight).toBeLessThan(loose);
  });
});

describe('positivity and physical ranges', () => {
  for (const [label, input] of CASES) {
    it(label, () => {
      const r = simulate(input);
      // Densities are positive to within the solver's absolute tolerance (1e-8 of n0 at the default rtol).
      const atolDensity = 1e-8 * r.derived.densityCm3;
      for (let k = 0; k < r.tPs.length; k++) {
        expect(r.nCm3[k]).toBeGreaterThan(-atolDensity);
        expect(r.tcK[k]).toBeGreaterThan(0);
        expect(r.tLoK[k]).toBeGreaterThan(0);
        expect(r.tAK[k]).toBeGreaterThan(0);
        expect(Number.isFinite(r.tcK[k] + r.tLoK[k] + r.tAK[k] + r.nCm3[k])).toBe(true);
      }
      // Carriers end close to the lattice; nothing runs away.
      const last = r.tPs.length - 1;
      expect(r.tcK[last]).toBeLessThan(r.tAK[last] + 50);
      expect(r.nCm3[last]).toBeLessThanOrEqual(r.derived.densityCm3 * (1 + 1e-9));
    });
  }
});

describe('solvers agree', () => {
  it('odex, rodas5 and auto give the same carrier temperature within the tolerance', () => {
    const input: SimulationInput = { composition: 'CsPbI3', edgeNm: 8, densityCm3: 3e18, rtol: 1e-8, nPoints: 60 };
    const runs = (['odex', 'rodas5', 'auto'] as const).map((method) => simulate({ ...input, method }));
    for (const r of runs) expect(r.solver.status).toBe(0);
    for (let k = 0; k < runs[0].tPs.length; k++) {
      const ref = runs[1].tcK[k];
      expect(Math.abs(runs[0].tcK[k] - ref) / ref).toBeLessThan(1e-5);
      expect(Math.abs(runs[2].tcK[k] - ref) / ref).toBeLessThan(1e-5);
    }
    // The stiff path needs far fewer right-hand-side evaluations than the explicit one.
    expect(runs[1].solver.nfev * 3).toBeLessThan(runs[0].solver.nfev);
  });
});

describe('bad input', () => {
  const bad: [string, Partial<SimulationInput>, string][] = [
    ['negative size', { edgeNm: -3 }, 'edgeNm'],
    ['NaN size', { edgeNm: NaN }, 'edgeNm'],
    ['unknown composition', { composition: 'CsPbQ3' }, 'composition'],
    ['density beyond the model', { densityCm3: 1e21 }, 'densityCm3'],
    ['conflicting excitation', { densityCm3: 1e18, nPerNc: 1 }, 'densityCm3'],
    ['unknown acceptor', { acceptor: 'gold' as never }, 'acceptor'],
    ['unknown switch', { switches: { magic: false } as never }, 'switches.magic'],
    ['⟨N⟩ for a film', { edgeNm: null, nPerNc: 1 }, 'nPerNc'],
  ];
  for (const [label, patch, param] of bad) {
    it(`${label}: InputError naming ${param}`, () => {
      const input = { composition: 'CsPbI3', edgeNm: 8, ...patch } as SimulationInput;
      expect(() => simulate(input)).toThrow(InputError);
      try {
        simulate(input);
      } catch (e) {
        const err = e as InputError;
        expect(err.issues.map((i) => i.param).join(' ')).toContain(param);
        expect(err.message).toMatch(/allowed|give|must|is unknown|not a/);
      }
    });
  }

  it('a pump below the confined gap is refused with the gap and the longest allowed wavelength', () => {
    expect(() => simulate({ composition: 'CsPbI3', edgeNm: 4, pumpNm: 700 })).toThrow(/pumpNm.*700 nm.*below the gap.*shorter than/);
  });

  it('validateInput reports without solving, and passes a good input', () => {
    expect(validateInput({ composition: 'CsPbI3', edgeNm: 8 })).toEqual([]);
    const msgs = validateInput({ composition: 'CsPbI3', edgeNm: 0, latticeK: Infinity });
    expect(msgs.length).toBe(2);
    expect(msgs.join('\n')).toMatch(/edgeNm.*0/);
    expect(msgs.join('\n')).toMatch(/latticeK.*Infinity/);
  });
});

describe('warnings name their cause', () => {
  it('a hot injection at low density is not called Auger heating; Auger heating is named when it raised Tc', () => {
    const inj = simulate({ composition: 'MAPbI3', edgeNm: null, densityCm3: 1e17, pumpNm: 300 });
    const hot = inj.derived.warnings.find((w) => w.startsWith('carrier temperature reached'));
    expect(hot).toMatch(/at injection/);
    expect(hot).not.toMatch(/Auger/);
    const auger = simulate({ composition: 'CsPbBr3', edgeNm: 5, nPerNc: 10 });
    expect(auger.derived.warnings.find((w) => w.startsWith('carrier temperature reached'))).toMatch(/Auger heating at ⟨N⟩ = 10/);
  });
  it('degenerate carriers are flagged from the degeneracy parameter along the run, dilute ones are not', () => {
    const dense = simulate({ composition: 'MAPbI3', edgeNm: null, densityCm3: 2e19, latticeK: 80 });
    expect(dense.derived.warnings.some((w) => w.startsWith('degenerate carriers'))).toBe(true);
    const dilute = simulate({ composition: 'MAPbI3', edgeNm: null, densityCm3: 1e17 });
    expect(dilute.derived.warnings.some((w) => w.startsWith('degenerate carriers'))).toBe(false);
  });
});

describe('biExponential: false (what a sweep that does not show the fit asks for)', () => {
  it('leaves out only the bi-exponential fit: every other number is the same as the full run, bit for bit', () => {
    for (const [, input] of CASES) {
      const full = simulate(input);
      const lean = simulate(input, { biExponential: false });
      // the full run fitted something (one component or two), so leaving the fit out is a difference
      expect(full.metrics.fastFraction).not.toBeNull();
      expect(lean.metrics.fastPs).toBeNull();
      expect(lean.metrics.slowPs).toBeNull();
      expect(lean.metrics.fastFraction).toBeNull();
      const strip = (r: typeof full) => ({
        ...r,
        metrics: { ...r.metrics, fastPs: null, slowPs: null, fastFraction: null },
        solver: { ...r.solver, wallMs: 0 },
      });
      expect(strip(lean)).toEqual(strip(full));
    }
  });
});
