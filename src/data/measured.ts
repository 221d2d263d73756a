// Measured carrier temperatures (e.g. from transient absorption): a strict CSV reader with messages naming the
// line, the column and what is allowed. Pure: takes bytes or text, knows nothing of files (the caller caps the read).
// Linear in the input: line and cell lengths are capped before any pattern runs, and the patterns are unambiguous.

import { DataFileError } from './data-file-error.ts';
import { MAX_LINE_CHARS, detectSeparator, splitCsvLine } from './csv-line.ts';
import { MAX_NUMBER_CHARS, looksDecimal } from './decimal.ts';
import { decodeDataBytes } from './text-decode.ts';

export { DataFileError } from './data-file-error.ts';
export { decodeDataBytes } from './text-decode.ts';

/** Largest data file accepted (bytes); checked by the caller on the raw bytes with `checkDataFileSize`. */
export const MAX_DATA_FILE_BYTES = 5 * 1024 * 1024;
/** Longest header cell read (characters), checked before its unit is looked for. */
export const MAX_HEADER_CELL_CHARS = 200;
/** Largest carrier temperature or uncertainty accepted (K): kB·1e5 K ≈ 8.6 eV, far beyond any hot carrier. */
export const MAX_TEMPERATURE_K = 1e5;
/** Largest |delay| accepted (ps), after unit conversion: one second. */
export const MAX_ABS_DELAY_PS = 1e12;
/** Most data rows accepted. */
export const MAX_DATA_ROWS = 100_000;
/** Fewest data rows accepted. */
export const MIN_DATA_ROWS = 3;

/** Delay units understood in a header, as multiples of a picosecond. */
const DELAY_UNITS: Record<string, number> = { fs: 1e-3, ps: 1, ns: 1e3 };
/** Units recognised as such but refused, so "t (s)" is not silently read as picoseconds. */
const REFUSED_DELAY_UNITS = new Set(['s', 'ms', 'us', 'µs', 'μs', 'k', 'ev', 'mev', 'nm']);
const REFUSED_TEMPERATURE_UNITS = new Set(['c', '°c', 'degc', 'f', '°f', 'mk', 'ev', 'mev', 'ps', 'fs', 'ns', 's']);

export const ALLOWED = {
  file: 'a text file of rows "delay, carrier temperature[, uncertainty]" separated by comma, semicolon or tab, with an optional header row and # comment lines',
  delay: 'pump–probe delay in ps (a finite number, |delay| ≤ 1e12 ps; fs or ns when the header says so)',
  temperature: 'carrier temperature in K (a positive number up to 1e5 K)',
  sigma: 'uncertainty of the carrier temperature in K (a positive number up to 1e5 K)',
} as const;

export interface MeasuredSeries {
  /** File name or label, for legends and messages. */
  name: string;
  /** Delays in ps, strictly increasing (converted from fs or ns when the header said so). */
  tPs: Float64Array;
  /** Carrier temperatures (K), all positive. */
  tcK: Float64Array;
  /** One-sigma uncertainties (K), all positive; null when the file has no third column. */
  sigmaK: Float64Array | null;
  /** Header cells as written (empty when the file has no header row). */
  header: string[];
  /** Unit the delays were written in (they are stored in ps). */
  delayUnit: 'fs' | 'ps' | 'ns';
  /** What the reader assumed or converted, in words (e.g. "delays converted from fs to ps"). */
  notes: string[];
}

/** Refuse a file of `bytes` bytes above MAX_DATA_FILE_BYTES (call before reading or decoding it). */
export function checkDataFileSize(bytes: number): void {
  if (bytes > MAX_DATA_FILE_BYTES) {
    throw new DataFileError(null, null, `the file is ${bytes} bytes (${(bytes / 1048576).toFixed(1)} MB)`, `at most ${MAX_DATA_FILE_BYTES} bytes (${MAX_DATA_FILE_BYTES / 1048576} MB)`);
  }
}

const NON_FINITE = /^[+-]?(?:nan|inf|infinity)$/i;
/** A decimal comma ("0,5", "1,2e3"): digits, one comma, digits, an optional exponent; unambiguous. */
const DECIMAL_COMMA = /^[+-]?\d+,\d+(?:[eE][+-]?\d+)?$/;

/** Quote a cell for a message, shortened when long. */
const quote = (cell: string) => JSON.stringify(cell.length > 40 ? `${cell.slice(0, 37)}...` : cell);

/** Binary content: NUL bytes, other control characters, or the replacement character left by decoding non-UTF-8 bytes. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 65536);
  if (sample.includes('\0')) return true;
  let odd = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) odd++;
  }
  return odd > Math.max(2, sample.length * 0.01);
}

/** Units recognised after a space in a header cell ("delay ps", "Tc K"). */
const BARE_UNITS = new Set(['fs', 'ps', 'ns', 's', 'ms', 'us', 'µs', 'μs', 'k', 'mk', '°c', 'c', '°f', 'ev', 'mev']);

