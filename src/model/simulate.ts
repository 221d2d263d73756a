// Runs one simulation: validate, derive, solve on a log-spaced delay grid, then ledger and metrics.

import { solveIvp } from '../solver/index.ts';
import { build } from './derive.ts';
import { energyLedger, loTemperatureK } from './ledger.ts';
import { coolingMetrics } from './metrics.ts';
import { CoolingModel } from './rhs.ts';
import { S, absoluteTolerances, initialState } from './state.ts';
import type { SimulationInput, SimulationResult } from './types.ts';
import { normalizeInput } from './validate.ts';
import { coldInjectionNote, guardResult, injectedColdK } from './result-guard.ts';
import { SimulationError } from './simulation-error.ts';

export { SimulationError } from './simulation-error.ts';

/** Above this carrier temperature (kB T ≈ 0.43 eV) the parabolic-band, non-degenerate model is stretched. */
const HOT_LIMIT_K = 5000;

/** Log-spaced grid of `count` delays from `startPs` to `endPs` (ps). */
export function logGrid(startPs: number, endPs: number, count: number): Float64Array {
  const grid = new Float64Array(count);
  const ratio = Math.log(endPs / startPs) / (count - 1);
  for (let k = 0; k < count; k++) grid[k] = startPs * Math.exp(ratio * k);
  grid[count - 1] = endPs;
  return grid;
}

/** Simulate hot-carrier cooling. Throws InputError on bad input, SimulationError if the solver fails or the result
 *  guard (result-guard.ts) finds a value that is not physical. */
export function simulate(input: SimulationInput): SimulationResult {
  const normalized = normalizeInput(input);
  const { derived, coefficients: c } = build(normalized);
  const model = new CoolingModel(c);
  const tEval = logGrid(normalized.tStartPs, normalized.tEndPs, normalized.nPoints);
  const y0 = initialState(c).map((v, i) => v / model.scale[i]);
  const started = performance.now();
  const sol = solveIvp(model.rhs, [c.tStartPs, normalized.tEndPs], y0, {
    method: normalized.method,
    rtol: normalized.rtol,
    atol: absoluteTolerances(c, normalized.rtol),
    jacobian: model.jacobian,
    tEval,
  });
  const wallMs = performance.now() - started;
  const solver = {
    method: sol.method, status: sol.status, message: sol.message, nfev: sol.nfev, njev: sol.njev,
    nlu: sol.nlu, nAccepted: sol.nAccepted, nRejected: sol.nRejected, wallMs,
  };
  if (sol.status !== 0) {
    throw new SimulationError(`solver failed for ${derived.material.formula}: ${sol.message}`, { derived, solver });
  }
  const t = sol.t;
  const y = sol.y.map((column, i) => column.map((v) => v * model.scale[i]));
  const m = t.length;
  const tLoK = new Float64Array(m);
  const tAK = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    tAK[k] = c.ambientK + y[S.ta][k];
    tLoK[k] = c.hotPhonons ? loTemperatureK(c.loEv, y[S.nLo][k]) : tAK[k];
  }
  const state = new Float64Array(model.size);
  const lossRateAt = (k: number) => {
    // Carrier energy lost to phonons per carrier (LO net emission + acoustic), meV ps^-1.
    for (let i = 0; i < model.size; i++) state[i] = y[i][k];
    return 1000 * model.phononLossPerCarrierEvPs(state);
  };
  const coldInjection = injectedColdK(derived, normalized.latticeK);
  if (coldInjection) derived.warnings.push(coldInjectionNote(derived, normalized.latticeK));
  const metrics = coolingMetrics(t, y[S.tc], tAK, normalized.targetK, lossRateAt, coldInjection);
  if (metrics.peakTcK > HOT_LIMIT_K) {
    derived.warnings.push(
      `carrier temperature reached ${Math.round(metrics.peakTcK)} K (Auger heating at ${derived.nPerNc === null ? `${derived.densityCm3.toExponential(1)} cm^-3` : `⟨N⟩ = ${Number(derived.nPerNc.toPrecision(3))}`}): above ${HOT_LIMIT_K} K parabolic bands and Boltzmann statistics no longer hold; treat this run as qualitative`,
    );
  }
  const energy = energyLedger(c, t, y);
  const nExt = y[S.nExt][m - 1];
  return guardResult({
    input,
    derived,
    tPs: t,
    tcK: y[S.tc],
    tLoK,
    tAK,
    nCm3: y[S.n],
    energy,
    metrics,
    extraction: { yield: nExt / c.n0Cm3, meanTcK: nExt > 1e-12 * c.n0Cm3 ? y[S.tcExt][m - 1] / nExt : null },
    solver,
  }, normalized.latticeK);
}
