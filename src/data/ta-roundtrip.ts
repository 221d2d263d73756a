// Round trip of the tail method: a simulated map (seeded noise) → extractTc → Tc(t), compared with the model's
// own carrier temperature at each delay. Used by the test and by the example that prints the README's table.

import { simulate } from '../model/simulate.ts';
import type { SimulationInput } from '../model/types.ts';
import { extractTc, type ExtractOptions } from './ta-extract.ts';
import { forwardMap, type ForwardOptions } from './ta-forward.ts';

export interface RoundTripRow {
  delayPs: number;
  truthK: number;
  model: { tK: number; sigmaK: number; chi2PerDof: number } | null;
  classic: { tK: number; sigmaK: number } | null;
  reason: string | null;
}

/** Simulate `input` (its own delay grid), make the map with `forward`, extract with `extract`; one row per delay > 0. */
export function roundTrip(input: SimulationInput, forward: ForwardOptions, extract: ExtractOptions = {}): RoundTripRow[] {
  const r = simulate(input);
  const map = forwardMap(r, forward);
  const ex = extractTc(map, map.edge, extract);
  return ex.delays.map((d) => {
    const i = Array.from(map.delaysPs).indexOf(d.delayPs);
    return {
      delayPs: d.delayPs, truthK: map.truthTcK[i], reason: d.reason,
      model: d.model ? { tK: d.model.tK, sigmaK: d.model.sigmaK, chi2PerDof: d.model.chi2PerDof } : null,
      classic: d.classic ? { tK: d.classic.tK, sigmaK: d.classic.sigmaK } : null,
    };
  });
}
