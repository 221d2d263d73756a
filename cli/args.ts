// Command-line argument parsing for `hotcarrier`: flags come from the parameter declarations (params.ts).

import {
  ACCEPTOR_PARAM, AUGER_STATISTICS_PARAM, COMPOSITION_PARAM, LO_POOL_PARAM, METHOD_PARAM, PARAMS, SWITCHES, allowedRange, choiceValues, type NumericParamKey,
} from '../src/model/params.ts';
import type { AcceptorKind, AugerStatistics, LoPool, MechanismSwitches, SimulationInput } from '../src/model/types.ts';
import type { MethodName } from '../src/solver/types.ts';
import { MAX_STARTS } from '../src/data/fit.ts';
import { MATERIAL_FIELDS, materialAllowed, materialField, materialOverrideIssues } from '../src/materials/fields.ts';
import type { NumericMaterialKey } from '../src/model/types.ts';
import { decimalProblemText, readDecimal } from '../src/data/decimal.ts';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** What the non-numeric options take, for messages. */
const ALLOWED_TEXT: Record<string, string> = {
  composition: COMPOSITION_PARAM.meaning,
  acceptor: choiceValues(ACCEPTOR_PARAM).join(', '),
  'auger-statistics': choiceValues(AUGER_STATISTICS_PARAM).join(', '),
  'lo-pool': choiceValues(LO_POOL_PARAM).join(', '),
  method: choiceValues(METHOD_PARAM).join(', '),
  data: 'a path to a CSV file of delay (ps) and carrier temperature (K), optionally an uncertainty (K)',
  free: 'KEY or KEY:min:max, KEY a simulate flag (n-per-nc, density, lattice-k …) or a material field (loLifetimePs …)',
  starts: `a whole number from 1 to ${MAX_STARTS}`,
  material: 'KEY=VALUE with KEY a material field (hotcarrier help lists them), e.g. loLifetimePs=0.6',
};

export interface ParsedArgs {
  command: string;
  input: SimulationInput;
  format: 'text' | 'json' | 'csv';
  help: boolean;
  /** --data: path of a measured carrier-temperature file to compare with the model (simulate only). */
  data?: string;
  /** Every --data given, in order (fit takes several: a global fit). */
  dataAll: string[];
  /** --free KEY[:min:max], repeatable: parameters to fit (fit only). */
  free: string[];
  /** --starts N: optimiser runs of a fit (fit only). */
  starts?: number;
  /** Flags given, for commands that take only some of them. */
  given: Set<string>;
}

const FLAG_TO_KEY = new Map<string, NumericParamKey>(Object.values(PARAMS).map((p) => [p.flag, p.key]));

/** Switch flags (declared in params.ts SWITCHES): --no-<name> turns a mechanism off. */
export const SWITCH_FLAGS: Record<string, keyof MechanismSwitches> = Object.fromEntries(SWITCHES.map((s) => [s.flag, s.key]));

