// Types of the literature validation suite: one entry per published measurement, and the verdict of the model on it.

import type { SimulationInput, SimulationResult } from '../model/types.ts';

/** How close the model must come to the published value. */
export type Tolerance =
  /** model / published within [1/factor, factor]. */
  | { kind: 'factor'; factor: number }
  /** |model − published| ≤ plusMinus (in the quantity's unit). */
  | { kind: 'absolute'; plusMinus: number }
  /** The paper reports an upper bound: model ≤ limit. */
  | { kind: 'at-most'; limit: number }
  /** The paper reports a lower bound: model ≥ limit. */
  | { kind: 'at-least'; limit: number };

export interface Published {
  value: number;
  /** ± as reported or as read from the figure; null when the paper gives a bound or a rounded statement. */
  uncertainty: number | null;
  unit: string;
  /** Where the number comes from and how precisely it could be read. */
  note: string;
}

export interface Source {
  authors: string;
  journal: string;
  year: number;
  /** Figure, table or sentence of the paper the value comes from. */
  figure: string;
  /** Where the quoted text was read (the publisher's abstract page, an open-access copy …). */
  readAt: string;
}

/** One published measurement and how to compute the same quantity from the model. */
export interface ValidationEntry {
  id: string;
  title: string;
  doi: string;
  source: Source;
  /** Composition, size or film, ligands or thickness where it matters. */
  sample: string;
  /** The paper's conditions in its own units (pump, fluence/density/⟨N⟩, lattice temperature …). */
  paperConditions: Record<string, string>;
  /** How the paper's conditions become the model's inputs, and what had to be assumed. */
  conversion: string;
  /** The model runs this entry needs, by name; runs with identical inputs are shared between entries. */
  runs: Record<string, SimulationInput>;
  /** The quantity exactly as the paper defines it. */
  quantity: { name: string; definition: string; unit: string };
  published: Published;
  tolerance: Tolerance;
  toleranceReason: string;
  /** True when a model value was fitted to this measurement: then the entry does not count as validation. */
  calibration: boolean;
  /** The same quantity from the model runs (in `quantity.unit`), and a note on how it was taken. */
  measure: (runs: Record<string, SimulationResult>) => { value: number; note: string };
  /** Which mechanism a disagreement points at (for the reader of a failing entry). */
  pointsAt: string;
  /** How the entry's regime (the inputs its measurement speaks for, regime-derive.ts) is taken from its runs:
   *  by default every run, pump not part of it. */
  regime?: RegimeOptions;
}

export interface RegimeOptions {
  /** The runs the verdict speaks for (e.g. not a run computed only for a note); default: all. */
  runs?: string[];
  /** True when the verdict hinges on the pump photon energy (e.g. an injected temperature): the pump joins the regime. */
  pumpMatters?: boolean;
}

export type Verdict = 'agree' | 'disagree';

export interface EntryOutcome {
  id: string;
  title: string;
  doi: string;
  source: Source;
  sample: string;
  conditions: { paper: Record<string, string>; model: Record<string, SimulationInput>; conversion: string };
  quantity: { name: string; definition: string; unit: string };
  published: Published;
  model: { value: number | null; unit: string; note: string };
  /** model / published (for a bound: model / limit); null when the model gives no value. */
  ratio: number | null;
  tolerance: Tolerance & { band: string };
  toleranceReason: string;
  calibration: boolean;
  verdict: Verdict;
  pass: boolean;
  detail: string;
  pointsAt: string;
}

export interface ValidationSummary {
  /** Entries that count (not calibrations). */
  counted: number;
  agree: number;
  disagree: number;
  calibrations: number;
  /** agree / counted. */
  agreeFraction: number;
  distinctDois: number;
  /** The share of counted entries that must agree for the suite to pass. */
  passFraction: number;
  passed: boolean;
  simulations: number;
  wallMs: number;
}

export interface ValidationReport {
  entries: EntryOutcome[];
  summary: ValidationSummary;
}
