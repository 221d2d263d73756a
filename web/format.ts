// Number formatting for the page: never shows NaN or Infinity (an em dash instead), units kept apart.

/** Compact number text: 3 significant digits, exponent form outside 1e-3…1e5; '—' for null/NaN/±Infinity. */
export function formatNumber(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || magnitude < 1e-3) {
    const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
    return `${Number(mantissa)}e${Number(exponent)}`;
  }
  return String(Number(value.toPrecision(digits)));
}

/** Number and unit, e.g. "12.3 ps"; just '—' when the number is missing. */
export function withUnit(value: number | null | undefined, unit: string, digits = 3): string {
  const text = formatNumber(value, digits);
  return text === '—' || unit === '' ? text : `${text} ${unit}`;
}

/** Unit text for display: "cm^-3" → "cm⁻³". */
export function prettyUnit(unit: string): string {
  const sup: Record<string, string> = { '-': '⁻', '1': '¹', '2': '²', '3': '³', '4': '⁴', '6': '⁶' };
  return unit.replace(/\^(-?\d+)/g, (_, exp: string) => [...exp].map((c) => sup[c] ?? c).join(''));
}

/** Longest text read as a number (a typed number, with spaces, is far shorter). */
export const MAX_NUMBER_CHARS = 64;

/** Parse what a person types in a number field ("1e18", "2.5", " 300 "); NaN if it is not a number. */
export function parseNumber(text: string): number {
  // Bounded before any pattern (a pasted page of digits is refused at once), and one unambiguous pattern.
  if (text.length > MAX_NUMBER_CHARS) return Number.NaN;
  const trimmed = text.trim().replace(/[×x]\s*10\^?/i, 'e').replace(/,/g, '.');
  if (trimmed === '' || !/^[-+]?(\d+(\.\d*)?|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) return Number.NaN;
  return Number(trimmed);
}

/** Text made safe for innerHTML (labels and messages can carry what a URL put in the composition). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
