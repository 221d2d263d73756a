// `hotcarrier fit`: fitted values with uncertainties in text and JSON, and bad input refused with exit 2
// (the parameter, the value and what is allowed).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simulate } from '../../src/model/simulate.ts';
import { modelTcAt } from '../../src/data/measured.ts';
import { expectBadInput, run } from './helpers.ts';

let dir: string;
let good: string;
const BASE = ['fit', '--composition', 'CsPbI3', '--edge-nm', '8'];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hotcarrier-fit-'));
  // Noise-free model data for ⟨N⟩ = 2 with a 2 % σ column: the fit must land on 2.
  const r = simulate({ composition: 'CsPbI3', edgeNm: 8, nPerNc: 2, tStartPs: 0.05, tEndPs: 30, nPoints: 2000, rtol: 1e-9 });
  const rows = Array.from({ length: 15 }, (_, i) => {
    const t = 0.2 * 100 ** (i / 14);
    const tc = modelTcAt(r, t) as number;
    return `${t},${tc},${0.02 * tc}`;
  });
  good = join(dir, 'model.csv');
  writeFileSync(good, `# synthetic\ndelay_ps,Tc_K,sigma_K\n-0.5,300,10\n${rows.join('\n')}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('hotcarrier fit', () => {
  it('text: the fitted value ± 1σ with its unit, RMS, χ²/dof, simulations, and the point outside the window', async () => {
    const r = await run([...BASE, '--n-per-nc', '0.5', '--data', good, '--free', 'n-per-nc:0.1:10']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^fit of CsPbI3 8 nm nanocrystal to model\.csv: 15 points compared \(model window 0\.2–20 ps\), 1 outside the window/);
    expect(r.out).toMatch(/status: converged/);
    const row = /^ {2}n-per-nc +([\d.]+) +([\d.e-]+) +— +0\.5 +0\.1–10 \(log\)$/m.exec(r.out);
    expect(row, r.out).not.toBeNull();
    expect(Number(row![1])).toBeCloseTo(2, 2);
    expect(Number(row![2])).toBeGreaterThan(0);
    expect(r.out).toMatch(/RMS [\d.e-]+ K, χ²\/dof [\d.e-]+, dof 14/);
    expect(r.out).toMatch(/simulations: \d+ \(optimiser cap 400/);
    expect(r.out).not.toMatch(/NaN/);
  });

  it('--json: parameters with sigma and unit, statistics and the best-fit Tc curve; a material field by its name', async () => {
    const r = await run([...BASE, '--n-per-nc', '2', '--data', good, '--free', 'loLifetimePs', '--json']);
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.parameters[0]).toMatchObject({ key: 'materialOverrides.loLifetimePs', unit: 'ps', scale: 'log', start: 0.6 });
    expect(j.parameters[0].value).toBeCloseTo(0.6, 2); // the data were made with the default 0.6 ps
    expect(j.parameters[0].sigma).toBeGreaterThan(0);
    expect(j).toMatchObject({ status: 'converged', n: 15, dof: 14, outsideWindow: 1, objectiveKind: 'chi2' });
    expect(j.chi2PerDof).toBeLessThan(0.01);
    expect(j.curve.t_ps.length).toBe(100);
    expect(j.curve.tc_k.every((v: unknown) => typeof v === 'number')).toBe(true);
    expect(j.measured.modelTcK[0]).toBeNull();
    expect(j.nSimulations).toBeGreaterThan(10);
  });

  it('bad input exits 2 naming the parameter, the value and what is allowed', async () => {
    expectBadInput(await run([...BASE, '--data', good, '--free', 'banana']), { param: ['--free'], value: '"banana"', allowed: /allowed: KEY or KEY:min:max .*n-per-nc.*loLifetimePs/ });
    expectBadInput(await run([...BASE, '--data', good, '--free', 'n-per-nc:0:5']), { param: ['nPerNc (--n-per-nc)'], value: 'min = 0', allowed: /allowed: a number from 0\.001 to 100/ });
    expectBadInput(await run([...BASE, '--data', good, '--free', 'n-per-nc:5:1']), { param: ['nPerNc'], value: 'min = 5 is not below max = 1', allowed: /allowed: min < max/ });
    expectBadInput(await run([...BASE, '--data', good, '--free', 'n-per-nc:abc:5']), { param: ['--free n-per-nc:abc:5'], value: '"abc"', allowed: /allowed: KEY/ });
    expectBadInput(await run([...BASE, '--data', good, '--free', 'loLifetimePs:0.001:1']), { param: ['materialOverrides.loLifetimePs'], value: 'min = 0.001 ps', allowed: /allowed: a number from 0\.01 to 60 ps/ });
    const five = ['n-per-nc', 'lattice-k', 'pump-nm', 'loLifetimePs', 'epsStatic'].flatMap((k) => ['--free', k]);
    expectBadInput(await run([...BASE, '--data', good, ...five]), { param: ['free parameters'], value: '5 given', allowed: /allowed: 1 to 4/ });
    expectBadInput(await run([...BASE, '--free', 'n-per-nc']), { param: ['--data'], value: 'fit needs', allowed: /allowed: a path/ });
    expectBadInput(await run([...BASE, '--data', good]), { param: ['--free'], value: 'fit needs', allowed: /allowed: KEY/ });
    expectBadInput(await run([...BASE, '--data', join(dir, 'missing.csv'), '--free', 'n-per-nc']), { param: ['--data'], value: 'missing.csv', allowed: /allowed: / });
    expectBadInput(await run(['simulate', '--free', 'n-per-nc']), { param: ['--free'], value: 'simulate', allowed: /allowed: hotcarrier fit/ });
    expectBadInput(await run([...BASE, '--edge-nm', '-3', '--data', good, '--free', 'n-per-nc']), { param: ['edgeNm'], value: '-3', allowed: /allowed: a number from 2 to 50 nm/ });
    for (const n of ['0', '21', '1.5', 'two']) {
      expectBadInput(await run([...BASE, '--data', good, '--free', 'n-per-nc', '--starts', n]), { param: ['--starts'], value: `"${n}"`, allowed: /allowed: a whole number from 1 to 20/ });
    }
    expectBadInput(await run(['simulate', '--starts', '3']), { param: ['--starts'], value: 'simulate', allowed: /allowed: hotcarrier fit/ });
  });

  it('--starts 3: every run listed from where it began to where it ended, all at the one optimum', async () => {
    const r = await run([...BASE, '--n-per-nc', '0.5', '--data', good, '--free', 'n-per-nc', '--starts', '3']);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/status: converged — converged after \d+ simulations in 3 runs, the best kept/);
    expect(r.out).toMatch(/runs: 3 of 3 ended at the best optimum/);
    const runs = r.out.split('\n').filter((l) => /^ {3}[* ] {1,2}\d+ {2}from /.test(l));
    expect(runs).toHaveLength(3);
    expect(runs[0]).toMatch(/from n-per-nc 0\.5 → n-per-nc 2(\.000?\d*)?:/);
    for (const line of runs) expect(line).toMatch(/→ n-per-nc (1\.99\d*|2(\.00\d*)?):/);
    expect(r.out).not.toMatch(/warning:/);
  });

  it('a file with no point inside the window exits 2 saying so', async () => {
    const early = join(dir, 'early.csv');
    writeFileSync(early, 'delay_ps,Tc_K\n-3,300\n-2,300\n-1,300\n');
    expectBadInput(await run([...BASE, '--data', early, '--free', 'n-per-nc']), { param: ['data early.csv'], value: '0 of 3', allowed: /allowed: at least 2 points/ });
  });

  it('help lists the command', async () => {
    const r = await run(['help']);
    expect(r.out).toMatch(/hotcarrier fit \[options\] --data FILE --free KEY\[:min:max\]/);
  });
});
