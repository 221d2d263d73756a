// The regime of a validation entry: the region of simulation inputs its measurement speaks for, as a union of parts
// (one per sample of the entry: a comparison of NCs with a film has an NC part and a film part), and the test of
// whether one simulation lies inside. Pure and light (no model imports), so the page can use it beside the CLI.

import type { AcceptorKind } from '../model/types.ts';

/** A closed interval [low, high] in the unit of the field's name. */
export type Range = readonly [number, number];

/** One sample kind and composition set of an entry, with the ranges of its conditions. */
export interface RegimePart {
  sample: 'film' | 'nc';
  /** Formulas as the engine resolves them (e.g. "FA0.5Cs0.5PbI3" for "Cs0.5FA0.5PbI3"). */
  compositions: string[];
  /** NC edge length range (nm); null for films. */
  edgeNm: Range | null;
  /** Films: the initial pair density range (cm^-3); null for NCs. */
  densityCm3: Range | null;
  /** NCs: the mean excitons per NC ⟨N⟩; null for films. */
  nPerNc: Range | null;
  latticeK: Range;
  /** Pump photon energy range (eV); null when the entry's verdict does not hinge on the pump. */
  pumpEv: Range | null;
  /** The acceptor layer of the measurement ('none' for a bare sample). */
  acceptor: AcceptorKind;
}

/** One simulation as the regime test sees it: the resolved formula and the derived excitation. */
export interface RegimePoint {
  sample: 'film' | 'nc';
  formula: string;
  edgeNm: number | null;
  densityCm3: number;
  nPerNc: number | null;
  latticeK: number;
  pumpEv: number;
  acceptor: AcceptorKind;
}

const inside = (v: number, r: Range) => v >= r[0] && v <= r[1];

/** True when the simulation lies in this part: same sample kind, composition and acceptor, every range holding it. */
export function partContains(part: RegimePart, p: RegimePoint): boolean {
  if (part.sample !== p.sample || part.acceptor !== p.acceptor || !part.compositions.includes(p.formula)) return false;
  if (!inside(p.latticeK, part.latticeK)) return false;
  if (part.pumpEv !== null && !inside(p.pumpEv, part.pumpEv)) return false;
  if (part.sample === 'film') return part.densityCm3 === null || inside(p.densityCm3, part.densityCm3);
  if (part.edgeNm === null || p.edgeNm === null || !inside(p.edgeNm, part.edgeNm)) return false;
  return part.nPerNc === null || (p.nPerNc !== null && inside(p.nPerNc, part.nPerNc));
}

/** The first part of a regime that holds the simulation, or null. */
export function matchingPart(parts: readonly RegimePart[], p: RegimePoint): RegimePart | null {
  return parts.find((part) => partContains(part, p)) ?? null;
}

const g = (v: number) => (Math.abs(v) >= 1e4 || Math.abs(v) < 1e-2 ? v.toExponential(1) : Number(v.toPrecision(3)).toString());
const span = (r: Range, unit: string) => `${g(r[0])}–${g(r[1])}${unit}`;

/** The part as one line, e.g. "MAPbBr3 NC, edge 8.33–12 nm, ⟨N⟩ 0.0333–0.3, lattice 270–320 K". */
export function describePart(part: RegimePart): string {
  const bits = [`${part.compositions.join(', ')} ${part.sample === 'film' ? 'film' : 'NC'}`];
  if (part.edgeNm) bits.push(`edge ${span(part.edgeNm, ' nm')}`);
  if (part.densityCm3) bits.push(`density ${span(part.densityCm3, ' cm^-3')}`);
  if (part.nPerNc) bits.push(`⟨N⟩ ${span(part.nPerNc, '')}`);
  bits.push(`lattice ${span(part.latticeK, ' K')}`);
  if (part.pumpEv) bits.push(`pump ${span(part.pumpEv, ' eV')}`);
  if (part.acceptor !== 'none') bits.push(`${part.acceptor} acceptor`);
  return bits.join(', ');
}
