// The table examples/ta-round-trip.ts prints (and README quotes): simulated TA maps (seeded noise) → tc-extract's fit
// → Tc(t) against the model's own Tc. test/data/round-trip-readme.test.ts checks README against it.
import { roundTrip } from '../src/data/ta-roundtrip.ts';

const CASES = [
  { label: 'MAPbI3 film, 1e17 cm⁻³, no BGR', input: { composition: 'MAPbI3', edgeNm: null, densityCm3: 1e17 }, forward: { bgr: false } },
  { label: 'MAPbI3 film, 1e17 cm⁻³, with BGR', input: { composition: 'MAPbI3', edgeNm: null, densityCm3: 1e17 }, forward: {} },
  { label: 'MAPbI3 film, 1e18 cm⁻³, no BGR', input: { composition: 'MAPbI3', edgeNm: null, densityCm3: 1e18 }, forward: { bgr: false } },
  { label: 'MAPbI3 film, 1e18 cm⁻³, with BGR', input: { composition: 'MAPbI3', edgeNm: null, densityCm3: 1e18 }, forward: {} },
  { label: 'CsPbI3 8 nm NC, ⟨N⟩ 0.1, no BGR', input: { composition: 'CsPbI3', edgeNm: 8, nPerNc: 0.1 }, forward: { bgr: false } },
  { label: 'CsPbI3 8 nm NC, ⟨N⟩ 0.1, with BGR', input: { composition: 'CsPbI3', edgeNm: 8, nPerNc: 0.1 }, forward: {} },
];
const pct = (a: number, b: number) => `${(100 * (a / b - 1)).toFixed(1).replace(/^(?!-)/, '+')} %`;

/** The markdown table's lines, header first. */
export function roundTripTable(): string[] {
  const lines = ['| case | delay (ps) | model Tc (K) | bleach-model fit (K) | bias | χ²/dof | classic exponential (K) | bias |', '|---|---|---|---|---|---|---|---|'];
  for (const c of CASES) {
    const rows = roundTrip({ ...c.input, tStartPs: 0.1, tEndPs: 100, nPoints: 13 } as never, { noiseOd: 2e-5, seed: 11, ...c.forward });
    for (const r of rows.filter((_, i) => i % 3 === 0)) {
      const m = r.model ? `${r.model.tK.toFixed(0)} ± ${r.model.sigmaK.toPrecision(2)}` : `— (${r.reason ?? 'no fit'})`;
      lines.push(`| ${c.label} | ${r.delayPs.toPrecision(3)} | ${r.truthK.toFixed(0)} | ${m} | ${r.model ? pct(r.model.tK, r.truthK) : '—'} | ${r.model ? r.model.chi2PerDof.toPrecision(3) : '—'} | ${r.classic ? r.classic.tK.toFixed(0) : '—'} | ${r.classic ? pct(r.classic.tK, r.truthK) : '—'} |`);
    }
  }
  return lines;
}
