// The known disagreements of a simulate run as the CLI prints them: indented lines after the text summary's warnings,
// `#` comment lines in the CSV header, and the notes array of the JSON output (format.ts).

import { knownDisagreementsOf, knownDisagreementText, modelChangesOf, type KnownDisagreement } from '../src/validation/known-disagreements.ts';
import type { SimulationResult } from '../src/model/types.ts';

/** The notes of a result: published measurements the model disagrees with in this run's regime. */
export function notesOf(r: SimulationResult): KnownDisagreement[] {
  return knownDisagreementsOf(r.input, r.derived);
}

/** The heading of the notes, with the caveat when the run changes the model the suite's verdicts were taken with. */
function heading(r: SimulationResult, count: number): string {
  const changes = modelChangesOf(r.input);
  const caveat = changes.length > 0 ? `; verdicts of the default model, this run changes it (${changes.join('; ')})` : '';
  return `known disagreement${count === 1 ? '' : 's'}: the model misses ${count === 1 ? 'a published measurement' : `${count} published measurements`} in this run's regime (model values under each entry's own conditions; details: hotcarrier validate${caveat})`;
}

/** Lines for the text summary (empty when there is no note). */
export function notesTextLines(r: SimulationResult, notes = notesOf(r)): string[] {
  if (notes.length === 0) return [];
  return [`  ${heading(r, notes.length)}:`, ...notes.flatMap((n) => [`    ${knownDisagreementText(n, false)}`, `      points at: ${n.pointsAt}`, `      regime (this run is inside): ${n.regime}`])];
}

/** `#` comment lines for the CSV header (empty when there is no note). */
export function notesCsvLines(r: SimulationResult, notes = notesOf(r)): string[] {
  if (notes.length === 0) return [];
  return [`# ${heading(r, notes.length)}`, ...notes.map((n) => `# known disagreement: ${knownDisagreementText(n)}`)];
}
