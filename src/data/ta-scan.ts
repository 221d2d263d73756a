// A linear, bounded scanner for the text of transient-absorption matrices: lines, cells and numbers read by walking
// the characters once (no regular expression ever runs on a cell of unbounded length). Pure: takes text.

/** Longest cell a TA file may hold (characters); a longer one is refused, not scanned further. */
export const MAX_CELL_CHARS = 64;

/** A TA file that cannot be read: which file, where (1-based line and column; null when the whole file), what, what is allowed. */
export class TaFileError extends Error {
  readonly file: string;
  readonly line: number | null;
  readonly column: number | null;
  constructor(file: string, line: number | null, column: number | null, problem: string, allowed: string) {
    const where = line === null ? '' : column === null ? `line ${line}: ` : `line ${line}, column ${column}: `;
    super(`${file}: ${where}${problem}; allowed: ${allowed}`);
    this.name = 'TaFileError';
    this.file = file;
    this.line = line;
    this.column = column;
  }
}

/** One line of the file: its 1-based number and its [start, end) range in the text (line break excluded). */
export interface LineSpan {
  lineNo: number;
  start: number;
  end: number;
}

/** Every line of `text` as spans (\n, \r\n or \r breaks), without copying the text. */
export function lineSpans(text: string): LineSpan[] {
  const spans: LineSpan[] = [];
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineNo = 1;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      spans.push({ lineNo, start, end: i });
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
      lineNo++;
    }
  }
  if (start < text.length) spans.push({ lineNo, start, end: text.length });
  return spans;
}

const isSpace = (c: number) => c === 32 || c === 9;

/** True when the line holds only spaces and tabs. */
export function isBlank(text: string, span: LineSpan): boolean {
  for (let i = span.start; i < span.end; i++) if (!isSpace(text.charCodeAt(i))) return false;
  return true;
}

/** The line's text with outer spaces removed, cut to `max` characters (for messages and short header lines). */
export function lineText(text: string, span: LineSpan, max = 200): string {
  let a = span.start;
  let b = span.end;
  while (a < b && isSpace(text.charCodeAt(a))) a++;
  while (b > a && isSpace(text.charCodeAt(b - 1))) b--;
  return text.slice(a, Math.min(b, a + max));
}

/** Separator of a data line: tab, semicolon, comma, else runs of spaces (' '). */
export function detectSeparator(text: string, span: LineSpan): '\t' | ';' | ',' | ' ' {
  let semicolon = false;
  let comma = false;
  for (let i = span.start; i < span.end; i++) {
    const c = text.charCodeAt(i);
    if (c === 9) return '\t';
    if (c === 59) semicolon = true;
    else if (c === 44) comma = true;
  }
  return semicolon ? ';' : comma ? ',' : ' ';
}

/** Cell ranges [start, end) of one line (outer spaces trimmed); with ' ' runs of spaces/tabs separate and edges are ignored. */
export function cellSpans(text: string, span: LineSpan, sep: '\t' | ';' | ',' | ' ', out: number[] = []): number[] {
  out.length = 0;
  if (sep === ' ') {
    let i = span.start;
    while (i < span.end) {
      while (i < span.end && isSpace(text.charCodeAt(i))) i++;
      if (i >= span.end) break;
      const a = i;
      while (i < span.end && !isSpace(text.charCodeAt(i))) i++;
      out.push(a, i);
    }
    return out;
  }
  const code = sep.charCodeAt(0);
  let a = span.start;
  for (let i = span.start; i <= span.end; i++) {
    if (i === span.end || text.charCodeAt(i) === code) {
      let s = a;
      let e = i;
      while (s < e && text.charCodeAt(s) === 32) s++;
      while (e > s && text.charCodeAt(e - 1) === 32) e--;
      out.push(s, e);
      a = i + 1;
    }
  }
  // a trailing separator leaves one empty cell at the end: drop it
  if (out.length >= 2 && out[out.length - 1] === out[out.length - 2] && text.charCodeAt(span.end - 1) === code) out.length -= 2;
  return out;
}

/** What a cell holds: a finite number, a missing value (empty, NaN, NA), or something else. */
export type CellKind = 'number' | 'missing' | 'other';

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** Kind of the cell last read by `readCell`. */
export let lastCellKind: CellKind = 'other';

/**
 * Read the cell text[a, b) in one pass over its characters: a decimal number with optional sign, fraction and
 * exponent ("1.5e-3", "-.2", "3."); with `decimalComma`, one comma may stand for the point. Empty, "NaN" and "NA"
 * (any case) are missing (NaN returned). Sets `lastCellKind`. At most MAX_CELL_CHARS characters are looked at.
 * Up to 15 significant digits and a decimal exponent within ±22 the value is computed exactly rounded from the
 * digits (one multiplication or division of exact doubles); otherwise by Number() on the validated text.
 */
