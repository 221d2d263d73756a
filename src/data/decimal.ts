// Decimal numbers as people type them ("0.5", "-3", "1e18", ".25"), read in linear time: the length is checked
// before any pattern runs, and the pattern is unambiguous (each character can match in one way only).

/** Longest number text read (characters); a double needs at most ~25, so anything longer is refused unread. */
export const MAX_NUMBER_CHARS = 64;

/** Digits, an optional fraction, an optional exponent; no Infinity, NaN, hex, or thousands separators. */
const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Why a text is not a finite decimal number: 'too-long', 'not-a-number' or 'not-finite' (e.g. 1e400). */
export type DecimalProblem = 'too-long' | 'not-a-number' | 'not-finite';

/** The number written in `text` (surrounding spaces ignored), or the reason it is not one. */
export function readDecimal(text: string): { value: number } | { problem: DecimalProblem } {
  if (text.length > MAX_NUMBER_CHARS * 4) return { problem: 'too-long' }; // before trim: trim itself is linear, but why scan 1 MB
  const trimmed = text.trim();
  if (trimmed.length > MAX_NUMBER_CHARS) return { problem: 'too-long' };
  if (!DECIMAL.test(trimmed)) return { problem: 'not-a-number' };
  const value = Number(trimmed);
  return Number.isFinite(value) ? { value } : { problem: 'not-finite' };
}

/** True when `text` is a decimal number (finite or overflowing), within the length limit: no other pattern runs. */
export function looksDecimal(text: string): boolean {
  const trimmed = text.length > MAX_NUMBER_CHARS * 4 ? '' : text.trim();
  return trimmed.length > 0 && trimmed.length <= MAX_NUMBER_CHARS && DECIMAL.test(trimmed);
}

/** Words for a DecimalProblem, for messages ("is not a number", …). */
export function decimalProblemText(problem: DecimalProblem): string {
  switch (problem) {
    case 'too-long': return `is longer than ${MAX_NUMBER_CHARS} characters, not a number`;
    case 'not-finite': return 'is not a finite number (it overflows a double)';
    default: return 'is not a number';
  }
}
