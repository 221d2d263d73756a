// From a validated input and a resolved material to the derived quantities a user sees and the
// coefficients the right-hand side uses. All model-level constants are defined and sourced here.

import { CLASS_FLOOR_REL } from './ensemble.ts';
import { ligandBypassPerPs } from './ligand.ts';
import { resolvedBins, singlePool } from './lo-bins.ts';
import { ALLOY_LO_LIFETIME, frohlichAlpha, resolveMaterial } from '../materials/index.ts';
import type { MaterialParams } from '../materials/types.ts';
import type { ModelCoefficients } from './coefficients.ts';
import { confine, levelSpacingCoefficient } from './confinement.ts';
import { EV_PER_J, HC_EV_NM, HBAR2_2M0_EV_NM2, HBAR_EV_PS, KB_EV_PER_K, NM3_PER_CM3, PS_PER_S, boseOccupation, photonEnergyEv } from './constants.ts';
import { convertExcitation } from './excitation.ts';
import { debyeCoefficient } from './screening.ts';
import { PARAMS, formatLimit, withinLimits } from "./params.ts";
import { InputError, type NormalizedInput } from './validate.ts';
import type { Derived } from './types.ts';

/** Temperature at which LO lifetimes are quoted (Fu et al., Nat. Commun. 8, 1300 (2017): room temperature). */
const LO_LIFETIME_REFERENCE_K = 300;
/**
 * LO modes coupled to the carriers: wavevectors up to q_c = 2 k_th, twice the thermal carrier wavevector at
 * 300 K (emission by a carrier of wavevector k reaches q ≤ 2k; Fröhlich coupling ∝ 1/q² favours small q),
 * counted as q_c³/(6π²) per volume. Model choice; gives N_LO ≈ 5.8e18 (FAPbI3) to 9.6e18 cm^-3 (CsPbBr3) for the
 * lead-halide presets (derived.loModesCm3 in `hotcarrier simulate --json`), the order of magnitude of the
 * hot-phonon bottleneck densities (Yang et al., Nat. Photonics 10, 53 (2016), doi:10.1038/nphoton.2015.213).
 */
const LO_MODE_REFERENCE_K = 300;
/**
 * Sharpness s of the intrinsic-bottleneck crossover f = exp(−[softplus_s(δ/ħω − 1) − softplus_s(−1)]):
 * f ≈ 1 while the level spacing δ is below ħω_LO, then falls as exp(−(δ/ħω − 1)) as multi-phonon emission
 * is needed (energy-gap law, Englman & Jortner, Mol. Phys. 18, 145 (1970), doi:10.1080/00268977000100171).
 */
const BOTTLENECK_SHARPNESS = 4;
/**
 * Lifetime of the hot acoustic phonons that LO phonons decay into, before they share their energy with the
 * whole lattice (ps). Inelastic neutron scattering finds acoustic-phonon lifetimes "on the order of
 * picoseconds" in MAPbI3 (Gold-Parker et al., PNAS 115, 11905 (2018), doi:10.1073/pnas.1812227115);
 * molecular dynamics gives up to a few tens of ps for the lowest modes (Zhu & Ertekin, Energy Environ. Sci.
 * 12, 216 (2019), doi:10.1039/C8EE02820F). Their slow release is what feeds acoustic → optical
 * up-conversion (Yang et al., Nat. Commun. 8, 14120 (2017), doi:10.1038/ncomms14120).
 */
const DAUGHTER_LIFETIME_PS = 5;
/**
 * The hot acoustic daughters at ħω/2 decay anharmonically as well; in the same Klemens picture (two modes at ħω/4;
 * Klemens, Phys. Rev. 148, 845 (1966), doi:10.1103/PhysRev.148.845) their rate scales as 1 + 2 n(ħω/4, T_L), so
 * τ_AA(T_L) = τ_AA(300 K) (1 + 2 n(ħω/4, 300 K)) / (1 + 2 n(ħω/4, T_L)), evaluated at the ambient lattice temperature.
 */
