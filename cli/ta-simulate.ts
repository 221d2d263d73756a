// `hotcarrier simulate --ta LAYOUT`: the simulated ΔA(E, t) map written in a layout the TA readers take. The
// --ta-* flags are taken out of the argument list here, so the simulate flags stay parsed in one place (args.ts).

import { forwardMap, type ForwardOptions } from '../src/data/ta-forward.ts';
import { WRITABLE_LAYOUTS, writeTaMap, type WritableLayout } from '../src/data/ta-write.ts';
import type { SimulationResult } from '../src/model/types.ts';
import { UsageError } from './args.ts';

export interface TaOutput {
  layout: WritableLayout;
  options: ForwardOptions;
}

const NUMERIC: Record<string, { key: keyof ForwardOptions; min: number; max: number; unit: string; integer?: boolean }> = {
  'ta-noise-od': { key: 'noiseOd', min: 0, max: 1, unit: 'OD' },
  'ta-seed': { key: 'seed', min: 0, max: 2 ** 31, unit: '', integer: true },
  'ta-broadening-mev': { key: 'broadeningFwhmMeV', min: 1, max: 500, unit: 'meV (FWHM)' },
  'ta-ground-od': { key: 'groundOd', min: 1e-4, max: 5, unit: 'OD' },
  'ta-points': { key: 'nSpectral', min: 10, max: 4000, unit: '', integer: true },
  'ta-span-ev': { key: 'spanEv', min: 0.1, max: 3, unit: 'eV' },
};

export const TA_SIMULATE_HELP = [
  '  --ta LAYOUT            write the simulated ΔA(E, t) map instead (kimopack | glotaran | surface-xplorer | matrix):',
  '                         band filling (Fermi–Dirac e and h on the joint DOS), Gaussian broadening, band-gap renormalisation',
  '  --ta-noise-od X --ta-seed N   seeded Gaussian noise (OD);  --ta-broadening-mev W [40]  --ta-ground-od A [0.3]',
  '  --ta-points N [300]  --ta-span-ev S [1.0]  --ta-no-bgr (switch band-gap renormalisation off)',
].join('\n');

/** Take the --ta flags out of `argv`; null when --ta is not given (then no --ta-* flag may be). */
export function splitTaFlags(argv: string[]): { rest: string[]; ta: TaOutput | null } {
  const rest: string[] = [];
  let layout: string | undefined;
  const options: ForwardOptions = {};
  const seen: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const raw = argv[i];
    const [name, inline] = raw.startsWith('--ta') ? (raw.includes('=') ? [raw.slice(2, raw.indexOf('=')), raw.slice(raw.indexOf('=') + 1)] : [raw.slice(2), undefined]) : [null, undefined];
    if (name === null || !(name === 'ta' || name.startsWith('ta-'))) { rest.push(raw); continue; }
    seen.push(name);
    if (name === 'ta-no-bgr') { options.bgr = false; continue; }
    const value = inline ?? argv[++i];
    if (name === 'ta') {
      if (value === undefined || !(WRITABLE_LAYOUTS as readonly string[]).includes(value)) throw new UsageError(`--ta ${JSON.stringify(value ?? '')} is not a layout; allowed: ${WRITABLE_LAYOUTS.join(' | ')}`);
      layout = value;
      continue;
    }
    const spec = NUMERIC[name];
    if (spec === undefined) throw new UsageError(`unknown option --${name}; allowed: --ta, ${[...Object.keys(NUMERIC), 'ta-no-bgr'].map((k) => `--${k}`).join(', ')}`);
    const v = value !== undefined && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value.trim()) ? Number(value) : NaN;
    if (!(v >= spec.min && v <= spec.max) || (spec.integer && !Number.isInteger(v))) throw new UsageError(`--${name} ${JSON.stringify(value ?? '')} is not allowed; allowed: ${spec.integer ? 'a whole number' : 'a number'} from ${spec.min} to ${spec.max}${spec.unit ? ' ' + spec.unit : ''}`);
    (options as Record<string, number>)[spec.key] = v;
  }
  if (layout === undefined && seen.length > 0) throw new UsageError(`--${seen[0]} applies with --ta LAYOUT only; allowed: hotcarrier simulate [options] --ta ${WRITABLE_LAYOUTS.join('|')} [--ta-…]`);
  return { rest, ta: layout === undefined ? null : { layout: layout as WritableLayout, options } };
}

export function simulatedTaText(result: SimulationResult, ta: TaOutput): string {
  const map = forwardMap(result, ta.options);
  return writeTaMap(map, ta.layout, `${map.name}: hotcarrier simulate --ta`);
}
