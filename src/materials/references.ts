// Literature references and shared constants for the material data sheets (one string per paper, reused by sheets).
import type { Quantity } from './types.ts';

/** Build a Quantity. */
export function q(value: number, unit: string, source: string, note?: string): Quantity {
  return note === undefined ? { value, unit, source } : { value, unit, source, note };
}

export const REF = {
  frostPrb: 'J. M. Frost, Phys. Rev. B 96, 195202 (2017), doi:10.1103/PhysRevB.96.195202 (arXiv:1704.05404)',
  ponce2019: 'S. Poncé, M. Schlipf, F. Giustino, ACS Energy Lett. 4, 456 (2019), doi:10.1021/acsenergylett.8b02346 (Fig. 3b, read from the authors\' data as re-used in a 2025 follow-up)',
  frostCooling: 'J. M. Frost, L. D. Whalley, A. Walsh, ACS Energy Lett. 2, 2647 (2017), doi:10.1021/acsenergylett.7b00862',
  sendner: 'M. Sendner et al., Mater. Horiz. 3, 613 (2016), doi:10.1039/C6MH00275G',
  wright: 'A. D. Wright et al., Nat. Commun. 7, 11755 (2016), doi:10.1038/ncomms11755',
  galkowski: 'K. Galkowski et al., Energy Environ. Sci. 9, 962 (2016), doi:10.1039/C5EE03435C',
  galkowskiSn: 'K. Galkowski et al., ACS Energy Lett. 4, 615 (2019), doi:10.1021/acsenergylett.8b02243',
  yangCs: 'Z. Yang et al., ACS Energy Lett. 2, 1621 (2017), doi:10.1021/acsenergylett.7b00416',
  protesescu: 'L. Protesescu et al., Nano Lett. 15, 3692 (2015), doi:10.1021/nl5048779',
  huangLambrecht: 'L.-y. Huang, W. R. L. Lambrecht, Phys. Rev. B 88, 165203 (2013), doi:10.1103/PhysRevB.88.165203',
  fu: 'J. Fu et al., Nat. Commun. 8, 1300 (2017), doi:10.1038/s41467-017-01360-3',
  iaru: 'C. M. Iaru et al., Nat. Commun. 12 (2021), doi:10.1038/s41467-021-26192-0',
  noh: 'J. H. Noh et al., Nano Lett. 13, 1764 (2013), doi:10.1021/nl400349b',
  eperonFa: 'G. E. Eperon et al., Energy Environ. Sci. 7, 982 (2014), doi:10.1039/C3EE43822H',
  eperonCs: 'G. E. Eperon et al., J. Mater. Chem. A 3, 19688 (2015), doi:10.1039/C5TA06398A',
  stoumposCsPbBr3: 'C. C. Stoumpos et al., Cryst. Growth Des. 13, 2722 (2013), doi:10.1021/cg400645t',
  stoumposIodides: 'C. C. Stoumpos, C. D. Malliakas, M. G. Kanatzidis, Inorg. Chem. 52, 9019 (2013), doi:10.1021/ic401215x',
  chung: 'I. Chung et al., J. Am. Chem. Soc. 134, 8579 (2012), doi:10.1021/ja301539s',
  hao: 'F. Hao et al., Nat. Photonics 8, 489 (2014), doi:10.1038/nphoton.2014.82',
  koh: 'T. M. Koh et al., J. Mater. Chem. A 3, 14996 (2015), doi:10.1039/C5TA00190K',
  kitazawa: 'N. Kitazawa, Y. Watanabe, Y. Nakamura, J. Mater. Sci. 37, 3585 (2002), doi:10.1023/A:1016584519829',
  poglitsch: 'A. Poglitsch, D. Weber, J. Chem. Phys. 87, 6373 (1987), doi:10.1063/1.453467',
  leePnas: 'W. Lee et al., Proc. Natl. Acad. Sci. USA 114, 8693 (2017), doi:10.1073/pnas.1711744114',
  ge: 'C. Ge et al., J. Phys. Chem. C 122, 15973 (2018), doi:10.1021/acs.jpcc.8b05919',
  recombTable: 'global fits of transient spectroscopy collected in the review at https://pmc.ncbi.nlm.nih.gov/articles/PMC10347435 (Table 3; MAPbI3 TRTS, MAPbBr3 TA, FAPbI3 TRPL+PLQY)',
  castaneda: 'J. A. Castañeda et al., ACS Nano 10, 8603 (2016), doi:10.1021/acsnano.6b03908',
  makarov: 'N. S. Makarov et al., Nano Lett. 16, 2349 (2016), doi:10.1021/acs.nanolett.5b05077',
  liAlloy: 'H. Li et al., Adv. Mater. 35, 2301834 (2023), doi:10.1002/adma.202301834',
  mdMapi: 'MD study "Low-Frequency Dielectric Response of the Tetragonal Perovskite CH3NH3PbI3", J. Phys. Chem. Lett. 11 (2020), doi:10.1021/acs.jpclett.0c00418',
  yangUpconv: 'J. Yang et al., Nat. Commun. 8, 14120 (2017), doi:10.1038/ncomms14120',
  liNc: 'M. Li et al., Nat. Commun. 8, 14350 (2017), doi:10.1038/ncomms14350',
  shannon: 'R. D. Shannon, Acta Crystallogr. A 32, 751 (1976), doi:10.1107/S0567739476001551',
  kieslich: 'G. Kieslich, S. Sun, A. K. Cheetham, Chem. Sci. 5, 4712 (2014), doi:10.1039/C4SC02211D',
  yinAlloy: 'W.-J. Yin, Y. Yan, S.-H. Wei, J. Phys. Chem. Lett. 5, 3625 (2014), doi:10.1021/jz501896w',
  rajagopal: 'A. Rajagopal, R. J. Stoddard, H. W. Hillhouse, A. K.-Y. Jen, J. Mater. Chem. A 7 (2019), doi:10.1039/C9TA05308E',
  haoJacs: 'F. Hao et al., J. Am. Chem. Soc. 136, 8094 (2014), doi:10.1021/ja5033259',
  yuCsSnI3: 'C. Yu et al., J. Appl. Phys. 110, 063526 (2011), doi:10.1063/1.3638699',
  goniCsPbBr3: 'Absence of anomalous electron–phonon coupling in the temperature renormalization of the gap of CsPbBr3 nanocrystals, arXiv:2409.06374 (2024)',
  goniCl: 'S. Fasahat et al., sign of the gap temperature dependence in CsPb(Br,Cl)3 nanocrystals, arXiv:2411.13727 (2024)',
  klemens: 'P. G. Klemens, Phys. Rev. 148, 845 (1966), doi:10.1103/PhysRev.148.845',
  loper: 'P. Löper et al., J. Phys. Chem. Lett. 6, 66 (2015), doi:10.1021/jz502471h',
} as const;

