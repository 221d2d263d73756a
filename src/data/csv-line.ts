// One line of a delimited text file → its cells, in one pass: separators inside double quotes are text, "" inside
// quotes is one quote, and quotes around a cell are removed ("delay (fs)" reads as delay (fs)). Lines never span
// rows (a data file has no multi-line cells), so an unclosed quote is an error on its line.

import { DataFileError } from './data-file-error.ts';

/** Longest line read (characters); checked before anything else looks at the line. */
export const MAX_LINE_CHARS = 4096;

/** Separators tried, in order of precedence: tab, then semicolon, then comma. */
const SEPARATORS = ['\t', ';', ','] as const;

/** The separator of a line, outside quotes: tab, then semicolon, then comma; null (runs of spaces) when none. */
export function detectSeparator(line: string): string | null {
  const seen = new Set<string>();
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\t' || c === ';' || c === ',')) seen.add(c);
  }
  for (const s of SEPARATORS) if (seen.has(s)) return s;
  return null;
}

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\u00a0';

/**
 * Cells of one line, trimmed and unquoted; trailing empty cells (a trailing separator) are dropped.
 * @param separator one character, or null for runs of spaces and tabs
 * @param lineNo for messages
 * @throws DataFileError for an unclosed quote or text after a closing quote
 */
export function splitCsvLine(line: string, separator: string | null, lineNo: number): string[] {
  const cells: string[] = [];
  const n = line.length;
  let i = 0;
  const isSep = (c: string) => (separator === null ? isSpace(c) : c === separator);
  const allowed = 'cells separated by comma, semicolon, tab or spaces, optionally in double quotes ("" for a quote inside)';
  while (i <= n) {
    if (separator !== null) while (i < n && line[i] !== separator && isSpace(line[i])) i++;
    else while (i < n && isSpace(line[i])) i++;
    if (separator === null && i >= n) break;
    const column = cells.length + 1;
    let cell = '';
    if (line[i] === '"') {
      i++;
      let closed = false;
      while (i < n) {
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        cell += line[i++];
      }
      if (!closed) throw new DataFileError(lineNo, column, 'a quote opens a cell and is not closed on this line', allowed);
      while (i < n && !isSep(line[i]) && isSpace(line[i])) i++;
      if (i < n && !isSep(line[i])) throw new DataFileError(lineNo, column, `text after the closing quote of a cell`, allowed);
      cell = cell.trim();
    } else {
      const from = i;
      while (i < n && !isSep(line[i])) i++;
      cell = line.slice(from, i).trim();
    }
    cells.push(cell);
    if (i >= n) break;
    i++; // the separator
    if (separator !== null && i === n) cells.push('');
  }
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}
