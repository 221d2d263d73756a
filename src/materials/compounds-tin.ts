// Data sheets of the tin iodides CsSnI3, MASnI3, FASnI3 (300 K, every number sourced or a stated estimate).
import type { CompoundData } from './types.ts';
import { FAMILY, REF, heatCapacity, hydrogenicBohrNm, q } from './references.ts';

const HL = `${REF.huangLambrecht} (QSGW; values as used in ${REF.frostPrb})`;
const SN_FAMILY = (what: string) => `estimate: CsSnI3 ${what} (${HL}) used for the hybrid tin iodide`;
const SN_MU = 0.075;
const snMass = q(2 * SN_MU, 'm0', `estimate: μ = ${SN_MU} m0, Sn-rich end of the 0.075–0.090 m0 measured for Pb–Sn perovskites (${REF.galkowskiSn}), split me = mh = 2μ`);

function tinRecombination() {
  return {
    k1PerS: q(5e9, 's^-1', 'estimate: sub-ns PL lifetimes of tin iodides (Sn2+ oxidation, p-type background); order of magnitude'),
    k2Cm3PerS: q(6e-11, 'cm^3 s^-1', `estimate: iodide family value (MAPbI3, ${REF.recombTable})`),
    k3Cm6PerS: q(1.6e-28, 'cm^6 s^-1', `estimate: iodide family value (MAPbI3, ${REF.recombTable})`),
  };
}

export const CS_SN_I3: CompoundData = {
  formula: 'CsSnI3', a: 'Cs', b: 'Sn', x: 'I',
  gapEv: q(1.3, 'eV', REF.chung),
  gapSlopeMeVPerK: q(0.35, 'meV K^-1', `${REF.yuCsSnI3} (excitonic emission 9–300 K, linear)`),
  electronMassM0: q(0.069, 'm0', `estimate: set equal to the hole mass of ${HL}`, 'only the hole mass is used in Frost PRB 2017'),
  holeMassM0: q(0.069, 'm0', HL),
  epsInf: q(6.05, '1', HL),
  epsStatic: q(48.2, '1', HL),
  loPhononMeV: q(18.85, 'meV', `${HL} (152 cm^-1)`),
  loLifetimePs: FAMILY.loLifetime('CsSnI3'),
  carrierAcousticPs: FAMILY.carrierAcoustic,
  ...tinRecombination(),
  biexcitonAugerPsPerNm3: FAMILY.augerPerVolume('CsSnI3', 0.07),
  ncRadiativeLifetimeNs: q(2, 'ns', 'estimate: tin-halide NCs have ns-scale PL lifetimes; order of magnitude'),
  bohrRadiusNm: q(Number(hydrogenicBohrNm(6.05, 0.0345).toFixed(2)), 'nm', `calc. hydrogenic a0·ε∞/μ with μ = 0.0345 m0, ε∞ = 6.05 (${HL})`,
    'upper bound: ε∞ rather than a larger effective ε'),
  heatCapacityJcm3K: heatCapacity(6.219, REF.chung),
  thermalConductivityWmK: q(0.38, 'W m^-1 K^-1', `${REF.leePnas} (nanowires)`),
  absorptionPerCm: q(1.0e5, 'cm^-1', 'estimate: tin-iodide absorption near 3 eV; order of magnitude'),
};

function hybridTin(formula: 'MASnI3' | 'FASnI3', a: 'MA' | 'FA', gap: number, gapSource: string, latticeA: number): CompoundData {
  return {
    formula, a, b: 'Sn', x: 'I',
    gapEv: q(gap, 'eV', gapSource),
    gapSlopeMeVPerK: q(0.35, 'meV K^-1', `estimate: CsSnI3 value (${REF.yuCsSnI3}) used for the hybrid tin iodide`),
    electronMassM0: snMass,
    holeMassM0: snMass,
    epsInf: q(6.05, '1', SN_FAMILY('ε∞')),
    epsStatic: q(48.2, '1', SN_FAMILY('εs'), 'no own measurement found; organic-cation term not added'),
    loPhononMeV: q(18.85, 'meV', SN_FAMILY('LO energy')),
    loLifetimePs: FAMILY.loLifetime(formula),
    carrierAcousticPs: FAMILY.carrierAcoustic,
    ...tinRecombination(),
    biexcitonAugerPsPerNm3: FAMILY.augerPerVolume(formula, 0.07),
    ncRadiativeLifetimeNs: q(2, 'ns', 'estimate: tin-halide NCs have ns-scale PL lifetimes; order of magnitude'),
    bohrRadiusNm: q(Number(hydrogenicBohrNm(9.4, SN_MU).toFixed(2)), 'nm',
      `estimate: hydrogenic a0·ε/μ with μ = ${SN_MU} (${REF.galkowskiSn}) and the MAPbI3 ε_eff 9.4 (${REF.galkowski})`),
    heatCapacityJcm3K: heatCapacity(latticeA, REF.stoumposIodides),
    thermalConductivityWmK: q(0.3, 'W m^-1 K^-1', `estimate: MAPbI3 value (${REF.ge})`),
    absorptionPerCm: q(1.0e5, 'cm^-1', 'estimate: tin-iodide absorption near 3 eV; order of magnitude'),
  };
}

export const MA_SN_I3 = hybridTin('MASnI3', 'MA', 1.3, REF.hao, 6.23);
export const FA_SN_I3 = hybridTin('FASnI3', 'FA', 1.41, REF.koh, 6.32);
