// All validation entries, films first. Add an entry to one of the entry files; the runner reads this list. After
// adding or changing an entry, `HOTCARRIER_FROM_SOURCE=1 npx hotcarrier validate --write-verdicts` rewrites the stored
// verdicts runs report (verdicts.generated.ts; test/validation/verdicts.test.ts fails until then).

import { COMPOSITION_ENTRIES } from './entries-composition.ts';
import { FILM_ENTRIES } from './entries-films.ts';
import { NC_ENTRIES } from './entries-nc.ts';
import { NC_HALIDE_ENTRIES } from './entries-nc-halide.ts';
import { NC_PUMP_ENTRIES } from './entries-nc-pump.ts';
import type { ValidationEntry } from './types.ts';

export const ENTRIES: ValidationEntry[] = [...FILM_ENTRIES, ...NC_ENTRIES, ...NC_PUMP_ENTRIES, ...NC_HALIDE_ENTRIES, ...COMPOSITION_ENTRIES];