export function readCell(text: string, a: number, b: number, decimalComma = false): number {
  const n = b - a;
  if (n === 0) { lastCellKind = 'missing'; return Number.NaN; }
  if (n > MAX_CELL_CHARS) { lastCellKind = 'other'; return Number.NaN; }
  let i = a;
  let c = text.charCodeAt(i);
  let negative = false;
  if (c === 43 || c === 45) { negative = c === 45; c = text.charCodeAt(++i); }
  let digits = 0;
  let significant = 0;
  let mantissa = 0;
  let scale = 0;
  while (i < b && c >= 48 && c <= 57) {
    digits++;
    if (significant > 0 || c !== 48) { significant++; mantissa = mantissa * 10 + (c - 48); }
    c = text.charCodeAt(++i);
  }
  if (i < b && (c === 46 || (decimalComma && c === 44))) {
    c = text.charCodeAt(++i);
    while (i < b && c >= 48 && c <= 57) {
      digits++;
      if (significant > 0 || c !== 48) { significant++; mantissa = mantissa * 10 + (c - 48); }
      scale--;
      c = text.charCodeAt(++i);
    }
  }
  if (digits === 0) {
    const w = n <= 4 ? text.slice(a, b).toLowerCase() : '';
    lastCellKind = w === 'nan' || w === 'na' || w === '-nan' || w === '+nan' ? 'missing' : 'other';
    return Number.NaN;
  }
  if (i < b && (c === 101 || c === 69)) {
    c = text.charCodeAt(++i);
    let eNeg = false;
    if (c === 43 || c === 45) { eNeg = c === 45; c = text.charCodeAt(++i); }
    let e = 0;
    let eDigits = 0;
    while (i < b && c >= 48 && c <= 57) { eDigits++; e = e * 10 + (c - 48); c = text.charCodeAt(++i); }
    if (eDigits === 0) { lastCellKind = 'other'; return Number.NaN; }
    scale += eNeg ? -e : e;
  }
  if (i !== b) { lastCellKind = 'other'; return Number.NaN; }
  lastCellKind = 'number';
  let v: number;
  if (significant <= 15 && scale >= -22 && scale <= 22) v = scale >= 0 ? mantissa * POW10[scale] : mantissa / POW10[-scale];
  else v = Number(decimalComma ? text.slice(a, b).replace(',', '.') : text.slice(a, b));
  if (!Number.isFinite(v)) { lastCellKind = 'other'; return Number.NaN; }
  return negative ? -v : v;
}

/** Classify a cell (see `readCell`). */
export function classifyCell(text: string, a: number, b: number, decimalComma = false): CellKind {
  readCell(text, a, b, decimalComma);
  return lastCellKind;
}

/** The value of a cell (NaN for a missing one). */
export function cellValue(text: string, a: number, b: number, decimalComma = false): number {
  return readCell(text, a, b, decimalComma);
}

/** A cell quoted for a message, cut when long. */
export function quoteCell(text: string, a: number, b: number): string {
  const s = text.slice(a, Math.min(b, a + 40));
  return JSON.stringify(b - a > 40 ? `${s}...` : s);
}

/** Binary content: NUL bytes or many control characters in the first 64 kB. */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, 65536);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) odd++;
  }
  return odd > Math.max(2, n * 0.01);
}

/** First cell of the row last read by `fastRow` (its row-axis value). */
export let fastRowHead = Number.NaN;
/** Empty cells met by the last `fastRow`. */
export let fastRowMissing = 0;

/**
 * The fast path for a data row separated by the single character `sepCode` (tab, ';' or ','): walk the line once,
 * reading each cell's number as it goes. The first cell goes to `fastRowHead` when `withHead`; the next `nValues`
 * cells to out[offset …]. Returns false — leaving the caller to re-read the line with the checked path, which names
 * the column — at anything but plain decimal numbers and empty cells, or at a cell count other than expected.
 */
export function fastRow(text: string, start: number, end: number, sepCode: number, withHead: boolean, out: Float64Array, offset: number, nValues: number): boolean {
  let i = start;
  let cell = withHead ? -1 : 0;
  fastRowMissing = 0;
  while (true) {
    while (i < end && text.charCodeAt(i) === 32) i++;
    let c = text.charCodeAt(i);
    let v: number;
    if (i >= end || c === sepCode) {
      v = Number.NaN;
      fastRowMissing++;
      if (cell < 0) return false;
    } else {
      let negative = false;
      if (c === 45 || c === 43) { negative = c === 45; c = text.charCodeAt(++i); }
      let digits = 0;
      let significant = 0;
      let mantissa = 0;
      let scale = 0;
      while (c >= 48 && c <= 57 && i < end) {
        digits++;
        if (significant > 0 || c !== 48) { significant++; mantissa = mantissa * 10 + (c - 48); }
        c = text.charCodeAt(++i);
      }
      if (c === 46 && i < end) {
        c = text.charCodeAt(++i);
        while (c >= 48 && c <= 57 && i < end) {
          digits++;
          if (significant > 0 || c !== 48) { significant++; mantissa = mantissa * 10 + (c - 48); }
          scale--;
          c = text.charCodeAt(++i);
        }
      }
      if (digits === 0) return false;
      if ((c === 101 || c === 69) && i < end) {
        c = text.charCodeAt(++i);
        let eNeg = false;
        if (c === 43 || c === 45) { eNeg = c === 45; c = text.charCodeAt(++i); }
        let e = 0;
        let eDigits = 0;
        while (c >= 48 && c <= 57 && i < end) { eDigits++; e = e * 10 + (c - 48); c = text.charCodeAt(++i); }
        if (eDigits === 0) return false;
        scale += eNeg ? -e : e;
      }
      if (significant > 15 || scale < -22 || scale > 22) return false;
      v = scale >= 0 ? mantissa * POW10[scale] : mantissa / POW10[-scale];
      if (negative) v = -v;
      while (i < end && text.charCodeAt(i) === 32) i++;
      if (i < end && text.charCodeAt(i) !== sepCode) return false;
    }
    if (cell < 0) fastRowHead = v;
    else if (cell < nValues) out[offset + cell] = v;
    else {
      // a trailing separator leaves one empty cell: allowed once at the very end
      if (!(Number.isNaN(v) && i >= end && cell === nValues)) return false;
      fastRowMissing--;
      return true;
    }
    cell++;
    if (i >= end) break;
    i++; // the separator
    if (i >= end && cell === nValues) break; // "…,x," trailing separator
  }
  return cell === nValues;
}
