// Goldschmidt tolerance factor from site-averaged ionic radii and the review's §2.1 phase verdict (a warning, never a refusal).
import type { ASite, BSite, Composition, ToleranceReport, XSite } from './types.ts';
import { REF } from './references.ts';

/** Ionic radii (Å): Shannon 1976 (Cs+ CN12, Pb2+ CN6, halides CN6); MA+/FA+ effective radii of Kieslich et al. 2014. */
export const IONIC_RADII_A: Readonly<Record<ASite | BSite | XSite, number>> = {
  Cs: 1.88, MA: 2.17, FA: 2.53, Pb: 1.19, Sn: 1.10, I: 2.20, Br: 1.96, Cl: 1.81,
};
export const RADII_SOURCE =
  `Shannon radii (${REF.shannon}): Cs+ 1.88 (CN12), Pb2+ 1.19 (CN6), I− 2.20, Br− 1.96, Cl− 1.81; ` +
  `effective MA+ 2.17, FA+ 2.53 (${REF.kieslich}); Sn2+ 1.10 is the value used with these in the perovskite ` +
  'literature (Shannon lists no CN6 Sn2+ radius) — an estimate';

/**
 * Phase bands (review §2.1). The review calls CsPbI3 "t ≈ 0.8" and unstable; with the radii above CsPbI3 gives
 * t = 0.851, so "≈ 0.8" is taken as 0.78 ≤ t ≤ 0.855: it holds CsPbI3 and leaves out CsPbBr3 (0.862), which is a
 * stable black perovskite. Below 0.78: non-perovskite; above 1.0: low-dimensional.
 */
export const PHASE_BANDS = { marginalLow: 0.78, marginalHigh: 0.855, upper: 1.0 } as const;

function siteAverage(fractions: Partial<Record<string, number>>): number {
  let r = 0;
  for (const [ion, x] of Object.entries(fractions)) r += (x ?? 0) * IONIC_RADII_A[ion as ASite | BSite | XSite];
  return r;
}

/** Goldschmidt t = (R_A + R_X) / (√2 (R_B + R_X)) with fraction-weighted radii of each site. */
export function goldschmidt(c: Composition): number {
  const rA = siteAverage(c.a);
  const rB = siteAverage(c.b);
  const rX = siteAverage(c.x);
  return (rA + rX) / (Math.SQRT2 * (rB + rX));
}

/** Phase verdict for a tolerance factor, with a warning text for anything but the black perovskite band. */
export function phaseVerdict(t: number): ToleranceReport {
  const tt = Number(t.toFixed(3));
  if (t > PHASE_BANDS.upper) {
    return { t, phase: 'low-dimensional', warning: `tolerance factor t = ${tt} > 1: oversized A cation, low-dimensional (2D/1D) phases are expected (review §2.1); modelled as a 3D perovskite anyway${t < 1.03 ? ' (compounds just above 1, e.g. FAPbBr3 at 1.008, do form 3D perovskites in practice)' : ''}` };
  }
  if (t < PHASE_BANDS.marginalLow) {
    return { t, phase: 'non-perovskite-low', warning: `tolerance factor t = ${tt} < ${PHASE_BANDS.marginalLow}: orthorhombic/tetragonal non-perovskite phase expected at room temperature (review §2.1); modelled as a perovskite anyway` };
  }
  if (t <= PHASE_BANDS.marginalHigh) {
    return { t, phase: 'marginal', warning: `tolerance factor t = ${tt} ≈ 0.8: the black perovskite phase is unstable in bulk (review §2.1); nanocrystals can hold the cubic phase (e.g. CsPbI3) thanks to surface energy and size-induced lattice strain` };
  }
  return { t, phase: 'cubic-black' };
}

/** Tolerance report of a composition plus the provenance text. */
export function toleranceReport(c: Composition): { report: ToleranceReport; source: string } {
  return {
    report: phaseVerdict(goldschmidt(c)),
    source: `calc. Goldschmidt t with site-averaged radii; ${RADII_SOURCE}; phase bands ${PHASE_BANDS.marginalLow}–${PHASE_BANDS.marginalHigh} marginal, ≤ ${PHASE_BANDS.upper} black (review §2.1)`,
  };
}
