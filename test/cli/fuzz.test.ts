// Seeded fuzzing of the `hotcarrier` command in-process (main(argv, io)): random flags and values (valid, on the
// limits, beyond them, hostile text), and random data files (valid ones mutated: quotes, BOMs, UTF-16, long lines,
// overflowing numbers, binary bytes). Every case must end in under 2 s of CPU time with exit 0, 1 or 2; a refusal
// names a parameter; nothing prints a stack trace, a non-finite value, a blank cell or a negative temperature.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/data/synthetic.ts';
import { ACCEPTOR_PARAM, AUGER_STATISTICS_PARAM, METHOD_PARAM, PARAMS, SWITCHES, choiceValues } from '../../src/model/params.ts';
import { run, type Run } from './helpers.ts';

const SEED = 20261201;
const CLI_CASES = 2000;
const DATA_CASES = 400;
const HANG_CPU_MS = 2000;
/** `trends` runs the ~40 simulations of T1–T13 by design (1.5–2.1 s of CPU here): a hang is still far beyond this. */
const TRENDS_CPU_MS = 6000;

const dir = mkdtempSync(join(tmpdir(), 'hotcarrier-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const u = mulberry32(SEED);
const pick = <T>(a: readonly T[]): T => a[Math.floor(u() * a.length)];

const HOSTILE = [
  '', ' ', 'NaN', 'Infinity', '-Infinity', '1e400', '-1e400', '1e-400', '0x10', '1_000', '1,5', '--', '-', '__proto__', 'constructor',
  'toString', '1'.repeat(100_000) + 'x', '9'.repeat(400), '1e', '.e1', '+', '1..2', '١٢٣', '1e18\u0000', '"1e18"', 'null', 'true', '[]', '{}',
];
const FLAG_NAMES = Object.values(PARAMS).map((p) => p.flag);
const COMPOSITIONS = ['CsPbI3', 'MAPbBr3', 'FA0.5Cs0.5PbI3', 'CsSnI3', 'Foo', 'Cs', 'CsPbI3'.repeat(30), 'MAPb0.5Sn0.5I3', '(', 'Cs0.1', 'constructor'];
const TEXT_FLAGS: Record<string, () => string> = {
  composition: () => pick(COMPOSITIONS),
  acceptor: () => (u() < 0.8 ? pick(choiceValues(ACCEPTOR_PARAM)) : pick(HOSTILE)),
  'auger-statistics': () => (u() < 0.8 ? pick(choiceValues(AUGER_STATISTICS_PARAM)) : pick(HOSTILE)),
  method: () => (u() < 0.8 ? pick(choiceValues(METHOD_PARAM)) : pick(HOSTILE)),
};

/** A value for a numeric flag: mostly inside the declared range (limits included), sometimes beyond or hostile. */
function numericValue(flag: string): string {
  const spec = Object.values(PARAMS).find((p) => p.flag === flag)!;
  const r = u();
  if (r < 0.55) {
    const f = u();
    const v = spec.scale === 'log' && spec.min > 0 ? spec.min * (spec.max / spec.min) ** f : spec.min + (spec.max - spec.min) * f;
    return String(spec.key === 'nPoints' ? Math.round(v) : v);
  }
  if (r < 0.7) return String(pick([spec.min, spec.max]));
  if (r < 0.85) return String(pick([spec.min / 10 - 1, spec.max * 10 + 1, -spec.max, spec.max * (1 + 1e-6)]));
  return pick(HOSTILE);
}

/** A random argv: a command, then flags (numeric, text, switches, formats, hostile names). */
function randomArgv(): string[] {
  // Mostly simulate; trends (13 checks, each several solves) rarely, so the cases stay cheap.
  const r0 = u();
  const command = r0 < 0.02 ? 'trends' : r0 < 0.06 ? 'materials' : r0 < 0.09 ? 'help' : r0 < 0.12 ? 'fit' : r0 < 0.14 ? 'bogus' : r0 < 0.15 ? '--json' : 'simulate';
  const argv = [command];
  const n = Math.floor(u() * 6);
  for (let i = 0; i < n; i++) {
    const r = u();
    if (r < 0.5) {
      const flag = pick(FLAG_NAMES);
      if (u() < 0.3) argv.push(`--${flag}=${numericValue(flag)}`);
      else argv.push(`--${flag}`, numericValue(flag));
    } else if (r < 0.65) {
      const flag = pick(Object.keys(TEXT_FLAGS));
      argv.push(`--${flag}`, TEXT_FLAGS[flag]());
    } else if (r < 0.75) argv.push(`--${pick(SWITCHES).flag}`);
    else if (r < 0.85) argv.push(pick(['--json', '--csv', '--bulk', '--help']));
    else if (r < 0.95) argv.push(`--${pick(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'no-such', 'free', 'starts', 'data', 'vary', ''])}`);
    else argv.push(pick(HOSTILE));
  }
  // Keep most simulations short, so the 2 000 cases stay within the suite's budget; the extremes come through the flags.
  if (command === 'simulate' && !argv.some((a) => a.startsWith('--t-end-ps')) && u() < 0.9) argv.push('--t-end-ps', '10');
  return argv;
}

const GOOD_ROWS = ['0.1,2000,50', '0.3,1600,40', '1,1100,30', '3,700,20', '10,420,10', '30,330,5'];

/** A data file: a valid one, mutated in one to three ways. */
function randomDataFile(i: number): string {
  let header = pick(['delay_ps,Tc_K,sigma_K', '"delay (fs)","Tc (K)","sigma (K)"', 't (ns);T (K);s (K)', '', 't (s),T,s', '# comment']);
  let rows = GOOD_ROWS.slice(0, 3 + Math.floor(u() * 4));
  let sep = ',';
  const mutations = 1 + Math.floor(u() * 3);
  let encoding: 'utf8' | 'utf16le' | 'utf16be' | 'latin1' = 'utf8';
  let bom = false;
  let binary = false;
  for (let m = 0; m < mutations; m++) {
    const k = Math.floor(u() * 14);
    if (rows.length === 0) break;
    const at = Math.floor(u() * rows.length);
    const cells = rows[at].split(',');
    const c = Math.floor(u() * cells.length);
    if (k === 0) cells[c] = pick(['1e400', '-1e400', '1e300', 'NaN', 'inf', '', '"', '""', '"1e3"', `"${cells[c]}"`, '1'.repeat(5000), '0', '-5']);
    else if (k === 1) cells.push(pick(['1', '"x,y"', '']));
    else if (k === 2) cells.splice(c, 1);
    else if (k === 3) sep = pick([';', '\t', ' ', '|']);
    else if (k === 4) bom = true;
    else if (k === 5) encoding = pick(['utf16le', 'utf16be', 'latin1']);
    else if (k === 6) header = pick(['1'.repeat(200_000) + 'x,T', `"${'a'.repeat(300)} (ps)",T`, '"delay (fs),Tc', 'delay (µs),T', 'delay,T (°C)']);
    else if (k === 7) rows = [...rows, ...rows];
    else if (k === 8) rows.reverse();
    else if (k === 9) binary = true;
    else if (k === 10) cells[0] = pick(['1e306', '1e307', '-1e12', '1e13']);
    else if (k === 11) rows = rows.slice(0, Math.floor(u() * 3));
    else if (k === 12) cells[c] = `${cells[c]}${pick(['x', ' K', '\u00a0', 'e', '.'])}`;
    else header = header.replace(/,/g, ';');
    if ((k <= 2 || k === 10 || k === 12) && at < rows.length) rows[at] = cells.join(',');
  }
  const text = [header, ...rows.map((r) => (sep === ',' ? r : r.split(',').join(sep)))].filter((l) => l !== '').join(pick(['\n', '\r\n', '\r']));
  let bytes: Buffer;
  if (binary) bytes = Buffer.concat([Buffer.from(text), Buffer.from([0, 0x89, 0xff, 0xfe, 0])]);
  else if (encoding === 'utf16be') bytes = Buffer.from(text, 'utf16le').swap16();
  else bytes = Buffer.from(text, encoding === 'utf16le' ? 'utf16le' : encoding === 'latin1' ? 'latin1' : 'utf8');
  if (bom) {
    const mark = encoding === 'utf16le' ? [0xff, 0xfe] : encoding === 'utf16be' ? [0xfe, 0xff] : [0xef, 0xbb, 0xbf];
    bytes = Buffer.concat([Buffer.from(mark), bytes]);
  }
  const path = join(dir, `case-${i}.csv`);
  writeFileSync(path, bytes);
  return path;
}

/** Words a refusal may name the parameter by: every flag in argv, its key, and the generic subjects. */
function subjects(argv: string[]): string[] {
  const words = ['unknown command', 'unexpected argument', '--data', 'excitation', 'pump', 'composition', 'needs a value', 'fit needs'];
  for (const a of argv) {
    if (!a.startsWith('--')) continue;
    const flag = a.slice(2).split('=')[0];
    words.push(`--${flag}`);
    const spec = Object.values(PARAMS).find((p) => p.flag === flag);
    if (spec) words.push(spec.key);
  }
  return words;
}

interface Finding {
  argv: string[];
  problem: string;
}

/** Everything wrong with one run. */
function problems(argv: string[], r: Run, cpuMs: number): string[] {
  const found: string[] = [];
  if (cpuMs > (argv[0] === 'trends' ? TRENDS_CPU_MS : HANG_CPU_MS)) found.push(`took ${cpuMs.toFixed(0)} ms of CPU`);
  if (![0, 1, 2].includes(r.code)) found.push(`exit ${r.code}`);
  if (/\n\s+at .+:\d+:\d+\)?\n/.test(r.err) || /^\s+at /m.test(r.err)) found.push('stack trace');
  if (r.code === 2) {
    if (r.out !== '') found.push('stdout not empty on exit 2');
    if (!subjects(argv).some((w) => r.err.includes(w))) found.push(`refusal names no parameter: ${r.err.slice(0, 200)}`);
  }
  if (r.code === 1 && r.err.trim() === '' && !argv.includes('trends')) found.push('exit 1 without a message');
  if (r.code === 0) {
    const printed = r.out.replace(/"[^"\n]*"/g, '""'); // quoted names (a file called NaN.csv) are not values
    if (/\bNaN\b|\bInfinity\b|\bundefined\b/.test(printed)) found.push('prints NaN, Infinity or undefined');
    if (argv.includes('--csv') && argv[0] === 'simulate') {
      const [model] = r.out.split('\n\n');
      for (const line of model.split('\n').filter((l) => /^[\d.]/.test(l))) {
        const cells = line.split(',');
        if (cells.some((c) => c === '')) found.push(`blank cell: ${line}`);
        if (cells.slice(1, 4).some((c) => Number(c) < 0)) found.push(`negative temperature: ${line}`);
      }
    }
    if (argv.includes('--json') && argv[0] === 'simulate' && !argv.includes('--csv') && r.out.startsWith('{')) {
      const json = JSON.parse(r.out) as { tcK?: number[]; tLoK?: number[]; tAK?: number[] };
      for (const series of [json.tcK, json.tLoK, json.tAK]) {
        if (series && series.some((v) => typeof v !== 'number' || !Number.isFinite(v) || v < 0)) found.push('a temperature in JSON is not a finite non-negative number');
      }
    }
  }
  return found;
}

async function timed(argv: string[]): Promise<{ r: Run; cpuMs: number; wallMs: number }> {
  const cpu = process.cpuUsage();
  const wall = performance.now();
  const r = await run(argv);
  const used = process.cpuUsage(cpu);
  return { r, cpuMs: (used.user + used.system) / 1000, wallMs: performance.now() - wall };
}

interface Stats {
  tally: Record<number, number>;
  maxCpuMs: number;
  maxWallMs: number;
}

/** Run one case: count its exit code, keep the slowest times, and add what is wrong with it to `findings`. */
async function fuzzCase(argv: string[], findings: Finding[], stats: Stats): Promise<void> {
  let result;
  try {
    result = await timed(argv);
  } catch (e) {
    findings.push({ argv, problem: `threw ${e instanceof Error ? e.stack : String(e)}` });
    return;
  }
  stats.tally[result.r.code] = (stats.tally[result.r.code] ?? 0) + 1;
  stats.maxCpuMs = Math.max(stats.maxCpuMs, result.cpuMs);
  stats.maxWallMs = Math.max(stats.maxWallMs, result.wallMs);
  for (const problem of problems(argv, result.r, result.cpuMs)) findings.push({ argv, problem });
}

describe(`fuzzing the CLI (seed ${SEED})`, () => {
  const findings: Finding[] = [];
  const stats: Stats = { tally: { 0: 0, 1: 0, 2: 0 }, maxCpuMs: 0, maxWallMs: 0 };

  it(`${CLI_CASES} random command lines`, async () => {
    for (let i = 0; i < CLI_CASES; i++) await fuzzCase(randomArgv(), findings, stats);
    expect(findings.map((f) => `${f.argv.map((a) => (a.length > 60 ? `${a.slice(0, 20)}…(${a.length})` : a)).join(' ')}: ${f.problem}`)).toEqual([]);
  }, 300_000);

  it(`${DATA_CASES} random data files through simulate --data`, async () => {
    const before = findings.length;
    for (let i = 0; i < DATA_CASES; i++) {
      await fuzzCase(['simulate', '--data', randomDataFile(i), '--t-end-ps', '30', ...(u() < 0.3 ? ['--csv'] : u() < 0.5 ? ['--json'] : [])], findings, stats);
    }
    expect(findings.slice(before).map((f) => `${f.argv.join(' ')}: ${f.problem}`)).toEqual([]);
    // Both kinds of outcome occur: the generator reaches the reader's refusals and its accepted files.
    console.log(`fuzz: exits ${JSON.stringify(stats.tally)}, max CPU ${stats.maxCpuMs.toFixed(0)} ms, max wall ${stats.maxWallMs.toFixed(0)} ms per case`);
    expect(stats.tally[0]).toBeGreaterThan(100);
    expect(stats.tally[2]).toBeGreaterThan(100);
  }, 300_000);
});
