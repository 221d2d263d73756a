// Every number simulate() returns, compared between two source trees on the page's sweep grid (CsPbI3 8 nm,
// densities 1e15…1e20 cm^-3): the largest relative difference, ignoring wallMs.
//   node bin/run-ts.mjs benchmarks/engine-identity.ts --src OLD_TREE [--src NEW_TREE] [--points 60]
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const srcs: string[] = [];
for (let i = 0; i < args.length; i++) if (args[i] === '--src') srcs.push(resolve(args[i + 1]));
if (srcs.length === 1) srcs.push(resolve(import.meta.dirname, '..'));
const pi = args.indexOf('--points');
const POINTS = pi >= 0 ? Number(args[pi + 1]) : 60;
const sims = await Promise.all(srcs.map(async (root) => (await import(pathToFileURL(`${root}/src/model/simulate.ts`).href)).simulate));
let worst = 0;
let where = '';
let count = 0;
const walk = (a: unknown, b: unknown, path: string): void => {
  if (path.endsWith('.wallMs')) return;
  if (typeof a === 'number' && typeof b === 'number') {
    count++;
    const d = a === b || (Number.isNaN(a) && Number.isNaN(b)) ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b));
    if (d > worst) { worst = d; where = `${path}: ${a} vs ${b}`; }
    return;
  }
  if (ArrayBuffer.isView(a) || Array.isArray(a)) {
    const x = a as ArrayLike<unknown>, y = b as ArrayLike<unknown>;
    if (x.length !== y.length) throw new Error(`${path}: length ${x.length} vs ${y.length}`);
    for (let i = 0; i < x.length; i++) walk(x[i], y[i], `${path}[${i}]`);
    return;
  }
  if (a && typeof a === 'object') {
    for (const k of new Set([...Object.keys(a), ...Object.keys(b as object)])) walk((a as never)[k], (b as never)[k], `${path}.${k}`);
    return;
  }
  if (a !== b) throw new Error(`${path}: ${String(a)} vs ${String(b)}`);
};
for (let k = 0; k < POINTS; k++) {
  const input = { composition: 'CsPbI3', edgeNm: 8, densityCm3: 1e15 * 10 ** ((5 * k) / (POINTS - 1)) };
  walk(sims[0](input), sims[1](input), `[${input.densityCm3.toExponential(3)}]`);
}
console.log(`${count} numbers over ${POINTS} trajectories; largest relative difference ${worst}${where ? ` (${where})` : ''}`);
