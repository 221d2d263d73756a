// Experiment (not part of the engine; run: node bin/run-ts.mjs docs/experiments/cspbi3-lo-sensitivity.ts [meV …]):
// what the validation suite and the review's trends say when CsPbI3's LO energy is another literature value.
// The sheet keeps 10.63 meV (Frost 2017's DFPT Γ mode); 15.8 meV is the dominant LO of Poncé et al. 2019's spectral
// decomposition (docs/model.md, "CsPbI3's LO energy"). Each value patches the CsPbI3 data sheet in this process
// only, so every mixture with Cs on the A site (FA0.5Cs0.5PbI3, CsPbI2Br, …) follows, as it would from the sheet.
// FAPBI3=14 as an argument also sets FAPbI3's LO energy (its sheet: 11.5 meV, a PL-linewidth value).

import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CS_PB_I3 } from '../../src/materials/compounds-cs.ts';
import { FA_PB_I3 } from '../../src/materials/compounds-hybrid.ts';
import { runTrends } from '../../src/model/trends.ts';
import { runValidation } from '../../src/validation/runner.ts';

const args = process.argv.slice(2);
const faArg = args.find((a) => a.startsWith('FAPBI3='));
const values = args.filter((a) => a !== faArg).map(Number);
if (values.some((v) => !(v > 0))) throw new Error(`LO energies must be positive numbers in meV; got ${args.join(' ')}`);
const csValues = values.length ? values : [10.63, 15.8];
const faMeV = faArg ? Number(faArg.slice('FAPBI3='.length)) : FA_PB_I3.loPhononMeV.value;
if (!(faMeV > 0)) throw new Error(`FAPBI3= must be a positive LO energy in meV; got ${faArg}`);

const WATCH = ['chung2017-cspbi3-nc-relaxation', 'chung2017-halide-ordering', 'lih2023-fast-stage-sub-ps',
  'lih2023-fast-stage-organic-shorter-than-cs', 'lih2023-cs-alloy-does-not-slow-fapbi3', 'yang2017-hybrid-stronger-bottleneck'];
const TREND_BASES = ['CsPbI3', 'FAPbI3', 'MAPbI3', 'FA0.5Cs0.5PbI3', 'CsPbI2Br', 'CsPbBr3', 'MAPbBr3', 'FAPbBr3'];

// The sheets are plain objects; a patch lasts for this process. The engine caches resolved materials by composition,
// so each value runs in a process of its own (this script, called again with that one value).
const RUN_TS = resolve(import.meta.dirname, '../../bin/run-ts.mjs');
if (csValues.length > 1) {
  for (const meV of csValues) {
    const rest = [String(meV), ...(faArg ? [faArg] : [])];
    process.stdout.write(execFileSync(process.execPath, [RUN_TS, fileURLToPath(import.meta.url), ...rest], { encoding: 'utf8' }));
  }
  process.exit(0);
}
const meV = csValues[0]!;
(CS_PB_I3.loPhononMeV as { value: number }).value = meV;
(FA_PB_I3.loPhononMeV as { value: number }).value = faMeV;
const report = runValidation();
const trends = TREND_BASES.map((composition) => {
  const r = runTrends({ composition, edgeNm: 8 });
  return `${composition} ${r.filter((t) => t.passed).length}/13 (fails ${r.filter((t) => !t.passed).map((t) => t.id).join(', ') || 'none'})`;
});
console.log(`\n## CsPbI3 LO ${meV} meV, FAPbI3 LO ${faMeV} meV`);
console.log(`validate: ${report.summary.agree}/${report.summary.counted} agree`);
for (const id of WATCH) {
  const e = report.entries.find((o) => o.id === id);
  if (e) console.log(`  ${e.pass ? 'AGREE' : 'DIFF '} ${id}: ${e.detail}`);
}
console.log(`trends at 8 nm: ${trends.join('; ')}`);
