// `hotcarrier ta-inspect FILE`: what the reader made of a TA file — layout, orientation, axes, units and where each
// unit came from, missing cells, value range — without fitting anything.

import { DELAY_UNITS, SIGNAL_UNITS, SPECTRAL_UNITS, TA_LAYOUTS, TA_ORIENTATIONS, valueRange, type TaMap } from '../src/data/ta-map.ts';
import { UsageError } from './args.ts';
import { parseTaArgs, type FlagSpec } from './ta-args.ts';
import { readTaFile } from './ta-file.ts';
import { num, toJson } from './format.ts';

export const READ_FLAGS: Record<string, FlagSpec> = {
  layout: { value: true, allowed: TA_LAYOUTS, meaning: 'the file layout' },
  orientation: { value: true, allowed: TA_ORIENTATIONS, meaning: 'which axis runs down the rows' },
  'spectral-unit': { value: true, allowed: SPECTRAL_UNITS, meaning: 'unit of the spectral axis' },
  'delay-unit': { value: true, allowed: DELAY_UNITS, meaning: 'unit of the delays' },
  'signal-unit': { value: true, allowed: SIGNAL_UNITS, meaning: 'unit of the signal' },
  wavelengths: { value: true, meaning: 'the wavelength file of the three-file layout' },
  delays: { value: true, meaning: 'the delay file of the three-file layout' },
};

/** The reader options from parsed flags. */
export function readOptions(flags: Map<string, string>) {
  return {
    layout: flags.get('layout') as TaMap['layout'] | undefined,
    orientation: flags.get('orientation') as TaMap['orientation'] | undefined,
    wavelengths: flags.get('wavelengths'),
    delays: flags.get('delays'),
  };
}

const unitLine = (what: string, u: { unit: string | null; from: string; detail: string }) => `  ${what.padEnd(14)} ${u.unit ?? 'not stated'} — ${u.from === 'none' ? `${u.detail}; give --${what === 'spectral axis' ? 'spectral' : what}-unit to tc-extract` : u.detail}`;

export function inspectText(m: TaMap): string {
  const r = valueRange(m.values);
  const first = (a: Float64Array) => `${num(a[0])} … ${num(a[a.length - 1])}`;
  return [
    `${m.name}: ${m.spectral.length} wavelengths × ${m.delays.length} delays (${m.spectral.length * m.delays.length} cells, ${m.missing} missing)`,
    `  layout         ${m.layout}`,
    ...m.notes.map((n) => `  note           ${n}`),
    `  spectral axis  ${first(m.spectral)} ${m.spectralUnit.unit ?? '(unit not stated)'}`,
    `  delays         ${first(m.delays)} ${m.delayUnit.unit ?? '(unit not stated)'}`,
    `  values         ${r ? `${num(r[0], 4)} … ${num(r[1], 4)}` : 'all missing'} ${m.signalUnit.unit ?? '(unit not stated)'}`,
    unitLine('spectral axis', m.spectralUnit),
    unitLine('delay', m.delayUnit),
    unitLine('signal', m.signalUnit),
    ...(m.metadata.length ? [`  metadata       ${m.metadata.length} line${m.metadata.length === 1 ? '' : 's'}: ${m.metadata.slice(0, 3).map((l) => JSON.stringify(l.slice(0, 60))).join(', ')}`] : []),
  ].join('\n');
}

export function inspectJson(m: TaMap): string {
  const r = valueRange(m.values);
  return toJson({
    name: m.name, layout: m.layout, orientation: m.orientation,
    wavelengths: { count: m.spectral.length, first: m.spectral[0], last: m.spectral[m.spectral.length - 1], unit: m.spectralUnit },
    delays: { count: m.delays.length, first: m.delays[0], last: m.delays[m.delays.length - 1], unit: m.delayUnit },
    values: { cells: m.values.length, missing: m.missing, min: r?.[0] ?? null, max: r?.[1] ?? null, unit: m.signalUnit },
    metadata: m.metadata, notes: m.notes,
  });
}

export function taInspectMain(argv: string[]): string {
  const args = parseTaArgs(argv, READ_FLAGS, 'ta-inspect');
  if (args.files.length !== 1) throw new UsageError(`ta-inspect takes one TA file, ${args.files.length} given; allowed: hotcarrier ta-inspect FILE [--layout L] [--orientation O]`);
  const m = readTaFile(args.files[0], readOptions(args.flags));
  return args.json ? inspectJson(m) : inspectText(m);
}
