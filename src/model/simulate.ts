// Runs one simulation: validate, derive, solve on a log-spaced delay grid, then ledger and metrics.

import { build } from './derive.ts';
import { energyLedger, loTemperatureK } from './ledger.ts';
import { coolingMetrics } from './metrics.ts';
import { CoolingModel } from './rhs.ts';
import { solveThroughPulse } from './pulse-solve.ts';
import { S, absoluteTolerances, initialState } from './state.ts';
import { HBAR2_2M0_EV_NM2, KB_EV_PER_K, NM3_PER_CM3 } from './constants.ts';
import type { SimulationInput, SimulationResult } from './types.ts';
import { normalizeInput } from './validate.ts';
import { tailFitTemperatureK, tailFitTypedK } from './observable.ts';
import { coldInjectionNote, guardResult, injectedColdK } from './result-guard.ts';
import { SimulationError } from './simulation-error.ts';

export { SimulationError } from './simulation-error.ts';

/** Above this carrier temperature (kB T ≈ 0.43 eV) the parabolic-band model is stretched. */
const HOT_LIMIT_K = 5000;
/**
 * Degeneracy parameter η = n λ_th³ / 2 (λ_th = √(2π ħ² / (m kB Tc)), spin 2): the Boltzmann occupation of the band
 * edge. The Fermi–Dirac mean energy at a given Tc exceeds the Boltzmann 3/2 kB Tc by η/2^{5/2} at first order:
 * above η = 0.5 that is more than 9 %, so the run says so. (Light perovskite masses put the effective density of
 * states near 2–4e18 cm^-3 at 300 K.)
 */
const DEGENERACY_WARN = 0.5;
/** LO occupations between −LO_NOISE and 0 are solver noise (atol of N is ≤ 1e-5). */
const LO_NOISE = 1e-6;

/** Largest degeneracy parameter over the run (lighter carrier) and where it occurs. */
export function maxDegeneracy(nCm3: Float64Array, tcK: Float64Array, massM0: number): { eta: number; k: number } {
  let eta = 0;
  let at = 0;
  for (let k = 0; k < nCm3.length; k++) {
    const lambdaNm = Math.sqrt((2 * Math.PI * 2 * HBAR2_2M0_EV_NM2) / (massM0 * KB_EV_PER_K * Math.max(tcK[k], 1)));
    const e = (nCm3[k] / NM3_PER_CM3) * lambdaNm ** 3 / 2;
    if (e > eta) { eta = e; at = k; }
  }
  return { eta, k: at };
}

/** The LO occupation class 1's electrons see at output k (resolved bins). */
function seenOccupation(model: CoolingModel, y: Float64Array[], k: number): number {
  const state = new Float64Array(model.size);
  for (let i = 0; i < model.size; i++) state[i] = y[i][k];
  return model.loOccupationSeen(state);
}

/** Log-spaced grid of `count` delays from `startPs` to `endPs` (ps). */
export function logGrid(startPs: number, endPs: number, count: number): Float64Array {
  const grid = new Float64Array(count);
  const ratio = Math.log(endPs / startPs) / (count - 1);
  for (let k = 0; k < count; k++) grid[k] = startPs * Math.exp(ratio * k);
  grid[count - 1] = endPs;
  return grid;
}

/** What a caller may leave out of a simulation it does not show. */
export interface SimulateOptions {
  /**
   * false: skip the bi-exponential fit of the cooling tail (metrics.fastPs, slowPs and fastFraction are then null,
   * "not computed"); every other number of the result is the same as with the default, true. For sweeps that do not
   * display the fit (src/sweep).
   */
  biExponential?: boolean;
}

/** Simulate hot-carrier cooling. Throws InputError on bad input, SimulationError if the solver fails or the result
 *  guard (result-guard.ts) finds a value that is not physical. */
