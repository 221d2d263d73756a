// Package entry: the engine's public API (no DOM, no workers).

export { solveIvp, METHOD_NAMES } from './solver/index.ts';
export { solveIvpGlobal, type GlobalErrorOptions, type GlobalErrorReport, type GlobalErrorResult } from './solver/global-error.ts';
export type * from './solver/types.ts';
export { simulate, SimulationError, logGrid, type SimulateOptions } from './model/simulate.ts';
export { InputError, inputIssues, normalizeInput, type InputIssue } from './model/validate.ts';
export { PARAMS, type NumericParamSpec, type NumericParamKey } from './model/params.ts';
export { convertExcitation, photonFluenceCm2, crossSectionCm2 } from './model/excitation.ts';
export { confine } from './model/confinement.ts';
export { runTrends, TREND_TITLES } from './model/trends.ts';
export { listMaterials } from './model/catalog.ts';
export { resolveMaterial, listPresets, compoundSheets, frohlichAlpha, toleranceFactor, parseComposition, formatComposition } from './materials/index.ts';
export { parseMeasuredCsv, compareWithModel, modelTcAt, checkDataFileSize, DataFileError, MAX_DATA_FILE_BYTES, MAX_DATA_ROWS, type MeasuredSeries, type MeasuredComparison } from './data/measured.ts';
export { fitToMeasured, MAX_FREE_PARAMETERS, type FreeParameter, type FitOptions, type FitResult, type FittedParameter, type FitStatus } from './data/fit.ts';
export { syntheticSeries, mulberry32, gaussian, type SyntheticOptions } from './data/synthetic.ts';
export { VERSION, provenance, inputHash, canonicalJson, sha256Hex, provenanceCsvLines, type Provenance, type BuildInfo } from './provenance.ts';
export { knownDisagreementsOf, knownDisagreementText, type KnownDisagreement } from './validation/known-disagreements.ts';
export type { RegimePart, RegimePoint } from './validation/regime.ts';
export type * from './model/types.ts';
export type * from './materials/types.ts';

import { inputIssues } from './model/validate.ts';
import type { SimulationInput } from './model/types.ts';
import { knownDisagreementsAt, type KnownDisagreement } from './validation/known-disagreements.ts';
import { pointOfInput } from './validation/regime-derive.ts';

/** Problems with an input as plain messages (empty when fine); does not solve. */
export function validateInput(input: SimulationInput): string[] {
  return inputIssues(input).map((i) => i.message);
}

/**
 * The published measurements of the validation suite (`hotcarrier validate`) the model is known to disagree with in
 * this input's regime (sample kind, composition, NC edge, ⟨N⟩ or density, lattice temperature, pump where it matters),
 * from the verdicts stored with the engine (src/validation/verdicts.generated.ts); does not solve.
 * @throws InputError when the input is not valid (as simulate would)
 */
export function knownDisagreements(input: SimulationInput): KnownDisagreement[] {
  return knownDisagreementsAt(pointOfInput(input));
}
