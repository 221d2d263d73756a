// TA files for the CLI: read from disk with the size checked first, parsed by src/data/ta-read.ts; every failure
// becomes a UsageError naming the file (and the line and column when the content is at fault).

import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { MAX_TA_FILE_BYTES, readTaMap, readThreeFiles, type ReadOptions } from '../src/data/ta-read.ts';
import type { TaMap } from '../src/data/ta-map.ts';
import { TaFileError } from '../src/data/ta-scan.ts';
import { UsageError } from './args.ts';
import { decodeDataBytes } from '../src/data/text-decode.ts';
import { DataFileError } from '../src/data/measured.ts';

/** The text of `path`, refused before reading when above MAX_TA_FILE_BYTES. */
export function readTextFile(path: string, flag: string): string {
  const allowed = 'a readable text file of at most 64 MB';
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw new UsageError(`${flag} ${path}: is a directory, not a file; allowed: ${allowed}`);
    if (stat.size > MAX_TA_FILE_BYTES) throw new UsageError(`${flag} ${path}: the file is ${stat.size} bytes; allowed: at most ${MAX_TA_FILE_BYTES} bytes (64 MB)`);
    return decodeDataBytes(readFileSync(path)).text; // strict UTF-8 or UTF-16, binary refused (the Tc reader's decoding)
  } catch (e) {
    if (e instanceof UsageError) throw e;
    if (e instanceof DataFileError) throw new UsageError(`${flag} ${path}: ${e.message}`);
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(`${flag} ${path}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(e)})`}; allowed: ${allowed}`);
  }
}

export interface TaFileArgs extends ReadOptions {
  wavelengths?: string;
  delays?: string;
}

/** Read a TA map (one file, or three with --wavelengths and --delays); a TaFileError becomes a UsageError. */
export function readTaFile(path: string, args: TaFileArgs): TaMap {
  const text = readTextFile(path, 'TA file');
  try {
    if (args.wavelengths !== undefined || args.delays !== undefined || args.layout === 'three-files') {
      if (args.wavelengths === undefined || args.delays === undefined) throw new UsageError(`the three-file layout needs both --wavelengths FILE and --delays FILE; allowed: MATRIX --wavelengths FILE --delays FILE`);
      return readThreeFiles(
        { text, name: basename(path) },
        { text: readTextFile(args.wavelengths, '--wavelengths'), name: basename(args.wavelengths) },
        { text: readTextFile(args.delays, '--delays'), name: basename(args.delays) },
        args,
      );
    }
    return readTaMap(text, basename(path), args);
  } catch (e) {
    if (e instanceof TaFileError) throw new UsageError(e.message);
    throw e;
  }
}
