// The page's side of the data-file worker: one worker, started on first use; a parse that runs longer than
// PARSE_TIMEOUT_MS is stopped (the worker replaced) and reported, so the page never waits on a file forever.

import { wrap, transfer, type Remote } from 'comlink';
import { checkDataFileSize, DataFileError } from '../src/data/measured.ts';
import type { DataFileApi, ParseOutcome } from './data-file.worker.ts';

const PARSE_TIMEOUT_MS = 5_000;

let worker: Worker | null = null;
let remote: Remote<DataFileApi> | null = null;

function start(): Remote<DataFileApi> {
  worker = new Worker(new URL('./data-file.worker.ts', import.meta.url), { type: 'module', name: 'hotcarrier-data-file' });
  remote = wrap<DataFileApi>(worker);
  return remote;
}

/** Read and parse `file` in the worker; refusals come back as a message (the file's own problem). */
export async function parseDataFile(file: File): Promise<ParseOutcome> {
  try {
    checkDataFileSize(file.size); // before reading a byte
  } catch (e) {
    return { ok: false, message: (e as DataFileError).message };
  }
  const bytes = await file.arrayBuffer();
  const api = remote ?? start();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<ParseOutcome>((resolve) => {
    timer = setTimeout(() => {
      worker?.terminate();
      worker = null;
      remote = null;
      resolve({ ok: false, message: `took longer than ${PARSE_TIMEOUT_MS / 1000} s to read and was stopped` });
    }, PARSE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([api.parse(transfer(bytes, [bytes]), file.name), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
