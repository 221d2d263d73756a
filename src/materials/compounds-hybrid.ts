// Data sheets of the hybrid lead halides MAPbI3, MAPbBr3, MAPbCl3, FAPbI3, FAPbBr3 (300 K, every number sourced).
import type { CompoundData } from './types.ts';
import { FAMILY, REF, heatCapacity, hydrogenicBohrNm, q } from './references.ts';

const EQUAL_MASS =
  'me = mh = 2μ: lead-halide conduction and valence bands are near mirror images (k·p), so the measured reduced mass is split evenly';
const SENDNER_NOTE = 'Sendner (measured IR/THz, 300 K) chosen over the DFT set of Frost PRB 2017 for MAPbX3 so all three MA halides come from one experiment';
const FA_EXCESS = 14.5;
const FA_EPS_NOTE =
  `FA+ rotates freely in cubic α-FAPbI3; MD of rotating-cation MAPbI3 gives εs 43–53 vs ~25 with frozen cations (${REF.mdMapi}). ` +
  'The larger εs is what makes FAPbI3 couple more strongly than CsPbI3 (review ref 112: coupling from organic-cation motion)';
const bohr = (eps: number, mu: number) => Number(hydrogenicBohrNm(eps, mu).toFixed(2));

export const MA_PB_I3: CompoundData = {
  formula: 'MAPbI3', a: 'MA', b: 'Pb', x: 'I',
  gapEv: q(1.57, 'eV', REF.noh, 'same paper as the I–Br bowing; other reports 1.55–1.61 eV (Frost 2017: 1.61)'),
  gapSlopeMeVPerK: FAMILY.gapSlope('MAPbI3'),
  electronMassM0: q(0.208, 'm0', `calc. from μ = 0.104 m0 (${REF.galkowski})`, `${EQUAL_MASS}; Frost PRB 2017 uses band masses 0.12/0.15`),
  holeMassM0: q(0.208, 'm0', `calc. from μ = 0.104 m0 (${REF.galkowski})`, EQUAL_MASS),
  epsInf: q(5.0, '1', REF.sendner, `${SENDNER_NOTE}; Frost PRB 2017 uses 4.5`),
  epsStatic: q(33.5, '1', REF.sendner, `${SENDNER_NOTE}; Frost PRB 2017 uses 24.1`),
  loPhononMeV: q(14.0, 'meV', `${REF.sendner} (Hellwarth effective 112.9 cm^-1, as reproduced in Frost's PolaronMobility.jl)`,
    'Frost PRB 2017 effective 9.3 meV (2.25 THz); Wright 2016 PL linewidth 11.5 meV'),
  loLifetimePs: q(0.6, 'ps', REF.fu, '0.6 ± 0.1 ps at room temperature, longer at low temperature'),
  carrierAcousticPs: FAMILY.carrierAcoustic,
  k1PerS: q(1.5e7, 's^-1', REF.recombTable),
  k2Cm3PerS: q(6e-11, 'cm^3 s^-1', REF.recombTable),
  k3Cm6PerS: q(1.6e-28, 'cm^6 s^-1', REF.recombTable),
  biexcitonAugerPsPerNm3: FAMILY.augerPerVolume('MAPbI3', 0.07),
  ncRadiativeLifetimeNs: q(20, 'ns', `estimate: iodide value of CsPbX3 NCs (${REF.protesescu})`),
  bohrRadiusNm: q(bohr(9.4, 0.104), 'nm', `calc. hydrogenic a0·ε/μ with μ = 0.104, Eb = 16 meV → ε_eff = 9.4 (${REF.galkowski})`),
  heatCapacityJcm3K: heatCapacity(6.33, `cubic MAPbI3, ${REF.poglitsch}`),
  thermalConductivityWmK: q(0.3, 'W m^-1 K^-1', REF.ge),
  absorptionPerCm: q(1.5e5, 'cm^-1', `estimate: order of magnitude near 2.6–3 eV from the ellipsometry of ${REF.loper}`),
};

