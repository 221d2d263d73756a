// `hotcarrier simulate` reports the published measurements the model disagrees with in the run's regime: indented
// lines after the warnings (text), `#` lines (CSV), knownDisagreements (JSON); `validate --write-verdicts` flags.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownDisagreements } from '../../src/index.ts';
import { modelTcAt } from '../../src/data/measured.ts';
import { simulate } from '../../src/model/simulate.ts';
import { run } from './helpers.ts';

/** A MAPbBr3 NC at low ⟨N⟩: the Li 2017 NC-vs-film regime (the notes expected are asked of the engine, not typed). */
const INSIDE = ['--composition', 'MAPbBr3', '--edge-nm', '10', '--n-per-nc', '0.1', '--pump-nm', '400', '--points', '30'];
const INSIDE_INPUT = { composition: 'MAPbBr3', edgeNm: 10, nPerNc: 0.1, pumpNm: 400, nPoints: 30 };
/** The same NC at 20 K: below every entry's lattice range. */
const OUTSIDE = [...INSIDE, '--lattice-k', '20'];

describe('simulate: known disagreements', () => {
  const expected = knownDisagreements(INSIDE_INPUT);

  it('the example input is in at least one disagreeing regime, and the outside one in none', () => {
    expect(expected.length).toBeGreaterThan(0);
    expect(knownDisagreements({ ...INSIDE_INPUT, latticeK: 20 })).toEqual([]);
  });

  it('text: a heading after the warnings and one line per note with its id, quantity, DOI, then what it points at and its regime', async () => {
    const r = await run(['simulate', ...INSIDE]);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    const head = lines.findIndex((l) => l.startsWith('  known disagreement'));
    expect(head).toBeGreaterThan(lines.findIndex((l) => l.includes('solver ')));
    expect(lines[head]).toContain(`${expected.length} published measurements`);
    for (const n of expected) {
      const k = lines.findIndex((l) => l.startsWith(`    ${n.id}: `));
      expect(k, n.id).toBeGreaterThan(head);
      expect(lines[k]).toContain(`doi:${n.doi}`);
      expect(lines[k]).toContain(n.quantity);
      expect(lines[k + 1]).toBe(`      points at: ${n.pointsAt}`);
      expect(lines[k + 2]).toBe(`      regime (this run is inside): ${n.regime}`);
    }
  });

  it('text: no heading outside every regime', async () => {
    const r = await run(['simulate', ...OUTSIDE]);
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/known disagreement/);
  });

  it('--json: knownDisagreements holds the notes (an empty array outside)', async () => {
    const inside = JSON.parse((await run(['simulate', '--json', ...INSIDE])).out);
    expect(inside.knownDisagreements).toEqual(JSON.parse(JSON.stringify(expected)));
    const outside = JSON.parse((await run(['simulate', '--json', ...OUTSIDE])).out);
    expect(outside.knownDisagreements).toEqual([]);
  });

  it('--csv: `#` lines before the column header, with the caveat when the run changes the model', async () => {
    const r = await run(['simulate', '--csv', ...INSIDE, '--no-screening']);
    const lines = r.out.split('\n');
    const header = lines.findIndex((l) => l.startsWith('t_ps,'));
    const notes = lines.slice(0, header).filter((l) => l.startsWith('# known disagreement: '));
    expect(notes.map((l) => l.split(':')[1].trim())).toEqual(expected.map((n) => n.id));
    expect(lines.slice(0, header).join('\n')).toMatch(/verdicts of the default model, this run changes it \(mechanisms off: screening\)/);
  });
});

describe('fit: the best-fit run\'s known disagreements', () => {
  it('text and --json carry the notes of the fitted input\'s regime', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotcarrier-notes-'));
    try {
      // model data of the inside input: the fit lands on ⟨N⟩ ≈ 0.1, inside the regime
      const r = simulate({ ...INSIDE_INPUT, nPoints: 400 });
      const rows = Array.from({ length: 8 }, (_, i) => { const t = 0.2 * 50 ** (i / 7); return `${t},${modelTcAt(r, t)}`; });
      const file = join(dir, 'tc.csv');
      writeFileSync(file, `delay_ps,Tc_K\n${rows.join('\n')}\n`);
      const argv = ['fit', ...INSIDE.filter((a, k) => a !== '--n-per-nc' && INSIDE[k - 1] !== '--n-per-nc' && a !== '--points' && INSIDE[k - 1] !== '--points'), '--n-per-nc', '0.15', '--data', file, '--free', 'n-per-nc:0.05:0.3'];
      const json = JSON.parse((await run([...argv, '--json'])).out);
      const fitted = knownDisagreements({ ...INSIDE_INPUT, nPerNc: json.input.nPerNc });
      expect(fitted.length).toBeGreaterThan(0);
      expect(json.knownDisagreements.map((n: { id: string }) => n.id)).toEqual(fitted.map((n) => n.id));
      const text = await run(argv);
      expect(text.code, text.err).toBe(0);
      for (const n of fitted) expect(text.out).toContain(`    ${n.id}: `);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('--write-verdicts', () => {
  it('is refused outside validate, with a value, and with --lo-pool', async () => {
    for (const [argv, message] of [
      [['simulate', '--write-verdicts'], /--write-verdicts applies to validate only, not simulate/],
      [['validate', '--write-verdicts=x'], /--write-verdicts takes no value/],
      [['validate', '--write-verdicts', '--lo-pool', 'resolved'], /takes no --lo-pool/],
    ] as const) {
      const r = await run([...argv]);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(message);
    }
  });
});
