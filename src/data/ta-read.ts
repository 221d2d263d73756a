// Read a transient-absorption map from text: the layout detected (or given), the orientation, and each unit from
// the file or the layout's documented convention — never guessed. Pure: takes text; the CLI reads the files.

import { checkMonotonic, readAxesMatrix, type AxesMatrix } from './ta-read-matrix.ts';
import {
  cellSpans, cellValue, classifyCell, isBlank, lineSpans, lineText, looksBinary, quoteCell, TaFileError, type LineSpan,
} from './ta-scan.ts';
import {
  TA_LAYOUTS, TA_ORIENTATIONS, type DelayUnit, type SignalUnit, type SpectralUnit, type TaLayout, type TaMap, type TaOrientation, type UnitOrigin,
} from './ta-map.ts';

/** Largest TA file accepted (bytes); the caller checks the size before reading. */
export const MAX_TA_FILE_BYTES = 64 * 1024 * 1024;

export interface ReadOptions {
  layout?: TaLayout;
  orientation?: TaOrientation;
}

const none = <U>(detail: string): UnitOrigin<U> => ({ unit: null, from: 'none', detail });

/** Units named in a short label ("Time in ps", "Wavelength (nm)", "dA / mOD"): whole words only. */
export function unitsInLabel(label: string): { delay?: DelayUnit; spectral?: SpectralUnit; signal?: SignalUnit; mentions: Set<'time' | 'spectral'> } {
  const words = label.slice(0, 20000).toLowerCase().split(/[^a-zµ/δ]+/).filter(Boolean);
  const out: ReturnType<typeof unitsInLabel> = { mentions: new Set() };
  for (const w of words) {
    if (w === 'fs' || w === 'ps' || w === 'ns') out.delay = w;
    else if (w === 'nm') out.spectral = 'nm';
    else if (w === 'ev') out.spectral = 'eV';
    else if (w === 'mod') out.signal = 'mOD';
    else if (w === 'od') out.signal = 'OD';
    else if (w === 'dt/t' || w === 'δt/t') out.signal = 'dT/T';
    if (w === 'time' || w === 'delay' || w === 'delays' || w === 't') out.mentions.add('time');
    if (w.startsWith('wavelength') || w === 'lambda' || w === 'energy' || w === 'nm' || w === 'ev') out.mentions.add('spectral');
  }
  return out;
}

/** The layout of a file from its first lines (a Glotaran axis line, a KiMoPack time corner, trailing metadata). */
export function detectLayout(text: string, name: string): { layout: TaLayout; why: string } {
  const spans = lineSpans(text.length > 1_000_000 ? text.slice(0, 1_000_000) : text);
  const firstLines = spans.filter((s) => !isBlank(text, s)).slice(0, 8);
  for (const s of firstLines) {
    const t = lineText(text, s, 60).toLowerCase();
    if (t.startsWith('time explicit') || t.startsWith('wavelength explicit')) return { layout: 'glotaran', why: `line ${s.lineNo} reads "${lineText(text, s, 60)}"` };
  }
  if (name.toLowerCase().endsWith('.sia')) return { layout: 'kimopack', why: 'the .SIA file name' };
  const head = firstLines[0];
  if (head) {
    const cells = cellSpans(text, head, text.slice(head.start, head.end).includes('\t') ? '\t' : text.slice(head.start, head.end).includes(',') ? ',' : ' ');
    const corner = text.slice(cells[0], Math.min(cells[1], cells[0] + 60));
    if (classifyCell(text, cells[0], cells[1]) === 'other' && unitsInLabel(corner).mentions.has('time') && text.slice(head.start, head.end).includes('\t')) {
      return { layout: 'kimopack', why: `tab-separated with the corner cell "${corner}"` };
    }
    const last = lastLine(text);
    const commas = text.slice(head.start, Math.min(head.end, head.start + 4096)).includes(',');
    const cornerEmptyOrZero = cells[0] === cells[1] || Number(corner) === 0;
    if (commas && cornerEmptyOrZero && last !== null) {
      const lastCells = cellSpans(text, last, ',');
      if (classifyCell(text, lastCells[0], lastCells[1]) === 'other') return { layout: 'surface-xplorer', why: 'comma-separated, an empty or zero corner cell and metadata lines after the matrix' };
    }
  }
  return { layout: 'matrix', why: 'no Glotaran axis line and no KiMoPack time corner: a plain matrix with axes' };
}