/** The unit written in a header cell: "t (ps)", "t [ps]", "delay_ps", "t/ps", "delay in ps", "delay ps"; or null. */
export function headerUnit(cell: string): string | null {
  if (cell.length > MAX_HEADER_CELL_CHARS) return null;
  const text = cell.trim();
  const match = /\(([^)]*)\)\s*$/.exec(text) ?? /\[([^\]]*)\]\s*$/.exec(text) ?? /\/\s*([^/\s]+)$/.exec(text)
    ?? /\sin\s+(\S+)$/i.exec(text) ?? /_([A-Za-zµμ°]+)$/.exec(text);
  if (match) return match[1].trim();
  const word = /\s(\S+)$/.exec(text)?.[1];
  return word !== undefined && BARE_UNITS.has(word.toLowerCase()) ? word : null;
}

/** A header row: no cell is a number (finite or not), and the first cell is not empty. */
function isHeader(cells: string[]): boolean {
  if (cells.length === 0 || cells[0] === '') return false;
  return cells.every((c) => c.length > MAX_NUMBER_CHARS || (!looksDecimal(c) && !DECIMAL_COMMA.test(c) && !NON_FINITE.test(c)));
}

/**
 * Read measured carrier temperatures from a file's bytes: decoded with `decodeDataBytes` (UTF-8 or UTF-16, a
 * byte-order mark dropped; anything else refused), then read by `parseMeasuredCsv`. The CLI and the page call this.
 */
export function parseMeasuredBytes(bytes: Uint8Array, name = 'measured'): MeasuredSeries {
  checkDataFileSize(bytes.length);
  const { text, encoding } = decodeDataBytes(bytes);
  const series = parseMeasuredCsv(text, name);
  if (encoding !== 'utf-8') series.notes.push(`decoded from ${encoding.toUpperCase()}`);
  return series;
}

/**
 * Read measured carrier temperatures from CSV text.
 *
 * Rows: delay, carrier temperature (K), optional one-sigma uncertainty (K). Separator: comma, semicolon or tab
 * (runs of spaces when none of these appears); with semicolon or tab a decimal comma ("0,5") is read as a point.
 * `#` starts a comment line; blank lines are skipped. The first non-comment line is a header when its first cell
 * is not a number; units in header cells ("delay_fs", "t (ns)") convert delays to ps, and a temperature column
 * must be in K. Delays may be negative (before the pump peak) but must increase strictly.
 *
 * @param text the file's content (decoded text; the caller refuses files above MAX_DATA_FILE_BYTES)
 * @param name label for the series
 * @throws DataFileError naming the line, the column, the problem and what is allowed
 */
