// The `hotcarrier` command: simulate, fit, trends, materials, sweep (the app layer over src/ and workers/). Exit 0 on
// success, 2 on bad input, 1 on a solver failure. Each command's modules are imported when it is run, so a process
// that runs one command (`simulate`, `--version`) loads only what that command needs: start-up time is mostly
// module loading (benchmarks/cli-startup.ts).

import type { Io } from './io.ts';
import { versionText } from './build-info.ts';

export type { Io } from './io.ts';

const defaultIo: Io = {
  out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
  err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
};

/** Flags trends and materials read (besides --help); any other flag is refused, never silently ignored. */
const COMMAND_FLAGS: Record<string, readonly string[]> = {
  trends: ['composition', 'edge-nm', 'bulk', 'json'],
  materials: ['json'],
};

/** The refusal of flags `command` does not read, or null when it reads them all. */
function unusedFlagsProblem(command: string, given: Set<string>): string | null {
  const used = Object.hasOwn(COMMAND_FLAGS, command) ? COMMAND_FLAGS[command] : null;
  if (used === null) return null;
  const unused = [...given].filter((f) => !used.includes(f) && f !== 'help' && f !== 'h');
  return unused.length === 0 ? null : `${unused.map((f) => `--${f}`).join(', ')} ${unused.length === 1 ? 'does' : 'do'} not apply to ${command} (${command === 'trends' ? 'each trend sets its own excitation, pump and solver options' : 'it lists the presets'}); allowed: ${used.length ? used.map((f) => `--${f}`).join(', ') : 'no options'}`;
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
    return batchMain(argv.slice(1), io, process.stdin, main);
  }
  if (argv[0] === 'merge') {
    const { mergeMain } = await import('./merge.ts');
    return mergeMain(argv.slice(1), io);
  }
  // after --version, which needs none of them: the flag parser (which reads the parameter table) and the errors
  const [{ UsageError, parseArgs }, { InputError }, { SimulationError }] = await Promise.all([
    import('./args.ts'), import('../src/model/validate.ts'), import('../src/model/simulation-error.ts')]);
  try {
    if (argv[0] === 'ta-inspect') {
      io.out((await import('./ta-inspect.ts')).taInspectMain(argv.slice(1)));
      return 0;
    }
    if (argv[0] === 'tc-extract') {
      io.out((await import('./tc-extract.ts')).tcExtractMain(argv.slice(1)));
      return 0;
    }
    // the TA writer only when a --ta flag is given
    const taFlags = argv[0] === 'simulate' && argv.some((a) => a.startsWith('--ta'));
    const { rest, ta } = taFlags ? (await import('./ta-simulate.ts')).splitTaFlags(argv) : { rest: argv, ta: null };
    const args = parseArgs(rest);
    if (args.help || args.command === 'help') {
      io.out((await import('./help.ts')).helpText());
      return 0;
    }
    if (args.data !== undefined && args.command !== 'simulate' && args.command !== 'fit') throw new UsageError(`--data applies to simulate only, not ${args.command} (and to fit); allowed: hotcarrier simulate [options] --data FILE or hotcarrier fit [options] --data FILE --free KEY`);
    if (args.free.length > 0 && args.command !== 'fit') throw new UsageError(`--free applies to fit only, not ${args.command}; allowed: hotcarrier fit [options] --data FILE --free KEY[:min:max]`);
    const unused = unusedFlagsProblem(args.command, args.given);
    if (unused !== null) throw new UsageError(unused);
    if (args.given.has('write-verdicts') && args.command !== 'validate') throw new UsageError(`--write-verdicts applies to validate only, not ${args.command}; allowed: hotcarrier validate --write-verdicts`);
    if (args.starts !== undefined && args.command !== 'fit') throw new UsageError(`--starts applies to fit only, not ${args.command}; allowed: hotcarrier fit [options] --data FILE --free KEY --starts N`);
    switch (args.command) {
      case 'simulate': {
        const dataFile = args.data === undefined ? null : await import('./data-file.ts');
        const data = dataFile === null ? null : dataFile.readMeasuredFile(args.data as string); // refuse a bad file before solving
        const [{ simulate }, { simulationCsv, simulationJson, simulationText }] = await Promise.all([import('../src/model/simulate.ts'), import('./format.ts')]);
        const result = simulate(args.input);
        if (ta !== null) {
          if (data !== null || args.format !== 'text') throw new UsageError('--ta writes the map alone; allowed: --ta without --data, --json or --csv');
          io.out((await import('./ta-simulate.ts')).simulatedTaText(result, ta));
          return 0;
        }
        if (data === null) {
          io.out(args.format === 'json' ? simulationJson(result) : args.format === 'csv' ? simulationCsv(result) : simulationText(result));
          return 0;
        }
        const { measuredCsv, measuredJson, measuredText } = dataFile!;
        const comparison = (await import('../src/data/measured.ts')).compareWithModel(result, data);
        io.out(args.format === 'json'
          ? simulationJson(result, measuredJson(result, data, comparison))
          : args.format === 'csv'
            ? `${simulationCsv(result)}\n\n${measuredCsv(result, data, comparison)}`
            : `${simulationText(result)}\n${measuredText(result, data, comparison)}`);
        return 0;
      }
      case 'fit':
        io.out((await import('./fit-command.ts')).runFit(args));
        return 0;
      case 'trends': {
        const edge = args.given.has('bulk') ? null : args.given.has('edge-nm') ? args.input.edgeNm : undefined;
        const [{ runTrends }, { toJson, trendsText }] = await Promise.all([import('../src/model/trends.ts'), import('./format.ts')]);
        const results = runTrends({ composition: args.given.has('composition') ? args.input.composition : undefined, edgeNm: edge });
        io.out(args.format === 'json' ? toJson(results) : trendsText(results));
        return results.every((t) => t.passed) ? 0 : 1;
      }
      case 'validate': {
        const [text, code] = (await import('./validate.ts')).runValidateCommand(args.format, args.given, args.input.loPool);
        io.out(text);
        return code;
      }
      case 'materials': {
        const [{ listMaterials }, { compoundSheets }, { materialsText, toJson }] = await Promise.all([
          import('../src/model/catalog.ts'), import('../src/materials/index.ts'), import('./format.ts')]);
        const entries = listMaterials();
        io.out(args.format === 'json' ? toJson({ presets: entries, endMembers: compoundSheets() }) : materialsText(entries));
        return 0;
      }
      default:
        io.err(`unknown command ${JSON.stringify(args.command)}; allowed: simulate, trends, materials, validate, sweep, merge, batch, fit, ta-inspect, tc-extract, help (or --version)`);
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
