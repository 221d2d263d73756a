// The metric columns of a sweep: allocated NaN-filled ("not run"), and one row filled from a simulation result.

import type { SimulationResult } from '../model/types.ts';
import { POINT_NOT_RUN, POINT_OK, POINT_SOLVER_FAILED, SWEEP_COLUMN_NAMES, type SweepColumns } from './types.ts';

/** Columns for `n` points, every metric NaN and every status POINT_NOT_RUN. */
export function allocateColumns(n: number): SweepColumns {
  const columns = {} as SweepColumns;
  for (const name of SWEEP_COLUMN_NAMES) columns[name] = new Float64Array(n).fill(Number.NaN);
  columns.status.fill(POINT_NOT_RUN);
  return columns;
}

const orNaN = (value: number | null | undefined): number => (typeof value === 'number' ? value : Number.NaN);

/** Row `row` of the columns from one simulation's metrics, derived excitation and solver counters. */
export function fillRow(columns: SweepColumns, row: number, r: SimulationResult): void {
  const m = r.metrics;
  columns.tau1ePs[row] = orNaN(m.tau1ePs);
  columns.fastPs[row] = orNaN(m.fastPs);
  columns.slowPs[row] = orNaN(m.slowPs);
  columns.fastFraction[row] = orNaN(m.fastFraction);
  columns.timeToTargetPs[row] = orNaN(m.timeToTargetPs);
  columns.initialLossRateMeVps[row] = orNaN(m.initialLossRateMeVps);
  columns.peakTcK[row] = orNaN(m.peakTcK);
  columns.densityCm3[row] = orNaN(r.derived.densityCm3);
  columns.nPerNc[row] = orNaN(r.derived.nPerNc);
  columns.fluenceUJcm2[row] = orNaN(r.derived.fluenceUJcm2);
  columns.nfev[row] = r.solver.nfev;
  columns.nAccepted[row] = r.solver.nAccepted;
  columns.nRejected[row] = r.solver.nRejected;
  columns.solveMs[row] = r.solver.wallMs;
  columns.status[row] = r.solver.status === 0 ? POINT_OK : POINT_SOLVER_FAILED;
}
