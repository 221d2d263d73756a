// Small helpers shared by the entry files: a result as a curve, photon energy ↔ wavelength, ⟨N⟩ from density.

import { HC_EV_NM } from '../model/constants.ts';
import type { SimulationInput, SimulationResult } from '../model/types.ts';
import type { Curve } from './extract.ts';

export const curveOf = (r: SimulationResult): Curve => ({ tPs: r.tPs, tcK: r.tcK, latticeK: r.tAK });

/** Pump wavelength (nm) of a photon energy (eV). */
export const nmOfEv = (ev: number): number => HC_EV_NM / ev;

/** Mean pairs per cubic NC of edge `edgeNm` at a pair density (cm^-3): ⟨N⟩ = n · L³. */
export const nPerNcAt = (densityCm3: number, edgeNm: number): number => densityCm3 * (edgeNm * 1e-7) ** 3;

/** Output grid for entries that read sub-ps times: from 10 fs, dense enough to interpolate a 1/e crossing. */
export const FINE: Pick<SimulationInput, 'tStartPs' | 'tEndPs' | 'nPoints'> = { tStartPs: 0.01, tEndPs: 1000, nPoints: 400 };

/** Value or throw: a quantity the model never reaches in the window has no value (the entry then disagrees). */
export function need(v: number | null, what: string): number {
  if (v === null) throw new Error(`${what}: not reached in the model's output window`);
  return v;
}
