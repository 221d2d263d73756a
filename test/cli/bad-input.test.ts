// Every bad-input path of `hotcarrier`: exit 2, empty stdout, and a message naming the parameter, the value
// and what is allowed. Out-of-range and non-finite cases are generated from the parameter table (PARAMS).

import { describe, expect, it } from 'vitest';
import { METHOD_PARAM, PARAMS, allowedRange, choiceValues } from '../../src/model/params.ts';
import { escapeRe, expectBadInput, run } from './helpers.ts';

const SPECS = Object.values(PARAMS);
const ALLOWED_IONS = [/allowed/, /Cs, FA, MA/, /Pb, Sn/, /I, Br, Cl/];

describe('composition', () => {
  for (const bad of ['XYZ', 'CsPbQ3']) {
    it(`unknown composition ${bad}`, async () => {
      expectBadInput(await run(['simulate', '--composition', bad]), { param: ['composition'], value: bad, allowed: ALLOWED_IONS });
    });
  }

  for (const [bad, site] of [['FA0.6Cs0.6PbI3', 'A'], ['CsPb0.5Sn0.6I3', 'B'], ['CsPbI2Br2', 'X']] as const) {
    it(`${site}-site fractions that do not sum to the stoichiometry: ${bad}`, async () => {
      expectBadInput(await run(['simulate', '--composition', bad]), {
        param: ['composition'], value: bad, allowed: [new RegExp(`${site}-site amounts sum to`), /must be \d/, ...ALLOWED_IONS],
      });
    });
  }

  it('empty composition', async () => {
    expectBadInput(await run(['simulate', '--composition', '']), { param: ['composition'], value: '""', allowed: /preset name or a formula/ });
  });
});

describe('edge length', () => {
  const edge = PARAMS.edgeNm;
  for (const bad of ['-3', '0']) {
    it(`edge ${bad} nm is out of range`, async () => {
      expectBadInput(await run(['simulate', '--edge-nm', bad]), { param: ['--edge-nm', 'edgeNm'], value: `= ${bad}`, allowed: new RegExp(escapeRe(allowedRange(edge))) });
    });
  }
  for (const bad of ['abc', '8nm', '', ' ']) {
    it(`non-numeric edge ${JSON.stringify(bad)}`, async () => {
      expectBadInput(await run(['simulate', '--edge-nm', bad]), { param: ['--edge-nm'], value: JSON.stringify(bad), allowed: new RegExp(escapeRe(allowedRange(edge))) });
    });
  }
  it('non-numeric edge given inline (--edge-nm=8nm)', async () => {
    expectBadInput(await run(['simulate', '--edge-nm=8nm']), { param: ['--edge-nm'], value: '"8nm"', allowed: /a number from 2 to 50 nm/ });
  });
  it('hexadecimal edge 0x8 is rejected as not a decimal number ', async () => {
    expectBadInput(await run(['simulate', '--edge-nm', '0x8', '--t-end-ps', '1', '--points', '10']), {
      param: ['--edge-nm'], value: '0x8', allowed: /a number from 2 to 50 nm/,
    });
  });
});

describe('NaN and ±Infinity for every numeric flag', () => {
  for (const spec of SPECS) {
    for (const bad of ['NaN', 'Infinity', '-Infinity']) {
      it(`--${spec.flag} ${bad}`, async () => {
        expectBadInput(await run(['simulate', `--${spec.flag}`, bad]), {
          param: [`--${spec.flag}`, spec.key], value: bad, allowed: [/allowed/, new RegExp(escapeRe(allowedRange(spec)))],
        });
      });
    }
  }
  for (const bad of ['NaN', 'Infinity', '-Infinity']) {
    it(`--pump-ev ${bad}`, async () => {
      expectBadInput(await run(['simulate', '--pump-ev', bad]), { param: ['--pump-ev'], value: bad, allowed: /allowed: a number from 1 to 6\.2 eV/ });
    });
  }
  it('--pump-ev -1 (not a positive photon energy)', async () => {
    expectBadInput(await run(['simulate', '--pump-ev', '-1']), { param: ['--pump-ev'], value: '-1', allowed: /allowed: a number from 1 to 6\.2 eV/ });
  });
});

describe('every numeric flag out of its declared range', () => {
  for (const spec of SPECS) {
    const below = spec.min > 0 ? spec.min / 10 : spec.min - 1;
    const above = spec.max * 10;
    for (const [side, v] of [['below min', below], ['above max', above]] as const) {
      it(`--${spec.flag} ${v} (${side} ${side === 'below min' ? spec.min : spec.max} ${spec.unit})`, async () => {
        const text = String(v);
        expectBadInput(await run(['simulate', `--${spec.flag}`, text]), {
          param: [`--${spec.flag}`, spec.key], value: `= ${text}`, allowed: [/out of range/, new RegExp(escapeRe(`allowed: ${allowedRange(spec)}`))],
        });
      });
    }
  }
});

