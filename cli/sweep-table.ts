// The rows of a sweep as a table: one row per point with its flat index, the axis (or design) values, the metric
// columns and the provenance (spec hash, version, seed); the CSV form with `#` header lines that `hotcarrier merge`
// reads back.

import { PARAMS, type NumericParamKey } from '../src/model/params.ts';
import { provenanceCsvLines, type Provenance } from '../src/provenance.ts';
import { SWEEP_COLUMN_NAMES, type SweepResult, type SweepSpec } from '../src/sweep/types.ts';
import { gridIndices } from '../src/sweep/grid.ts';

/** What every row and the header carry besides the numbers. */
export interface SweepStamp {
  provenance: Provenance;
  /** The user's seed (e.g. of a Latin-hypercube design); the engine itself is deterministic. */
  seed: number;
  /** [K, N] of --shard K/N, or null for the whole sweep. */
  shard: [number, number] | null;
}

/** Trailing provenance columns of every row (after the metrics). */
export const ROW_PROVENANCE_COLUMNS = ['index', 'specHash', 'version', 'seed'] as const;

/** How an axis or design key is written as a column: the CLI flag (density, edge-nm), material.KEY, or the key. */
export function columnName(key: string): string {
  if (key in PARAMS) return PARAMS[key as NumericParamKey].flag;
  if (key.startsWith('materialOverrides.')) return `material.${key.slice('materialOverrides.'.length)}`;
  return key;
}

/** A CSV cell: numbers to 6 significant digits (exponent form when large or small), blank when undefined. */
export function cell(v: unknown): string {
  if (v === null) return 'bulk';
  if (v === undefined) return '';
  if (typeof v !== 'number') return String(v);
  if (!Number.isFinite(v)) return '';
  return v !== 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3) ? v.toExponential(5).replace(/\.?0+e/, 'e') : Number(v.toPrecision(6)).toString();
}

/** The coordinate keys of a spec: the axes' keys, or the union of the design's keys in first-seen order. */
export function coordinateKeys(spec: SweepSpec): string[] {
  if (!spec.design) return spec.axes.map((a) => a.key);
  const keys: string[] = [];
  for (const point of spec.design) for (const k of Object.keys(point)) if (!keys.includes(k)) keys.push(k);
  return keys;
}

/** Column names and the cells of every row of `result` (its range only). */
export function sweepTable(spec: SweepSpec, result: SweepResult, stamp: SweepStamp): { names: string[]; rows: string[][] } {
  const keys = coordinateKeys(spec);
  const names = [...keys.map(columnName), ...SWEEP_COLUMN_NAMES, ...ROW_PROVENANCE_COLUMNS];
  const rows: string[][] = [];
  for (let i = result.range[0]; i < result.range[1]; i++) {
    let coords: unknown[];
    if (spec.design) coords = keys.map((k) => spec.design![i][k]);
    else {
      const at = gridIndices(spec.axes, i);
      coords = spec.axes.map((a, j) => a.values[at[j]]);
    }
    const local = i - result.range[0];
    const metrics = SWEEP_COLUMN_NAMES.map((c) => cell(result.columns[c][local]));
    rows.push([...coords.map(cell), ...metrics, String(i), stamp.provenance.inputHash, stamp.provenance.version, String(stamp.seed)]);
  }
  return { names, rows };
}

/** The `# hotcarrier-sweep …` line merge reads: the grid size, this file's index range, shard and spec hash. */
export function sweepMetaLine(count: number, range: [number, number], stamp: SweepStamp): string {
  const shard = stamp.shard ? `${stamp.shard[0]}/${stamp.shard[1]}` : 'all';
  return `# hotcarrier-sweep count=${count} range=${range[0]}:${range[1]} shard=${shard} spec=${stamp.provenance.inputHash} seed=${stamp.seed}`;
}

/** A CSV field, quoted when it holds a comma, quote or newline. */
export function csvField(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function sweepCsv(spec: SweepSpec, result: SweepResult, stamp: SweepStamp): string {
  const { names, rows } = sweepTable(spec, result, stamp);
  return [
    ...provenanceCsvLines(stamp.provenance),
    sweepMetaLine(result.count, result.range, stamp),
    names.map(csvField).join(','),
    ...rows.map((r) => r.map(csvField).join(',')),
  ].join('\n');
}
