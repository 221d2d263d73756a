// Command-line argument parsing for `hotcarrier`: flags come from the parameter declarations (params.ts).

import { PARAMS, allowedRange, type NumericParamKey } from '../model/params.ts';
import type { AcceptorKind, MechanismSwitches, SimulationInput } from '../model/types.ts';
import type { MethodName } from '../solver/types.ts';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface ParsedArgs {
  command: string;
  input: SimulationInput;
  format: 'text' | 'json' | 'csv';
  help: boolean;
  /** Flags given, for commands that take only some of them. */
  given: Set<string>;
}

const FLAG_TO_KEY = new Map<string, NumericParamKey>(Object.values(PARAMS).map((p) => [p.flag, p.key]));

/** Switch flags: --no-<name> turns a mechanism off. */
export const SWITCH_FLAGS: Record<string, keyof MechanismSwitches> = {
  'no-upconversion': 'upConversion',
  'no-auger-heating': 'augerHeating',
  'no-intrinsic-bottleneck': 'intrinsicBottleneck',
  'no-hot-phonons': 'hotPhonons',
};

/** Parse a number strictly: the whole text must be a finite decimal or exponent number. */
function parseNumber(flag: string, text: string): number {
  const trimmed = text.trim();
  const value = trimmed === '' ? NaN : Number(trimmed);
  if (!Number.isFinite(value)) {
    const key = FLAG_TO_KEY.get(flag);
    const spec = key ? PARAMS[key] : undefined;
    const allowed = spec ? allowedRange(spec) : 'a finite number';
    throw new UsageError(`--${flag} = ${JSON.stringify(text)} is not a number; allowed: ${allowed}`);
  }
  return value;
}

export function parseArgs(argv: string[]): ParsedArgs {
  const args = [...argv];
  const command = args.length > 0 && !args[0].startsWith('-') ? (args.shift() as string) : 'help';
  const input: SimulationInput = { composition: 'CsPbI3', edgeNm: PARAMS.edgeNm.default };
  const switches: Partial<MechanismSwitches> = {};
  const given = new Set<string>();
  let format: ParsedArgs['format'] = 'text';
  let help = false;
  let pumpEv: number | undefined;
  const take = (flag: string): string => {
    const v = args.shift();
    if (v === undefined || v.startsWith('--')) throw new UsageError(`--${flag} needs a value`);
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
    else if (flag === 'bulk') input.edgeNm = null;
    else if (flag === 'pump-ev') pumpEv = parseNumber(flag, value());
    else if (flag === 'acceptor') input.acceptor = value() as AcceptorKind;
    else if (flag === 'method') input.method = value() as MethodName;
    else if (flag in SWITCH_FLAGS) switches[SWITCH_FLAGS[flag]] = false;
    else if (FLAG_TO_KEY.has(flag)) {
      const key = FLAG_TO_KEY.get(flag) as NumericParamKey;
      (input as unknown as Record<string, number>)[key] = parseNumber(flag, value());
    } else {
      throw new UsageError(`unknown option --${flag}; see 'hotcarrier ${command} --help'`);
    }
  }
  if (given.has('bulk') && given.has('edge-nm')) throw new UsageError('--bulk and --edge-nm conflict: a bulk film has no edge length; give one of them');
  if (pumpEv !== undefined) {
    if (given.has('pump-nm')) throw new UsageError('--pump-ev and --pump-nm conflict; give one of them');
    if (!(pumpEv > 0)) throw new UsageError(`--pump-ev = ${pumpEv} must be a positive photon energy in eV`);
    input.pumpNm = 1239.84198 / pumpEv;
  }
  if (Object.keys(switches).length > 0) input.switches = switches;
  return { command, input, format, help, given };
}