function daughterLifetimePs(hwEv: number, latticeK: number): number {
  const rate = (T: number) => 1 + 2 * boseOccupation(hwEv / 4, T);
  return (DAUGHTER_LIFETIME_PS * rate(LO_LIFETIME_REFERENCE_K)) / rate(latticeK);
}
/**
 * Electron–hole energy exchange by carrier–carrier (Coulomb) scattering, the rate of ΔT = T_e − T_h:
 *   ν_eh = k_eh n_eh,   k_eh = K_EH · 4 m_e m_h / (m_e + m_h)²
 * Richter et al. (Nat. Commun. 8, 376 (2017), doi:10.1038/s41467-017-00546-z; 2D electronic spectroscopy of MAPbI3)
 * find thermalization dominated by carrier–carrier scattering, with times from below 10 fs to 85 fs over their
 * densities (below 2e19 cm^-3). Estimate: binary collisions, rate ∝ n, through 10 fs at 2e19 cm^-3 (then 85 fs at
 * 2.4e18 cm^-3; the densities of the paper's end points were not read, only its abstract): K_EH = 1/(2e19 · 0.010 ps)
 * = 5e-18 cm^3 ps^-1. The e–h energy exchange is taken as that thermalization time times the energy a collision can
 * pass between unequal masses, 4 m_e m_h/(m_e + m_h)² (elastic two-body kinematics; 1 for equal masses). Estimate as
 * a whole: thermalization (within one species) and e–h exchange are both Coulomb scattering, not the same process.
 */
const EH_EXCHANGE_CM3_PER_PS = 1 / (2e19 * 0.01);
/** Temperature at which the sheets quote the gap (K). */
const GAP_REFERENCE_K = 300;

export interface Built {
  derived: Derived;
  coefficients: ModelCoefficients;
}

function applyOverrides(m: MaterialParams, overrides: NormalizedInput['materialOverrides']): MaterialParams {
  const out: MaterialParams = { ...m, sources: { ...m.sources }, warnings: [...m.warnings] };
  for (const [k, v] of Object.entries(overrides)) {
    if (!(k in m) || typeof (m as unknown as Record<string, unknown>)[k] !== 'number') {
      throw new InputError([{ param: `materialOverrides.${k}`, value: v, message: `materialOverrides.${k} is not a numeric material parameter` }]);
    }
    (out as unknown as Record<string, number>)[k] = v as number;
    out.sources[k] = `override: ${v}`;
  }
  if ((overrides.epsInf !== undefined || overrides.epsStatic !== undefined) && !(out.epsStatic > out.epsInf)) {
    // the Fröhlich coupling needs 1/eps_inf − 1/eps_static > 0
    const which = overrides.epsStatic !== undefined ? 'epsStatic' : 'epsInf';
    throw new InputError([{ param: `materialOverrides.${which}`, value: out[which], message: `material epsStatic (${out.epsStatic}) must exceed epsInf (${out.epsInf}); allowed: epsStatic > epsInf` }]);
  }
  return out;
}

/**
 * Sharpness m of the strong → weak confinement crossover of τ_XX at the Bohr diameter. Model choice: large enough
 * that τ_XX stays within 5 % of β V below half the Bohr diameter, small enough that the crossover is smooth.
 */
const AUGER_CROSSOVER_EXPONENT = 6;
/**
 * Volume exponent p of τ_XX above the Bohr diameter. Castañeda et al. (ACS Nano 10, 8603 (2016),
 * doi:10.1021/acsnano.6b03908) find τ_XX linear in V under strong confinement and sublinear beyond the Bohr radius;
 * the exponent is not taken from their data (only the abstract was read): p = 1/2 is a stated estimate.
 */
const AUGER_WEAK_VOLUME_EXPONENT = 0.5;

/**
 * NC biexciton Auger rate 1/τ_XX (ps^-1), one smooth law for every family (no clamp):
 *   τ_XX = β V (1 + (L/D_B)^m)^(−3(1−p)/m)
 * i.e. d ln τ_XX / d ln V = p + (1 − p)/(1 + (L/D_B)^m): β V under strong confinement (Castañeda et al.; Makarov et
 * al., Nano Lett. 16, 2349 (2016), doi:10.1021/acs.nanolett.5b05077), growing as V^p above the Bohr diameter.
 * The bulk k3 is not approached: the model's NC sizes (≤ 50 nm) stay within a few Bohr diameters (docs/model.md).
 */
export function ncBiexcitonAugerPerPs(m: Pick<MaterialParams, 'biexcitonAugerPsPerNm3'>, edgeNm: number, bohrDiameterNm: number): number {
  const x = edgeNm / bohrDiameterNm;
  const mm = AUGER_CROSSOVER_EXPONENT;
  const tau = m.biexcitonAugerPsPerNm3 * edgeNm ** 3 * Math.pow(1 + x ** mm, (-3 * (1 - AUGER_WEAK_VOLUME_EXPONENT)) / mm);
  return 1 / tau;
}

