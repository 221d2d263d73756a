// Engine messages in the page's words: parameter names instead of keys and CLI flags, units and numbers as a
// reader writes them (1e20 cm⁻³, not 1e+20 cm^-3 or 100000000000000000000), no references into the code.

import { PARAMS, type NumericParamKey } from '../src/model/params.ts';
import { prettyUnit } from './format.ts';

const KEYS = Object.keys(PARAMS) as NumericParamKey[];
/** Longest first, so "pumpEv" is not read as a prefix of something longer. */
const KEY_PATTERN = new RegExp(`\\b(${[...KEYS].sort((a, b) => b.length - a.length).join('|')})\\b`, 'g');

/** A number in exponent form as people write it: "3.125e+20" → "3.125e20", "1000000000000000" → "1e15". */
function plainNumbers(text: string): string {
  return text
    .replace(/(\d(?:\.\d+)?)e\+(\d+)/g, '$1e$2')
    .replace(/\b([1-9])(0{5,})\b(?!\.)/g, (_, d: string, zeros: string) => `${d}e${zeros.length}`);
}

/** The engine's message (written for the CLI and the API) in the page's words. */
export function plainMessage(message: string): string {
  let text = message.slice(0, 2000);
  text = text.replace(/\s*\(--[a-z0-9-]+\)/g, ''); // "pumpNm (--pump-nm)" → "pumpNm"
  text = text.replace(/with --bulk/g, 'for a bulk film').replace(/--bulk/g, 'a bulk film').replace(/--([a-z][a-z0-9-]*)/g, (_, flag: string) => {
    const key = KEYS.find((k) => PARAMS[k].flag === flag);
    return key ? PARAMS[key].label.toLowerCase() : flag.replace(/-/g, ' ');
  });
  text = text.replace(/\s*\(see [A-Za-z]+\(\)\)/g, '').replace(/\s*see [A-Za-z]+\(\)/g, '');
  text = text.replace(KEY_PATTERN, (key: string) => PARAMS[key as NumericParamKey].label);
  text = text.replace(/\b(augerStatistics|switches\.\w+|composition)\b/g, (w) =>
    w === 'augerStatistics' ? 'NC Auger statistics' : w === 'composition' ? 'composition' : `mechanism ${w.slice(9)}`);
  text = prettyUnit(plainNumbers(text));
  return text.charAt(0).toUpperCase() + text.slice(1);
}
