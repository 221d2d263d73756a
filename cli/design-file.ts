// `sweep --points design.csv`: an arbitrary list of points (Latin hypercube, Sobol, … made by the user). The header
// names the varied parameters with the --vary flag names (density, edge-nm, composition, material.loLifetimePs …);
// each row is one point, its flat index the row's position (0-based, `#` comment and blank lines skipped).

import { readFileSync, statSync } from 'node:fs';
import { UsageError } from './args.ts';
import { axisTarget, axisValue } from './sweep-axes.ts';

export const MAX_DESIGN_POINTS = 100000;

/** Split one CSV line; fields may be double-quoted. */
export function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { out.push(field); field = ''; }
    else field += ch;
  }
  out.push(field);
  return out.map((f) => f.trim());
}

/** Read a design file into points (keys as SimulationInput/axis keys); throws UsageError naming file, line and column. */
export function readDesignFile(path: string): Record<string, unknown>[] {
  let text: string;
  try {
    if (statSync(path).size > 64 << 20) throw new UsageError(`--points ${path}: the file is larger than 64 MB; allowed: at most ${MAX_DESIGN_POINTS} rows`);
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`--points ${path}: cannot read the file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); allowed: a CSV file with a header of parameter flags`);
  }
  const lines = text.split(/\r?\n/).map((l, i) => ({ l, n: i + 1 })).filter(({ l }) => l.trim() !== '' && !l.trimStart().startsWith('#'));
  if (lines.length < 2) throw new UsageError(`--points ${path}: needs a header line and at least one point; e.g. "density,edge-nm" then "1e17,6"`);
  const header = splitCsvLine(lines[0].l);
  const targets = header.map((h) => axisTarget(h, `--points ${path}: column`));
  const seen = new Set<string>();
  for (const [j, t] of targets.entries()) {
    if (seen.has(t.key)) throw new UsageError(`--points ${path}: column ${JSON.stringify(header[j])} appears twice; allowed: each parameter once`);
    seen.add(t.key);
  }
  if (lines.length - 1 > MAX_DESIGN_POINTS) throw new UsageError(`--points ${path}: ${lines.length - 1} points; allowed: at most ${MAX_DESIGN_POINTS}`);
  return lines.slice(1).map(({ l, n }) => {
    const cells = splitCsvLine(l);
    if (cells.length !== header.length) throw new UsageError(`--points ${path} line ${n}: ${cells.length} fields, the header has ${header.length}`);
    const point: Record<string, unknown> = {};
    targets.forEach((t, j) => (point[t.key] = axisValue(t, header[j], cells[j], `--points ${path} line ${n}:`)));
    return point;
  });
}
