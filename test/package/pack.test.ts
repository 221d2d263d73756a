// The packed package as a user gets it. A copy of the sources (without git, so the build's "no git" path runs too)
// with the lib/ that the global setup compiled (the same steps as `npm run build:lib`, which `prepare` runs) is
// packed with `npm pack` — scripts skipped, so the suite compiles the package once, not twice — installed into an
// empty folder with `npm install ./hotcarrier-*.tgz`, and used there on plain Node: `import { simulate } from
// 'hotcarrier'`, the `./node-pool` subpath (a worker runs compiled JavaScript) and the installed `hotcarrier` command.

import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const COPIED = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'bin', 'src', 'cli', 'workers', 'lib'];

interface Exit { code: number; stdout: string; stderr: string }

function run(file: string, args: string[], cwd: string, extraEnv: Record<string, string> = {}): Promise<Exit> {
  const env: Record<string, string | undefined> = { ...process.env, ...extraEnv };
  delete env.NODE_OPTIONS; // plain Node: no loader from the test runner
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd, env, timeout: 240_000, maxBuffer: 16 << 20 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') return reject(new Error(`${file} ${args.join(' ')}: ${error.message}\n${stderr}`));
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

let tmp = '';
let app = '';

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'hotcarrier-pack-'));
  const source = join(tmp, 'source');
  for (const name of COPIED) cpSync(join(ROOT, name), join(source, name), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(source, 'node_modules'), 'dir');
  // prepare's last step in the copy: build-info.json without git (commit null), newer than the copied sources
  const info = await run(process.execPath, ['bin/build-info.mjs'], source);
  expect(info.code, info.stderr).toBe(0);
  const packed = await run('npm', ['pack', '--ignore-scripts', '--pack-destination', tmp], source);
  expect(packed.code, packed.stderr).toBe(0);
  const tgz = readdirSync(tmp).find((f) => /^hotcarrier-.*\.tgz$/.test(f));
  expect(tgz, 'npm pack wrote no hotcarrier-*.tgz').toBeDefined();
  app = join(tmp, 'app');
  cpSync(join(tmp, tgz!), join(app, tgz!));
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'pack-test-app', version: '1.0.0', private: true }));
  const installed = await run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', `./${tgz}`], app);
  expect(installed.code, installed.stderr).toBe(0);
}, 240_000);

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the packed package installed in an empty folder', () => {
  it('is built by prepare when packed from a checkout (npm run build:lib: clean, tsc, the CLI bundle, build info)', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.prepare).toBe('npm run build:lib');
    expect(pkg.scripts['build:lib']).toBe('node bin/build-info.mjs --clean && tsc -p tsconfig.build.json && node bin/bundle-cli.mjs && node bin/build-info.mjs');
  });

  it('says which build it is: the version, and no commit when built without git', () => {
    const info = JSON.parse(readFileSync(join(app, 'node_modules', 'hotcarrier', 'lib', 'build-info.json'), 'utf8')) as { version: string; commit: unknown };
    expect(info.version).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    expect(info.commit).toBeNull();
  });

  it('holds the compiled JavaScript and declarations, not the TypeScript sources', () => {
    const lib = join(app, 'node_modules', 'hotcarrier');
    const top = readdirSync(lib).sort();
    expect(top).toContain('lib');
    expect(top).not.toContain('src');
    expect(readdirSync(join(lib, 'lib', 'src'))).toEqual(expect.arrayContaining(['index.js', 'index.d.ts']));
  });

  it('import { simulate } from "hotcarrier" runs a simulation on plain Node', async () => {
    const script = `import { simulate, PARAMS } from 'hotcarrier';
const r = simulate({ composition: 'CsPbI3', edgeNm: 8, nPerNc: 0.1, nPoints: 40 });
console.log(JSON.stringify({ n: r.tcK.length, finite: Array.from(r.tcK).every(Number.isFinite), peak: Math.max(...r.tcK), params: Object.keys(PARAMS).length }));`;
    const r = await run(process.execPath, ['--input-type=module', '-e', script], app);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.n).toBe(40);
    expect(out.finite).toBe(true);
    expect(out.peak).toBeGreaterThan(1000); // a hot-carrier transient, not a flat line at the lattice temperature
    expect(out.params).toBeGreaterThan(5);
  });

  it('the node-pool subpath runs a simulation in a worker thread from compiled JavaScript', async () => {
    const script = `import { createNodeEnginePool } from 'hotcarrier/node-pool';
const pool = createNodeEnginePool({ size: 1 });
try {
  const r = await pool.simulate({ composition: 'CsPbI3', edgeNm: 8, nPerNc: 0.1, nPoints: 20 });
  console.log(r.tcK.length);
} finally { pool.close(); }`;
    const r = await run(process.execPath, ['--input-type=module', '-e', script], app);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.trim()).toBe('20');
  });

  it('the installed hotcarrier command runs from node_modules/.bin', async () => {
    const r = await run(join(app, 'node_modules', '.bin', 'hotcarrier'), ['simulate', '--composition', 'CsPbI3', '--edge-nm', '8', '--n-per-nc', '0.1', '--points', '20', '--csv'], app);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n').filter((l) => /^\d/.test(l)).length).toBeGreaterThanOrEqual(20);
  });

  it('runs its one-module bundle with the V8 code cache it ships, whatever order npm unpacked the files in', async () => {
    const bin = join(app, 'node_modules', '.bin', 'hotcarrier');
    const env = { HOTCARRIER_TRACE_STARTUP: '1' };
    const r = await run(bin, ['simulate', '--composition', 'CsPbI3', '--points', '20'], app, env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/hotcarrier start-up: .*lib[\\/]cli[\\/]main\.bundle\.cjs, code cache used/);
  });
});
