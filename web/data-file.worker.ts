// A worker that reads an uploaded data file off the page's main thread: the same steps as the CLI's --data
// (size checked on the bytes, decoded by parseMeasuredBytes — UTF-8 or UTF-16, anything else refused — and parsed),
// so a large or hostile file never freezes the page and the CLI and the page read or refuse a file alike.

import { expose } from 'comlink';
import { DataFileError, parseMeasuredBytes, type MeasuredSeries } from '../src/data/measured.ts';

export type ParseOutcome = { ok: true; series: MeasuredSeries } | { ok: false; message: string };

const api = {
  parse(bytes: ArrayBuffer, name: string): ParseOutcome {
    try {
      return { ok: true, series: parseMeasuredBytes(new Uint8Array(bytes), name) };
    } catch (e) {
      return { ok: false, message: e instanceof DataFileError ? e.message : `could not be read (${(e as Error).message})` };
    }
  },
};
export type DataFileApi = typeof api;
expose(api);
