// Every number simulate() returns, compared between two source trees on the page's sweep grid (CsPbI3 8 nm,
// densities 1e15…1e20 cm^-3): the largest relative difference, ignoring wallMs.
//   node bin/run-ts.mjs benchmarks/engine-identity.ts --src OLD_TREE [--src NEW_TREE] [--points 60] [--wide]
// --wide: instead, 120 inputs beyond the page's case: five compositions × three NC sizes and a film × three
// densities, and CsPbI3 (6 nm and film, 1e17 and 1e19) with mean-field statistics, hot and cold acceptors, resolved
// LO bins, 80 K, each mechanism switched off, unequal masses, rodas5, odex, rtol 1e-8 and an impulsive pump; a run
// refused in both trees compares its message.
// --no-counters: leave out the solver's counters (`.solver.*`: evaluations, steps, rejections), so that a change of
// step sequence is judged by what it does to the physics (Tc, the ledger, the metrics), scaled by the largest |value|
// of the same array (a component that passes through zero is not read as a large relative change), the energy
// ledger's terms by the largest of its terms.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const srcs: string[] = [];
for (let i = 0; i < args.length; i++) if (args[i] === '--src') srcs.push(resolve(args[i + 1]));
if (srcs.length === 1) srcs.push(resolve(import.meta.dirname, '..'));
const pi = args.indexOf('--points');
const POINTS = pi >= 0 ? Number(args[pi + 1]) : 60;
const sims = await Promise.all(srcs.map(async (root) => (await import(pathToFileURL(`${root}/src/model/simulate.ts`).href)).simulate));
const NO_COUNTERS = args.includes('--no-counters');
let worst = 0;
let where = '';
let count = 0;
const walk = (a: unknown, b: unknown, path: string, scale = 0): void => {
  if (path.endsWith('.wallMs')) return;
  if (NO_COUNTERS && path.includes('.solver.')) return;
  if (typeof a === 'number' && typeof b === 'number') {
    count++;
    const d = a === b || (Number.isNaN(a) && Number.isNaN(b)) ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), scale);
    if (d > worst) { worst = d; where = `${path}: ${a} vs ${b}`; }
    return;
  }
  if (ArrayBuffer.isView(a) || Array.isArray(a)) {
    const x = a as ArrayLike<unknown>, y = b as ArrayLike<unknown>;
    if (x.length !== y.length) throw new Error(`${path}: length ${x.length} vs ${y.length}`);
    let s = scale;
    if (NO_COUNTERS) for (let i = 0; i < x.length; i++) if (typeof x[i] === 'number' && Number.isFinite(x[i] as number)) s = Math.max(s, Math.abs(x[i] as number));
    for (let i = 0; i < x.length; i++) walk(x[i], y[i], `${path}[${i}]`, s);
    return;
  }
  if (a && typeof a === 'object') {
    // The energy ledger's terms are read against the largest of them (a pool held at the lattice is 0 ± rounding).
    let s = scale;
    if (NO_COUNTERS && path.endsWith('.energy')) for (const v of Object.values(a)) if (ArrayBuffer.isView(v)) for (const x of v as Float64Array) if (Number.isFinite(x)) s = Math.max(s, Math.abs(x));
    for (const k of new Set([...Object.keys(a), ...Object.keys(b as object)])) walk((a as never)[k], (b as never)[k], `${path}.${k}`, s);
    return;
  }
  if (a !== b) throw new Error(`${path}: ${String(a)} vs ${String(b)}`);
};
if (args.includes('--wide')) {
  const cases: Record<string, unknown>[] = [];
  for (const composition of ['CsPbI3', 'FAPbI3', 'MAPbBr3', 'CsSnI3', 'CsPbI2Br']) {
    for (const edgeNm of [5, 8, 12, null]) {
      for (const densityCm3 of [1e16, 3e18, 1e20]) cases.push({ composition, edgeNm, densityCm3, ...(composition.includes('Br') ? { pumpNm: 400 } : {}) });
    }
  }
  const variants: Record<string, unknown>[] = [
    { augerStatistics: 'mean-field' }, { acceptor: 'hot' }, { acceptor: 'cold' }, { loPool: 'resolved' }, { latticeK: 80 },
    { switches: { hotPhonons: false } }, { switches: { screening: false } }, { switches: { maxwellAverage: false } },
    { switches: { intrinsicBottleneck: false } }, { switches: { ligandBypass: false, upConversion: false } },
    { materialOverrides: { electronMassM0: 0.15, holeMassM0: 0.3 } }, { method: 'rodas5' }, { method: 'odex' }, { rtol: 1e-8 }, { pulseFwhmFs: 0 },
  ];
  for (const v of variants) for (const edgeNm of [6, null]) for (const densityCm3 of [1e17, 1e19]) cases.push({ composition: 'CsPbI3', edgeNm, densityCm3, ...v });
  const run = (sim: (input: unknown) => unknown, input: unknown) => {
    try {
      return sim(input);
    } catch (error) {
      return { refused: (error as Error).message };
    }
  };
  for (const input of cases) walk(run(sims[0], input), run(sims[1], input), JSON.stringify(input));
  console.log(`${count} numbers over ${cases.length} inputs; largest relative difference ${worst}${where ? ` (${where})` : ''}`);
} else {
  for (let k = 0; k < POINTS; k++) {
    const input = { composition: 'CsPbI3', edgeNm: 8, densityCm3: 1e15 * 10 ** ((5 * k) / (POINTS - 1)) };
    walk(sims[0](input), sims[1](input), `[${input.densityCm3.toExponential(3)}]`);
  }
  console.log(`${count} numbers over ${POINTS} trajectories; largest relative difference ${worst}${where ? ` (${where})` : ''}`);
}
