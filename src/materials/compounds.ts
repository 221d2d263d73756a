// All end-member data sheets, keyed by formula, and the lookup of a sheet by its (A, B, X) corner.
import type { ASite, BSite, CompoundData, XSite } from './types.ts';
import { CS_PB_BR3, CS_PB_CL3, CS_PB_I3 } from './compounds-cs.ts';
import { FA_PB_BR3, FA_PB_I3, MA_PB_BR3, MA_PB_CL3, MA_PB_I3 } from './compounds-hybrid.ts';
import { CS_SN_I3, FA_SN_I3, MA_SN_I3 } from './compounds-tin.ts';

/** Every end member with a data sheet. */
export const COMPOUNDS: readonly CompoundData[] = Object.freeze([
  CS_PB_I3, CS_PB_BR3, CS_PB_CL3,
  MA_PB_I3, MA_PB_BR3, MA_PB_CL3,
  FA_PB_I3, FA_PB_BR3,
  CS_SN_I3, MA_SN_I3, FA_SN_I3,
]);

const BY_CORNER = new Map<string, CompoundData>(COMPOUNDS.map((c) => [`${c.a}|${c.b}|${c.x}`, c]));

/** The data sheet of end member A B X3, or undefined when none exists. */
export function compoundAt(a: ASite, b: BSite, x: XSite): CompoundData | undefined {
  return BY_CORNER.get(`${a}|${b}|${x}`);
}
