// Writes examples/synthetic-tc-fit.csv: model data with seeded noise, for trying `hotcarrier fit`.
// Run: node bin/run-ts.mjs examples/make-synthetic-tc-fit.ts   (rerun whenever the model changes; a test says when)

import { writeFileSync } from 'node:fs';
import { SYNTHETIC_TC_FIT_COUNT, syntheticTcFitCsv } from './synthetic-tc-fit-data.ts';

writeFileSync(new URL('./synthetic-tc-fit.csv', import.meta.url), syntheticTcFitCsv());
console.log(`wrote examples/synthetic-tc-fit.csv (${SYNTHETIC_TC_FIT_COUNT} rows)`);
