#!/usr/bin/env node
// `--clean`: removes lib/ (run before tsc). Otherwise writes lib/build-info.json after `tsc -p tsconfig.build.json`: the package version, the git commit when git and a
// repository are present (null otherwise; never fails), the build time and the newest source modification time
// (bin/hotcarrier.mjs compares it with the sources to tell a stale build in a checkout).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { newestSource } from './newest-source.mjs';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (process.argv.includes('--clean')) {
  // before tsc: a fresh lib/, so no compiled file of a deleted source lingers
  rmSync(join(root, 'lib'), { recursive: true, force: true });
  process.exit(0);
}
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function git(args) {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
  } catch {
    return null;
  }
}

const commit = git(['rev-parse', 'HEAD']);
const dirty = commit === null ? null : (git(['status', '--porcelain', '--untracked-files=no', '--', 'src', 'cli', 'workers']) ?? '') !== '';
const sourceMtimeMs = Math.max(...['src', 'cli', 'workers'].map((d) => (existsSync(join(root, d)) ? newestSource(join(root, d)) : 0)));
const info = { version, commit, dirty, builtAt: new Date().toISOString(), sourceMtimeMs };
writeFileSync(join(root, 'lib', 'build-info.json'), JSON.stringify(info, null, 2) + '\n');
console.log(`lib/build-info.json: hotcarrier ${version}${commit ? ` (${commit.slice(0, 12)}${dirty ? ', modified' : ''})` : ''}`);
