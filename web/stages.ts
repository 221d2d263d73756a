// Where the three cooling stages sit on the delay axis of one result (a display heuristic, not engine physics).

import type { SimulationResult } from '../src/model/types.ts';

export interface StageMarks {
  /** End of stage 1 (carrier → LO emission): the LO temperature peaks (ps). */
  loPeakPs: number;
  /** End of stage 2 (LO → acoustic): LO excess over the acoustic bath has fallen to 1/e of its peak (ps). */
  loEquilibratedPs: number;
}

/**
 * Stage boundaries read off the temperatures: stage 1 until T_LO peaks (carriers have handed heat to LO modes),
 * stage 2 until T_LO − T_A falls to 1/e of its value at that peak (LO modes emptied into acoustic phonons),
 * stage 3 after (carriers, LO and lattice cool together, heat leaves to the surroundings).
 * @returns null when the curves do not show a LO-temperature peak (e.g. hot phonons switched off).
 */
export function stageMarks(result: SimulationResult): StageMarks | null {
  const { tPs, tLoK, tAK } = result;
  const n = tPs.length;
  if (n < 3) return null;
  let peak = 0;
  for (let i = 1; i < n; i++) if (tLoK[i] > tLoK[peak]) peak = i;
  const excess0 = tLoK[peak] - tAK[peak];
  if (!(excess0 > 0.5) || peak === n - 1) return null;
  let end = n - 1;
  for (let i = peak + 1; i < n; i++) {
    if (tLoK[i] - tAK[i] <= excess0 / Math.E) {
      end = i;
      break;
    }
  }
  return { loPeakPs: tPs[peak], loEquilibratedPs: tPs[end] };
}
