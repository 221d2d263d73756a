// The LO population resolved in phonon wavevector: the coupled LO modes split into bins of |q|, each bin with its
// own occupation N_b, instead of one pool of N_LO modes.
//
// A carrier of energy E emits and absorbs LO phonons with q between q− = k − k′ and q+ = k + k′ (ħ²k²/2m = E,
// k′ = k(E − ħω)), weighted dq/q by the Fröhlich matrix element, or q³/(q² + q_D²)² dq once the photo-carriers
// screen it (screening.ts). The share of a carrier's coupling that lands in bin [lo, hi] is
//
//   w_b = [F(clamp(hi)) − F(clamp(lo))] / ln(q+/q−),   clamp to [q−, q+],   Σ_b w_b = S (the screening factor)
//   F(q) = ½ ln(q² + q_D²) + q_D² / (2 (q² + q_D²))
//
// at the representative energy E = 3/2 kB Tc + ħω of screening.ts. The last bin is open above, so a very hot
// carrier's q+ beyond the zone counts there and Σ w_b = S always; one bin [0, ∞) is the single pool (w = S).
// Bin b holds M_b = (hi³ − lo³)/(6π²) modes per volume (a shell of the sphere in q-space, one LO branch); the outer
// edge is the Debye radius q_Deb = (6π²/a³)^{1/3}, the sphere that holds one mode per unit cell (Ashcroft & Mermin,
// Solid State Physics, ch. 23), with a = 0.62 nm, a stated estimate of the lead-halide pseudocubic lattice constants
// (CsPbBr3 5.87 Å … MAPbI3 6.3 Å). Resolving q is what ensemble Monte Carlo codes do for hot phonons (Lugli et al.,
// Phys. Rev. B 39, 7852 (1989), doi:10.1103/PhysRevB.39.7852; the hotCarrierMHP peer of issue 8 uses 40 bins);
// docs/experiments/lo-wavevector-bins.py shows 4 bins agree with 16 within 2 % on the 1/e time.

import { NM3_PER_CM3 } from './constants.ts';
import { emissionWavevectors, type EmissionWavevectors } from './screening.ts';

const scratchQ: EmissionWavevectors = { qp: 0, qm: 0, dqp: 0, dqm: 0 };

/** Pseudocubic lattice constant used for the outer edge of the LO wavevector range (nm); estimate, see above. */
export const LATTICE_CONSTANT_NM = 0.62;
/** Debye radius of that lattice (nm^-1): the q-sphere holding one mode per unit cell. */
export const DEBYE_Q_NM = Math.cbrt((6 * Math.PI ** 2) / LATTICE_CONSTANT_NM ** 3);
/** Inner bin edges (nm^-1) of the resolved layout: cold carriers (q+ ≈ 0.75 nm^-1 at 300 K) fill the first two. */
export const RESOLVED_EDGES_NM = [0, 0.25, 0.75, 2.0] as const;

export interface LoBinLayout {
  /** Lower edge of each bin (nm^-1); the last bin is open above for the emission weights. */
  lowerNm: Float64Array;
  /** Upper edge of each bin (nm^-1); the last is Infinity for the weights. */
  upperNm: Float64Array;
  /** Modes per volume in each bin (cm^-3). */
  modesCm3: Float64Array;
  /** Σ modes (cm^-3): also the size of the daughter pool the bins decay into. */
  totalModesCm3: number;
}

/** The single pool of N_LO modes (the engine's default): one bin [0, ∞). */
export function singlePool(modesCm3: number): LoBinLayout {
  return {
    lowerNm: Float64Array.of(0), upperNm: Float64Array.of(Infinity), modesCm3: Float64Array.of(modesCm3), totalModesCm3: modesCm3,
  };
}

/** The resolved layout: RESOLVED_EDGES_NM and the Debye radius, modes by shell volume. */
export function resolvedBins(): LoBinLayout {
  const edges = [...RESOLVED_EDGES_NM, DEBYE_Q_NM];
  const count = edges.length - 1;
  const lowerNm = new Float64Array(count);
  const upperNm = new Float64Array(count);
  const modesCm3 = new Float64Array(count);
  let total = 0;
  for (let b = 0; b < count; b++) {
    lowerNm[b] = edges[b];
    upperNm[b] = b === count - 1 ? Infinity : edges[b + 1];
    modesCm3[b] = ((edges[b + 1] ** 3 - edges[b] ** 3) / (6 * Math.PI ** 2)) * NM3_PER_CM3;
    total += modesCm3[b];
  }
  return { lowerNm, upperNm, modesCm3, totalModesCm3: total };
}

/** Per-bin weights w_b with ∂w_b/∂Tc at fixed q_D² and ∂w_b/∂(q_D²) at fixed Tc. */
export interface BinWeights {
  w: Float64Array;
  dwdT: Float64Array;
  dwdA: Float64Array;
}

export function binWeightsFor(layout: LoBinLayout): BinWeights {
  const n = layout.modesCm3.length;
  return { w: new Float64Array(n), dwdT: new Float64Array(n), dwdA: new Float64Array(n) };
}

/**
 * Weights of one carrier type. @param aSq q_D² (nm^-2, 0 unscreened); @param tcK its temperature (K);
 * @param massM0 band mass; @param hwEv LO energy (eV).
 */
export function binWeights(layout: LoBinLayout, aSq: number, tcK: number, massM0: number, hwEv: number, out: BinWeights): void {
  const { qp, qm, dqp, dqm } = emissionWavevectors(tcK, massM0, hwEv, scratchQ);
  const den = Math.log(qp / qm);
  const dden = dqp / qp - dqm / qm;
  for (let b = 0; b < layout.lowerNm.length; b++) {
    const lo = layout.lowerNm[b];
    const hi = layout.upperNm[b];
    // The bin's part of [q−, q+]: [u, v] with dq/dT of each end (0 where the edge is the bin's own).
    const u = lo <= qm ? qm : lo >= qp ? qp : lo;
    const du = lo <= qm ? dqm : lo >= qp ? dqp : 0;
    const v = hi <= qm ? qm : hi >= qp ? qp : hi;
    const dv = hi <= qm ? dqm : hi >= qp ? dqp : 0;
    if (v <= u) {
      out.w[b] = 0;
      out.dwdT[b] = 0;
      out.dwdA[b] = 0;
      continue;
    }
    const uu = u * u + aSq;
    const vv = v * v + aSq;
    const num = 0.5 * Math.log(vv / uu) + 0.5 * aSq * (1 / vv - 1 / uu);
    const w = num / den;
    // ∂F/∂q = q³/(q² + a²)²;  ∂F/∂a² = 1/(q² + a²) − a²/(2 (q² + a²)²)
    const dnum = ((v * v * v) / (vv * vv)) * dv - ((u * u * u) / (uu * uu)) * du;
    out.w[b] = w;
    out.dwdT[b] = (dnum - w * dden) / den;
    out.dwdA[b] = (1 / vv - aSq / (2 * vv * vv) - (1 / uu - aSq / (2 * uu * uu))) / den;
  }
}