export const MA_PB_BR3: CompoundData = {
  formula: 'MAPbBr3', a: 'MA', b: 'Pb', x: 'Br',
  gapEv: q(2.29, 'eV', REF.noh, 'end point of Eg(x) = 1.57 + 0.39x + 0.33x²; single crystals 2.31 eV'),
  gapSlopeMeVPerK: FAMILY.gapSlope('MAPbBr3'),
  electronMassM0: q(0.234, 'm0', `calc. from μ = 0.117 m0 (${REF.galkowski})`, EQUAL_MASS),
  holeMassM0: q(0.234, 'm0', `calc. from μ = 0.117 m0 (${REF.galkowski})`, EQUAL_MASS),
  epsInf: q(4.7, '1', REF.sendner, SENDNER_NOTE),
  epsStatic: q(32.3, '1', REF.sendner, SENDNER_NOTE),
  loPhononMeV: q(18.5, 'meV', `${REF.sendner} (Hellwarth effective 149.4 cm^-1)`, 'Wright 2016: 15.3 meV from PL linewidth'),
  loLifetimePs: FAMILY.loLifetime('MAPbBr3'),
  carrierAcousticPs: FAMILY.carrierAcoustic,
  k1PerS: q(2.7e7, 's^-1', REF.recombTable),
  k2Cm3PerS: q(4.9e-10, 'cm^3 s^-1', REF.recombTable),
  k3Cm6PerS: q(1.35e-27, 'cm^6 s^-1', REF.recombTable),
  biexcitonAugerPsPerNm3: FAMILY.augerPerVolume('MAPbBr3', 0.07),
  ncRadiativeLifetimeNs: q(5, 'ns', `estimate: bromide value of CsPbX3 NCs (${REF.protesescu})`),
  bohrRadiusNm: q(bohr(7.98, 0.117), 'nm', `calc. hydrogenic a0·ε/μ with μ = 0.117, Eb = 25 meV → ε_eff = 7.98 (${REF.galkowski})`,
    '4.4–5.6 nm reported with dielectric confinement'),
  heatCapacityJcm3K: heatCapacity(5.90, `cubic MAPbBr3, ${REF.poglitsch}`),
  thermalConductivityWmK: q(0.3, 'W m^-1 K^-1', `estimate: MAPbI3 value (${REF.ge})`),
  absorptionPerCm: q(1.0e5, 'cm^-1', 'estimate: bromide family value near 3 eV; order of magnitude'),
};

export const MA_PB_CL3: CompoundData = {
  formula: 'MAPbCl3', a: 'MA', b: 'Pb', x: 'Cl',
  gapEv: q(3.11, 'eV', REF.kitazawa, 'absorption edge of MAPbCl3 films'),
  gapSlopeMeVPerK: FAMILY.gapSlope('MAPbCl3'),
  electronMassM0: q(0.4, 'm0', `calc. from μ = 0.2 m0 used by ${REF.sendner}`, EQUAL_MASS),
  holeMassM0: q(0.4, 'm0', `calc. from μ = 0.2 m0 used by ${REF.sendner}`, EQUAL_MASS),
  epsInf: q(4.0, '1', REF.sendner, SENDNER_NOTE),
  epsStatic: q(29.8, '1', REF.sendner, SENDNER_NOTE),
  loPhononMeV: q(26.5, 'meV', `${REF.sendner} (Hellwarth effective 214.0 cm^-1)`),
  loLifetimePs: FAMILY.loLifetime('MAPbCl3'),
  carrierAcousticPs: FAMILY.carrierAcoustic,
  k1PerS: q(2.7e7, 's^-1', `estimate: bromide value (MAPbBr3, ${REF.recombTable})`),
  k2Cm3PerS: q(4.9e-10, 'cm^3 s^-1', `estimate: bromide value (MAPbBr3, ${REF.recombTable})`),
  k3Cm6PerS: q(1.35e-27, 'cm^6 s^-1', `estimate: bromide value (MAPbBr3, ${REF.recombTable})`),
  biexcitonAugerPsPerNm3: FAMILY.augerPerVolume('MAPbCl3', 0.07),
  ncRadiativeLifetimeNs: q(1, 'ns', `estimate: chloride value of CsPbX3 NCs (${REF.protesescu})`),
  bohrRadiusNm: q(2.5, 'nm', `estimate: CsPbCl3 value (${REF.protesescu}); μ ≈ 0.2 is close to CsPbCl3's 0.202`),
  heatCapacityJcm3K: heatCapacity(5.68, `cubic MAPbCl3, ${REF.poglitsch}`),
  thermalConductivityWmK: q(0.3, 'W m^-1 K^-1', `estimate: MAPbI3 value (${REF.ge})`),
  absorptionPerCm: q(3e4, 'cm^-1', 'estimate: just above the 3.1 eV gap; order of magnitude'),
};

