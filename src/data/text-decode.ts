// Bytes of a data file → text, the same way in the CLI and the page: UTF-8 (a byte-order mark dropped) or UTF-16
// (with a byte-order mark, or without one when every other byte is zero) decoded; anything else refused.

import { DataFileError } from './data-file-error.ts';

/** What a data file's bytes may be, for messages. */
export const ALLOWED_ENCODINGS = 'text in UTF-8 (with or without a byte-order mark) or UTF-16 (LE or BE)';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

/** Byte-order-mark-less UTF-16: in the first pairs, one byte of each is zero and the other is not (ASCII text). */
function zeroBytePattern(bytes: Uint8Array): TextEncodingName | null {
  const pairs = Math.min(bytes.length >> 1, 512);
  if (pairs < 2) return null;
  let low = 0;
  let high = 0;
  for (let i = 0; i < pairs; i++) {
    const a = bytes[2 * i];
    const b = bytes[2 * i + 1];
    if (a !== 0 && b === 0) low++;
    else if (a === 0 && b !== 0) high++;
  }
  if (low >= 0.95 * pairs) return 'utf-16le';
  if (high >= 0.95 * pairs) return 'utf-16be';
  return null;
}

/**
 * Decode a data file. UTF-8 is strict (a byte that is not UTF-8 refuses the file rather than reading a replacement
 * character into a number). A NUL byte in what should be UTF-8 means a binary file.
 * @throws DataFileError for binary bytes or text in another encoding (Latin-1, Windows-1252 …)
 */
export function decodeDataBytes(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  let encoding: TextEncodingName = 'utf-8';
  let start = 0;
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, start] = ['utf-16le', 2];
  else if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, start] = ['utf-16be', 2];
  else if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
  else encoding = zeroBytePattern(bytes) ?? 'utf-8';
  const body = bytes.subarray(start);
  if (encoding === 'utf-8' && body.includes(0)) {
    throw new DataFileError(null, null, 'the file is not text (it holds binary bytes)', ALLOWED_ENCODINGS);
  }
  if (encoding !== 'utf-8' && (body.length & 1) === 1) {
    throw new DataFileError(null, null, `the file looks like ${encoding.toUpperCase()} but has an odd number of bytes`, ALLOWED_ENCODINGS);
  }
  try {
    return { text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body), encoding };
  } catch {
    const what = encoding === 'utf-8' ? 'the file is not text (or not UTF-8: e.g. Latin-1 or Windows-1252; save it as UTF-8)' : `the file is not valid ${encoding.toUpperCase()}`;
    throw new DataFileError(null, null, what, ALLOWED_ENCODINGS);
  }
}
