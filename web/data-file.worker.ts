// A worker that reads an uploaded data file off the page's main thread: the same steps as the CLI's --data
// (size checked on the bytes, decoded as UTF-8, parsed), so a large or hostile file never freezes the page and
// a file the CLI refuses (UTF-16, binary) is refused here alike.

import { expose } from 'comlink';
import { checkDataFileSize, DataFileError, parseMeasuredCsv, type MeasuredSeries } from '../src/data/measured.ts';

export type ParseOutcome = { ok: true; series: MeasuredSeries } | { ok: false; message: string };

const api = {
  parse(bytes: ArrayBuffer, name: string): ParseOutcome {
    try {
      checkDataFileSize(bytes.byteLength);
      return { ok: true, series: parseMeasuredCsv(new TextDecoder('utf-8').decode(bytes), name) };
    } catch (e) {
      return { ok: false, message: e instanceof DataFileError ? e.message : `could not be read (${(e as Error).message})` };
    }
  },
};
export type DataFileApi = typeof api;
expose(api);
