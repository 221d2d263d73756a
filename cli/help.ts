// `hotcarrier help`: the command list and every option, from the parameter declarations (loaded only for help).

import { CHOICE_PARAMS, PARAMS, SWITCHES, formatLimit } from '../src/model/params.ts';
import { listPresets } from '../src/materials/index.ts';
import { MATERIAL_DEFAULT_SOURCE, materialHelpLines } from '../src/materials/fields.ts';
import { TA_SIMULATE_HELP } from './ta-simulate.ts';

/** The text of `hotcarrier help` (and of any command given --help). */
export function helpText(): string {
  const rows = Object.values(PARAMS).map((p) => {
    const unit = p.unit ? ` ${p.unit}` : '';
    return `  --${p.flag.padEnd(18)} ${p.meaning} [${formatLimit(p.min)}–${formatLimit(p.max)}${unit}; default ${formatLimit(p.default)}]`;
  });
  return [
    'hotcarrier — hot-carrier cooling in perovskite nanocrystals and films',
    '',
    'Commands:',
    '  hotcarrier --version                             version and git commit of this build',
    '  hotcarrier simulate [options] [--json | --csv]   carrier temperature vs delay, metrics, energy ledger',
    '  hotcarrier trends [--composition X] [--edge-nm L | --bulk] [--json]   the review\'s trends T1–T13',
    '  hotcarrier materials [--json]                    presets and their parameters with sources',
    '  hotcarrier validate [--json] [--lo-pool P]       the model against published measurements (exit 0 when ≥ 80 % agree, else 1)',
    '  hotcarrier validate --write-verdicts             rewrite src/validation/verdicts.generated.ts, the verdicts runs report (source checkout)',
    '  hotcarrier sweep [options] --vary FLAG=VALUES    a grid of simulations on all cores (hotcarrier sweep --help)',
    '  hotcarrier sweep … --shard K/N                    one contiguous part of a sweep; --points FILE: a list design',
    '  hotcarrier merge SHARD.csv … [--json] [--out F]  join shards: every index exactly once, in order',
    '  hotcarrier batch [--workers N]                   JSON-lines requests on stdin, replies on stdout (batch --help)',
    '  hotcarrier fit [options] --data FILE --free KEY[:min:max] [--free …] [--json]',
    '                                                   fit 1–4 parameters to measured Tc: values ± 1σ, RMS, χ²/dof',
    '                                                   KEY: a flag below (n-per-nc, density, lattice-k …) or a material',
    '                                                   field (loLifetimePs, carrierAcousticPs, epsStatic …); bounds',
    '                                                   default to the flag\'s range, or 0.2×–5× the material value',
    '                                                   --starts N: N optimiser runs (the first from the given values, the',
    '                                                   others spread over the search box); the best is kept [default 1]',
    '  hotcarrier fit [options] --data FILE@EXCITATION=V --data FILE@EXCITATION=V … --free KEY …   a global fit: shared',
    '                                                   parameters over a fluence series, the excitation per file',
    '                                                   (n-per-nc, density or fluence-uj-cm2); FILE a Tc(t) CSV or a TA',
    '                                                   map (add ,signal-unit=OD,method=fermi-dirac …); --free t0-ps and',
    '                                                   --free irf-fs add a time-zero offset and a Gaussian response',
    '  hotcarrier ta-inspect FILE [--layout L] [--orientation O] [--json]   how a transient-absorption file is read:',
    '                                                   layout, wavelengths × delays, units and where each came from',
    '  hotcarrier tc-extract FILE [options] [--json]    carrier temperature per delay from the bleach tail of a TA map,',
    '                                                   as the Tc(t) CSV that --data reads (hotcarrier tc-extract --help)',
    '',
    'Options (simulate):',
    `  --composition X        a preset (${listPresets().slice(0, 5).join(', ')} …) or a formula such as MAPb0.5Sn0.5I3 [default CsPbI3]`,
    '  --bulk                 a bulk film instead of a nanocrystal',
    '  --pump-ev E            pump photon energy in eV (instead of --pump-nm)',
    ...Object.values(CHOICE_PARAMS).map((p) =>
      `  --${`${p.flag} ${p.key === 'method' ? 'M' : p.key === 'acceptor' ? 'K' : p.key === 'loPool' ? 'P' : 'S'}`.padEnd(21)}${p.meaning}: ${p.choices.map((c) => `${c.value} (${c.meaning})`).join(' | ')} [default ${p.default}]`),
    '  --data FILE            measured carrier temperatures to compare with the model: CSV rows delay (ps), Tc (K)[, sigma (K)];',
    '                         adds a "measured vs model" line (RMS, max |Δ|, χ²/point), a "# measured" CSV block or JSON members',
    TA_SIMULATE_HELP,
    ...SWITCHES.map((sw) => `  --${sw.flag.padEnd(22)} switch off ${sw.meaning} (what-if)`),
    ...rows,
    '',
    '  --material KEY=VALUE   set a material number (repeatable; also in sweep, fit, and as a sweep axis',
    `                         --vary material.KEY=VALUES); default: ${MATERIAL_DEFAULT_SOURCE}. KEY:`,
    ...materialHelpLines('    '),
    '',
    'Excitation: give one of --density, --n-per-nc, --fluence-uj-cm2 (default --density 1e18).',
    'Exit status: 0 success, 2 bad input (the message names the parameter, value and what is allowed), 1 solver failure.',
  ].join('\n');
}