describe('density beyond what the model covers', () => {
  const COVERED = /beyond what the model covers \(1e15 to 1e20 cm\^-3/;
  it('--n-per-nc 100 on a 2 nm NC (1.25e22 cm^-3)', async () => {
    expectBadInput(await run(['simulate', '--edge-nm', '2', '--pump-nm', '250', '--n-per-nc', '100']), {
      param: ['nPerNc', '--n-per-nc'], value: '= 100', allowed: COVERED,
    });
  });
  it('--n-per-nc 0.001 on a 50 nm NC (below 1e15 cm^-3)', async () => {
    expectBadInput(await run(['simulate', '--edge-nm', '50', '--n-per-nc', '0.001']), {
      param: ['nPerNc', '--n-per-nc'], value: '= 0.001', allowed: COVERED,
    });
  });
  it('a huge fluence, 10000 µJ cm^-2, on an NC', async () => {
    expectBadInput(await run(['simulate', '--fluence-uj-cm2', '10000']), { param: ['fluenceUJcm2', '--fluence-uj-cm2'], value: '= 10000', allowed: COVERED });
  });
  it('a huge fluence on a thin bulk film', async () => {
    expectBadInput(await run(['simulate', '--bulk', '--film-nm', '20', '--fluence-uj-cm2', '5000']), {
      param: ['fluenceUJcm2', '--fluence-uj-cm2'], value: '= 5000', allowed: COVERED,
    });
  });
});

describe('pump below the gap', () => {
  it('--pump-nm 900 on CsPbI3 NCs', async () => {
    expectBadInput(await run(['simulate', '--composition', 'CsPbI3', '--pump-nm', '900']), {
      param: ['--pump-nm', 'pumpNm'], value: '= 900 nm', allowed: [/below the gap/, /allowed: a wavelength shorter than \d+(\.\d+)? nm/],
    });
  });
  it('--pump-nm 750 on a CsPbI3 bulk film', async () => {
    expectBadInput(await run(['simulate', '--bulk', '--pump-nm', '750']), {
      param: ['--pump-nm', 'pumpNm'], value: '= 750 nm', allowed: [/below the gap/, /shorter than \d+(\.\d+)? nm/],
    });
  });
  it('the default 470 nm pump on a 2 nm CsPbI3 NC (confined gap 3.9 eV)', async () => {
    expectBadInput(await run(['simulate', '--edge-nm', '2']), {
      param: ['--pump-nm', 'pumpNm'], value: '= 470 nm', allowed: [/below the gap/, /2 nm NC/, /shorter than \d+(\.\d+)? nm/],
    });
  });
  it('--pump-ev 1.5 (inside the wavelength range, below the 1.8 eV gap)', async () => {
    expectBadInput(await run(['simulate', '--pump-ev', '1.5']), {
      param: ['--pump-ev', 'pumpEv', '--pump-nm', 'pumpNm'], value: /1\.50* eV/, allowed: [/below the gap/, /photon energy above \d+(\.\d+)? eV/],
    });
  });
  it('--pump-ev 1.0 exits 2 with nothing on stdout', async () => {
    const r = await run(['simulate', '--pump-ev', '1.0']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
  });
  it('--pump-ev 1.0: the message names --pump-ev, 1 eV and the gap ', async () => {
    expectBadInput(await run(['simulate', '--pump-ev', '1.0']), {
      param: ['--pump-ev', 'pumpEv'], value: /\b1(\.0+)? eV/, allowed: /gap/,
    });
  });
});

describe('conflicting options', () => {
  const ONE_OF = /give exactly one of densityCm3 \(--density\), nPerNc \(--n-per-nc\), fluenceUJcm2 \(--fluence-uj-cm2\)/;
  it('--density with --n-per-nc', async () => {
    const r = await run(['simulate', '--density', '1e18', '--n-per-nc', '1']);
    expectBadInput(r, { param: ['densityCm3', '--density'], value: /densityCm3 and nPerNc were both given/, allowed: ONE_OF });
  });
  it('--density with --fluence-uj-cm2', async () => {
    const r = await run(['simulate', '--density', '1e18', '--fluence-uj-cm2', '1']);
    expectBadInput(r, { param: ['densityCm3', '--density'], value: /densityCm3 and fluenceUJcm2 were both given/, allowed: ONE_OF });
  });
  it('--n-per-nc with --fluence-uj-cm2', async () => {
    const r = await run(['simulate', '--n-per-nc', '1', '--fluence-uj-cm2', '1']);
    expectBadInput(r, { param: ['nPerNc', '--n-per-nc'], value: /nPerNc and fluenceUJcm2 were both given/, allowed: ONE_OF });
  });
  it('--n-per-nc with --bulk', async () => {
    expectBadInput(await run(['simulate', '--bulk', '--n-per-nc', '3']), {
      param: ['--n-per-nc', 'nPerNc'], value: '= 3', allowed: [/needs a nanocrystal/, /densityCm3 or fluenceUJcm2/],
    });
  });
  it('--bulk with --edge-nm', async () => {
    expectBadInput(await run(['simulate', '--bulk', '--edge-nm', '8']), { param: ['--bulk'], value: '--edge-nm', allowed: /give one of them/ });
  });
  it('--pump-ev with --pump-nm', async () => {
    expectBadInput(await run(['simulate', '--pump-ev', '2.8', '--pump-nm', '470']), { param: ['--pump-ev'], value: '--pump-nm', allowed: /give one of them/ });
  });
});

describe('options, commands and choices', () => {
  it('unknown option', async () => {
    expectBadInput(await run(['simulate', '--foo', '3']), { param: ['unknown option'], value: '--foo', allowed: /hotcarrier simulate --help/ });
  });
  it('unknown option on materials', async () => {
    expectBadInput(await run(['materials', '--frobnicate']), { param: ['unknown option'], value: '--frobnicate', allowed: /--help/ });
  });
  it('a stray positional argument', async () => {
    expectBadInput(await run(['simulate', 'CsPbI3']), { param: ['argument'], value: '"CsPbI3"', allowed: /flags start with --/ });
  });
  for (const argv of [['simulate', '--edge-nm'], ['simulate', '--edge-nm', '--json'], ['simulate', '--composition'], ['simulate', '--acceptor']]) {
    it(`missing option value: ${argv.slice(1).join(' ')} exits 2 naming the flag`, async () => {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain(`${argv[1]} needs a value`);
    });
  }
  it('missing option value: the message says what is allowed', async () => {
    expectBadInput(await run(['simulate', '--edge-nm']), { param: ['--edge-nm'], value: 'needs a value', allowed: /2 to 50 nm/ });
  });
  it('unknown command', async () => {
    expectBadInput(await run(['frobnicate']), { param: ['command'], value: '"frobnicate"', allowed: /allowed: simulate, trends, materials/ });
  });
  it('unknown --acceptor value', async () => {
    expectBadInput(await run(['simulate', '--acceptor', 'warm']), { param: ['acceptor'], value: '"warm"', allowed: /allowed: none, hot, cold/ });
  });
  it('unknown --method value', async () => {
    expectBadInput(await run(['simulate', '--method', 'euler']), { param: ['method'], value: '"euler"', allowed: new RegExp(`allowed: ${choiceValues(METHOD_PARAM).join(', ')}$`, 'm') });
  });
  it('--points not a whole number', async () => {
    expectBadInput(await run(['simulate', '--points', '10.5']), { param: ['--points', 'nPoints'], value: '10.5', allowed: /whole number/ });
  });
  it('--t-start-ps above --t-end-ps', async () => {
    expectBadInput(await run(['simulate', '--t-start-ps', '5', '--t-end-ps', '2']), {
      param: ['tStartPs', '--t-start-ps'], value: '= 5 ps', allowed: /must be below tEndPs = 2 ps/,
    });
  });
  it('--t-start-ps equal to --t-end-ps', async () => {
    expectBadInput(await run(['simulate', '--t-start-ps', '2', '--t-end-ps', '2']), {
      param: ['tStartPs', '--t-start-ps'], value: '= 2 ps', allowed: /must be below tEndPs = 2 ps/,
    });
  });
  it('several problems at once are all reported', async () => {
    const r = await run(['simulate', '--acceptor', 'warm', '--method', 'euler', '--edge-nm', '0']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    for (const s of ['"warm"', '"euler"', '--edge-nm']) expect(r.err).toContain(s);
  });
  it('`hotcarrier help` exits 0', async () => {
    const r = await run(['help']);
    expect(r.out).toContain('Commands:');
    expect(r.code).toBe(0);
  });
});

describe('trends with bad input', () => {
  it('trends --edge-nm 0 exits 2 with the message on stderr', async () => {
    expectBadInput(await run(['trends', '--edge-nm', '0']), { param: ['--edge-nm', 'edgeNm'], value: '= 0', allowed: /2 to 50 nm/ });
  });
  it('trends --edge-nm 0 never prints NaN', async () => {
    const r = await run(['trends', '--edge-nm', '0']);
    expect(r.out + r.err).not.toMatch(/NaN/);
  });
  it('trends --composition XYZ exits 2', async () => {
    expectBadInput(await run(['trends', '--composition', 'XYZ']), { param: ['composition'], value: 'XYZ', allowed: ALLOWED_IONS });
  });
  it('trends --edge-nm abc exits 2 (parsed before any trend runs)', async () => {
    expectBadInput(await run(['trends', '--edge-nm', 'abc']), { param: ['--edge-nm'], value: '"abc"', allowed: /2 to 50 nm/ });
  });
});
