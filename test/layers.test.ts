// The layers, checked on the import statements of every source file: src/ (the engine) imports nothing from
// workers/, web/ or cli/; workers/ (transport) nothing from web/ or cli/; web/ and cli/ not each other; and no
// import cycle anywhere.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const LAYERS = ['src', 'workers', 'cli', 'web'] as const;
type Layer = (typeof LAYERS)[number];

/** What each layer may import from (besides itself and packages). */
const MAY_IMPORT: Record<Layer, Layer[]> = { src: [], workers: ['src'], cli: ['src', 'workers'], web: ['src', 'workers'] };

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.(ts|mts|mjs|js)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** Relative imports of a file (static `import … from`, `export … from`, and dynamic `import('…')`), resolved. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g), ...text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((m) => m[1])
    .filter((s) => s.startsWith('.'));
  return specs.map((s) => relative(ROOT, resolve(dirname(file), s)));
}

/**
 * Back-edges allowed in the cycle check, each a lazy `import()` with its reason; any other cycle fails.
 */
// No back-edge is allowed today (batch receives the CLI runner from main instead of importing it).
const ALLOWED_BACK_EDGES = new Set<string>();

const layerOf = (path: string): Layer | null => (LAYERS as readonly string[]).includes(path.split('/')[0]) ? (path.split('/')[0] as Layer) : null;

const graph = new Map<string, string[]>();
for (const layer of LAYERS) for (const file of sourceFiles(join(ROOT, layer))) graph.set(relative(ROOT, file), importsOf(file));

describe('layers', () => {
  it('reads a real graph (every layer has files and imports)', () => {
    for (const layer of LAYERS) expect([...graph.keys()].filter((f) => layerOf(f) === layer).length, layer).toBeGreaterThan(3);
    expect([...graph.values()].flat().length).toBeGreaterThan(100);
  });

  it('imports point down only: src ← workers ← cli, web', () => {
    const upward: string[] = [];
    for (const [file, imports] of graph) {
      const from = layerOf(file)!;
      for (const target of imports) {
        const to = layerOf(target);
        if (to !== null && to !== from && !MAY_IMPORT[from].includes(to)) upward.push(`${file} → ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('the allowed back-edges are lazy imports that still exist', () => {
    for (const edge of ALLOWED_BACK_EDGES) {
      const [from, to] = edge.split(' → ');
      expect(graph.get(from), edge).toContain(to);
      const spec = `./${to.split('/').pop()}`;
      expect(readFileSync(join(ROOT, from), 'utf8'), edge).toContain(`import('${spec}')`);
    }
  });

  it('no import cycles', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const target of graph.get(file) ?? []) {
        if (graph.has(target) && !ALLOWED_BACK_EDGES.has(`${file} → ${target}`)) visit(target, [...path, file]);
      }
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
