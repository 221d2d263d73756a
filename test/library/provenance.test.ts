// Provenance: the pure SHA-256 against Node's, the input hash's invariances, the version, and the stamps the CLI
// writes into JSON and CSV.

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERSION, canonicalJson, inputHash, provenance, sha256Hex } from '../../src/index.ts';
import { run } from '../cli/helpers.ts';

describe('sha256Hex', () => {
  it('equals node:crypto for lengths around the block boundaries and for multi-byte text', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (const n of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 1000]) {
      const text = Array.from({ length: n }, () => String.fromCharCode(32 + Math.floor(rand() * 300))).join('');
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
  });
});

describe('inputHash', () => {
  it('ignores key order and undefined members, and changes with any value', () => {
    const a = inputHash({ composition: 'CsPbI3', edgeNm: 8, switches: { upConversion: false, hotPhonons: true } });
    const b = inputHash({ switches: { hotPhonons: true, upConversion: false }, edgeNm: 8, composition: 'CsPbI3', x: undefined });
    expect(a).toBe(b);
    expect(a).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(inputHash({ composition: 'CsPbI3', edgeNm: 8.000001 })).not.toBe(inputHash({ composition: 'CsPbI3', edgeNm: 8 }));
    expect(canonicalJson({ t: new Float64Array([1, Number.NaN]) })).toBe('{"t":[1,null]}');
  });

  it('VERSION is the package version', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    expect(VERSION).toBe(pkg.version);
    expect(provenance({}).version).toBe(pkg.version);
  });
});

describe('the CLI stamps its outputs', () => {
  it('--version prints the version (and the commit when git knows it)', async () => {
    const r = await run(['--version']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(new RegExp(`^hotcarrier ${VERSION.replace(/\./g, '\\.')}( \\(commit [0-9a-f]{40}(-modified)?\\))?\\n$`));
  });

  it('simulate --json and --csv carry the same hash of the normalised input; a different input, a different hash', async () => {
    const json = JSON.parse((await run(['simulate', '--edge-nm', '8', '--points', '10', '--json'])).out);
    expect(json.provenance.inputHash).toBe(inputHash(json.input));
    expect(json.provenance.version).toBe(VERSION);
    const csv = (await run(['simulate', '--edge-nm', '8', '--points', '10', '--csv'])).out;
    expect(csv.split('\n')[0]).toContain(`input hash ${json.provenance.inputHash}`);
    const other = JSON.parse((await run(['simulate', '--edge-nm', '9', '--points', '10', '--json'])).out);
    expect(other.provenance.inputHash).not.toBe(json.provenance.inputHash);
  });
});
