// `hotcarrier tc-extract FILE`: carrier temperature per delay from the bleach tail of a TA map, written as the
// Tc(t) CSV that `simulate --data` and `fit --data` read (σ = combined uncertainty), or as JSON with every detail.

import { build } from '../src/model/derive.ts';
import { normalizeInput } from '../src/model/validate.ts';
import type { BandEdge } from '../src/data/ta-bleach.ts';
import { applyChirp, fitChirpFromOnset, parseChirpFile, type ChirpPolynomial } from '../src/data/ta-chirp.ts';
import { DEFAULT_MAX_CHI2, extractTc, noiseLevel, type DelayFit, type Extraction, type TailMethod } from '../src/data/ta-extract.ts';
import { toSpectra, type TaSpectra } from '../src/data/ta-map.ts';
import { TaFileError } from '../src/data/ta-scan.ts';
import { UsageError } from './args.ts';
import { numberFlag, parseTaArgs, type FlagSpec, type TaArgs } from './ta-args.ts';
import { readTaFile, readTextFile } from './ta-file.ts';
import { READ_FLAGS, readOptions } from './ta-inspect.ts';
import { toJson } from './format.ts';

const FLAGS: Record<string, FlagSpec> = {
  ...READ_FLAGS,
  jacobian: { value: false, meaning: 'multiply ΔA by hc/E² on the change to energy' },
  composition: { value: true, meaning: 'the sample: a preset or formula (gap and masses from the engine)' },
  'edge-nm': { value: true, meaning: 'NC edge length (nm): the level structure' },
  bulk: { value: false, meaning: 'a bulk film: parabolic bands' },
  'gap-ev': { value: true, meaning: 'the lowest transition (eV), instead of the engine\'s gap' },
  'broadening-mev': { value: true, meaning: 'Gaussian broadening FWHM (meV)' },
  method: { value: true, allowed: ['boltzmann', 'fermi-dirac'], meaning: 'occupation of the bleach model' },
  'start-kt': { value: true, meaning: 'window start in kB·Tc above the bleach peak' },
  'noise-factor': { value: true, meaning: 'window end: bleach below this many noise σ' },
  'window-ev': { value: true, meaning: 'a fixed window LO:HI in eV' },
  chirp: { value: true, meaning: 'a KiMoPack chirp file (polynomial t0(λ))' },
  'chirp-fit': { value: false, meaning: 'fit t0(λ) from the onset of the signal' },
  'gap-shift-term': { value: false, meaning: 'fit a free multiple of dA0/dE beside the bleach (a renormalised gap)' },
  'max-chi2': { value: true, meaning: 'leave out of the CSV delays whose bleach-model χ²/dof exceeds this [5]' },
  'csv-method': { value: true, allowed: ['model', 'classic'], meaning: 'which estimate fills the CSV columns' },
  'min-delay-ps': { value: true, meaning: 'fit only delays above this (ps)' },
};

export const TC_EXTRACT_HELP = [
  'hotcarrier tc-extract FILE (--composition X (--edge-nm L | --bulk) | --gap-ev E --composition X) [options] [--json]',
  '  Per delay, fits the high-energy tail of the bleach: the bleach model (occupation × joint density of states above',
  '  the gap — √(E − Eg) for a film, the levels of a cubic well for an NC — broadened by a Gaussian) and the classic',
  '  bare exponential ln(−ΔA) = c − E/kB·T; both reported. Output: CSV delay_ps,Tc_K,sigma_K (σ = √(stat² + sys²)).',
  ...Object.entries(FLAGS).map(([k, s]) => `  --${k.padEnd(16)} ${s.meaning}${s.allowed ? ` (${s.allowed.join(' | ')})` : ''}`),
  '  Defaults: --method boltzmann, --start-kt 1, --noise-factor 3, --broadening-mev 40 (a choice: give your linewidth).',
].join('\n');

