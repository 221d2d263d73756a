// What every step loop (rodas5, seulex, bdf, dop853) does around its integration: remember where it stopped and
// why, and turn a throwing right-hand side or Jacobian into a failure at the t and h of the step it threw in.
import type { RunEnd, SolveFailure } from './types.ts';

/** The part of a method's state a failure writes: where it stopped and why. */
export interface StopState {
  t: number;
  h: number;
  failure: SolveFailure | null;
}

/** Record a failure of `kind` at (t, h) with its cause; @returns 'failed'. */
export function failAt(m: StopState, kind: SolveFailure['kind'], t: number, h: number, cause: string): RunEnd {
  m.failure = { kind, t, h, cause };
  m.t = t;
  m.h = h;
  return 'failed';
}

/**
 * Run `integrate` from t0 with first step h0; a throw inside it (from the right-hand side or Jacobian) ends the run
 * with kind 'other' at the t and h the method last recorded. @param what names what can throw, for the message.
 */
export function guardedRun(m: StopState, t0: number, h0: number, integrate: () => RunEnd, what = 'the right-hand side or Jacobian'): RunEnd {
  m.t = t0;
  m.h = h0;
  try {
    return integrate();
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    return failAt(m, 'other', m.t, m.h, `${what} threw: ${msg}`);
  }
}