export function parseMeasuredCsv(text: string, name = 'measured'): MeasuredSeries {
  if (text.length > MAX_DATA_FILE_BYTES) checkDataFileSize(text.length);
  if (text.trim() === '') throw new DataFileError(null, null, 'the file is empty', ALLOWED.file);
  if (looksBinary(text)) throw new DataFileError(null, null, 'the file is not text (it holds binary bytes)', ALLOWED.file);
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split(/\r\n|\r|\n/);

  let separator: string | null | undefined;
  let header: string[] = [];
  let scale = 1;
  let delayUnit: MeasuredSeries['delayUnit'] = 'ps';
  const notes: string[] = [];
  let columns = 0; // 2 or 3 once the first data row is read
  let columnsLine = 0;
  const t: number[] = [];
  const tc: number[] = [];
  const sigma: number[] = [];
  const rowLine: number[] = [];
  const rowDelayCell: string[] = [];

  const cellNumber = (cell: string, line: number, column: number, allowed: string): number => {
    if (cell.length > MAX_NUMBER_CHARS) throw new DataFileError(line, column, `${quote(cell)} is ${cell.length} characters long, not a number`, `${allowed}, at most ${MAX_NUMBER_CHARS} characters`);
    let text = cell;
    if ((separator === ';' || separator === '\t') && DECIMAL_COMMA.test(text)) text = text.replace(',', '.');
    if (text === '') throw new DataFileError(line, column, 'the cell is empty', allowed);
    if (NON_FINITE.test(text)) throw new DataFileError(line, column, `${quote(cell)} is not a finite number`, allowed);
    if (!looksDecimal(text)) throw new DataFileError(line, column, `${quote(cell)} is not a number`, allowed);
    const value = Number(text);
    if (!Number.isFinite(value)) throw new DataFileError(line, column, `${quote(cell)} is not a finite number (it overflows a double)`, allowed);
    return value;
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const lineNo = i + 1;
    if (raw.length > MAX_LINE_CHARS) throw new DataFileError(lineNo, null, `the line is ${raw.length} characters long`, `lines of at most ${MAX_LINE_CHARS} characters`);
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (separator === undefined && header.length === 0 && t.length === 0) {
      const cells = splitCsvLine(trimmed, detectSeparator(trimmed), lineNo);
      if (isHeader(cells)) {
        header = cells;
        readHeaderUnits(cells, lineNo);
        continue;
      }
    }
    if (separator === undefined) separator = detectSeparator(trimmed);
    const cells = splitCsvLine(trimmed, separator, lineNo);
    if (cells.length < 2) {
      throw new DataFileError(lineNo, null, `${cells.length} column${cells.length === 1 ? '' : 's'} (${quote(trimmed)})`, `2 or 3 columns: ${ALLOWED.delay}, ${ALLOWED.temperature}, optional ${ALLOWED.sigma}`);
    }
    if (cells.length > 3) {
      throw new DataFileError(lineNo, 4, `${cells.length} columns`, `2 or 3 columns: delay, carrier temperature, optional uncertainty`);
    }
    if (columns === 0) {
      columns = cells.length;
      columnsLine = lineNo;
    } else if (cells.length !== columns) {
      throw new DataFileError(lineNo, null, `${cells.length} columns where line ${columnsLine} has ${columns}`, 'the uncertainty column on every data row or on none');
    }
    if (t.length >= MAX_DATA_ROWS) throw new DataFileError(lineNo, null, `more than ${MAX_DATA_ROWS} data rows`, `at most ${MAX_DATA_ROWS} rows`);
    const delay = cellNumber(cells[0], lineNo, 1, ALLOWED.delay) * scale;
    if (!(Math.abs(delay) <= MAX_ABS_DELAY_PS)) {
      throw new DataFileError(lineNo, 1, `${quote(cells[0])} ${delayUnit} is ${Number.isFinite(delay) ? `${delay.toExponential(3)} ps` : 'not finite'} after conversion to ps`, ALLOWED.delay);
    }
    const temperature = cellNumber(cells[1], lineNo, 2, ALLOWED.temperature);
    if (temperature <= 0) throw new DataFileError(lineNo, 2, `${quote(cells[1])} is not positive`, ALLOWED.temperature);
    if (temperature > MAX_TEMPERATURE_K) throw new DataFileError(lineNo, 2, `${quote(cells[1])} K is above ${MAX_TEMPERATURE_K} K`, ALLOWED.temperature);
    if (columns === 3) {
      const s = cellNumber(cells[2], lineNo, 3, ALLOWED.sigma);
      if (s < 0) throw new DataFileError(lineNo, 3, `${quote(cells[2])} is negative`, ALLOWED.sigma);
      if (s === 0) throw new DataFileError(lineNo, 3, `${quote(cells[2])} is zero (χ² would be infinite)`, ALLOWED.sigma);
      if (s > MAX_TEMPERATURE_K) throw new DataFileError(lineNo, 3, `${quote(cells[2])} K is above ${MAX_TEMPERATURE_K} K`, ALLOWED.sigma);
      sigma.push(s);
    }
    if (t.length > 0 && !(delay > t[t.length - 1])) {
      const k = rowLine.length - 1;
      throw new DataFileError(lineNo, 1, `delay ${quote(cells[0])} is not greater than the delay ${quote(rowDelayCell[k])} on line ${rowLine[k]}`,
        'delays strictly increasing from row to row (sort the rows; no repeated delays)');
    }
    t.push(delay);
    tc.push(temperature);
    rowLine.push(lineNo);
    rowDelayCell.push(cells[0]);
  }

  if (t.length < MIN_DATA_ROWS) {
    const found = t.length === 0 ? 'the file has no data rows' : `the file has ${t.length} data row${t.length === 1 ? '' : 's'}`;
    throw new DataFileError(null, null, found, `at least ${MIN_DATA_ROWS} rows of delay and carrier temperature`);
  }
  if (header.length === 0) notes.push('no header row: delays read as ps, temperatures as K');
  return {
    name: name.replace(/[\u0000-\u001f\u007f]/g, ' '),
    tPs: Float64Array.from(t),
    tcK: Float64Array.from(tc),
    sigmaK: columns === 3 ? Float64Array.from(sigma) : null,
    header,
    delayUnit,
    notes,
  };

  function readHeaderUnits(cells: string[], lineNo: number): void {
    const long = cells.findIndex((c) => c.length > MAX_HEADER_CELL_CHARS);
    if (long >= 0) throw new DataFileError(lineNo, long + 1, `the header cell is ${cells[long].length} characters long`, `header cells of at most ${MAX_HEADER_CELL_CHARS} characters`);
    if (cells.length > 3) throw new DataFileError(lineNo, 4, `the header has ${cells.length} columns`, 'delay, carrier temperature and an optional uncertainty column');
    const delayWritten = headerUnit(cells[0]);
    const delay = delayWritten?.toLowerCase() ?? null;
    if (delay !== null && delay in DELAY_UNITS) {
      delayUnit = delay as MeasuredSeries['delayUnit'];
      scale = DELAY_UNITS[delay];
      if (delay !== 'ps') notes.push(`delays converted from ${delay} to ps`);
    } else if (delay !== null && REFUSED_DELAY_UNITS.has(delay)) {
      throw new DataFileError(lineNo, 1, `the delay column ${quote(cells[0])} is in ${delayWritten}`, 'delays in fs, ps or ns');
    } else {
      notes.push(`no delay unit in the header (${quote(cells[0])}): read as ps`);
    }
    for (const column of [2, 3]) {
      const cell = cells[column - 1];
      if (cell === undefined) continue;
      const written = headerUnit(cell);
      const unit = written?.toLowerCase() ?? null;
      if (unit !== null && (REFUSED_TEMPERATURE_UNITS.has(unit) || unit.startsWith('°') || unit.startsWith('deg'))) {
        throw new DataFileError(lineNo, column, `the ${column === 2 ? 'temperature' : 'uncertainty'} column ${quote(cell)} is in ${written}`, 'kelvin (K)');
      }
    }
  }
}