/** The sample's band edge: gap and masses from the engine for --composition/--edge-nm|--bulk; --gap-ev overrides the gap. */
function bandEdge(args: TaArgs): BandEdge {
  const composition = args.flags.get('composition');
  if (composition === undefined) throw new UsageError('tc-extract needs the sample for the bleach model; allowed: --composition X with --edge-nm L (a nanocrystal) or --bulk (a film); --gap-ev E to set the gap');
  const bulk = args.flags.has('bulk');
  const edgeNm = numberFlag(args, 'edge-nm', 2, 50, 'nm');
  if (bulk === (edgeNm !== undefined)) throw new UsageError('tc-extract: give exactly one of --edge-nm L and --bulk; allowed: --edge-nm a number from 2 to 50 nm, or --bulk');
  const { derived } = build(normalizeInput({ composition, edgeNm: bulk ? null : (edgeNm as number) }));
  const fwhm = (numberFlag(args, 'broadening-mev', 1, 500, 'meV') ?? 40) / 1000;
  return {
    gapEv: numberFlag(args, 'gap-ev', 0.3, 6, 'eV') ?? derived.gapEv,
    electronMassM0: derived.material.electronMassM0, holeMassM0: derived.material.holeMassM0,
    edgeNm: bulk ? null : (edgeNm as number), broadeningEv: fwhm / (2 * Math.sqrt(2 * Math.log(2))),
  };
}

function windowFlag(args: TaArgs): [number, number] | undefined {
  const text = args.flags.get('window-ev');
  if (text === undefined) return undefined;
  const parts = text.split(':').map((p) => Number(p.trim()));
  if (parts.length !== 2 || !parts.every((p) => p > 0 && p < 20) || !(parts[0] < parts[1])) throw new UsageError(`--window-ev ${JSON.stringify(text)} is not allowed; allowed: LO:HI in eV with 0 < LO < HI < 20`);
  return [parts[0], parts[1]];
}

const f = (v: number, d = 5) => Number(v.toPrecision(d)).toString();

/** The Tc(t) CSV: header comments saying how it was made, per-delay details as comments, then delay_ps,Tc_K,sigma_K. */
export function extractionCsv(file: string, s: TaSpectra, edge: BandEdge, ex: Extraction, pick: 'model' | 'classic', chirp: string, maxChi2 = DEFAULT_MAX_CHI2): string {
  const rejected = (d: DelayFit) => (d.model?.chi2PerDof ?? 0) > maxChi2;
  const lines = [
    `# tc-extract ${file}: carrier temperature from the high-energy tail of the bleach, per delay`,
    `# columns: ${pick === 'model' ? `the bleach model (${ex.method === 'boltzmann' ? 'Boltzmann' : 'Fermi–Dirac'} occupation of electrons and holes × joint DOS ${edge.edgeNm === null ? '√(E − Eg)' : `of the levels of a ${edge.edgeNm} nm cubic well`} above Eg = ${f(edge.gapEv, 4)} eV, Gaussian broadening σ = ${f(edge.broadeningEv * 1000, 3)} meV, masses me ${edge.electronMassM0}, mh ${edge.holeMassM0} m0)` : 'the classic bare exponential ln(−ΔA) = c − E/(kB·Tc)'}; sigma_K = √(stat² + sys²)`,
    `# ${ex.rule}; noise ${f(ex.noiseOd, 3)} OD from ${ex.noiseFrom}`,
    ...s.notes.map((n) => `# ${n}`),
    `# ${chirp}`,
    `# delays whose bleach-model χ²/dof exceeds ${maxChi2} are left out of the rows below (the tail is not what the model describes: not thermal, degenerate for Boltzmann, or another signal on it); --max-chi2 sets the limit`,
    '# per delay: delay_ps | model Tc_K stat_K sys_K chi2/dof | classic Tc_K stat_K sys_K | window_eV',
  ];
  for (const d of ex.delays) {
    const est = (e: typeof d.model, chi = false) => (e ? `${f(e.tK)} ${f(e.statK, 3)} ${f(e.sysK, 3)}${chi ? ` ${f(e.chi2PerDof, 3)}` : ''}` : '—');
    lines.push(d.status === 'ok'
      ? `# ${f(d.delayPs)} | model ${est(d.model, true)} | classic ${est(d.classic)} | ${f(d.windowEv![0], 4)}–${f(d.windowEv![1], 4)}${rejected(d) ? ` | left out: χ²/dof above ${maxChi2}` : ''}`
      : `# ${f(d.delayPs)} | no fittable tail: ${d.reason}`);
  }
  lines.push('delay_ps,Tc_K,sigma_K');
  for (const d of ex.delays) {
    const e = d[pick];
    if (d.status === 'ok' && e && !rejected(d) && Number.isFinite(e.sigmaK) && e.sigmaK > 0) lines.push(`${f(d.delayPs, 8)},${f(e.tK, 6)},${f(e.sigmaK, 4)}`);
  }
  return lines.join('\n');
}

