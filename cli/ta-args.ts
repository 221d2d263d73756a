// Flags of the TA commands (ta-inspect, tc-extract, simulate --ta): a FILE operand and --name VALUE options,
// each checked against its allowed values with a message naming the flag, the value and what is allowed.

import { UsageError } from './args.ts';

export interface FlagSpec {
  /** Takes a value (else a switch). */
  value: boolean;
  /** Allowed values (for enumerations), for checks and messages. */
  allowed?: readonly string[];
  /** What the value is, for messages. */
  meaning: string;
}

export interface TaArgs {
  files: string[];
  flags: Map<string, string>;
  json: boolean;
}

/** Parse `argv` (after the command) against `specs`; operands (not starting with --) are files. */
export function parseTaArgs(argv: string[], specs: Record<string, FlagSpec>, command: string): TaArgs {
  const files: string[] = [];
  const flags = new Map<string, string>();
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    if (!raw.startsWith('--')) { files.push(raw); continue; }
    let name = raw.slice(2);
    let inline: string | undefined;
    const eq = name.indexOf('=');
    if (eq >= 0) [name, inline] = [name.slice(0, eq), name.slice(eq + 1)];
    if (name === 'json') { json = true; continue; }
    const spec = specs[name];
    if (spec === undefined) throw new UsageError(`unknown option --${name} for ${command}; allowed: ${Object.keys(specs).map((k) => `--${k}`).join(', ')}, --json`);
    let v = 'true';
    if (spec.value) {
      v = inline ?? argv[++i];
      if (v === undefined || (inline === undefined && v.startsWith('--'))) throw new UsageError(`--${name} needs a value; allowed: ${spec.allowed ? spec.allowed.join(' | ') : spec.meaning}`);
      if (spec.allowed && !spec.allowed.includes(v)) throw new UsageError(`--${name} ${JSON.stringify(v)} is not allowed; allowed: ${spec.allowed.join(' | ')}`);
    }
    flags.set(name, v);
  }
  return { files, flags, json };
}

/** A number flag: finite and inside [min, max]. */
export function numberFlag(args: TaArgs, name: string, min: number, max: number, unit: string): number | undefined {
  const text = args.flags.get(name);
  if (text === undefined) return undefined;
  const v = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text.trim()) ? Number(text) : NaN;
  if (!(v >= min && v <= max)) throw new UsageError(`--${name} ${JSON.stringify(text)} is not allowed; allowed: a number from ${min} to ${max}${unit ? ' ' + unit : ''}`);
  return v;
}
