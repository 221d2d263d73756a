// Resolve a Composition into MaterialParams: multilinear interpolation over end-member corners, gap bowing, alloy LO lifetime.
import type { ASite, BSite, CompoundData, CompoundField, Composition, MaterialParams, XSite } from './types.ts';
import { compoundAt } from './compounds.ts';
import { A_IONS, B_IONS, X_IONS, formatComposition, validateComposition } from './composition.ts';
import { REF } from './references.ts';
import { toleranceReport } from './tolerance.ts';

/** A gap-bowing constant b (eV): Eg = linear − b·x_i·x_j for the ion pair (i, j) on one site. */
export interface Bowing { pair: [string, string]; site: 'a' | 'b' | 'x'; bEv: number; source: string }

export const GAP_BOWING: readonly Bowing[] = [
  { pair: ['I', 'Br'], site: 'x', bEv: 0.33, source: `${REF.noh}: Eg(x) = 1.57 + 0.39x + 0.33x² for MAPb(I1−xBrx)3` },
  { pair: ['Br', 'Cl'], site: 'x', bEv: 0, source: `${REF.yinAlloy}: negligible bowing for (Br,Cl) mixing at room temperature (DFT + cluster expansion)` },
  { pair: ['I', 'Cl'], site: 'x', bEv: 0, source: `${REF.yinAlloy}: negligible bowing; (I,Cl) alloys are unstable below ~625 K` },
  { pair: ['Pb', 'Sn'], site: 'b', bEv: 1.0, source: 'calc. from the MASn1−xPbxI3 gaps of ' +
      `${REF.haoJacs} (1.55 eV Pb, 1.30 eV Sn, ≈1.17 eV at x = 0.5): b = 4·(1.425 − 1.17) ≈ 1.0 eV; ` +
      `bowing below both end members is general for APb1−xSnxI3 (${REF.rajagopal})` },
];

/**
 * Lengthening of the LO-phonon lifetime in organic–inorganic A-site alloys: τ_LO = linear × (1 + c·4x(1−x)).
 * Li et al. (review ref 99) attribute the longer slow-cooling stage of FA/Cs and MA/Cs QDs above 1 sun to co-vibrational
 * optical modes that enhance the hot-phonon bottleneck; no phonon lifetime is quoted there, so c is an estimate.
 */
export const ALLOY_LO_LIFETIME = {
  c: 0.5,
  source: `estimate: c = 0.5 (50 % longer LO lifetime at x_org = 0.5), motivated by ${REF.liAlloy} (co-vibrational optical phonon modes, enhanced hot-phonon bottleneck in alloyed A-site QDs)`,
} as const;

const ORGANIC: readonly ASite[] = ['FA', 'MA'];

const FIELDS: readonly CompoundField[] = [
  'gapEv', 'gapSlopeMeVPerK', 'electronMassM0', 'holeMassM0', 'epsInf', 'epsStatic', 'loPhononMeV', 'loLifetimePs', 'carrierAcousticPs',
  'k1PerS', 'k2Cm3PerS', 'k3Cm6PerS', 'biexcitonAugerPsPerNm3', 'ncRadiativeLifetimeNs', 'bohrRadiusNm',
  'heatCapacityJcm3K', 'thermalConductivityWmK', 'absorptionPerCm',
];

interface Corner { sheet: CompoundData; weight: number }

function present<T extends string>(ions: readonly T[], fractions: Partial<Record<T, number>>): [T, number][] {
  return ions.filter((i) => (fractions[i] ?? 0) > 0).map((i) => [i, fractions[i]!]);
}