/**
 * Materials resolved from a preset name or formula, by that string: a sweep resolves the same composition for every
 * point, and resolveMaterial (parsing, mixing the end members) is a pure function of it. The cached sheet is never
 * handed out: copyMaterial gives each run its own copy of every object in it.
 */
const MATERIAL_CACHE = new Map<string, MaterialParams>();
const MATERIAL_CACHE_SIZE = 64;

function copyMaterial(m: MaterialParams): MaterialParams {
  return {
    ...m, composition: { a: { ...m.composition.a }, b: { ...m.composition.b }, x: { ...m.composition.x } },
    tolerance: { ...m.tolerance }, sources: { ...m.sources }, warnings: [...m.warnings],
  };
}

function resolveMaterialCached(composition: NormalizedInput['composition']): MaterialParams {
  if (typeof composition !== 'string') return resolveMaterial(composition);
  let m = MATERIAL_CACHE.get(composition);
  if (!m) {
    m = resolveMaterial(composition); // throws on a bad composition: nothing is cached
    if (MATERIAL_CACHE.size >= MATERIAL_CACHE_SIZE) MATERIAL_CACHE.clear();
    MATERIAL_CACHE.set(composition, copyMaterial(m));
    return m;
  }
  return copyMaterial(m);
}

export function build(input: NormalizedInput): Built {
  let material: MaterialParams;
  try {
    material = resolveMaterialCached(input.composition);
  } catch (e) {
    throw new InputError([{ param: 'composition', value: input.composition, message: `composition = ${JSON.stringify(input.composition)}: ${(e as Error).message}` }]);
  }
  material = applyOverrides(material, input.materialOverrides);
  // Gap at the lattice temperature: linear dEg/dT from the material sheet about its 300 K value.
  const bulkGapEv = material.gapEv + (material.gapSlopeMeVPerK / 1000) * (input.latticeK - GAP_REFERENCE_K);
  const conf = confine({
    edgeNm: input.edgeNm, gapEv: bulkGapEv, electronMassM0: material.electronMassM0,
    holeMassM0: material.holeMassM0, epsInf: material.epsInf, bohrRadiusNm: material.bohrRadiusNm,
  });
  const pumpEv = photonEnergyEv(input.pumpNm);
  if (!(pumpEv > conf.gapEv)) {
    const edgeNote = input.edgeNm === null ? 'bulk' : `${input.edgeNm} nm NC`;
    const gapNote = `the gap of ${material.formula} (${edgeNote}, ${conf.gapEv.toFixed(3)} eV)`;
    const asEv = input.pumpGivenAs === 'pumpEv';
    throw new InputError([{
      param: input.pumpGivenAs, value: asEv ? pumpEv : input.pumpNm,
      message: asEv
        ? `pumpEv (--pump-ev) = ${Number(pumpEv.toPrecision(6))} eV is below ${gapNote}; allowed: a photon energy above ${conf.gapEv.toFixed(3)} eV`
        : `pumpNm (--pump-nm) = ${input.pumpNm} nm (${pumpEv.toFixed(3)} eV) is below ${gapNote}; allowed: a wavelength shorter than ${(HC_EV_NM / conf.gapEv).toFixed(1)} nm`,
    }]);
  }
  const exc = convertExcitation(
    { pumpEv, absorptionPerCm: material.absorptionPerCm, epsInf: material.epsInf, volumeNm3: conf.volumeNm3, filmThicknessNm: input.filmThicknessNm },
    input,
  );
  const dens = PARAMS.densityCm3;
  if (!withinLimits(exc.densityCm3, dens.min, dens.max)) {
    const from = input.nPerNc !== undefined ? `nPerNc = ${input.nPerNc}` : input.fluenceUJcm2 !== undefined ? `fluenceUJcm2 = ${input.fluenceUJcm2} µJ cm^-2` : `densityCm3`;
    throw new InputError([{
      param: input.nPerNc !== undefined ? 'nPerNc' : input.fluenceUJcm2 !== undefined ? 'fluenceUJcm2' : 'densityCm3',
      value: input.nPerNc ?? input.fluenceUJcm2 ?? input.densityCm3,
      message: `${from} gives an initial density of ${exc.densityCm3.toExponential(3)} cm^-3, beyond what the model covers (${formatLimit(dens.min)} to ${formatLimit(dens.max)} cm^-3: non-degenerate carriers)`,
    }]);
  }

  const hwEv = material.loPhononMeV / 1000;
  const omegaLoPerPs = hwEv / HBAR_EV_PS;
  const alphaE = frohlichAlpha(material, 'electron');
  const alphaH = frohlichAlpha(material, 'hole');
  const bulk = conf.volumeNm3 === null;
  const useBottleneck = !bulk && input.switches.intrinsicBottleneck;
  const mBand = 0.5 * (material.electronMassM0 + material.holeMassM0);
  const kThPerNm = Math.sqrt((mBand * KB_EV_PER_K * LO_MODE_REFERENCE_K) / HBAR2_2M0_EV_NM2);
  const qc = 2 * kThPerNm * 1e7; // cm^-1
  const loModesCm3 = qc ** 3 / (6 * Math.PI ** 2);
  const nARef = boseOccupation(hwEv / 2, LO_LIFETIME_REFERENCE_K);
  const heatCapacityEvCm3K = material.heatCapacityJcm3K * EV_PER_J;
  // Heat loss: NC cube through its surface, τ = C L / (6 G); film: slowest diffusion mode into a substrate
  // held at ambient, τ = d² C / (π² κ) (Carslaw & Jaeger, Conduction of Heat in Solids, 2nd ed., §3.3).
  const heatLossPs = bulk
    ? ((input.filmThicknessNm * 1e-9) ** 2 * material.heatCapacityJcm3K * 1e6) / (Math.PI ** 2 * material.thermalConductivityWmK) * PS_PER_S
    : ((material.heatCapacityJcm3K * 1e6 * (input.edgeNm as number) * 1e-9) / (6 * input.interfaceConductanceMWm2K * 1e6)) * PS_PER_S;
  const ncVolumeCm3 = bulk ? 0 : (conf.volumeNm3 as number) / NM3_PER_CM3;
  /** NC biexciton Auger lifetime τ_XX (ps); null for films. The mean-field k3 is V²/(8 τ_XX). */
  const biexcitonAugerPs = bulk ? null : 1 / ncBiexcitonAugerPerPs(material, input.edgeNm as number, conf.bohrDiameterNm);
  const k3Cm6PerPs = bulk ? material.k3Cm6PerS / PS_PER_S : ncVolumeCm3 ** 2 / (8 * (biexcitonAugerPs as number));
  const sigmaPs = input.pulseFwhmFs / 1000 / (2 * Math.sqrt(2 * Math.LN2));
  const injectionTempK = (pumpEv - conf.gapEv) / (3 * KB_EV_PER_K);
  // The excess splits by momentum conservation in the optical transition (parabolic bands, vertical transition
  // at one k): electron (hν − Eg) m_h/(m_e + m_h), hole (hν − Eg) m_e/(m_e + m_h), each 3/2 kB T at injection
  // (Shah, Ultrafast Spectroscopy of Semiconductors and Semiconductor Nanostructures, Springer 1999,
  // doi:10.1007/978-3-662-03770-6, ch. 1; Yu & Cardona, Fundamentals of Semiconductors, §6.2).
  const mSum = material.electronMassM0 + material.holeMassM0;
  const injectionElectronK = (2 * injectionTempK * material.holeMassM0) / mSum;
  const injectionHoleK = (2 * injectionTempK * material.electronMassM0) / mSum;
  const massTransfer = (4 * material.electronMassM0 * material.holeMassM0) / (mSum * mSum);

  const coefficients: ModelCoefficients = {
    n0Cm3: exc.densityCm3,
    pumpEv,
    gapEv: conf.gapEv,
    injectionTempK,
    injectionDeltaK: injectionElectronK - injectionHoleK,
    ehExchangeCm3PerPs: EH_EXCHANGE_CM3_PER_PS * massTransfer,
    ambientK: input.latticeK,
    pulseSigmaPs: sigmaPs,
    integrationStartPs: sigmaPs > 0 ? -4 * sigmaPs : 0,
    loEv: hwEv,
    emissionRateElectronPerPs: alphaE * omegaLoPerPs,
    emissionRateHolePerPs: alphaH * omegaLoPerPs,
    spacingCoefElectron: useBottleneck ? levelSpacingCoefficient(material.electronMassM0, conf.volumeNm3 as number) : 0,
    spacingCoefHole: useBottleneck ? levelSpacingCoefficient(material.holeMassM0, conf.volumeNm3 as number) : 0,
    lowestGapElectronEv: useBottleneck && input.switches.lowestGap ? (conf.electronLevelSpacingMeV as number) / 1000 : 0,
    lowestGapHoleEv: useBottleneck && input.switches.lowestGap ? (conf.holeLevelSpacingMeV as number) / 1000 : 0,
    bottleneckSharpness: BOTTLENECK_SHARPNESS,
    ligandBypassPerPs: !bulk && input.switches.ligandBypass && input.edgeNm !== null ? ligandBypassPerPs(input.edgeNm) : 0,
    maxwellAverage: input.switches.maxwellAverage,
    screeningCoef: input.switches.screening ? debyeCoefficient(material.epsInf) : 0,
    electronMassM0: material.electronMassM0,
    holeMassM0: material.holeMassM0,
    loModesCm3,
    loBins: input.loPool === 'resolved' ? resolvedBins() : singlePool(loModesCm3),
    hotPhonons: input.switches.hotPhonons,
    klemensPerPs: 1 / (material.loLifetimePs * (1 + 2 * nARef)),
    upConversion: input.switches.upConversion ? 1 : 0,
    // Organic–inorganic A-site alloys: co-vibrational modes slow phonon relaxation (review §2.3, ref. 99); the
    // same lengthening the materials module applies to the LO lifetime is applied to the hot acoustic phonons.
    daughterLifetimePs: daughterLifetimePs(hwEv, input.latticeK) * (1 + ALLOY_LO_LIFETIME.c * material.organicInorganicMixing),
    carrierAcousticPs: material.carrierAcousticPs,
    k1PerPs: material.k1PerS / PS_PER_S,
    k2Cm3PerPs: bulk ? material.k2Cm3PerS / PS_PER_S : 0,
    kRadPerPs: bulk ? 0 : 1 / (material.ncRadiativeLifetimeNs * 1000),
    k3Cm6PerPs,
    ncAugerPerPs: bulk || input.augerStatistics !== 'poisson' ? 0 : (8 * k3Cm6PerPs) / ncVolumeCm3 ** 2, // = 1/τ_XX
    ncVolumeCm3,
    classFloorCm3: CLASS_FLOOR_REL * exc.densityCm3,
    augerHeating: input.switches.augerHeating ? 1 : 0,
    heatCapacityEvCm3K,
    heatLossPs,
    acceptor: input.acceptor,
    hotRatePerPs: 1 / input.hotAcceptorTransferPs,
    hotBarrierEv: input.hotAcceptorBarrierEv,
    coldRatePerPs: 1 / input.coldAcceptorTransferPs,
  };

  const warnings = [...material.warnings];
  if (material.tolerance.warning && !warnings.includes(material.tolerance.warning)) warnings.push(material.tolerance.warning);
  const derived: Derived = {
    material,
    bulk,
    gapEv: conf.gapEv,
    confinementEv: conf.confinementEv,
    bohrDiameterNm: conf.bohrDiameterNm,
    regime: conf.regime,
    ncVolumeNm3: conf.volumeNm3,
    electronLevelSpacingMeV: conf.electronLevelSpacingMeV,
    holeLevelSpacingMeV: conf.holeLevelSpacingMeV,
    pumpEv,
    excessEnergyEv: pumpEv - conf.gapEv,
    injectionTempK,
    injectionElectronK,
    injectionHoleK,
    densityCm3: exc.densityCm3,
    nPerNc: exc.nPerNc,
    fluenceUJcm2: exc.fluenceUJcm2,
    crossSectionCm2: exc.crossSectionCm2,
    frohlichAlphaElectron: alphaE,
    frohlichAlphaHole: alphaH,
    loEmissionFs: 1000 / (coefficients.emissionRateElectronPerPs + coefficients.emissionRateHolePerPs),
    loModesCm3,
    augerCm6PerS: k3Cm6PerPs * PS_PER_S,
    biexcitonAugerPs,
    augerStatistics: bulk ? null : input.augerStatistics,
    loPool: input.loPool,
    loBinModesCm3: Array.from(coefficients.loBins.modesCm3),
    heatLossPs,
    warnings,
  };
  return { derived, coefficients };
}