export function simulate(input: SimulationInput, options: SimulateOptions = {}): SimulationResult {
  const normalized = normalizeInput(input);
  const { derived, coefficients: c } = build(normalized);
  const model = new CoolingModel(c);
  const tEval = logGrid(normalized.tStartPs, normalized.tEndPs, normalized.nPoints);
  // The solver sees model.solverIndex's components (the ΔT pair is left out where electrons and holes are alike, the
  // extra LO bins unless the LO population is resolved; rhs.ts).
  const y0 = model.toSolver(initialState(c).map((v, i) => v / model.scale[i]));
  const started = performance.now();
  const sol = solveThroughPulse(model, y0, {
    method: normalized.method, rtol: normalized.rtol, atol: model.toSolver(absoluteTolerances(c, normalized.rtol)),
    integrationStartPs: c.integrationStartPs, tEndPs: normalized.tEndPs, pulseSigmaPs: c.pulseSigmaPs, tEval,
  });
  const wallMs = performance.now() - started;
  const solver = {
    // nfev includes the evaluations of the resolved bins' difference Jacobian (rhs.ts, jacobianFd).
    method: sol.method, status: sol.status, message: sol.message, nfev: sol.nfev + model.fdEvaluations, njev: sol.njev,
    nlu: sol.nlu, nAccepted: sol.nAccepted, nRejected: sol.nRejected, wallMs,
  };
  if (sol.status !== 0) {
    throw new SimulationError(`solver failed for ${derived.material.formula}: ${sol.message}`, { derived, solver });
  }
  const t = sol.t;
  const y = Array.from({ length: model.size }, () => new Float64Array(sol.t.length));
  model.solverIndex.forEach((i, k) => { y[i] = sol.y[k].map((v) => v * model.scale[i]); });
  const m = t.length;
  const tLoK = new Float64Array(m);
  const tAK = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    tAK[k] = c.ambientK + y[S.ta][k];
    // A slightly negative occupation (within LO_NOISE) is solver noise at a few kelvin, where N_eq ≈ e^(−ħω/kT) is
    // below atol: the LO modes are then at the lattice temperature, which is reported. A clearly negative one is a
    // solver failure and stays NaN for the result guard to refuse.
    // With resolved bins: the occupation the class-1 electrons see over the bins (their coupling-weighted mean).
    const nLo = model.resolved ? seenOccupation(model, y, k) : y[S.nLo][k];
    tLoK[k] = !c.hotPhonons ? tAK[k] : nLo > 0 ? loTemperatureK(c.loEv, nLo) : nLo > -LO_NOISE ? tAK[k] : Number.NaN;
  }
  const poisson = c.ncAugerPerPs > 0;
  const me = c.electronMassM0;
  const mh = c.holeMassM0;
  // Electron and hole temperatures of each class: T ± ΔT/2 (state.ts).
  const typed = (T: Float64Array, D: Float64Array) => {
    const e = new Float64Array(m);
    const h = new Float64Array(m);
    for (let k = 0; k < m; k++) { e[k] = T[k] + 0.5 * D[k]; h[k] = T[k] - 0.5 * D[k]; }
    return { e, h };
  };
  const one = typed(y[S.tc], y[S.dtc]);
  const multi = poisson ? typed(y[S.tcMulti], y[S.dtcMulti]) : null;
  const tcObs = new Float64Array(m);
  const tcMean = poisson ? new Float64Array(m) : y[S.tc];
  const tcElectron = poisson ? new Float64Array(m) : one.e;
  const tcHole = poisson ? new Float64Array(m) : one.h;
  const classes = poisson && multi ? {
    singleK: y[S.tc], multiK: y[S.tcMulti], multiShare: new Float64Array(m),
    singleElectronK: one.e, singleHoleK: one.h, multiElectronK: multi.e, multiHoleK: multi.h,
  } : null;
  for (let k = 0; k < m; k++) {
    if (!classes || !multi) {
      // One class: its pair temperature while electrons and holes agree, else the typed tail reading.
      tcObs[k] = y[S.dtc][k] === 0 ? y[S.tc][k] : tailFitTypedK([{ n: 1, teK: one.e[k], thK: one.h[k] }], me, mh);
      continue;
    }
    const n = y[S.n][k];
    const s1 = Math.min(Math.max(y[S.single][k], 0), n);
    const x = n - s1;
    tcObs[k] = y[S.dtc][k] === 0 && y[S.dtcMulti][k] === 0
      ? tailFitTemperatureK(s1, y[S.tc][k], x, y[S.tcMulti][k])
      : tailFitTypedK([{ n: s1, teK: one.e[k], thK: one.h[k] }, { n: x, teK: multi.e[k], thK: multi.h[k] }], me, mh);
    tcMean[k] = n > 0 ? (s1 * y[S.tc][k] + x * y[S.tcMulti][k]) / n : y[S.tc][k];
    tcElectron[k] = n > 0 ? (s1 * one.e[k] + x * multi.e[k]) / n : one.e[k];
    tcHole[k] = n > 0 ? (s1 * one.h[k] + x * multi.h[k]) / n : one.h[k];
    classes.multiShare[k] = n > 0 ? x / n : 0;
  }
  const state = new Float64Array(model.size);
  const lossRateAt = (k: number) => {
    // Carrier energy lost to phonons per electron–hole pair (LO net emission + acoustic), meV ps^-1.
    for (let i = 0; i < model.size; i++) state[i] = y[i][k];
    return 1000 * model.phononLossPerCarrierEvPs(state);
  };
  const coldInjection = injectedColdK(derived, normalized.latticeK);
  if (coldInjection) derived.warnings.push(coldInjectionNote(derived, normalized.latticeK));
  const metrics = coolingMetrics(t, tcObs, tAK, normalized.targetK, lossRateAt, coldInjection, options.biExponential ?? true);
  if (metrics.peakTcK > HOT_LIMIT_K) {
    // Name what made the carriers this hot: the pump's excess energy at injection, or heating after it.
    const excitation = derived.nPerNc === null ? `${derived.densityCm3.toExponential(1)} cm^-3` : `⟨N⟩ = ${Number(derived.nPerNc.toPrecision(3))}`;
    const fromInjection = metrics.peakTcK <= 1.02 * c.injectionTempK;
    const cause = fromInjection
      ? `at injection: hν − Eg = ${derived.excessEnergyEv.toFixed(2)} eV per pair`
      : c.augerHeating > 0 && derived.densityCm3 > 0
        ? `Auger heating at ${excitation} raised it above the ${Math.round(c.injectionTempK)} K injection temperature`
        : `above the ${Math.round(c.injectionTempK)} K injection temperature`;
    derived.warnings.push(
      `carrier temperature reached ${Math.round(metrics.peakTcK)} K (${cause}): above ${HOT_LIMIT_K} K parabolic bands no longer hold; treat this run as qualitative`,
    );
  }
  // The lighter carrier at its own temperature (the electrons' when the masses are equal: then T_e = T_h = tcMean).
  // Electrons or holes above the parabolic-band limit and hotter than the reported Tc says (unequal masses).
  let typePeak = 0;
  let typeAt = 0;
  for (let k = 0; k < m; k++) {
    const v = Math.max(tcElectron[k], tcHole[k]);
    if (v > typePeak) { typePeak = v; typeAt = k; }
  }
  if (typePeak > HOT_LIMIT_K && typePeak > 1.02 * metrics.peakTcK) {
    const which = tcElectron[typeAt] >= tcHole[typeAt] ? 'electrons' : 'holes';
    derived.warnings.push(
      `the ${which} reached ${Math.round(typePeak)} K at ${Number(t[typeAt].toPrecision(3))} ps (the lighter carrier takes the larger share of the excess): above ${HOT_LIMIT_K} K parabolic bands no longer hold; treat this run as qualitative`,
    );
  }
  const lightIsHole = derived.material.holeMassM0 < derived.material.electronMassM0;
  const lightMass = lightIsHole ? derived.material.holeMassM0 : derived.material.electronMassM0;
  const lightTc = lightIsHole ? tcHole : tcElectron;
  const degeneracy = maxDegeneracy(y[S.n], lightTc, lightMass);
  if (degeneracy.eta > DEGENERACY_WARN) {
    derived.warnings.push(
      `degenerate carriers: n λ_th³/2 reaches ${degeneracy.eta.toFixed(2)} at ${Number(t[degeneracy.k].toPrecision(3))} ps (n ${y[S.n][degeneracy.k].toExponential(2)} cm^-3, T_${lightIsHole ? 'h' : 'e'} ${Math.round(lightTc[degeneracy.k])} K); ` +
      `above ${DEGENERACY_WARN} Boltzmann statistics misstate the carrier energy at a given Tc by more than 9 % (Fermi–Dirac statistics are not modelled)`,
    );
  }
  const energy = energyLedger(c, t, y);
  const nExt = y[S.nExt][m - 1];
  return guardResult({
    input,
    derived,
    tPs: t,
    tcK: tcObs,
    tcMeanK: tcMean,
    tcElectronK: tcElectron,
    tcHoleK: tcHole,
    classes,
    tLoK,
    tAK,
    nCm3: y[S.n],
    energy,
    metrics,
    extraction: { yield: nExt / c.n0Cm3, meanTcK: nExt > 1e-12 * c.n0Cm3 ? y[S.tcExt][m - 1] / nExt : null },
    solver,
  }, normalized.latticeK);
}
