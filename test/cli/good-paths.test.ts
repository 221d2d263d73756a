// Good paths of `hotcarrier`: simulate as text/JSON/CSV, excitation conversions, materials, trends; no NaN anywhere.

import { beforeAll, describe, expect, it } from 'vitest';
import { run, type Run } from './helpers.ts';

const COLUMNS = ['t_ps', 'tc_k', 'tc_mean_k', 't_lo_k', 't_a_k', 'n_cm3'] as const;
const NON_FINITE = /NaN|Infinity/;

async function simulateJson(argv: string[]): Promise<any> {
  const r = await run(['simulate', '--json', ...argv]);
  expect(r.code, r.err).toBe(0);
  expect(r.err).toBe('');
  return JSON.parse(r.out);
}

function relClose(actual: number, expected: number, tol = 1e-9): void {
  expect(Math.abs(actual - expected) / Math.abs(expected), `${actual} vs ${expected}`).toBeLessThan(tol);
}

describe('simulate --json', () => {
  const argv = ['--composition', 'CsPbI3', '--edge-nm', '8', '--density', '1e18', '--pump-nm', '470', '--lattice-k', '300', '--t-end-ps', '1000'];
  let j: any;
  beforeAll(async () => {
    j = await simulateJson(argv);
  });

  it('echoes the inputs given', () => {
    expect(j.input).toMatchObject({ composition: 'CsPbI3', edgeNm: 8, densityCm3: 1e18, pumpNm: 470, latticeK: 300, tEndPs: 1000 });
  });

  it('has the derived quantities: confined gap, ⟨N⟩, tolerance factor', () => {
    const d = j.derived;
    expect(d.bulk).toBe(false);
    expect(Number.isFinite(d.gapEv)).toBe(true);
    expect(d.gapEv).toBeGreaterThan(j.material.gapEv); // confinement widens the gap of an 8 nm NC
    relClose(d.gapEv, j.material.gapEv + d.confinementEv);
    relClose(d.nPerNc, 1e18 * 512e-21); // ⟨N⟩ = n · V, V = (8 nm)³
    expect(d.toleranceFactor).toBeGreaterThan(0.7);
    expect(d.toleranceFactor).toBeLessThan(1.1);
    relClose(d.pumpEv, 1239.84198 / 470, 1e-6);
    relClose(d.densityCm3, 1e18);
  });

  it('has equal-length, finite time columns on an increasing delay grid from 0.01 ps to 1 ns', () => {
    const n = j.columns.t_ps.length;
    expect(n).toBeGreaterThan(10);
    for (const c of COLUMNS) {
      expect(j.columns[c], c).toHaveLength(n);
      for (const v of j.columns[c]) expect(Number.isFinite(v), `${c} holds ${v}`).toBe(true);
    }
    const t = j.columns.t_ps as number[];
    for (let k = 1; k < n; k++) expect(t[k]).toBeGreaterThan(t[k - 1]);
    relClose(t[0], 0.01, 1e-6);
    relClose(t[n - 1], 1000, 1e-6);
    expect(Math.max(...j.columns.tc_k)).toBeGreaterThan(1000); // the carriers are injected hot
  });

  it('has metrics, a small ledger error and solver counters', () => {
    for (const k of ['tau1ePs', 'fastPs', 'slowPs', 'timeToTargetPs', 'initialLossRateMeVps', 'peakTcK']) {
      expect(Number.isFinite(j.metrics[k]), `metrics.${k} = ${j.metrics[k]}`).toBe(true);
    }
    expect(j.metrics.targetK).toBe(500);
    expect(j.ledgerMaxRelError).toBeGreaterThanOrEqual(0);
    expect(j.ledgerMaxRelError).toBeLessThan(1e-4);
    expect(j.solver.status).toBe(0);
    for (const k of ['nfev', 'njev', 'nAccepted', 'nRejected']) expect(Number.isInteger(j.solver[k]), `solver.${k}`).toBe(true);
    expect(j.solver.nfev).toBeGreaterThan(0);
    expect(j.solver.nAccepted).toBeGreaterThan(0);
  });

  it('has the electrons\' and holes\' own temperatures, overall and per class (equal for the preset\'s equal masses)', () => {
    const c = j.columns;
    for (const k of ['tc_electron_k', 'tc_hole_k', 'tc_single_electron_k', 'tc_single_hole_k', 'tc_multi_electron_k', 'tc_multi_hole_k']) {
      expect(c[k], k).toHaveLength(c.t_ps.length);
    }
    expect(c.tc_electron_k).toEqual(c.tc_mean_k);
    expect(c.tc_hole_k).toEqual(c.tc_mean_k);
    expect(c.tc_single_electron_k).toEqual(c.tc_single_k);
    expect(j.derived.injectionElectronK).toBeCloseTo(j.derived.injectionTempK, 6);
  });

  it('--material with unequal masses: the lighter electron starts hotter, in JSON, CSV and text', async () => {
    const masses = ['--material', 'electronMassM0=0.12', '--material', 'holeMassM0=0.3'];
    const k = await simulateJson([...argv, ...masses, '--points', '40']);
    expect(k.columns.tc_electron_k[0]).toBeGreaterThan(k.columns.tc_hole_k[0] + 500);
    expect(k.derived.injectionElectronK).toBeGreaterThan(k.derived.injectionHoleK);
    const csv = await run(['simulate', '--csv', '--points', '20', '--bulk', ...masses]);
    expect(csv.code, csv.err).toBe(0);
    const header = csv.out.split('\n').find((l) => l.startsWith('t_ps,'))!.split(',');
    expect(header.slice(-2)).toEqual(['tc_electron_k', 'tc_hole_k']);
    const text = await run(['simulate', '--points', '40', ...masses]);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/Tc_e \(K\)\s+Tc_h \(K\)/);
    expect(text.out).toMatch(/injected Tc \d+ K \(electron \d+ K, hole \d+ K\)/);
  });

  it('--points sets the number of rows', async () => {
    const k = await simulateJson(['--points', '37', '--t-end-ps', '100']);
    for (const c of COLUMNS) expect(k.columns[c]).toHaveLength(37);
  });
});