export function tcExtractMain(argv: string[]): string {
  if (argv.includes('--help')) return TC_EXTRACT_HELP;
  const args = parseTaArgs(argv, FLAGS, 'tc-extract');
  if (args.files.length !== 1) throw new UsageError(`tc-extract takes one TA file, ${args.files.length} given; allowed: ${TC_EXTRACT_HELP.split('\n')[0]}`);
  const edge = bandEdge(args);
  const map = readTaFile(args.files[0], readOptions(args.flags));
  let spectra: TaSpectra;
  let chirpNote = 'no chirp correction (--chirp FILE or --chirp-fit)';
  try {
    spectra = toSpectra(map, {
      spectralUnit: args.flags.get('spectral-unit') as 'nm' | 'eV' | undefined,
      delayUnit: args.flags.get('delay-unit') as 'fs' | 'ps' | 'ns' | undefined,
      signalUnit: args.flags.get('signal-unit') as 'OD' | 'mOD' | 'dT/T' | undefined,
      jacobian: args.flags.has('jacobian'),
    });
    let poly: ChirpPolynomial | null = null;
    if (args.flags.has('chirp') && args.flags.has('chirp-fit')) throw new UsageError('--chirp and --chirp-fit conflict; allowed: one of them');
    if (args.flags.has('chirp')) {
      const path = args.flags.get('chirp') as string;
      poly = parseChirpFile(readTextFile(path, '--chirp'), path);
      chirpNote = `chirp from ${path}`;
    } else if (args.flags.has('chirp-fit')) {
      const fit = fitChirpFromOnset(spectra, noiseLevel(spectra).od);
      if (fit.points <= 3) throw new UsageError(`--chirp-fit: only ${fit.points} wavelengths show a clear onset; allowed: a map with a signal well above the noise, or --chirp FILE`);
      poly = fit.poly;
      chirpNote = `chirp fitted from the onset at ${fit.points} wavelengths`;
    }
    if (poly) spectra = applyChirp(spectra, poly);
    if (poly) chirpNote += `: ${spectra.notes[spectra.notes.length - 1]}`;
  } catch (e) {
    if (e instanceof TaFileError) throw new UsageError(e.message);
    throw e;
  }
  const ex = extractTc(spectra, edge, {
    method: args.flags.get('method') as TailMethod | undefined,
    startKt: numberFlag(args, 'start-kt', 0, 10, 'kB·Tc'),
    noiseFactor: numberFlag(args, 'noise-factor', 1, 100, ''),
    windowEv: windowFlag(args),
    minDelayPs: numberFlag(args, 'min-delay-ps', -1e6, 1e6, 'ps'),
    gapShiftTerm: args.flags.has('gap-shift-term'),
  });
  const fitted = ex.delays.filter((d) => d.status === 'ok').length;
  if (args.json) {
    return toJson({
      file: args.files[0], wavelengths: spectra.energyEv.length, delays: spectra.delaysPs.length, layout: map.layout,
      edge, noiseOd: ex.noiseOd, noiseFrom: ex.noiseFrom, rule: ex.rule, method: ex.method, notes: [...map.notes, ...spectra.notes], chirp: chirpNote,
      fitted, notFitted: ex.delays.length - fitted, maxChi2: numberFlag(args, 'max-chi2', 1, 1e9, '') ?? DEFAULT_MAX_CHI2, results: ex.delays,
    });
  }
  return extractionCsv(args.files[0], spectra, edge, ex, (args.flags.get('csv-method') as 'model' | 'classic') ?? 'model', chirpNote, numberFlag(args, 'max-chi2', 1, 1e9, '') ?? DEFAULT_MAX_CHI2);
}
