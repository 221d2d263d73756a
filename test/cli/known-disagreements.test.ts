// `hotcarrier simulate` reports the published measurements the model disagrees with in the run's regime: indented
// lines after the warnings (text), `#` lines (CSV), knownDisagreements (JSON); `validate --write-verdicts` flags.

import { describe, expect, it } from 'vitest';
import { knownDisagreements } from '../../src/index.ts';
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
