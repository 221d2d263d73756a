// Parse ABX3 formulas such as "FA0.5Cs0.5PbI3" or "CsPbI2Br" into site fractions, validate them, and format them back.
import type { ASite, BSite, Composition, XSite } from './types.ts';

export const A_IONS: readonly ASite[] = ['FA', 'MA', 'Cs'];
export const B_IONS: readonly BSite[] = ['Pb', 'Sn'];
export const X_IONS: readonly XSite[] = ['I', 'Br', 'Cl'];
/** Tolerance on a site's fraction sum. */
export const SITE_SUM_TOLERANCE = 1e-6;

const ALLOWED = 'allowed: A site Cs, FA, MA; B site Pb, Sn; X site I, Br, Cl (e.g. "CsPbI3", "FA0.5Cs0.5PbI3", "CsPbI2Br", "MAPb0.5Sn0.5I3")';
type Site = 'a' | 'b' | 'x';
const SITE_NAME: Record<Site, string> = { a: 'A', b: 'B', x: 'X' };
const ION_SITE = new Map<string, Site>([
  ...A_IONS.map((i) => [i, 'a'] as [string, Site]),
  ...B_IONS.map((i) => [i, 'b'] as [string, Site]),
  ...X_IONS.map((i) => [i, 'x'] as [string, Site]),
]);
// Longest names first so "Cs"/"Cl" are not read as shorter tokens.
const ION_PATTERN = /^(FA|MA|Cs|Pb|Sn|Br|Cl|I)/;
const NUMBER_PATTERN = /^(\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/;

function fail(input: string, problem: string): never {
  if (input.startsWith('object ')) throw new Error(`composition ${input}: ${problem}; ${ALLOWED}`);
  throw new Error(`composition "${input}": ${problem}; ${ALLOWED}`);
}

/**
 * Parse a formula into site fractions. Site order must be A, B, X. A and B amounts sum to 1; X amounts sum to 3
 * (or to 1 inside parentheses followed by 3, e.g. "CsPb(I0.5Br0.5)3"). A missing amount means 1.
 * @throws Error naming the input, the problem and what is allowed.
 */
export function parseComposition(formula: string): Composition {
  if (typeof formula !== 'string' || formula.trim() === '') fail(String(formula), 'empty formula');
  const text = formula.replace(/\s+/g, '');
  const amounts: Record<Site, Map<string, number>> = { a: new Map(), b: new Map(), x: new Map() };
  let pos = 0;
  let lastSite: Site = 'a';
  let groupStart = -1;
  let groupIons: string[] = [];
  while (pos < text.length) {
    const rest = text.slice(pos);
    if (rest[0] === '(') {
      if (groupStart >= 0) fail(formula, `nested parenthesis at position ${pos}`);
      groupStart = pos; groupIons = []; pos += 1; continue;
    }
    if (rest[0] === ')') {
      if (groupStart < 0) fail(formula, `unmatched ")" at position ${pos}`);
      pos += 1;
      const m = NUMBER_PATTERN.exec(text.slice(pos));
      const mult = m ? Number(m[0]) : 1;
      if (m) pos += m[0].length;
      for (const ion of groupIons) {
        const site = ION_SITE.get(ion)!;
        amounts[site].set(ion, amounts[site].get(ion)! * mult);
      }
      groupStart = -1; continue;
    }
    const ionMatch = ION_PATTERN.exec(rest);
    if (!ionMatch) {
      const bad = /^[A-Za-z][a-z]*|^\S/.exec(rest)![0];
      fail(formula, `unknown ion or character "${bad}" at position ${pos}`);
    }
    const ion = ionMatch[0];
    const site = ION_SITE.get(ion)!;
    if (site < lastSite) fail(formula, `ion "${ion}" (${SITE_NAME[site]} site) after the ${SITE_NAME[lastSite]} site; write sites in the order A, B, X`);
    lastSite = site;
    if (amounts[site].has(ion)) fail(formula, `ion "${ion}" appears twice`);
    pos += ion.length;
    const after = text.slice(pos);
    if (/^-\s*[\d.]/.test(after)) fail(formula, `amount of "${ion}" is negative (${/^-[\d.eE+-]*/.exec(after)![0]}); amounts must be ≥ 0`);
    if (/^nan/i.test(after)) fail(formula, `amount of "${ion}" is NaN; amounts must be finite numbers`);
    const num = NUMBER_PATTERN.exec(after);
    const amount = num ? Number(num[0]) : 1;
    if (num) pos += num[0].length;
    if (!Number.isFinite(amount)) fail(formula, `amount of "${ion}" is not a finite number`);
    amounts[site].set(ion, amount);
    if (groupStart >= 0) groupIons.push(ion);
  }
  if (groupStart >= 0) fail(formula, `unclosed "(" at position ${groupStart}`);
  const composition: Composition = { a: {}, b: {}, x: {} };
  const totals: Record<Site, number> = { a: 1, b: 1, x: 3 };
  for (const site of ['a', 'b', 'x'] as Site[]) {
    const map = amounts[site];
    if (map.size === 0) fail(formula, `no ${SITE_NAME[site]}-site ion`);
    let sum = 0;
    for (const v of map.values()) sum += v;
    if (Math.abs(sum - totals[site]) > SITE_SUM_TOLERANCE * totals[site]) {
      fail(formula, `${SITE_NAME[site]}-site amounts sum to ${sum}, must be ${totals[site]} within ${SITE_SUM_TOLERANCE.toExponential()}`);
    }
    for (const [ion, v] of map) (composition[site] as Record<string, number>)[ion] = v / totals[site];
  }
  return validateComposition(composition, formula);
}

/**
 * Check a Composition object: known ions only, every fraction finite and ≥ 0, each site summing to 1 within 1e-6.
 * @returns the composition with zero fractions removed and each site renormalised to sum exactly to 1.
 */
export function validateComposition(c: Composition, label?: string): Composition {
  label ??= `object ${JSON.stringify(c)}`;
  const out: Composition = { a: {}, b: {}, x: {} };
  const known: Record<Site, readonly string[]> = { a: A_IONS, b: B_IONS, x: X_IONS };
  for (const site of ['a', 'b', 'x'] as Site[]) {
    const fractions = (c?.[site] ?? {}) as Record<string, number>;
    let sum = 0;
    for (const [ion, v] of Object.entries(fractions)) {
      const name = `${SITE_NAME[site]}-site fraction of "${ion}"`;
      if (!known[site].includes(ion)) fail(label, `unknown ${SITE_NAME[site]}-site ion "${ion}"`);
      if (typeof v !== 'number' || Number.isNaN(v)) fail(label, `${name} is ${String(v)}, not a number`);
      if (!Number.isFinite(v)) fail(label, `${name} is ${v}, not finite`);
      if (v < 0) fail(label, `${name} is ${v}, negative`);
      sum += v;
      if (v > 0) (out[site] as Record<string, number>)[ion] = v;
    }
    if (Math.abs(sum - 1) > SITE_SUM_TOLERANCE) {
      fail(label, `${SITE_NAME[site]}-site fractions sum to ${sum}, must be 1 within ${SITE_SUM_TOLERANCE.toExponential()}`);
    }
    const normalised = out[site] as Record<string, number>;
    for (const ion of Object.keys(normalised)) normalised[ion]! /= sum;
  }
  return out;
}

function amountText(v: number): string {
  if (Math.abs(v - 1) < 1e-9) return '';
  return String(Number(v.toFixed(6)));
}

/** Canonical formula: A ions in the order FA, MA, Cs; B Pb, Sn; X I, Br, Cl; X amounts per formula unit (sum 3). */
export function formatComposition(c: Composition): string {
  const v = validateComposition(c);
  const part = <T extends string>(ions: readonly T[], fractions: Partial<Record<T, number>>, scale: number) =>
    ions.filter((i) => (fractions[i] ?? 0) > 0).map((i) => i + amountText(fractions[i]! * scale)).join('');
  const x = part(X_IONS, v.x, 3);
  const xText = Object.keys(v.x).length === 1 ? `${X_IONS.find((i) => (v.x[i] ?? 0) > 0)}3` : x;
  return part(A_IONS, v.a, 1) + part(B_IONS, v.b, 1) + xText;
}