/** The last non-blank line of the text (its span; the line number is not counted). */
function lastLine(text: string): LineSpan | null {
  let end = text.length;
  while (end > 0 && ' \t\r\n'.includes(text[end - 1])) end--;
  if (end === 0) return null;
  let start = end;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return { lineNo: 0, start, end };
}

/** Read a TA map from the text of one file (every layout but three-files). */
export function readTaMap(text: string, name: string, options: ReadOptions = {}): TaMap {
  if (text.trim() === '') throw new TaFileError(name, null, null, 'the file is empty', 'a TA matrix (KiMoPack .SIA, Glotaran ascii, Surface Xplorer CSV or a plain matrix with axes)');
  if (looksBinary(text)) throw new TaFileError(name, null, null, 'the file is not text (it holds binary bytes)', 'a text TA matrix');
  if (options.layout !== undefined && !TA_LAYOUTS.includes(options.layout)) {
    throw new TaFileError(name, null, null, `--layout ${JSON.stringify(options.layout)} is not a layout`, TA_LAYOUTS.join(', '));
  }
  if (options.orientation !== undefined && !TA_ORIENTATIONS.includes(options.orientation)) {
    throw new TaFileError(name, null, null, `--orientation ${JSON.stringify(options.orientation)} is not an orientation`, TA_ORIENTATIONS.join(', '));
  }
  if (options.layout === 'three-files') throw new TaFileError(name, null, null, 'the three-file layout needs the axis files', 'give --wavelengths FILE and --delays FILE beside the matrix');
  const detected = options.layout ? { layout: options.layout, why: '--layout' } : detectLayout(text, name);
  const spans = lineSpans(text);
  const notes = [`layout ${detected.layout} (${detected.why})`];
  if (detected.layout === 'glotaran') return readGlotaran(text, name, spans, notes, options);
  const first = spans.findIndex((s) => !isBlank(text, s));
  const m = readAxesMatrix(text, name, spans, first, detected.layout !== 'kimopack');
  if (m.trailing.length > 0 && detected.layout === 'matrix') notes.push(`${m.trailing.length} line${m.trailing.length === 1 ? '' : 's'} after the matrix kept as metadata`);
  const label = unitsInLabel(`${m.corner} ${m.trailing.join(' ')}`);
  let orientation: TaOrientation;
  let why: string;
  if (options.orientation) [orientation, why] = [options.orientation, '--orientation'];
  else if (detected.layout === 'kimopack') [orientation, why] = ['delay-rows', 'KiMoPack .SIA: delays down the first column'];
  else if (detected.layout === 'surface-xplorer') [orientation, why] = ['spectral-rows', 'Surface Xplorer: wavelengths down the first column'];
  else [orientation, why] = orientationOf(name, m, label.mentions);
  notes.push(`orientation ${orientation} (${why})`);
  const delayRows = orientation === 'delay-rows';
  const spectral = delayRows ? m.colAxis : m.rowAxis;
  const delays = delayRows ? m.rowAxis : m.colAxis;
  const where = (axisIsCols: boolean) => (i: number): [number, number] => (axisIsCols ? [m.firstLine, i + 2] : [rowLine(text, spans, m.firstLine, i), 1]);
  checkMonotonic(name, spectral, 'spectral point', where(delayRows));
  checkMonotonic(name, delays, 'delay', where(!delayRows));
  if (delays[1] < delays[0]) throw new TaFileError(name, ...where(!delayRows)(1), 'delays decrease', 'delays increasing along the axis');
  const values = delayRows ? m.values : transpose(m.values, m.rowAxis.length, m.colAxis.length);
  const conv = detected.layout === 'kimopack' ? 'nm by the KiMoPack .SIA convention' : detected.layout === 'surface-xplorer' ? 'nm by the Surface Xplorer convention' : null;
  const spectralUnit: UnitOrigin<SpectralUnit> = label.spectral ? { unit: label.spectral, from: 'file', detail: `"${m.corner}"` }
    : conv ? { unit: 'nm', from: 'layout', detail: conv } : none('the corner cell names no nm or eV');
  const delayUnit: UnitOrigin<DelayUnit> = label.delay ? { unit: label.delay, from: 'file', detail: m.trailing.length && !unitsInLabel(m.corner).delay ? 'the metadata after the matrix' : `corner cell "${m.corner}"` }
    : none(detected.layout === 'surface-xplorer' ? 'no time unit in the metadata' : `corner cell "${m.corner}" names no fs, ps or ns`);
  const signalUnit: UnitOrigin<SignalUnit> = label.signal ? { unit: label.signal, from: 'file', detail: 'a unit word in the corner cell or metadata' } : none('no OD, mOD or ΔT/T written in the file');
  if (m.missing > 0) notes.push(`${m.missing} missing cell${m.missing === 1 ? '' : 's'} (empty or NaN) kept as missing`);
  return {
    name, layout: detected.layout, orientation, spectral, delays, values, missing: m.missing, spectralUnit, delayUnit, signalUnit,
    metadata: m.trailing, notes,
  };
}

