// A matrix with its axes: first row = one axis (after the corner cell), first column = the other. KiMoPack .SIA
// (delays down the rows), Surface Xplorer / Helios CSV (wavelengths down the rows, metadata after the matrix) and a
// plain CSV of either orientation are this shape. Also the bare matrix of the three-file layout.

import {
  cellSpans, cellValue, classifyCell, detectSeparator, fastRow, fastRowHead, fastRowMissing, lastCellKind, readCell, isBlank, lineSpans, lineText, quoteCell, TaFileError, type LineSpan,
} from './ta-scan.ts';

export interface AxesMatrix {
  corner: string;
  /** Values along the first row (after the corner). */
  colAxis: Float64Array;
  /** Values down the first column. */
  rowAxis: Float64Array;
  /** values[iRow · nCol + iCol]; NaN missing. */
  values: Float64Array;
  missing: number;
  /** Lines after the matrix, as written (bounded to 200 characters each). */
  trailing: string[];
  separator: string;
  firstLine: number;
}

const SEP_NAME: Record<string, string> = { '\t': 'tab', ';': 'semicolon', ',': 'comma', ' ': 'spaces' };
export const MATRIX_ALLOWED = 'numbers (decimal, optional exponent), or an empty cell / NaN for a missing value';

/**
 * Read the matrix starting at `spans[from]` (the axis row). Rows end at the first blank or non-numeric line when
 * `trailingAllowed`; otherwise such a line is refused. Every row must have as many cells as the axis row.
 */
export function readAxesMatrix(text: string, file: string, spans: LineSpan[], from: number, trailingAllowed: boolean, withAxes = true): AxesMatrix {
  while (from < spans.length && isBlank(text, spans[from])) from++;
  if (from >= spans.length) throw new TaFileError(file, null, null, 'the file has no matrix', 'a first row of axis values and rows of numbers');
  const head = spans[from];
  const sep = detectSeparator(text, head);
  const decimalComma = sep === ';';
  const sepCode = sep.charCodeAt(0);
  const cells: number[] = [];
  cellSpans(text, head, sep, cells);
  const nHead = cells.length / 2;
  const first = withAxes ? 1 : 0;
  const nCol = nHead - first;
  if (nCol < 2) throw new TaFileError(file, head.lineNo, null, `the first row has ${nHead} cell${nHead === 1 ? '' : 's'} (${SEP_NAME[sep]}-separated)`, `a corner cell and at least 2 axis values, separated by tab, semicolon, comma or spaces`);
  const corner = withAxes ? text.slice(cells[0], Math.min(cells[1], cells[0] + 200)) : '';
  const colAxis = new Float64Array(nCol);
  const values = new Float64Array(Math.max(0, spans.length - from) * nCol);
  const rowAxis: number[] = [];
  let missing = 0;
  const readRow = (span: LineSpan, into: Float64Array, offset: number, isAxis: boolean) => {
    for (let c = first; c < nHead; c++) {
      const a = cells[2 * c];
      const b = cells[2 * c + 1];
      const v = readCell(text, a, b, decimalComma);
      const kind = lastCellKind;
      if (kind === 'other' || (isAxis && kind === 'missing')) {
        throw new TaFileError(file, span.lineNo, c + 1, `${quoteCell(text, a, b)} is not a number${kind === 'missing' ? ' (an axis value cannot be missing)' : ''}`, isAxis ? 'axis values: finite numbers' : MATRIX_ALLOWED);
      }
      if (kind === 'missing') missing++;
      into[offset + c - first] = v;
    }
  };
  if (withAxes) readRow(head, colAxis, 0, true);
  const trailing: string[] = [];
  let row = 0;
  for (let s = withAxes ? from + 1 : from; s < spans.length; s++) {
    const span = spans[s];
    if (isBlank(text, span)) {
      if (trailingAllowed) { collectTrailing(s); break; }
      continue;
    }
    if (sep !== ' ' && !decimalComma && fastRow(text, span.start, span.end, sepCode, withAxes, values, row * nCol, nCol)) {
      if (withAxes) rowAxis.push(fastRowHead);
      missing += fastRowMissing;
      row++;
      continue;
    }
    cellSpans(text, span, sep, cells);
    const n = cells.length / 2;
    if (withAxes) {
      const kind = classifyCell(text, cells[0], cells[1], decimalComma);
      if (kind !== 'number') {
        if (trailingAllowed && row > 0) { collectTrailing(s); break; }
        throw new TaFileError(file, span.lineNo, 1, `${quoteCell(text, cells[0], cells[1])} is not a number`, 'an axis value (finite number) in the first column of every row');
      }
      rowAxis.push(cellValue(text, cells[0], cells[1], decimalComma));
    }
    if (n !== nHead) {
      throw new TaFileError(file, span.lineNo, Math.min(n, nHead) + 1, `${n} cells where the first row (line ${head.lineNo}) has ${nHead}`, `${nHead} ${SEP_NAME[sep]}-separated cells on every row (leave a cell empty or NaN for a missing value)`);
    }
    readRow(span, values, row * nCol, false);
    row++;
  }
  if (row < 2) throw new TaFileError(file, null, null, `the matrix has ${row} row${row === 1 ? '' : 's'} of data`, 'at least 2 rows below the axis row');
  return {
    corner, colAxis, rowAxis: Float64Array.from(rowAxis), values: values.slice(0, row * nCol), missing, trailing,
    separator: SEP_NAME[sep], firstLine: head.lineNo,
  };

  function collectTrailing(s: number) {
    for (let k = s; k < spans.length && trailing.length < 1000; k++) if (!isBlank(text, spans[k])) trailing.push(lineText(text, spans[k]));
  }
}

/** Check an axis is strictly monotonic; refuses with the line/column of the first step that breaks it. */
export function checkMonotonic(file: string, axis: Float64Array, what: string, where: (i: number) => [number, number]): void {
  if (axis.length < 2) return;
  const up = axis[1] > axis[0];
  for (let i = 1; i < axis.length; i++) {
    if (up ? !(axis[i] > axis[i - 1]) : !(axis[i] < axis[i - 1])) {
      const [line, col] = where(i);
      throw new TaFileError(file, line, col, `${what} ${axis[i]} after ${axis[i - 1]} breaks the ${up ? 'increasing' : 'decreasing'} order`, `${what}s strictly increasing or strictly decreasing (no repeats)`);
    }
  }
}

export { lineSpans };