/** Boltzmann constant (J/K). */
const KB = 1.380649e-23;

/**
 * Dulong–Petit volumetric heat capacity of an ABX3 cell: 15 k_B per formula unit (5 sites × 3 k_B; an organic
 * cation counted as one rigid site) divided by the pseudo-cubic cell volume a^3.
 * @param latticeA pseudo-cubic lattice constant (Å)
 * @returns J cm^-3 K^-1
 */
export function dulongPetitJcm3K(latticeA: number): number {
  const aCm = latticeA * 1e-8;
  return (15 * KB) / (aCm * aCm * aCm);
}

/** Heat-capacity Quantity from Dulong–Petit and a sourced lattice constant. */
export function heatCapacity(latticeA: number, latticeSource: string): Quantity {
  return q(
    Number(dulongPetitJcm3K(latticeA).toFixed(3)),
    'J cm^-3 K^-1',
    `estimate: Dulong–Petit 15 k_B per ABX3 / a^3 with a = ${latticeA} Å (${latticeSource})`,
    `agrees with the ~120 J mol^-1 K^-1 (≈0.8 J cm^-3 K^-1) used for MAPbI3 by ${REF.frostCooling}`,
  );
}

/** Hydrogenic exciton Bohr radius a_B = a_0 ε/μ (nm), a_0 = 0.0529177 nm. */
export function hydrogenicBohrNm(epsEff: number, reducedMassM0: number): number {
  return (0.0529177 * epsEff) / reducedMassM0;
}

/** Shared family values used where a compound has no measurement of its own (each marked as an estimate). */
export const FAMILY = {
  gapSlope: (who: string) =>
    q(0.3, 'meV K^-1', `estimate: lead-halide family value applied to ${who}; CsSnI3 measures +0.35 meV K^-1 (${REF.yuCsSnI3}), and CsPbBr3 NCs share MAPbI3's linear positive slope (${REF.goniCsPbBr3})`,
      'tetragonal/cubic phases near room temperature; phase transitions (MAPbI3 orthorhombic below ~160 K) are not modelled'),
  loLifetime: (who: string) =>
    q(0.6, 'ps', `estimate: family value, MAPbI3 LO-phonon lifetime 0.6 ± 0.1 ps at 300 K (${REF.fu}) applied to ${who}`,
      'Klemens LO → acoustic decay in lead/tin halides is set by the soft inorganic cage; no own measurement found'),
  carrierAcoustic: q(30, 'ps',
    `estimate: tens-of-ps slow cooling component of TA hot-carrier data (${REF.liNc}; ${REF.yangUpconv})`,
    'carrier → acoustic energy relaxation; weak deformation-potential coupling in soft perovskite lattices; no direct measurement found'),
  augerPerVolume: (who: string, value: number) =>
    q(value, 'ps nm^-3', `estimate: linear τ_XX ∝ V scaling in strong confinement (${REF.castaneda}; ${REF.makarov}) applied to ${who}`,
      'CsPbX3 QDs of ~8–10 nm edge show τ_XX of tens of ps; slope chosen so a 9 nm cube gives ≈50 ps; the model uses τ_XX = β V under strong confinement and crosses over smoothly to the bulk k3 above the Bohr diameter (src/model/derive.ts)'),
} as const;