/** Line number of data row `i` below the axis row starting at `firstLine` (rows may skip blank lines). */
function rowLine(text: string, spans: LineSpan[], firstLine: number, i: number): number {
  let k = 0;
  for (const s of spans) if (s.lineNo > firstLine && !isBlank(text, s) && k++ === i) return s.lineNo;
  return firstLine + i + 1;
}

function transpose(v: Float64Array, rows: number, cols: number): Float64Array {
  const out = new Float64Array(v.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = v[r * cols + c];
  return out;
}

/** Orientation of a plain matrix: from the corner cell's words, else from the axis holding values ≤ 0 (delays). */
function orientationOf(name: string, m: AxesMatrix, mentions: Set<string>): [TaOrientation, string] {
  const nonPositive = (a: Float64Array) => a.some((x) => x <= 0);
  const slash = m.corner.indexOf('\\');
  if (slash >= 0) {
    // "rows \ columns": the words before the backslash name the axis down the first column
    const rows = unitsInLabel(m.corner.slice(0, slash)).mentions;
    const cols = unitsInLabel(m.corner.slice(slash + 1)).mentions;
    if (rows.has('time') && cols.has('spectral')) return ['delay-rows', `corner cell "${m.corner}": delays \\ spectral axis`];
    if (rows.has('spectral') && cols.has('time')) return ['spectral-rows', `corner cell "${m.corner}": spectral axis \\ delays`];
  }
  if (mentions.has('time') && !mentions.has('spectral')) return ['delay-rows', `corner cell "${m.corner}" names time`];
  if (mentions.has('spectral') && !mentions.has('time')) return ['spectral-rows', `corner cell "${m.corner}" names the spectral axis`];
  const rowsNP = nonPositive(m.rowAxis);
  const colsNP = nonPositive(m.colAxis);
  if (rowsNP && !colsNP) return ['delay-rows', 'the first column holds delays ≤ 0; wavelengths and energies are positive'];
  if (colsNP && !rowsNP) return ['spectral-rows', 'the first row holds delays ≤ 0; wavelengths and energies are positive'];
  throw new TaFileError(name, m.firstLine, 1, `which axis holds the delays cannot be read from the file (corner cell "${m.corner}"; both axes are positive)`, '--orientation delay-rows (delays down the first column) or --orientation spectral-rows');
}

function readGlotaran(text: string, name: string, spans: LineSpan[], notes: string[], options: ReadOptions): TaMap {
  const allowed = 'Glotaran legacy ascii: two comment lines, "Time explicit" or "Wavelength explicit", "Intervalnr N", the N axis values, then one row per point of the other axis (its value first, then N numbers)';
  let k = spans.findIndex((s) => { const t = lineText(text, s, 40).toLowerCase(); return t.startsWith('time explicit') || t.startsWith('wavelength explicit'); });
  if (k < 0) throw new TaFileError(name, null, null, 'no "Time explicit" or "Wavelength explicit" line', allowed);
  const explicit = lineText(text, spans[k], 40).toLowerCase().startsWith('time') ? 'time' : 'wavelength';
  const metadata = spans.slice(0, k).filter((s) => !isBlank(text, s)).map((s) => lineText(text, s));
  k++;
  while (k < spans.length && isBlank(text, spans[k])) k++;
  const interval = k < spans.length ? lineText(text, spans[k], 60) : '';
  const intervalWords = interval.split(/\s+/);
  const count = intervalWords.length === 2 && intervalWords[0].toLowerCase() === 'intervalnr' && /^\d{1,7}$/.test(intervalWords[1]) ? Number(intervalWords[1]) : NaN;
  if (!(count >= 2)) throw new TaFileError(name, spans[k]?.lineNo ?? null, 1, `${JSON.stringify(interval)} is not "Intervalnr N"`, `${allowed}; N a whole number ≥ 2`);
  const cells: number[] = [];
  const axis: number[] = [];
  const other: number[] = [];
  const values: number[] = [];
  let missing = 0;
  let row: number[] | null = null;
  let rowStartLine = 0;
  for (let s = k + 1; s < spans.length; s++) {
    const span = spans[s];
    if (isBlank(text, span)) continue;
    cellSpans(text, span, ' ', cells);
    for (let c = 0; c < cells.length / 2; c++) {
      const a = cells[2 * c];
      const b = cells[2 * c + 1];
      const kind = classifyCell(text, a, b);
      const inAxis = axis.length < count;
      const isRowHead = !inAxis && row === null;
      if (kind === 'other' || (kind === 'missing' && (inAxis || isRowHead))) {
        throw new TaFileError(name, span.lineNo, c + 1, `${quoteCell(text, a, b)} is not a number`, inAxis ? `the ${count} ${explicit} values after "Intervalnr ${count}"` : 'numbers, or NaN for a missing value');
      }
      const v = kind === 'missing' ? NaN : cellValue(text, a, b);
      if (inAxis) { axis.push(v); continue; }
      if (row === null) { row = []; rowStartLine = span.lineNo; other.push(v); continue; }
      if (kind === 'missing') missing++;
      row.push(v);
      if (row.length === count) { for (const x of row) values.push(x); row = null; }
    }
    if (axis.length === count && row !== null && cells.length / 2 > count + 1) {
      throw new TaFileError(name, span.lineNo, count + 2, `${cells.length / 2} numbers on the row`, `the value of the ${explicit === 'time' ? 'wavelength' : 'delay'} and ${count} numbers`);
    }
  }
  if (axis.length < count) throw new TaFileError(name, null, null, `${axis.length} ${explicit} values where "Intervalnr ${count}" announces ${count}`, allowed);
  if (row !== null) throw new TaFileError(name, rowStartLine, null, `the row starting on line ${rowStartLine} holds ${row.length} of ${count} numbers when the file ends`, `${count} numbers per row`);
  if (other.length < 2) throw new TaFileError(name, null, null, `${other.length} data row${other.length === 1 ? '' : 's'}`, `${allowed}; at least 2 rows`);
  const axisArr = Float64Array.from(axis);
  const otherArr = Float64Array.from(other);
  const axisLine = spans[k + 1]?.lineNo ?? null;
  const timeRows = explicit === 'wavelength';
  const orientation: TaOrientation = options.orientation ?? (timeRows ? 'delay-rows' : 'spectral-rows');
  notes.push(`orientation ${orientation} (${options.orientation ? '--orientation' : `"${explicit === 'time' ? 'Time' : 'Wavelength'} explicit": the ${explicit} axis is the explicit line`})`);
  const delayRows = orientation === 'delay-rows';
  const spectral = delayRows ? axisArr : otherArr;
  const delays = delayRows ? otherArr : axisArr;
  checkMonotonic(name, spectral, 'spectral point', () => [axisLine ?? 0, 1]);
  checkMonotonic(name, delays, 'delay', () => [axisLine ?? 0, 1]);
  const rows = otherArr.length;
  const v = Float64Array.from(values);
  const mapValues = delayRows ? v : transpose(v, rows, count);
  if (missing > 0) notes.push(`${missing} missing cell${missing === 1 ? '' : 's'} (NaN) kept as missing`);
  const label = unitsInLabel(metadata.join(' '));
  return {
    name, layout: 'glotaran', orientation, spectral, delays, values: mapValues, missing,
    spectralUnit: label.spectral ? { unit: label.spectral, from: 'file', detail: 'the comment lines' } : { unit: 'nm', from: 'layout', detail: 'nm by the Glotaran ascii convention (wavelength axis)' },
    delayUnit: label.delay ? { unit: label.delay, from: 'file', detail: 'the comment lines' } : none('Glotaran ascii does not record the time unit'),
    signalUnit: label.signal ? { unit: label.signal, from: 'file', detail: 'the comment lines' } : none('Glotaran ascii does not record the signal unit'),
    metadata, notes,
  };
}

/** Numbers of a one-axis file (one column, one row, or both), in order. */
function readAxisFile(text: string, name: string, what: string): Float64Array {
  const out: number[] = [];
  const cells: number[] = [];
  for (const span of lineSpans(text)) {
    if (isBlank(text, span) || lineText(text, span, 2).startsWith('#')) continue;
    const line = text.slice(span.start, Math.min(span.end, span.start + 4096));
    cellSpans(text, span, line.includes(',') ? ',' : line.includes('\t') ? '\t' : ' ', cells);
    for (let c = 0; c < cells.length / 2; c++) {
      if (classifyCell(text, cells[2 * c], cells[2 * c + 1]) !== 'number') {
        throw new TaFileError(name, span.lineNo, c + 1, `${quoteCell(text, cells[2 * c], cells[2 * c + 1])} is not a number`, `the ${what}: finite numbers, one per line or on one line`);
      }
      out.push(cellValue(text, cells[2 * c], cells[2 * c + 1]));
    }
  }
  if (out.length < 2) throw new TaFileError(name, null, null, `${out.length} ${what}`, `at least 2 ${what}`);
  return Float64Array.from(out);
}

/** The three-file layout: a bare matrix and its two axis files; the orientation from the shapes (or given). */
export function readThreeFiles(
  matrix: { text: string; name: string }, spectralFile: { text: string; name: string }, delayFile: { text: string; name: string }, options: ReadOptions = {},
): TaMap {
  const spectral = readAxisFile(spectralFile.text, spectralFile.name, 'wavelengths');
  const delays = readAxisFile(delayFile.text, delayFile.name, 'delays');
  const spans = lineSpans(matrix.text);
  const m = readAxesMatrix(matrix.text, matrix.name, spans, 0, false, false);
  const rows = m.values.length / m.colAxis.length;
  const cols = m.colAxis.length;
  const fitsDelayRows = rows === delays.length && cols === spectral.length;
  const fitsSpectralRows = rows === spectral.length && cols === delays.length;
  let orientation = options.orientation;
  if (orientation === undefined) {
    if (fitsDelayRows && fitsSpectralRows) throw new TaFileError(matrix.name, null, null, `the matrix is ${rows} × ${cols} and both axes have ${rows} points: the orientation cannot be read`, '--orientation delay-rows or spectral-rows');
    if (!fitsDelayRows && !fitsSpectralRows) throw new TaFileError(matrix.name, null, null, `the matrix is ${rows} rows × ${cols} columns but ${spectralFile.name} has ${spectral.length} wavelengths and ${delayFile.name} ${delays.length} delays`, 'a matrix of delays × wavelengths or wavelengths × delays');
    orientation = fitsDelayRows ? 'delay-rows' : 'spectral-rows';
  } else if (orientation === 'delay-rows' ? !fitsDelayRows : !fitsSpectralRows) {
    throw new TaFileError(matrix.name, null, null, `the matrix is ${rows} × ${cols}, not ${orientation === 'delay-rows' ? `${delays.length} delays × ${spectral.length} wavelengths` : `${spectral.length} wavelengths × ${delays.length} delays`} (--orientation ${orientation})`, 'the other --orientation, or matching axis files');
  }
  checkMonotonic(spectralFile.name, spectral, 'spectral point', () => [0, 0]);
  checkMonotonic(delayFile.name, delays, 'delay', () => [0, 0]);
  const values = orientation === 'delay-rows' ? m.values : transpose(m.values, rows, cols);
  const sl = unitsInLabel(spectralFile.name);
  const dl = unitsInLabel(delayFile.name);
  return {
    name: matrix.name, layout: 'three-files', orientation, spectral, delays, values, missing: m.missing,
    spectralUnit: sl.spectral ? { unit: sl.spectral, from: 'file', detail: `the file name ${spectralFile.name}` } : none(`${spectralFile.name} names no nm or eV`),
    delayUnit: dl.delay ? { unit: dl.delay, from: 'file', detail: `the file name ${delayFile.name}` } : none(`${delayFile.name} names no fs, ps or ns`),
    signalUnit: none('no OD, mOD or ΔT/T written in the files'),
    metadata: [], notes: [`layout three-files (${matrix.name}, ${spectralFile.name}, ${delayFile.name})`, `orientation ${orientation} (${options.orientation ? '--orientation' : 'from the shapes'})`],
  };
}