/** A value for a message: quoted, and shortened when long (a 100 000-digit value is not echoed whole). */
export const shownValue = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 37)}...` : text);

/** Parse a number strictly (length checked first, then one unambiguous pattern): a finite decimal or exponent number. */
function parseNumber(flag: string, text: string): number {
  const read = readDecimal(text);
  if ('problem' in read) {
    const key = FLAG_TO_KEY.get(flag);
    const spec = key ? PARAMS[key] : undefined;
    const allowed = spec ? allowedRange(spec) : 'a finite number';
    throw new UsageError(`--${flag} = ${shownValue(text)} ${decimalProblemText(read.problem)}; allowed: ${allowed}`);
  }
  return read.value;
}

/** One --material KEY=VALUE: a declared material field (src/materials/fields.ts) and a number within its range. */
export function parseMaterialSetting(text: string): [NumericMaterialKey, number] {
  const eq = text.indexOf('=');
  const key = eq > 0 ? text.slice(0, eq).trim().replace(/^material\./, '') : '';
  const spec = materialField(key);
  const keys = MATERIAL_FIELDS.map((f) => f.key).join(', ');
  if (eq <= 0) throw new UsageError(`--material ${JSON.stringify(text)} is not KEY=VALUE; allowed: KEY one of ${keys}, e.g. --material loLifetimePs=0.6`);
  if (!spec) throw new UsageError(`--material ${key}: unknown material field; allowed: ${keys}`);
  const raw = text.slice(eq + 1).trim();
  const v = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw) ? Number(raw) : NaN;
  const issue = materialOverrideIssues({ [key]: v })[0];
  if (!Number.isFinite(v) || issue) throw new UsageError(`--material ${key} = ${JSON.stringify(raw)} is not allowed; allowed: ${materialAllowed(spec)} (${spec.meaning})`);
  return [spec.key, v];
}
/** Own-property lookup: "constructor", "__proto__" or "toString" are not keys of a table. */
const own = <T>(table: Record<string, T>, key: string): T | undefined => (Object.hasOwn(table, key) ? table[key] : undefined);

export function parseArgs(argv: string[]): ParsedArgs {
  const args = [...argv];
  const command = args.length > 0 && !args[0].startsWith('-') ? (args.shift() as string) : 'help';
  const input: SimulationInput = { composition: COMPOSITION_PARAM.default, edgeNm: PARAMS.edgeNm.default };
  const switches: Partial<MechanismSwitches> = {};
  const given = new Set<string>();
  let format: ParsedArgs['format'] = 'text';
  let help = false;
  let data: string | undefined;
  const free: string[] = [];
  const dataAll: string[] = [];
  let starts: number | undefined;
  const take = (flag: string): string => {
    const v = args.shift();
    if (v === undefined || v.startsWith('--')) {
      const key = FLAG_TO_KEY.get(flag);
      const allowed = key ? allowedRange(PARAMS[key]) : own(ALLOWED_TEXT, flag) ?? 'a value';
      throw new UsageError(`--${flag} needs a value; allowed: ${allowed}`);
    }
    return v;
  };
  while (args.length > 0) {
    const raw = args.shift() as string;
    if (!raw.startsWith('--')) throw new UsageError(`unexpected argument ${JSON.stringify(raw)}; flags start with --`);
    let flag = raw.slice(2);
    let inline: string | undefined;
    const eq = flag.indexOf('=');
    if (eq >= 0) {
      inline = flag.slice(eq + 1);
      flag = flag.slice(0, eq);
    }
    const value = () => inline ?? take(flag);
    given.add(flag);
    if (flag === 'help' || flag === 'h') help = true;
    else if (flag === 'json') format = 'json';
    else if (flag === 'csv') format = 'csv';
    else if (flag === 'composition') input.composition = value();
    else if (flag === 'data') { data = value(); dataAll.push(data); }
    else if (flag === 'free') free.push(value());
    else if (flag === 'starts') {
      const text = value();
      starts = text.length <= 16 && /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
      if (!(starts >= 1 && starts <= MAX_STARTS)) throw new UsageError(`--starts = ${shownValue(text)} is not allowed; allowed: ${ALLOWED_TEXT.starts}`);
    }
    else if (flag === 'material') {
      const [key, text] = parseMaterialSetting(value());
      input.materialOverrides = { ...(input.materialOverrides ?? {}), [key]: text };
    }
    else if (flag === 'bulk') input.edgeNm = null;
    else if (flag === 'write-verdicts') {
      // validate only (main.ts); recorded in `given`
      if (inline !== undefined) throw new UsageError(`--write-verdicts takes no value (it writes src/validation/verdicts.generated.ts); allowed: --write-verdicts`);
    }
    else if (flag === 'acceptor') input.acceptor = value() as AcceptorKind;
    else if (flag === 'auger-statistics') input.augerStatistics = value() as AugerStatistics;
    else if (flag === 'lo-pool') input.loPool = value() as LoPool;
    else if (flag === 'method') input.method = value() as MethodName;
    else if (own(SWITCH_FLAGS, flag) !== undefined) switches[SWITCH_FLAGS[flag]] = false;
    else if (FLAG_TO_KEY.has(flag)) {
      const key = FLAG_TO_KEY.get(flag) as NumericParamKey;
      (input as unknown as Record<string, number>)[key] = parseNumber(flag, value());
    } else {
      throw new UsageError(`unknown option --${shownValue(flag).slice(1, -1)}; see 'hotcarrier ${command} --help'`);
    }
  }
  if (given.has('bulk') && given.has('edge-nm')) throw new UsageError('--bulk and --edge-nm conflict: a bulk film has no edge length; give one of them');
  if (Object.keys(switches).length > 0) input.switches = switches;
  return { command, input, format, help, given, data, dataAll, free, starts };
}