export const FA_PB_I3: CompoundData = {
  formula: 'FAPbI3', a: 'FA', b: 'Pb', x: 'I',
  gapEv: q(1.48, 'eV', REF.eperonFa, 'black α phase'),
  gapSlopeMeVPerK: FAMILY.gapSlope('FAPbI3'),
  electronMassM0: q(0.18, 'm0', `calc. from μ = 0.09 m0 (${REF.galkowski})`, EQUAL_MASS),
  holeMassM0: q(0.18, 'm0', `calc. from μ = 0.09 m0 (${REF.galkowski})`, EQUAL_MASS),
  epsInf: q(5.0, '1', `estimate: MAPbI3 measured value (${REF.sendner})`,
    'ε∞ is electronic, set by the Pb–I sublattice that forms both band edges; FA does not contribute'),
  epsStatic: q(33.5 + FA_EXCESS, '1',
    `estimate: MAPbI3 measured εs 33.5 (${REF.sendner}) + ${FA_EXCESS} for free FA+ rotation (midpoint 48 of the MD range 43–53, ${REF.mdMapi})`,
    FA_EPS_NOTE),
  loPhononMeV: q(11.5, 'meV', `${REF.wright} (LO energy from the PL linewidth, lead iodides incl. FAPbI3)`),
  loLifetimePs: FAMILY.loLifetime('FAPbI3'),
  carrierAcousticPs: FAMILY.carrierAcoustic,
  k1PerS: q(9e5, 's^-1', REF.recombTable),
  k2Cm3PerS: q(7e-10, 'cm^3 s^-1', REF.recombTable),
  k3Cm6PerS: q(3e-28, 'cm^6 s^-1', REF.recombTable),
  biexcitonAugerPsPerNm3: FAMILY.augerPerVolume('FAPbI3', 0.07),
  ncRadiativeLifetimeNs: q(20, 'ns', `estimate: iodide value of CsPbX3 NCs (${REF.protesescu})`),
  bohrRadiusNm: q(bohr(9.35, 0.09), 'nm', `calc. hydrogenic a0·ε/μ with μ = 0.09, Eb = 14 meV → ε_eff = 9.35 (${REF.galkowski})`),
  heatCapacityJcm3K: heatCapacity(6.36, `cubic α-FAPbI3, ${REF.stoumposIodides}`),
  thermalConductivityWmK: q(0.3, 'W m^-1 K^-1', `estimate: MAPbI3 value (${REF.ge})`),
  absorptionPerCm: q(1.5e5, 'cm^-1', `estimate: iodide family value (MAPbI3, ${REF.loper})`),
};

export const FA_PB_BR3: CompoundData = {
  formula: 'FAPbBr3', a: 'FA', b: 'Pb', x: 'Br',
  gapEv: q(2.23, 'eV', REF.eperonFa),
  gapSlopeMeVPerK: FAMILY.gapSlope('FAPbBr3'),
  electronMassM0: q(0.23, 'm0', `calc. from μ = 0.115 m0 (${REF.galkowski})`, EQUAL_MASS),
  holeMassM0: q(0.23, 'm0', `calc. from μ = 0.115 m0 (${REF.galkowski})`, EQUAL_MASS),
  epsInf: q(4.7, '1', `estimate: MAPbBr3 measured value (${REF.sendner})`, 'electronic, set by the Pb–Br sublattice'),
  epsStatic: q(32.3 + FA_EXCESS, '1',
    `estimate: MAPbBr3 measured εs 32.3 (${REF.sendner}) + the same FA rotation excess ${FA_EXCESS} as FAPbI3 (${REF.mdMapi})`, FA_EPS_NOTE),
  loPhononMeV: q(15.3, 'meV', `${REF.wright} (LO energy from the PL linewidth, lead bromides)`),
  loLifetimePs: FAMILY.loLifetime('FAPbBr3'),
  carrierAcousticPs: FAMILY.carrierAcoustic,
  k1PerS: q(2.7e7, 's^-1', `estimate: bromide family value (MAPbBr3, ${REF.recombTable})`),
  k2Cm3PerS: q(4.9e-10, 'cm^3 s^-1', `estimate: bromide family value (MAPbBr3, ${REF.recombTable})`),
  k3Cm6PerS: q(1.35e-27, 'cm^6 s^-1', `estimate: bromide family value (MAPbBr3, ${REF.recombTable})`),
  biexcitonAugerPsPerNm3: FAMILY.augerPerVolume('FAPbBr3', 0.07),
  ncRadiativeLifetimeNs: q(5, 'ns', `estimate: bromide value of CsPbX3 NCs (${REF.protesescu})`),
  bohrRadiusNm: q(bohr(8.07, 0.115), 'nm', `calc. hydrogenic a0·ε/μ with μ = 0.115, Eb = 24 meV → ε_eff = 8.07 (${REF.galkowski})`),
  heatCapacityJcm3K: heatCapacity(5.99, 'cubic FAPbBr3, commonly quoted value'),
  thermalConductivityWmK: q(0.3, 'W m^-1 K^-1', `estimate: MAPbI3 value (${REF.ge})`),
  absorptionPerCm: q(1.0e5, 'cm^-1', 'estimate: bromide family value near 3 eV; order of magnitude'),
};
