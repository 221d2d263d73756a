// The result guard: after every solve, a result that is not physically possible fails the run (SimulationError)
// instead of reaching a printed row. Checks: every number finite; no negative density; no temperature below zero or
// below the coldest physical floor (the lattice, or the injected carriers when they start colder) by more than the
// slack; the energy ledger balanced to LEDGER_TOLERANCE.

import { SimulationError } from './simulation-error.ts';
import type { CoolingMetrics, Derived, SimulationResult } from './types.ts';

/** Largest energy-ledger error (relative to the absorbed energy) a result may carry. */
export const LEDGER_TOLERANCE = 1e-3;
/** A temperature may lie below its floor by this fraction of the floor plus TEMPERATURE_SLACK_K (solver error). */
export const TEMPERATURE_SLACK_REL = 0.01;
export const TEMPERATURE_SLACK_K = 0.5;
/** A density may dip below zero by this fraction of the initial density (solver error around n ≈ 0). */
const DENSITY_SLACK_REL = 1e-6;

/** Carriers injected at or below the lattice temperature warm rather than cool. */
export function injectedColdK(derived: Derived, latticeK: number): boolean {
  return derived.injectionTempK <= latticeK;
}

/** The warning of a run whose carriers are injected at or below the lattice temperature. */
export function coldInjectionNote(derived: Derived, latticeK: number): string {
  return `the pump is ${(1000 * derived.excessEnergyEv).toPrecision(3)} meV above the gap: carriers are injected at `
    + `${derived.injectionTempK.toPrecision(3)} K, at or below the ${latticeK} K lattice, and warm towards it; this is not a cooling curve, so `
    + 'the cooling metrics (1/e time, bi-exponential fit, mean cooling time, time to target) are not given';
}

const METRIC_KEYS: (keyof CoolingMetrics)[] = [
  'tau1ePs', 'fastPs', 'slowPs', 'fastFraction', 'timeToTargetPs', 'initialLossRateMeVps', 'peakTcK', 'peakDelayPs', 'meanCoolingPs',
];

/**
 * Refuse a result that is not physically possible; return it unchanged otherwise.
 * @param latticeK the lattice (and surroundings) temperature before the pump
 * @throws SimulationError naming the quantity, the delay and the value, with a hint (lower --rtol)
 */
export function guardResult(r: SimulationResult, latticeK: number): SimulationResult {
  const what = `${r.derived.material.formula}${r.derived.bulk ? ' film' : ' NC'}`;
  const fail = (problem: string) => {
    throw new SimulationError(`${what}: ${problem}; the result is not physical and is not shown (try a lower --rtol, or --method rodas5)`, { derived: r.derived, solver: r.solver });
  };
  const series: [string, Float64Array][] = [
    ['delay', r.tPs], ['Tc', r.tcK], ['Tc_e', r.tcElectronK], ['Tc_h', r.tcHoleK], ['T_LO', r.tLoK], ['T_A', r.tAK], ['n', r.nCm3],
    ['carrier energy', r.energy.carriers], ['LO energy', r.energy.lo], ['acoustic energy', r.energy.acoustic],
    ['energy to the surroundings', r.energy.surroundings], ['emitted energy', r.energy.emitted], ['extracted energy', r.energy.extracted],
  ];
  for (const [name, values] of series) {
    for (let k = 0; k < values.length; k++) {
      if (!Number.isFinite(values[k])) fail(`${name} at ${r.tPs[k]} ps is ${values[k]}`);
    }
  }
  for (const key of METRIC_KEYS) {
    const v = r.metrics[key];
    if (v !== null && typeof v === 'number' && !Number.isFinite(v)) fail(`the metric ${key} is ${v}`);
  }
  if (!Number.isFinite(r.extraction.yield) || (r.extraction.meanTcK !== null && !Number.isFinite(r.extraction.meanTcK))) {
    fail('the extraction statistics are not finite');
  }
  const floorK = Math.min(latticeK, r.derived.injectionTempK);
  const lowest = floorK * (1 - TEMPERATURE_SLACK_REL) - TEMPERATURE_SLACK_K;
  for (const [name, values] of [['Tc', r.tcK], ['T_LO', r.tLoK], ['T_A', r.tAK]] as const) {
    for (let k = 0; k < values.length; k++) {
      if (values[k] < 0) fail(`${name} at ${r.tPs[k].toPrecision(4)} ps is ${values[k].toPrecision(5)} K, below absolute zero`);
      if (values[k] < lowest) {
        fail(`${name} at ${r.tPs[k].toPrecision(4)} ps is ${values[k].toPrecision(5)} K, below ${floorK === latticeK ? `the ${latticeK} K lattice` : `the ${floorK.toPrecision(4)} K injection temperature`} by more than ${TEMPERATURE_SLACK_REL * 100} % + ${TEMPERATURE_SLACK_K} K`);
      }
    }
  }
  // Electrons and holes: each starts at its own share of the excess (derived.injectionElectronK, injectionHoleK).
  for (const [name, values, injK] of [['Tc_e', r.tcElectronK, r.derived.injectionElectronK], ['Tc_h', r.tcHoleK, r.derived.injectionHoleK]] as const) {
    const floor = Math.min(latticeK, injK);
    const low = floor * (1 - TEMPERATURE_SLACK_REL) - TEMPERATURE_SLACK_K;
    for (let k = 0; k < values.length; k++) {
      if (values[k] < 0) fail(`${name} at ${r.tPs[k].toPrecision(4)} ps is ${values[k].toPrecision(5)} K, below absolute zero`);
      if (values[k] < low) fail(`${name} at ${r.tPs[k].toPrecision(4)} ps is ${values[k].toPrecision(5)} K, below ${floor.toPrecision(4)} K by more than ${TEMPERATURE_SLACK_REL * 100} % + ${TEMPERATURE_SLACK_K} K`);
    }
  }
  const n0 = r.derived.densityCm3;
  for (let k = 0; k < r.nCm3.length; k++) {
    if (r.nCm3[k] < -DENSITY_SLACK_REL * n0) fail(`the carrier density at ${r.tPs[k].toPrecision(4)} ps is ${r.nCm3[k].toExponential(3)} cm^-3, below zero`);
  }
  if (!(r.energy.maxRelError <= LEDGER_TOLERANCE)) {
    fail(`the energy ledger is off by ${r.energy.maxRelError.toPrecision(3)} of the absorbed energy, above the ${LEDGER_TOLERANCE} allowed`);
  }
  return r;
}
