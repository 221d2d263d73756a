// The version and git commit that go into every output's provenance. Compiled (lib/cli/build-info.js, or bundled
// into lib/cli/main.bundle.cjs): read from lib/build-info.json, written at build time. From the sources: package.json
// and `git rev-parse HEAD`; the commit is null when git or the repository is absent, and "-modified" is appended when
// src/, cli/ or workers/ differ from it. Never throws.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { provenance, VERSION, type BuildInfo, type Provenance } from '../src/provenance.ts';

let cached: BuildInfo | undefined;

function git(args: string[], cwd: string): { ok: boolean; out: string } {
  try {
    return { ok: true, out: execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim() };
  } catch {
    return { ok: false, out: '' };
  }
}

function readJson(url: URL): Record<string, unknown> | null {
  try {
    return existsSync(url) ? (JSON.parse(readFileSync(url, 'utf8')) as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The version and commit of the running code (cached after the first call). */
export function buildInfo(): BuildInfo {
  if (cached) return cached;
  const built = !import.meta.url.endsWith('.ts') ? readJson(new URL('../build-info.json', import.meta.url)) : null;
  if (built && typeof built.version === 'string') {
    const commit = typeof built.commit === 'string' ? `${built.commit}${built.dirty ? '-modified' : ''}` : null;
    cached = { version: built.version, commit };
    return cached;
  }
  const pkg = readJson(new URL('../package.json', import.meta.url));
  const version = typeof pkg?.version === 'string' ? pkg.version : VERSION;
  const root = fileURLToPath(new URL('..', import.meta.url));
  const head = git(['rev-parse', 'HEAD'], root);
  let commit: string | null = null;
  if (head.ok && /^[0-9a-f]{40}$/.test(head.out)) {
    const clean = git(['diff', '--quiet', 'HEAD', '--', 'src', 'cli', 'workers'], root).ok;
    commit = `${head.out}${clean ? '' : '-modified'}`;
  }
  cached = { version, commit };
  return cached;
}

/** The provenance block of an output made from `inputs`, stamped with this build. */
export function stamp(inputs: unknown): Provenance {
  return provenance(inputs, buildInfo());
}

/** `hotcarrier --version`. */
export function versionText(): string {
  const b = buildInfo();
  return `hotcarrier ${b.version}${b.commit ? ` (commit ${b.commit})` : ''}`;
}
