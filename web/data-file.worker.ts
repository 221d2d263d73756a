// A worker that reads an uploaded data file off the page's main thread with the CLI's own function
// (parseMeasuredBytes: size, UTF-8/UTF-16 decoding, parsing), so a large or hostile file never freezes the page
// and the page reads or refuses exactly what the CLI reads or refuses.

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
