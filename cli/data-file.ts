// --data FILE for the CLI: read a measured carrier-temperature file from disk (regular files only, the read stopped
// at the byte cap), parse it, and format the comparison with the model as text, CSV and JSON.

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import {
  ALLOWED, MAX_DATA_FILE_BYTES, checkDataFileSize, compareWithModel, DataFileError, modelTcAt, parseMeasuredBytes,
  type MeasuredComparison, type MeasuredSeries,
} from '../src/data/measured.ts';
import type { SimulationResult } from '../src/model/types.ts';
import { UsageError } from './args.ts';
import { num } from './format.ts';

/** Why a file could not be read, in words, from a Node error code. */
function readProblem(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'ENOENT': return 'no such file';
    case 'EISDIR': return 'is a directory, not a file';
    case 'EACCES': case 'EPERM': return 'cannot be read (permission denied)';
    default: return `cannot be read (${error.code ?? error.message})`;
  }
}

/** What a non-regular file is, in words (from the fstat of the open descriptor). */
function kindOf(stat: ReturnType<typeof fstatSync>): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * The bytes of a regular file, at most MAX_DATA_FILE_BYTES + 1 of them (one more than allowed, so an oversized
 * file is seen as such without reading it all). Opened non-blocking so a FIFO cannot stall the open; the kind is
 * checked with fstat on the open descriptor (no race with a rename), and the size on the bytes read (a file that
 * grows, or a /proc file whose stat size is 0, is not trusted).
 */
function readCapped(path: string, fail: (problem: string) => UsageError): Uint8Array {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw fail(`is ${kindOf(stat)}, not a regular file; allowed: ${ALLOWED.file}`);
    checkDataFileSize(stat.size);
    const cap = MAX_DATA_FILE_BYTES + 1;
    const chunks: Uint8Array[] = [];
    let length = 0;
    while (length < cap) {
      const chunk = new Uint8Array(Math.min(65536, cap - length));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      length += n;
    }
    checkDataFileSize(length);
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.length;
    }
    return bytes;
  } finally {
    closeSync(fd);
  }
}

/**
 * Read and parse `path`. Every failure becomes a UsageError "--data PATH: …" (exit 2): missing or unreadable file,
 * a directory, FIFO or device, a file above MAX_DATA_FILE_BYTES (the read stops there), bytes that are not UTF-8 or
 * UTF-16 text, or a DataFileError with its line and column.
 */
export function readMeasuredFile(path: string): MeasuredSeries {
  const fail = (problem: string) => new UsageError(`--data ${path}: ${problem}`);
  if (path.trim() === '') throw new UsageError(`--data needs a file path; allowed: ${ALLOWED.file}`);
  try {
    return parseMeasuredBytes(readCapped(path, fail), basename(path));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (error instanceof DataFileError) throw fail(error.message);
    const e = error as NodeJS.ErrnoException;
    if (typeof e.code === 'string') throw fail(`${readProblem(e)}; allowed: ${ALLOWED.file}`);
    throw error;
  }
}

/** The model's delay window, for messages. */
const windowText = (r: SimulationResult) => `${num(r.tPs[0])}–${num(r.tPs[r.tPs.length - 1])} ps`;

/** Text lines for `simulate --data`: the comparison and what the reader assumed. */
export function measuredText(r: SimulationResult, data: MeasuredSeries, c: MeasuredComparison): string {
  const outside = c.outsideWindow > 0 ? `, ${c.outsideWindow} point${c.outsideWindow === 1 ? '' : 's'} outside the model window ${windowText(r)} (not compared)` : '';
  const chi2 = data.sigmaK ? `, χ²/point ${num(c.chi2PerPoint, 3)}` : ', χ²/point — (no uncertainty column)';
  const lines = c.n === 0
    ? [`  measured vs model (${data.name}): no measured delay lies in the model window ${windowText(r)}; ${c.outsideWindow} points not compared`]
    : [`  measured vs model (${data.name}): ${c.n} points, RMS ${num(c.rmsK)} K, max |Δ| ${num(c.maxAbsK)} K${chi2}${outside}`];
  for (const note of data.notes) lines.push(`  measured data: ${note}`);
  return lines.join('\n');
}

/** The CSV block appended after a blank line: measured rows with the model's Tc at the same delays. */
export function measuredCsv(r: SimulationResult, data: MeasuredSeries, c: MeasuredComparison): string {
  const cell = (v: number | null) => (v !== null && Number.isFinite(v) ? v.toPrecision(8) : '');
  const lines = [
    `# measured: ${data.name}; ${data.tPs.length} rows${data.notes.length ? `; ${data.notes.join('; ')}` : ''}`,
    `# compared: ${c.n} points, rms_k ${cell(c.rmsK)}, max_abs_k ${cell(c.maxAbsK)}, chi2_per_point ${cell(c.chi2PerPoint)}, outside_window ${c.outsideWindow} (model window ${windowText(r)}; model_tc_k empty there)`,
    't_ps,measured_tc_k,sigma_k,model_tc_k',
  ];
  for (let i = 0; i < data.tPs.length; i++) {
    lines.push([cell(data.tPs[i]), cell(data.tcK[i]), cell(data.sigmaK ? data.sigmaK[i] : null), cell(modelTcAt(r, data.tPs[i]))].join(','));
  }
  return lines.join('\n');
}

/** Extra JSON members for `simulate --data --json`: the series (with the model at its delays) and the comparison. */
export function measuredJson(r: SimulationResult, data: MeasuredSeries, c: MeasuredComparison): { measured: object; comparison: MeasuredComparison } {
  return { measured: { ...data, modelTcK: Array.from(data.tPs, (t) => modelTcAt(r, t)) }, comparison: c };
}

