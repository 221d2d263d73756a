// The `hotcarrier` command: simulate, fit, trends, materials, sweep (the app layer over src/ and workers/). Exit 0 on success, 2 on bad input, 1 on a solver failure.

import { listMaterials } from '../src/model/catalog.ts';
import { ACCEPTOR_PARAM, AUGER_STATISTICS_PARAM, METHOD_PARAM, PARAMS, SWITCHES, formatLimit } from '../src/model/params.ts';
import { SimulationError, simulate } from '../src/model/simulate.ts';
import { runTrends } from '../src/model/trends.ts';
import { InputError } from '../src/model/validate.ts';
import { compoundSheets, listPresets } from '../src/materials/index.ts';
import { UsageError, parseArgs } from './args.ts';
import { measuredCsv, measuredJson, measuredText, readMeasuredFile } from './data-file.ts';
import { compareWithModel } from '../src/data/measured.ts';
import { runFit } from './fit-command.ts';
import type { Io } from './io.ts';
import { versionText } from './build-info.ts';
import { MATERIAL_DEFAULT_SOURCE, materialHelpLines } from '../src/materials/fields.ts';
import { runValidateCommand } from './validate.ts';
import { materialsText, simulationCsv, simulationJson, simulationText, toJson, trendsText } from './format.ts';

export type { Io } from './io.ts';

const defaultIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
};

function helpText(): string {
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
    '  hotcarrier validate [--json]                     the model against published measurements (exit 0 when ≥ 80 % agree, else 1)',
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
    '',
    'Options (simulate):',
    `  --composition X        a preset (${listPresets().slice(0, 5).join(', ')} …) or a formula such as MAPb0.5Sn0.5I3 [default CsPbI3]`,
    '  --bulk                 a bulk film instead of a nanocrystal',
    '  --pump-ev E            pump photon energy in eV (instead of --pump-nm)',
    ...[ACCEPTOR_PARAM, AUGER_STATISTICS_PARAM, METHOD_PARAM].map((p) =>
      `  --${`${p.flag} ${p.key === 'method' ? 'M' : p.key === 'acceptor' ? 'K' : 'S'}`.padEnd(21)}${p.meaning}: ${p.choices.map((c) => `${c.value} (${c.meaning})`).join(' | ')} [default ${p.default}]`),
    '  --data FILE            measured carrier temperatures to compare with the model: CSV rows delay (ps), Tc (K)[, sigma (K)];',
    '                         adds a "measured vs model" line (RMS, max |Δ|, χ²/point), a "# measured" CSV block or JSON members',
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

/** Flags trends and materials read (besides --help); any other flag is refused, never silently ignored. */
const COMMAND_FLAGS: Record<string, readonly string[]> = {
  trends: ['composition', 'edge-nm', 'bulk', 'json'],
  materials: ['json'],
};

function refuseUnusedFlags(command: string, given: Set<string>): void {
  const used = Object.hasOwn(COMMAND_FLAGS, command) ? COMMAND_FLAGS[command] : null;
  if (used === null) return;
  const unused = [...given].filter((f) => !used.includes(f) && f !== 'help' && f !== 'h');
  if (unused.length > 0) {
    throw new UsageError(`${unused.map((f) => `--${f}`).join(', ')} ${unused.length === 1 ? 'does' : 'do'} not apply to ${command} (${command === 'trends' ? 'each trend sets its own excitation, pump and solver options' : 'it lists the presets'}); allowed: ${used.length ? used.map((f) => `--${f}`).join(', ') : 'no options'}`);
  }
}

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  if (argv[0] === '--version' || argv[0] === 'version') {
    io.out(versionText());
    return 0;
  }
  if (argv[0] === 'sweep') {
    // sweep runs on worker threads: loaded only when asked for, so the other commands start without them
    const { sweepMain } = await import('./sweep.ts');
    return sweepMain(argv.slice(1), io);
  }
  if (argv[0] === 'batch') {
    const { batchMain } = await import('./batch.ts');
    return batchMain(argv.slice(1), io);
  }
  if (argv[0] === 'merge') {
    const { mergeMain } = await import('./merge.ts');
    return mergeMain(argv.slice(1), io);
  }
  try {
    const args = parseArgs(argv);
    if (args.help || args.command === 'help') {
      io.out(helpText());
      return 0;
    }
    if (args.data !== undefined && args.command !== 'simulate' && args.command !== 'fit') throw new UsageError(`--data applies to simulate only, not ${args.command} (and to fit); allowed: hotcarrier simulate [options] --data FILE or hotcarrier fit [options] --data FILE --free KEY`);
    if (args.free.length > 0 && args.command !== 'fit') throw new UsageError(`--free applies to fit only, not ${args.command}; allowed: hotcarrier fit [options] --data FILE --free KEY[:min:max]`);
    refuseUnusedFlags(args.command, args.given);
    if (args.starts !== undefined && args.command !== 'fit') throw new UsageError(`--starts applies to fit only, not ${args.command}; allowed: hotcarrier fit [options] --data FILE --free KEY --starts N`);
    switch (args.command) {
      case 'simulate': {
        const data = args.data === undefined ? null : readMeasuredFile(args.data); // refuse a bad file before solving
        const result = simulate(args.input);
        if (data === null) {
          io.out(args.format === 'json' ? simulationJson(result) : args.format === 'csv' ? simulationCsv(result) : simulationText(result));
          return 0;
        }
        const comparison = compareWithModel(result, data);
        io.out(args.format === 'json'
          ? simulationJson(result, measuredJson(result, data, comparison))
          : args.format === 'csv'
            ? `${simulationCsv(result)}\n\n${measuredCsv(result, data, comparison)}`
            : `${simulationText(result)}\n${measuredText(result, data, comparison)}`);
        return 0;
      }
      case 'fit':
        io.out(runFit(args));
        return 0;
      case 'trends': {
        const edge = args.given.has('bulk') ? null : args.given.has('edge-nm') ? args.input.edgeNm : undefined;
        const results = runTrends({ composition: args.given.has('composition') ? args.input.composition : undefined, edgeNm: edge });
        io.out(args.format === 'json' ? toJson(results) : trendsText(results));
        return results.every((t) => t.passed) ? 0 : 1;
      }
      case 'validate': {
        const [text, code] = runValidateCommand(args.format, args.given);
        io.out(text);
        return code;
      }
      case 'materials': {
        const entries = listMaterials();
        io.out(args.format === 'json' ? toJson({ presets: entries, endMembers: compoundSheets() }) : materialsText(entries));
        return 0;
      }
      default:
        io.err(`unknown command ${JSON.stringify(args.command)}; allowed: simulate, trends, materials, validate, sweep, merge, batch, fit, help (or --version)`);
        return 2;
    }
  } catch (e) {
    if (e instanceof UsageError || e instanceof InputError) {
      io.err(`error: ${e.message}`);
      return 2;
    }
    if (e instanceof SimulationError) {
      io.err(`solver error: ${e.message}`);
      return 1;
    }
    throw e;
  }
}