describe('simulate --csv', () => {
  it('has comment lines, a header row and numeric rows of the header width', async () => {
    const r = await run(['simulate', '--csv', '--points', '50']);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.trimEnd().split('\n');
    const comments = lines.filter((l) => l.startsWith('#'));
    expect(comments.length).toBeGreaterThan(0);
    const body = lines.filter((l) => !l.startsWith('#'));
    const header = body[0].split(',');
    // The default run is an NC with Poisson statistics: the class columns sit between the mean and T_LO.
    expect(header.slice(0, 6)).toEqual(['t_ps', 'tc_k', 'tc_mean_k', 'tc_single_k', 'tc_multi_k', 'multi_share']);
    for (const c of COLUMNS) expect(header).toContain(c);
    const rows = body.slice(1);
    expect(rows).toHaveLength(50);
    for (const row of rows) {
      const cells = row.split(',');
      expect(cells).toHaveLength(header.length);
      for (const c of cells) expect(c !== '' && Number.isFinite(Number(c)), `cell ${JSON.stringify(c)} in ${row}`).toBe(true);
    }
  });
});

describe('simulate --bulk and the excitation conversions', () => {
  it('--bulk runs a film: no NC volume, no ⟨N⟩, gap equals the material gap', async () => {
    const j = await simulateJson(['--bulk', '--density', '1e18']);
    expect(j.derived.bulk).toBe(true);
    expect(j.derived.ncVolumeNm3).toBeNull();
    relClose(j.derived.gapEv, j.material.gapEv);
    expect(j.input.edgeNm).toBeNull();
    expect(j.ledgerMaxRelError).toBeLessThan(1e-4);
  });

  it('--bulk text output runs and says "bulk film"', async () => {
    const r = await run(['simulate', '--bulk']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('bulk film');
  });

  it('--n-per-nc N on a 10 nm NC gives densityCm3 = N / V', async () => {
    const j = await simulateJson(['--edge-nm', '10', '--n-per-nc', '2']);
    expect(j.derived.ncVolumeNm3).toBeCloseTo(1000, 9);
    relClose(j.derived.densityCm3, 2 / 1000e-21);
    relClose(j.derived.nPerNc, 2);
    expect(j.input.nPerNc).toBe(2);
  });

  it('--fluence-uj-cm2 gives a density whose ⟨N⟩ = n·V, and that density gives back the same fluence', async () => {
    const f = await simulateJson(['--edge-nm', '8', '--fluence-uj-cm2', '20']);
    relClose(f.derived.fluenceUJcm2, 20);
    relClose(f.derived.nPerNc, f.derived.densityCm3 * 512e-21);
    const d = await simulateJson(['--edge-nm', '8', '--density', String(f.derived.densityCm3)]);
    relClose(d.derived.fluenceUJcm2, 20, 1e-9);
    relClose(d.derived.nPerNc, f.derived.nPerNc, 1e-9);
  });

  it('the same ⟨N⟩ round-trips through --n-per-nc → fluence → --fluence-uj-cm2', async () => {
    const a = await simulateJson(['--edge-nm', '6', '--n-per-nc', '1.5']);
    const b = await simulateJson(['--edge-nm', '6', '--fluence-uj-cm2', String(a.derived.fluenceUJcm2)]);
    relClose(b.derived.nPerNc, 1.5, 1e-9);
    relClose(b.derived.densityCm3, a.derived.densityCm3, 1e-9);
  });

  it('--fluence-uj-cm2 on a bulk film converts to a density in range', async () => {
    const j = await simulateJson(['--bulk', '--fluence-uj-cm2', '10']);
    relClose(j.derived.fluenceUJcm2, 10);
    expect(j.derived.densityCm3).toBeGreaterThanOrEqual(1e15);
    expect(j.derived.densityCm3).toBeLessThanOrEqual(1e20);
  });

  it('--pump-ev E is the same pump as --pump-nm 1239.84198/E', async () => {
    const j = await simulateJson(['--pump-ev', '2.5', '--points', '20']);
    relClose(j.derived.pumpEv, 2.5, 1e-9);
  });
});

describe('no output contains NaN or Infinity', () => {
  const RUNS: string[][] = [
    ['simulate'],
    ['simulate', '--json'],
    ['simulate', '--csv'],
    ['simulate', '--bulk', '--json'],
    ['simulate', '--bulk', '--csv', '--composition', 'MAPbBr3', '--pump-nm', '400', '--density', '1e19'],
    ['simulate', '--composition', 'FA0.5Cs0.5PbI3', '--edge-nm', '5', '--acceptor', 'hot'],
    ['simulate', '--json', '--composition', 'CsSnI3', '--edge-nm', '12', '--acceptor', 'cold', '--lattice-k', '80'],
    ['simulate', '--csv', '--n-per-nc', '10', '--pulse-fs', '0', '--no-hot-phonons'],
    ['simulate', '--json', '--no-upconversion', '--no-auger-heating', '--no-intrinsic-bottleneck', '--density', '1e20'],
    ['simulate', '--json', '--edge-nm', '2', '--pump-nm', '250', '--density', '1e15', '--t-end-ps', '10'],
    ['simulate', '--method', 'odex', '--t-end-ps', '10'],
    ['simulate', '--json', '--method', 'rodas5', '--composition', 'CsPbI2Br', '--edge-nm', '9', '--pump-nm', '420'],
    ['materials'],
    ['materials', '--json'],
    ['trends'],
    ['trends', '--json'],
    ['--help'],
  ];
  for (const argv of RUNS) {
    it(argv.join(' '), async () => {
      const r: Run = await run(argv);
      if (argv[0] === 'trends') expect([0, 1], r.err).toContain(r.code); // 1 only if a trend fails; asserted in 'trends'
      else expect(r.code, r.err).toBe(0);
      expect(r.out.length).toBeGreaterThan(0);
      expect(r.out).not.toMatch(NON_FINITE);
      expect(r.err).not.toMatch(NON_FINITE);
      if (argv.includes('--json')) expect(() => JSON.parse(r.out)).not.toThrow();
    });
  }
});

describe('materials', () => {
  const PRESETS = ['CsPbI3', 'FAPbI3', 'FA0.5Cs0.5PbI3', 'MAPbI3', 'MAPbBr3', 'CsPbBr3', 'FAPbBr3', 'CsPbI2Br', 'CsSnI3'];
  let j: any;
  beforeAll(async () => {
    const r = await run(['materials', '--json']);
    expect(r.code, r.err).toBe(0);
    j = JSON.parse(r.out);
  });

  it('lists the required presets', () => {
    const names = j.presets.map((p: any) => p.name);
    for (const p of PRESETS) expect(names).toContain(p);
  });

  it('every end-member field carries a value, a unit and a source', () => {
    expect(j.endMembers.length).toBeGreaterThan(0);
    for (const e of j.endMembers) {
      const fields = Object.entries(e).filter(([k]) => !['formula', 'a', 'b', 'x'].includes(k));
      expect(fields.length, e.formula).toBeGreaterThan(5);
      for (const [k, v] of fields as [string, any][]) {
        const where = `${e.formula}.${k}`;
        expect(typeof v, where).toBe('object');
        expect(Number.isFinite(v.value), `${where}.value`).toBe(true);
        expect(typeof v.unit, `${where}.unit`).toBe('string');
        expect(v.unit.length, `${where}.unit`).toBeGreaterThan(0);
        expect(typeof v.source, `${where}.source`).toBe('string');
        expect(v.source.trim().length, `${where}.source`).toBeGreaterThan(0);
      }
    }
  });

  it('every numeric preset parameter has a source', () => {
    for (const { name, params } of j.presets) {
      for (const [k, v] of Object.entries(params)) {
        if (typeof v !== 'number') continue;
        expect(typeof params.sources[k], `${name}.${k} source`).toBe('string');
        expect(params.sources[k].length, `${name}.${k} source`).toBeGreaterThan(0);
      }
    }
  });

  it('the text table lists the presets', async () => {
    const r = await run(['materials']);
    expect(r.code).toBe(0);
    for (const p of PRESETS) expect(r.out).toMatch(new RegExp(`^${p.replace(/\./g, '\\.')}\\s`, 'm'));
  });
});

describe('trends', () => {
  it('--json returns T1…T13 with passed, numbers and detail; exit 0 exactly when all pass', async () => {
    const r = await run(['trends', '--json']);
    const list = JSON.parse(r.out) as any[];
    expect(list.map((t) => t.id)).toEqual(Array.from({ length: 13 }, (_, i) => `T${i + 1}`));
    for (const t of list) {
      expect(typeof t.passed, t.id).toBe('boolean');
      expect(typeof t.numbers, t.id).toBe('object');
      expect(Object.keys(t.numbers).length, `${t.id} numbers`).toBeGreaterThan(0);
      for (const [k, v] of Object.entries(t.numbers)) expect(typeof v === 'number' && Number.isFinite(v), `${t.id}.${k} = ${v}`).toBe(true);
      expect(typeof t.detail, t.id).toBe('string');
      expect(t.detail.length, t.id).toBeGreaterThan(0);
    }
    expect(r.code === 0).toBe(list.every((t) => t.passed));
    expect(r.code === 0 || r.code === 1).toBe(true);
  });

  it('text: a PASS/FAIL line per trend and a summary "k/13 trends pass" matching them; exit 0 exactly when all pass', async () => {
    const r = await run(['trends']);
    const pass = (r.out.match(/^PASS T\d+/gm) ?? []).length;
    const fail = (r.out.match(/^FAIL T\d+/gm) ?? []).length;
    expect(pass + fail).toBe(13);
    const m = /^(\d+)\/(\d+) trends pass$/m.exec(r.out);
    expect(m, r.out).not.toBeNull();
    expect(Number(m![1])).toBe(pass);
    expect(Number(m![2])).toBe(13);
    expect(r.code === 0).toBe(pass === 13);
  });
});
