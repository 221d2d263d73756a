// Integrate the model in two legs: through the pump pulse with steps that resolve its Gaussian, then the cooling.
//
// The generation G(t) is an explicit function of time, a quadrature for the solver. When the rest of the state is
// nearly at rest (a pump barely above the gap, T_inj ≈ T_L), the embedded error estimate no longer sees the pulse
// and a step can stride over it, losing part of the absorbed pairs (seen: 3e-4 of the absorbed energy). Capping the
// step at σ/2 from −4σ to +4σ, and letting it grow freely after, keeps the ledger at solver tolerance.

import { solveIvp } from '../solver/index.ts';
import type { MethodName, SolveIvpResult } from '../solver/types.ts';
import type { CoolingModel } from './rhs.ts';

export interface PulseSolveOptions {
  method: MethodName;
  rtol: number;
  atol: Float64Array;
  integrationStartPs: number;
  tEndPs: number;
  pulseSigmaPs: number;
  tEval: Float64Array;
}

/** Solve from integrationStartPs to tEndPs, sampling at tEval; the first leg (pulse) uses maxStep = σ/2. */
export function solveThroughPulse(model: CoolingModel, y0: Float64Array, o: PulseSolveOptions): SolveIvpResult {
  const common = { method: o.method, rtol: o.rtol, atol: o.atol, jacobian: model.jacobianFor };
  const split = 4 * o.pulseSigmaPs;
  if (!(o.pulseSigmaPs > 0) || !(split > o.integrationStartPs && split < o.tEndPs)) {
    return solveIvp(model.rhs, [o.integrationStartPs, o.tEndPs], y0, { ...common, tEval: o.tEval });
  }
  const firstEval = o.tEval.filter((t) => t < split);
  const first = solveIvp(model.rhs, [o.integrationStartPs, split], y0, {
    ...common, maxStep: o.pulseSigmaPs / 2, tEval: Float64Array.from([...firstEval, split]),
  });
  if (first.status !== 0) return first;
  const m = firstEval.length;
  const yMid = Float64Array.from(first.y, (col) => col[m]);
  // The second leg starts from the step scale the first one ended on, not from a fresh guess.
  const second = solveIvp(model.rhs, [split, o.tEndPs], yMid, { ...common, firstStep: o.pulseSigmaPs / 2, tEval: o.tEval.filter((t) => t >= split) });
  const join = (a: Float64Array, b: Float64Array) => {
    const out = new Float64Array(m + b.length);
    out.set(a.subarray(0, m));
    out.set(b, m);
    return out;
  };
  const result: SolveIvpResult = {
    ...second,
    t: join(first.t, second.t),
    y: second.y.map((col, i) => join(first.y[i], col)),
    nfev: first.nfev + second.nfev,
    njev: first.njev + second.njev,
    nlu: first.nlu + second.nlu,
    nAccepted: first.nAccepted + second.nAccepted,
    nRejected: first.nRejected + second.nRejected,
  };
  if (first.methodsUsed && second.methodsUsed) {
    result.methodsUsed = {
      odexSteps: first.methodsUsed.odexSteps + second.methodsUsed.odexSteps,
      rodasSteps: first.methodsUsed.rodasSteps + second.methodsUsed.rodasSteps,
      switches: first.methodsUsed.switches + second.methodsUsed.switches,
    };
  }
  return result;
}