/** How a measured series compares with a model curve. */
export interface MeasuredComparison {
  /** Measured points inside the model's delay window (the ones compared). */
  n: number;
  /** Root-mean-square of model − measured over those points (K); null when n = 0. */
  rmsK: number | null;
  /** Mean of ((model − measured)/σ)² when the file gives σ and n > 0, else null. */
  chi2PerPoint: number | null;
  /** Largest |model − measured| (K); null when n = 0. */
  maxAbsK: number | null;
  /** Measured points where the model has no value: before its first delay (including delays ≤ 0), after its last,
   *  or where it is not finite (a solver that stopped early). Counted, never compared. */
  outsideWindow: number;
}

/**
 * Model carrier temperature at delay `tPs`, interpolated linearly in log t between the two neighbouring model
 * points (linearly in t if a neighbour is at t ≤ 0); null outside [tPs[0], tPs[last]] or where the model is not finite.
 */
export function modelTcAt(model: { tPs: ArrayLike<number>; tcK: ArrayLike<number> }, tPs: number): number | null {
  const t = model.tPs;
  const y = model.tcK;
  const last = t.length - 1;
  if (last < 0 || !Number.isFinite(tPs) || tPs < t[0] || tPs > t[last]) return null;
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (t[mid] <= tPs) lo = mid;
    else hi = mid;
  }
  if (t[lo] === tPs || lo === hi) return Number.isFinite(y[lo]) ? y[lo] : null;
  if (t[hi] === tPs) return Number.isFinite(y[hi]) ? y[hi] : null;
  const f = t[lo] > 0 ? Math.log(tPs / t[lo]) / Math.log(t[hi] / t[lo]) : (tPs - t[lo]) / (t[hi] - t[lo]);
  const value = y[lo] + f * (y[hi] - y[lo]);
  return Number.isFinite(value) ? value : null;
}

/**
 * Compare a model curve with measured carrier temperatures at the measured delays (model interpolated with
 * `modelTcAt`). Points outside the model's window are counted in `outsideWindow`, not dropped silently.
 */
export function compareWithModel(
  result: { tPs: ArrayLike<number>; tcK: ArrayLike<number> },
  data: Pick<MeasuredSeries, 'tPs' | 'tcK' | 'sigmaK'>,
): MeasuredComparison {
  let n = 0;
  let sumSq = 0;
  let chi2 = 0;
  let maxAbs = 0;
  let outside = 0;
  for (let i = 0; i < data.tPs.length; i++) {
    const model = modelTcAt(result, data.tPs[i]);
    if (model === null) {
      outside++;
      continue;
    }
    const delta = model - data.tcK[i];
    n++;
    sumSq += delta * delta;
    maxAbs = Math.max(maxAbs, Math.abs(delta));
    if (data.sigmaK) chi2 += (delta / data.sigmaK[i]) ** 2;
  }
  return {
    n,
    rmsK: n > 0 ? Math.sqrt(sumSq / n) : null,
    chi2PerPoint: n > 0 && data.sigmaK ? chi2 / n : null,
    maxAbsK: n > 0 ? maxAbs : null,
    outsideWindow: outside,
  };
}
