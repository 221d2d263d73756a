// The error of a run that did not produce a trustworthy result: the solver failed, or the result guard refused it.

import type { SimulationResult } from './types.ts';

export class SimulationError extends Error {
  constructor(message: string, readonly result?: Partial<SimulationResult>) {
    super(message);
    this.name = 'SimulationError';
  }
}