/** Corners (end members) with multilinear weights x_A·x_B·x_X; throws naming every missing end member. */
export function corners(c: Composition): Corner[] {
  const out: Corner[] = [];
  const missing: string[] = [];
  for (const [a, wa] of present<ASite>(A_IONS, c.a)) {
    for (const [b, wb] of present<BSite>(B_IONS, c.b)) {
      for (const [x, wx] of present<XSite>(X_IONS, c.x)) {
        const sheet = compoundAt(a, b, x);
        if (sheet) out.push({ sheet, weight: wa * wb * wx });
        else missing.push(`${a}${b}${x}3`);
      }
    }
  }
  if (missing.length > 0) {
    throw new Error(`composition "${formatComposition(c)}": no data sheet for end member ${missing.join(', ')}; ` +
      'mixtures interpolate between end members that have sheets (see compoundSheets())');
  }
  return out;
}

/** Gap bowing (eV, ≥ 0 lowers the gap) summed over the ion pairs present on each site, with the sources used. */
export function gapBowing(c: Composition): { ev: number; sources: string[] } {
  let ev = 0;
  const sources: string[] = [];
  for (const b of GAP_BOWING) {
    const f = c[b.site] as Record<string, number>;
    const xi = f[b.pair[0]] ?? 0;
    const xj = f[b.pair[1]] ?? 0;
    if (xi > 0 && xj > 0) {
      ev += b.bEv * xi * xj;
      sources.push(`${b.pair.join('–')} bowing b = ${b.bEv} eV (${b.source})`);
    }
  }
  return { ev, sources };
}

/** Organic–inorganic A-site mixing 4·x_org·(1 − x_org) in [0, 1]. */
export function organicInorganicMixing(c: Composition): number {
  const xOrg = ORGANIC.reduce((s, i) => s + (c.a[i] ?? 0), 0);
  return Math.min(1, Math.max(0, 4 * xOrg * (1 - xOrg)));
}

/**
 * Resolve a composition into plain-number material parameters for the model.
 * Each field is Σ_corners w·value; the gap subtracts the bowing term; the LO lifetime is multiplied by (1 + c·mixing).
 */
export function mixMaterial(input: Composition): MaterialParams {
  const c = validateComposition(input);
  const formula = formatComposition(c);
  const list = corners(c);
  const single = list.length === 1 ? list[0]!.sheet : undefined;
  const mixing = organicInorganicMixing(c);
  const values = {} as Record<CompoundField, number>;
  const sources: Record<string, string> = {};
  for (const field of FIELDS) {
    values[field] = list.reduce((s, k) => s + k.weight * k.sheet[field].value, 0);
    sources[field] = single
      ? single[field].source
      : `mixing rule (multilinear in site fractions) of end members: ${list.map((k) => `${k.sheet.formula} ×${Number(k.weight.toFixed(6))} [${k.sheet[field].source}]`).join('; ')}`;
  }
  const bow = gapBowing(c);
  if (bow.ev > 0) {
    values.gapEv -= bow.ev;
    sources.gapEv = sources.gapEv.replace('mixing rule (multilinear in site fractions)', `mixing rule (multilinear in site fractions minus bowing: ${bow.sources.join('; ')})`);
  } else if (bow.sources.length > 0) {
    sources.gapEv += `; bowing: ${bow.sources.join('; ')}`;
  }
  if (mixing > 0) {
    values.loLifetimePs *= 1 + ALLOY_LO_LIFETIME.c * mixing;
    sources.loLifetimePs += `; × (1 + ${ALLOY_LO_LIFETIME.c}·organicInorganicMixing) (${ALLOY_LO_LIFETIME.source})`;
  }
  sources.organicInorganicMixing = 'calc. 4·x_org·(1 − x_org), x_org = FA + MA fraction on the A site';
  const tolerance = toleranceReport(c);
  sources.tolerance = tolerance.source;
  const warnings: string[] = [];
  if (tolerance.report.warning) warnings.push(tolerance.report.warning);
  if ((c.x.I ?? 0) > 0 && (c.x.Cl ?? 0) > 0) warnings.push(`I–Cl mixed halides are thermodynamically unstable at room temperature (${REF.yinAlloy}); parameters are a formal interpolation`);
  return {
    formula, composition: c, ...values, organicInorganicMixing: mixing, tolerance: tolerance.report, sources, warnings,
  };
}
