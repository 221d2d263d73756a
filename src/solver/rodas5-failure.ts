// Why Rodas5 rejected its last trial step, and the failure it reports when the step size then underflows.
import { worstComponent } from './step-control.ts';
import type { SolveFailure } from './types.ts';

/** Why the last trial step was rejected (named in the failure when the step size then underflows). */
export const enum Reject { None, Error, NonFiniteStage, NonFiniteState, NonFiniteJacobian, Singular }

/** What the underflow message needs to know about the last trial step. */
export interface UnderflowContext {
  why: Reject;
  /** Bad component (non-finite value) or pivot column, −1 when unknown. */
  comp: number;
  /** Names the bad Jacobian entry (for Reject.NonFiniteJacobian). */
  jacobianEntry: () => string;
  /** Last embedded error estimate (e[eOff + i]) with the states around it, for the worst component. */
  e: Float64Array;
  eOff: number;
  y: Float64Array;
  yNew: Float64Array;
  atol: Float64Array;
  rtol: number;
  n: number;
  /** The matrix factored per step, for the singular-matrix text (default: rodas5's I/(hγ) − J). */
  matrix?: string;
}

/** The failure when h has fallen to rounding level at t, naming what the last rejection saw. */
export function underflowFailure(t: number, h: number, c: UnderflowContext): SolveFailure {
  const at = `at t = ${t} (h = ${h})`;
  const fail = (kind: SolveFailure['kind'], cause: string): SolveFailure => ({ kind, t, h, cause });
  switch (c.why) {
    case Reject.NonFiniteStage:
    case Reject.NonFiniteState:
      return fail('non-finite-rhs', `the right-hand side returned NaN or Infinity${c.comp >= 0 ? ` in component ${c.comp}` : ''} at every trial step down to h = ${h}; ${
        c.why === Reject.NonFiniteState ? 'the state after the step' : 'a stage'} leaves the model's valid range ${at}: check for division by zero, log/sqrt of negative values or overflow`);
    case Reject.NonFiniteJacobian:
      return fail('non-finite-jacobian', `${c.jacobianEntry()} is not finite at every trial state down to h = ${h}`);
    case Reject.Singular:
      return fail('singular-matrix', `${c.matrix ?? 'the Rosenbrock matrix I/(hγ) − J'} is singular to working precision (pivot ${c.comp}) for every h tried; check the Jacobian for NaN or an algebraic (non-ODE) component`);
    default: {
      const k = worstComponent(c.e, c.eOff, c.y, c.yNew, c.atol, c.rtol, c.n);
      const zeroScale = k >= 0 && c.atol[k] === 0 && c.y[k] === 0;
      return fail('step-size-underflow', `the step size fell below rounding level ${at}; the largest scaled error is in component ${k}${
        zeroScale ? `, which is 0 with atol[${k}] = 0, so no error in it is small enough: give atol[${k}] > 0` : ''}; the solution may blow up, have a singularity or a discontinuity in f near t, or atol is too small for a component that goes to zero`);
    }
  }
}
