// Validation entries measured on colloidal nanocrystals (and the NC-versus-film comparisons of the same papers).
// Numbers are the papers' own words as reachable here; assumed conditions are marked "assumed" in each entry.

import { KB_EV_PER_K } from '../model/constants.ts';
import { excessFallTimePs, meanLossRatePerCarrierEvPs, oneOverETimePs, tcAtPs } from './extract.ts';
import { FINE, curveOf, need, nPerNcAt } from './helpers.ts';
import type { ValidationEntry } from './types.ts';

const LI_2017 = {
  doi: '10.1038/ncomms14350',
  source: {
    authors: 'Li M., Bhaumik S., Goh T. W., Kumar M. S., Yantara N., Grätzel M., Mhaisalkar S., Mathews N., Sum T. C.',
    journal: 'Nat. Commun. 8, 14350',
    year: 2017,
    figure: 'Abstract (NCs vs bulk films; size dependence at low and high pump fluence; Bphen extraction). The review reproduces the article\'s Tc-vs-delay curves of its "medium" MAPbBr3 NCs and of bulk films at several carrier densities as its Fig. 5d (ref. 101)',
    readAt: 'abstract (123docz.net copy of the article PDF, IDEAS/RePEc and DataCite 10.21979/N9/U8RXH5 records), the introduction (nature.com article page), and the review\'s section 2.3 and Fig. 5 caption (shared/seed). The Results and Methods (NC sizes in nm, pump wavelength, ⟨N⟩ and film densities, cooling-time values) were not reachable in the stored copies: those stay assumed',
  },
};
/** Li 2017: the pump wavelength and the NC sizes in nm are not in the text reachable here (abstract, introduction,
 *  the review's caption of the reproduced figure): the group's usual 400 nm (3.1 eV) pump and the edge lengths are
 *  assumed. The article names its sizes small / medium / large (the review's Fig. 5d caption: "medium" NCs). */
const LI_PUMP_NM = 400;
const LI_MEDIUM_NM = 10;
const liNc = (edgeNm: number, nPerNc: number) => ({ composition: 'MAPbBr3', edgeNm, nPerNc, pumpNm: LI_PUMP_NM, latticeK: 295, ...FINE });
/** A size series at one pump fluence (µJ cm^-2): ⟨N⟩ = σ j grows with the NC volume (σ ∝ V above the gap), the pair
 *  density ⟨N⟩/V stays the same. Levels assumed: the fluences giving ⟨N⟩ = 0.1 (low) and 5 (high) in the 10 nm
 *  "medium" NCs at 400 nm with the model's own cross-section (0.70 and 35 µJ cm^-2). */
const LI_LOW_FLUENCE = 0.7;
const LI_HIGH_FLUENCE = 35;
const liNcAtFluence = (edgeNm: number, fluenceUJcm2: number) => ({ composition: 'MAPbBr3', edgeNm, fluenceUJcm2, pumpNm: LI_PUMP_NM, latticeK: 295, ...FINE });
const liFilm = (densityCm3: number) => ({ composition: 'MAPbBr3', edgeNm: null, densityCm3, pumpNm: LI_PUMP_NM, latticeK: 295, ...FINE });

const LI_Y_2019 = {
  doi: '10.1039/C9SC01339C',
  source: {
    authors: 'Li Y., Lai R., Luo X., Liu X., Ding T., Lu X., Wu K.',
    journal: 'Chem. Sci. 10, 5983',
    year: 2019,
    figure: 'Abstract of "On the absence of a phonon bottleneck in strongly confined CsPbBr3 perovskite nanocrystals": sub-ps hot exciton lifetimes for every edge length within 2.6–6.2 nm; loss rates, quantified from the well-resolved excitonic peaks, rise as size falls',
    readAt: 'abstract and the opening of the introduction, pubs.rsc.org article HTML (open access, CC BY 3.0); the Results (pump energy, ⟨N⟩, lifetimes per size, the loss-rate formula) were not reachable in the stored copy',
  },
};
/** Strongly confined CsPbBr3: low ⟨N⟩ (single excitons, "hot exciton") and a 350 nm pump, both assumed: the pump
 *  energy and ⟨N⟩ of the article were not reachable. */
const cspbbr3Small = (edgeNm: number) => ({ composition: 'CsPbBr3', edgeNm, nPerNc: 0.1, pumpNm: 350, latticeK: 295, ...FINE });

const NANO_LETT_2020 = {
  doi: '10.1021/acs.nanolett.9b05051',
  source: {
    authors: 'not shown in the record read here (PubMed 32049539; see the DOI); title "Phonon-Mediated and Weakly Size-Dependent Electron and Hole Cooling in CsPbBr3 Nanocrystals Revealed by Atomistic Simulations and Ultrafast Spectroscopy"',
    journal: 'Nano Lett. 20, 1819',
    year: 2020,
    figure: 'Abstract: ultrafast PL and absorption spectroscopy with nonadiabatic molecular dynamics; above ~0.1 eV electrons and holes cool with similar rates, "on the order of 1 eV ps^-1 carrier^-1", increasing weakly with size (0.8–12 nm: the range spans the simulated and measured NCs; which sizes were measured is not in the abstract)',
    readAt: 'abstract on PubMed (32049539); the article body (measured sizes, pump, fluence, how the rate per carrier is derived) was not reachable in the stored copies',
  },
};

const CASTANEDA_2016 = {
  doi: '10.1021/acsnano.6b03908',
  source: {
    authors: 'Castañeda J. A., Nagamine G., Yassitepe E., Bonato L. G., Voznyy O., Hoogland S., Nogueira A. F., Sargent E. H., Brito Cruz C. H., Padilha L. A.',
    journal: 'ACS Nano 10, 8603',
    year: 2016,
    figure: 'Abstract: "for strong confinement, the biexciton lifetime depends linearly on the PQD volume"',
    readAt: 'abstract of the ACS Nano article (copy on datapdf.com)',
  },
};

/** Excess temperature (K) at which the mean kinetic energy (3/2) kB ΔT of one carrier is 0.1 eV. */
const WARM_K = 0.1 / (1.5 * KB_EV_PER_K);

export const NC_ENTRIES: ValidationEntry[] = [
  {
    id: 'li2017-mapbbr3-nc-vs-film-cooling-time',
    title: 'MAPbBr3: NCs cool ~two orders of magnitude slower than bulk films (review Fig. 5d)',
    ...LI_2017,
    sample: `the article's "medium" MAPbBr3 colloidal NCs (edge ${LI_MEDIUM_NM} nm assumed: the nm value was not reachable) vs MAPbBr3 bulk film`,
    paperConditions: { pump: '400 nm assumed', excitation: 'NCs at low excitation (phonon-bottleneck regime, abstract); the film shown at several carrier densities (review Fig. 5d caption); the ⟨N⟩ and film density of the ×100 comparison were not reachable', lattice: 'room temperature' },
    conversion: `NC ⟨N⟩ = 0.1 (low excitation, assumed) at ${LI_MEDIUM_NM} nm; the film at the same pair density as inside the NC, n = ⟨N⟩/L³ = ${(0.1 / nPerNcAt(1, LI_MEDIUM_NM)).toExponential(0)} cm^-3 (a like-for-like density: assumed, the article's film densities were not reachable); 295 K`,
    runs: { nc: liNc(LI_MEDIUM_NM, 0.1), film: liFilm(1e17) },
    quantity: { name: 'cooling-time ratio NC/film', definition: 'τ(NC) / τ(film), τ the 1/e time of the excess carrier temperature Tc − T_L (how the article defines its cooling time was not reachable: the 1/e time is this entry\'s reading)', unit: '' },
    published: { value: 100, uncertainty: null, unit: '', note: '"around two orders slower hot-carrier cooling times ... than their bulk-film counterparts" (abstract). The review\'s Fig. 5d, reproduced from the article, is a Tc-vs-delay plot of medium NCs and of films at several densities, not a cooling-time-vs-density plot; at which NC ⟨N⟩ and film density the ×100 holds is not in the reachable text' },
    tolerance: { kind: 'factor', factor: 3 },
    toleranceReason: '"around two orders" is an order-of-magnitude statement: half a decade either way (×/÷ 3, i.e. 33–300) is what "around 10^2" can mean; narrower would read more into the abstract than it says',
    calibration: false,
    measure: (r) => {
      const nc = need(oneOverETimePs(curveOf(r.nc)), 'NC 1/e time');
      const film = need(oneOverETimePs(curveOf(r.film)), 'film 1/e time');
      return { value: nc / film, note: `NC ${nc.toFixed(3)} ps, film ${film.toFixed(3)} ps` };
    },
    pointsAt: 'the NC-vs-film difference: the article ascribes the slow NC cooling at low excitation to a phonon bottleneck that, unlike in conventional NCs, is not short-circuited by intraband Auger-type (electron-to-hole) energy transfer, defects or surface effects (abstract, introduction); a 2018 Nat. Commun. article on multiple-exciton generation in perovskite NCs (doi 10.1038/s41467-018-06596-1, introduction) speaks of an "intrinsic phonon bottleneck" in lead bromide perovskite NCs. Model: intrinsic bottleneck strength at the medium size, heat flow to ligands',
  },
  {
    id: 'li2017-mapbbr3-nc-vs-film-temperature',
    title: 'MAPbBr3: NC hot-carrier temperature ~4× the film\'s',
    ...LI_2017,
    sample: `the article's "medium" MAPbBr3 NCs (${LI_MEDIUM_NM} nm assumed) vs MAPbBr3 bulk film`,
    paperConditions: { pump: '400 nm assumed', excitation: 'low excitation; film at several densities (review Fig. 5d caption); levels not reachable', lattice: 'room temperature' },
    conversion: 'as the cooling-time ratio entry; compared at 1 ps delay (the ratio is read off Tc-vs-delay curves, review Fig. 5d, but the delay of the abstract\'s "around four times" is not in the reachable text: assumed)',
    runs: { nc: liNc(LI_MEDIUM_NM, 0.1), film: liFilm(1e17) },
    quantity: { name: 'Tc ratio NC/film at 1 ps', definition: 'hot-carrier temperature of the NCs over that of the film at the same delay (1 ps)', unit: '' },
    published: { value: 4, uncertainty: null, unit: '', note: '"around four times larger hot-carrier temperatures than their bulk-film counterparts" (abstract)' },
    tolerance: { kind: 'factor', factor: 1.5 },
    toleranceReason: '"around four times" from Boltzmann tail fits whose temperatures carry ±10–20 % each; ×/÷ 1.5 (2.7–6) covers the rounding and both fits',
    calibration: false,
    measure: (r) => {
      const nc = need(tcAtPs(curveOf(r.nc), 1), 'NC Tc at 1 ps');
      const film = need(tcAtPs(curveOf(r.film), 1), 'film Tc at 1 ps');
      return { value: nc / film, note: `Tc(1 ps) NC ${nc.toFixed(0)} K, film ${film.toFixed(0)} K` };
    },
    pointsAt: 'the NC-vs-film difference (same as the cooling-time ratio) and the injected temperature in confined NCs',
  },
  {
    id: 'li2017-mapbbr3-size-low-fluence',
    title: 'MAPbBr3 NCs, low fluence: smaller NCs cool more slowly',
    ...LI_2017,
    sample: 'the article\'s small vs large MAPbBr3 NCs (7 nm and 13 nm assumed: the nm values were not reachable)',
    paperConditions: { pump: '400 nm assumed', excitation: 'low pump excitation, one fluence for both sizes (abstract); its value not reachable', lattice: 'room temperature' },
    conversion: `one pump fluence for both sizes, ${LI_LOW_FLUENCE} µJ cm^-2 (assumed: ⟨N⟩ = 0.1 in a 10 nm NC), so the same pair density in both and ⟨N⟩ ∝ V (0.03 at 7 nm, 0.2 at 13 nm); before this entry held ⟨N⟩ = 0.1 in both sizes, which is not one fluence. This follows the abstract\'s wording ("pump excitation", "pump fluence"); if the Results compare the sizes at equal ⟨N⟩ instead, the old definition returns; 295 K`,
    runs: { small: liNcAtFluence(7, LI_LOW_FLUENCE), large: liNcAtFluence(13, LI_LOW_FLUENCE) },
    quantity: { name: '1/e time ratio small/large', definition: 'τ(small NC) / τ(large NC) at the same low pump fluence, τ the 1/e time of Tc − T_L', unit: '' },
    published: { value: 1.1, uncertainty: null, unit: '', note: 'direction (abstract): "hot-carrier cooling mediated by a phonon bottleneck is surprisingly slower in smaller nanocrystals"' },
    tolerance: { kind: 'at-least', limit: 1.1 },
    toleranceReason: 'the paper reports a direction, not a factor; a ratio of at least 1.1 is the least that a reported "slower" between two TA data sets with ~10 % fit uncertainty can mean',
    calibration: false,
    measure: (r) => {
      const s = need(oneOverETimePs(curveOf(r.small)), 'small NC 1/e');
      const l = need(oneOverETimePs(curveOf(r.large)), 'large NC 1/e');
      return { value: s / l, note: `7 nm ${s.toFixed(3)} ps, 13 nm ${l.toFixed(3)} ps` };
    },
    pointsAt: 'the size dependence of the NC phonon bottleneck',
  },
  {
    id: 'li2017-mapbbr3-size-high-fluence',
    title: 'MAPbBr3 NCs, high fluence: Auger heating makes larger NCs cool more slowly',
    ...LI_2017,
    sample: 'the article\'s small vs large MAPbBr3 NCs (7 nm and 13 nm assumed)',
    paperConditions: { pump: '400 nm assumed', excitation: 'high pump fluence, one fluence for both sizes (Auger-heating regime, abstract); its value not reachable', lattice: 'room temperature' },
    conversion: `one pump fluence for both sizes, ${LI_HIGH_FLUENCE} µJ cm^-2 (assumed: ⟨N⟩ = 5 in a 10 nm NC), so ⟨N⟩ ∝ V (≈1.7 at 7 nm, ≈11 at 13 nm) at one pair density (5e18 cm^-3). Before this entry held ⟨N⟩ = 5 in both sizes, i.e. a 6.4× higher pair density in the small NCs than in the large ones, which is not "high pump fluence" for both. This follows the abstract\'s wording; if the Results compare the sizes at equal ⟨N⟩ instead, the old definition returns; 295 K`,
    runs: { small: liNcAtFluence(7, LI_HIGH_FLUENCE), large: liNcAtFluence(13, LI_HIGH_FLUENCE) },
    quantity: { name: '1/e time ratio large/small', definition: 'τ(large NC) / τ(small NC) at the same high pump fluence, τ the 1/e time of Tc − T_L', unit: '' },
    published: { value: 1.1, uncertainty: null, unit: '', note: 'direction (abstract): "At high pump fluence, Auger heating dominates hot-carrier cooling, which is slower in larger nanocrystals"' },
    tolerance: { kind: 'at-least', limit: 1.1 },
    toleranceReason: 'a reported direction; at least ×1.1 for the same reason as the low-fluence entry',
    calibration: false,
    measure: (r) => {
      const s = need(oneOverETimePs(curveOf(r.small)), 'small NC 1/e');
      const l = need(oneOverETimePs(curveOf(r.large)), 'large NC 1/e');
      return { value: l / s, note: `13 nm ${l.toFixed(3)} ps, 7 nm ${s.toFixed(3)} ps` };
    },
    pointsAt: 'NC Auger heating at one fluence: the large NCs hold more excitons (⟨N⟩ ∝ V) and a longer Auger cascade (this entry\'s reading; the abstract names Auger heating, not why it lasts longer in large NCs); the model\'s τ_XX ∝ V and Auger heating in the multi-exciton NCs of the ensemble',
  },
  ...[2.6, 6.2].map((edge): ValidationEntry => ({
    id: `liy2019-cspbbr3-${edge}nm-sub-ps`,
    title: `Strongly confined CsPbBr3 NCs (${edge} nm): sub-ps hot-exciton cooling`,
    ...LI_Y_2019,
    sample: `CsPbBr3 colloidal NCs, edge ${edge} nm (the ends of the paper's 2.6–6.2 nm series)`,
    paperConditions: { pump: 'above-gap pump (wavelength not in the readable text; 350 nm assumed)', excitation: 'low ⟨N⟩ (single excitons; ⟨N⟩ = 0.1 assumed)', lattice: 'room temperature' },
    conversion: `--composition CsPbBr3 --edge-nm ${edge} --n-per-nc 0.1 --pump-nm 350 --lattice-k 295`,
    runs: { nc: cspbbr3Small(edge) },
    quantity: { name: 'hot-exciton lifetime', definition: 'time for the hot population to relax to the band edge; model: 1/e time of Tc − T_L', unit: 'ps' },
    published: { value: 1, uncertainty: null, unit: 'ps', note: '"sub-ps hot exciton lifetimes in all the samples with edge lengths within 2.6–6.2 nm" (abstract): an upper bound' },
    tolerance: { kind: 'at-most', limit: 1 },
    toleranceReason: 'the paper states a bound ("sub-ps") for every size; the model must give ≤ 1 ps. The model\'s 1/e time is compared, the closest quantity to a relaxation lifetime',
    // The ligand bypass rate (src/model/ligand.ts) is calibrated on the 2.6 nm sample: that entry is not a prediction.
    calibration: edge === 2.6,
    measure: (r) => ({ value: need(oneOverETimePs(curveOf(r.nc)), '1/e time'), note: edge === 2.6 ? '1/e time of Tc − T_L; the ligand bypass rate k_lig(2.6 nm) = 2 ps^-1 was chosen to meet this bound (a calibration)' : '1/e time of Tc − T_L' }),
    pointsAt: edge === 2.6 ? 'nothing: the ligand bypass rate was calibrated here' : 'strong confinement: the intrinsic bottleneck and its ligand bypass (L^-3)',
  })),
  {
    id: 'liy2019-cspbbr3-loss-rate-vs-size',
    title: 'Strongly confined CsPbBr3 NCs: energy-loss rate rises as the size falls (2.6 vs 6.2 nm)',
    ...LI_Y_2019,
    sample: 'CsPbBr3 NCs, 2.6 nm vs 6.2 nm',
    paperConditions: { pump: '350 nm assumed', excitation: 'low ⟨N⟩ (0.1 assumed)', lattice: 'room temperature' },
    conversion: 'as the sub-ps entries',
    runs: { small: cspbbr3Small(2.6), large: cspbbr3Small(6.2) },
    quantity: { name: 'loss-rate ratio 2.6/6.2 nm', definition: 'mean energy-loss rate per carrier while Tc − T_L falls to 1/e, 2.6 nm over 6.2 nm. The article quantifies its rates from the well-resolved excitonic peaks (i.e. from relaxation between discrete excitonic states; the formula was not reachable), which does not depend on the injected excess as the model\'s mean-kinetic-energy rate does', unit: '' },
    published: { value: 1, uncertainty: null, unit: '', note: 'direction (abstract): loss rates "increased with decreasing NC sizes"' },
    tolerance: { kind: 'at-least', limit: 1 },
    toleranceReason: 'a reported direction over a 2.4× size range; the model must at least not invert it (ratio ≥ 1)',
    calibration: false,
    measure: (r) => {
      const s = need(meanLossRatePerCarrierEvPs(curveOf(r.small), 1 / Math.E), 'loss rate 2.6 nm');
      const l = need(meanLossRatePerCarrierEvPs(curveOf(r.large), 1 / Math.E), 'loss rate 6.2 nm');
      return { value: s / l, note: `${s.toFixed(3)} vs ${l.toFixed(3)} eV ps^-1 per carrier` };
    },
    pointsAt: 'the loss rate per carrier at 2.6 nm is set by the small injected excess (0.32 eV at the assumed 350 nm pump; the paper reads rates from excitonic-state relaxation), and the ligand bypass (∝ L^-3, calibrated only at 2.6 nm) does not make it rise as the size falls',
  },
  {
    id: 'nanolett2020-cspbbr3-loss-rate',
    title: 'CsPbBr3 NCs: energy-loss rate per carrier ~1 eV/ps',
    ...NANO_LETT_2020,
    sample: 'CsPbBr3 colloidal NCs (8 nm, inside the paper\'s 0.8–12 nm range)',
    paperConditions: { pump: 'above-gap (350 nm assumed)', excitation: 'low ⟨N⟩ (0.1 assumed)', lattice: 'room temperature' },
    conversion: '--composition CsPbBr3 --edge-nm 8 --n-per-nc 0.1 --pump-nm 350 --lattice-k 295',
    runs: { nc: cspbbr3Small(8) },
    quantity: { name: 'energy-loss rate per carrier', definition: 'mean rate of kinetic-energy loss of one carrier at high excess energy; model: (3/2) kB ΔTc over the time Tc − T_L takes to fall to 1/e', unit: 'eV ps^-1' },
    published: { value: 1, uncertainty: null, unit: 'eV ps^-1', note: '"on the order of 1 eV ps^-1 carrier^-1" (abstract)' },
    tolerance: { kind: 'factor', factor: 3 },
    toleranceReason: '"on the order of" is an order-of-magnitude statement: half a decade either way (0.33–3 eV ps^-1)',
    calibration: false,
    measure: (r) => ({ value: need(meanLossRatePerCarrierEvPs(curveOf(r.nc), 1 / Math.E), 'loss rate'), note: 'mean over the 1/e drop' }),
    pointsAt: 'carrier–LO coupling in NCs (intrinsic bottleneck strength at 8 nm)',
  },
  {
    id: 'nanolett2020-cspbbr3-loss-rate-weak-size',
    title: 'CsPbBr3 NCs: loss rate only weakly size dependent (12 vs 4 nm)',
    ...NANO_LETT_2020,
    sample: 'CsPbBr3 NCs, 12 nm vs 4 nm',
    paperConditions: { pump: '350 nm assumed', excitation: 'low ⟨N⟩ (0.1 assumed)', lattice: 'room temperature' },
    conversion: 'as the loss-rate entry, at 12 and 4 nm',
    runs: { large: cspbbr3Small(12), small: cspbbr3Small(4) },
    quantity: { name: 'loss-rate ratio 12/4 nm', definition: 'mean energy-loss rate per carrier, 12 nm over 4 nm', unit: '' },
    published: { value: 1, uncertainty: null, unit: '', note: '"increasing weakly with size" (abstract): above 1, but weakly' },
    tolerance: { kind: 'absolute', plusMinus: 1 },
    toleranceReason: '"increasing weakly" over a 3× size range: read as a ratio between 1 and 2 — centred reading 1 ± 1 keeps every weak increase (and no change) in, and excludes the several-fold change a strong size effect would give',
    calibration: false,
    measure: (r) => {
      const l = need(meanLossRatePerCarrierEvPs(curveOf(r.large), 1 / Math.E), 'loss rate 12 nm');
      const s = need(meanLossRatePerCarrierEvPs(curveOf(r.small), 1 / Math.E), 'loss rate 4 nm');
      return { value: l / s, note: `${l.toFixed(3)} vs ${s.toFixed(3)} eV ps^-1 per carrier` };
    },
    pointsAt: 'strong confinement: at 4 nm the discrete levels still block most LO emission and the ligand bypass (∝ L^-3, calibrated at 2.6 nm) restores only part of it',
  },
  {
    id: 'nanolett2020-cspbbr3-warm-electron-tail',
    title: 'CsPbBr3 NCs: the last ~0.1 eV above the band edge cools slowly (over ~10 ps)',
    ...NANO_LETT_2020,
    sample: 'CsPbBr3 colloidal NCs (8 nm, inside the paper\'s 0.8–12 nm range)',
    paperConditions: { pump: 'above-gap (350 nm assumed)', excitation: 'low ⟨N⟩ (0.1 assumed)', lattice: 'room temperature' },
    conversion: `as the loss-rate entry; "within ~0.1 eV of the band edge" ↔ a mean kinetic energy (3/2) kB (Tc − T_L) = 0.1 eV, i.e. Tc − T_L = ${Math.round(WARM_K)} K`,
    runs: { nc: cspbbr3Small(8) },
    quantity: { name: 'warm-carrier cooling time', definition: `time for Tc − T_L to fall from ${Math.round(WARM_K)} K (0.1 eV mean excess per carrier) to 1/e of that`, unit: 'ps' },
    published: { value: 10, uncertainty: null, unit: 'ps', note: '"a slow cooling (over ∼10 ps) of \'warm\' electrons in the vicinity (within ∼0.1 eV) of the conduction band edge" (abstract)' },
    tolerance: { kind: 'factor', factor: 3 },
    toleranceReason: '"over ∼10 ps" gives the time scale, not a fitted lifetime; half a decade either way (3–30 ps). The paper resolves electrons; the model has one carrier temperature, which the comparison assumes',
    calibration: false,
    measure: (r) => ({ value: need(excessFallTimePs(curveOf(r.nc), WARM_K, WARM_K / Math.E), 'warm-carrier fall'), note: `fall of Tc − T_L from ${Math.round(WARM_K)} K to 1/e of it` }),
    pointsAt: 'a slow electron tail near the band edge: the 1P → 1S gap (3.7 ħω_LO at 8 nm) doubles the model\'s warm-carrier time (0.16 → 0.33 ps), not ×30; electrons and holes have their own temperatures, but the sheet\'s equal masses keep them together; LO emission below ħω_LO-scale excess energies',
  },
  {
    id: 'li2017-mapbbr3-nc-hot-electron-extraction',
    title: 'MAPbBr3 NCs with a Bphen layer: hot-electron extraction up to ~83 %',
    ...LI_2017,
    sample: `surface-treated MAPbBr3 NC thin film (abstract; NC size ${LI_MEDIUM_NM} nm assumed) with a 4,7-diphenyl-1,10-phenanthroline (Bphen) electron-acceptor layer`,
    paperConditions: { pump: '400 nm assumed', excitation: 'low fluence (⟨N⟩ = 0.1 assumed)', lattice: 'room temperature', acceptor: 'Bphen, energy-selective: its high LUMO takes hot electrons and blocks cold ones, with a high electron mobility (review section 2.3); the LUMO offset, layer thickness and transfer time were not reachable' },
    conversion: '--acceptor hot with the model\'s default Bphen-like barrier (0.3 eV) and transfer time (0.2 ps): these are the model\'s generic acceptor parameters, not values from this paper (its barrier and transfer time were not reachable; the abstract gives extraction "within" about a picosecond, the number garbled in the copy read)',
    runs: { nc: { ...liNc(LI_MEDIUM_NM, 0.1), acceptor: 'hot' } },
    quantity: { name: 'hot-electron extraction yield', definition: 'fraction of photoexcited carriers transferred to the acceptor (model: extracted pairs / absorbed pairs by the last delay)', unit: '' },
    published: { value: 0.83, uncertainty: null, unit: '', note: '"efficient room temperature hot-electrons extraction (up to ∼83%) by an energy-selective electron acceptor layer" (abstract; the sentence goes on to a time of about a picosecond, garbled in the copy read)' },
    tolerance: { kind: 'absolute', plusMinus: 0.15 },
    toleranceReason: '"up to ∼83 %" is the best sample of the series; ±0.15 covers the spread between samples and surface treatments and the yield\'s derivation from bleach quenching',
    calibration: false,
    measure: (r) => ({ value: r.nc.extraction.yield, note: `yield by ${r.nc.tPs[r.nc.tPs.length - 1]} ps` }),
    pointsAt: 'the hot-acceptor parameters (barrier, transfer time) and how long carriers stay above the barrier',
  },
  {
    id: 'castaneda2016-cspbbr3-biexciton-volume-scaling',
    title: 'CsPbBr3 NCs, strong confinement: biexciton Auger lifetime ∝ volume',
    ...CASTANEDA_2016,
    sample: 'CsPbBr3 colloidal QDs, 4 nm and 6 nm (strong confinement, below the ~7 nm Bohr diameter)',
    paperConditions: { pump: 'any (τ_XX is a property of the NC)', excitation: 'biexciton regime', lattice: 'room temperature' },
    conversion: 'τ_XX as the model derives it for 4 and 6 nm CsPbBr3 NCs (reported with every NC run)',
    runs: { a: { composition: 'CsPbBr3', edgeNm: 4, nPerNc: 0.1, pumpNm: 350, tEndPs: 10, nPoints: 20 }, b: { composition: 'CsPbBr3', edgeNm: 6, nPerNc: 0.1, pumpNm: 350, tEndPs: 10, nPoints: 20 } },
    quantity: { name: 'volume exponent of τ_XX', definition: 'p in τ_XX ∝ V^p between 4 and 6 nm: ln(τ_XX(6)/τ_XX(4)) / ln((6/4)^3)', unit: '' },
    published: { value: 1, uncertainty: null, unit: '', note: '"for strong confinement, the biexciton lifetime depends linearly on the PQD volume" (abstract)' },
    tolerance: { kind: 'absolute', plusMinus: 0.25 },
    toleranceReason: 'a linear fit over the strongly confined sizes; ±0.25 on the exponent separates "linear" from the sublinear weak-confinement regime (the abstract\'s other case) and from V², and allows the size-determination scatter of TEM edge lengths (~±10 % per size)',
    calibration: false,
    measure: (r) => {
      const a = r.a.derived.biexcitonAugerPs, b = r.b.derived.biexcitonAugerPs;
      if (a === null || b === null) throw new Error('no τ_XX for an NC run');
      return { value: Math.log(b / a) / Math.log((6 / 4) ** 3), note: `τ_XX 4 nm ${a.toPrecision(3)} ps, 6 nm ${b.toPrecision(3)} ps` };
    },
    pointsAt: 'NC Auger: the bulk-k3 floor in ncAugerCm6PerPs makes τ_XX ∝ V² for the bromides below ~9 nm',
  },
  {
    id: 'castaneda2016-cspbbr3-biexciton-weak-confinement',
    title: 'CsPbBr3 NCs, weak confinement: biexciton Auger lifetime grows sublinearly with volume',
    ...CASTANEDA_2016,
    sample: 'CsPbBr3 colloidal QDs, 10 nm and 14 nm (beyond the Bohr diameter, ~7 nm)',
    paperConditions: { pump: 'any (τ_XX is a property of the NC)', excitation: 'biexciton regime', lattice: 'room temperature' },
    conversion: 'τ_XX as the model derives it for 10 and 14 nm CsPbBr3 NCs',
    runs: { a: { composition: 'CsPbBr3', edgeNm: 10, nPerNc: 0.1, pumpNm: 350, tEndPs: 10, nPoints: 20 }, b: { composition: 'CsPbBr3', edgeNm: 14, nPerNc: 0.1, pumpNm: 350, tEndPs: 10, nPoints: 20 } },
    quantity: { name: 'volume exponent of τ_XX (weak confinement)', definition: 'p in τ_XX ∝ V^p between 10 and 14 nm: ln(τ_XX(14)/τ_XX(10)) / ln((14/10)^3)', unit: '' },
    published: { value: 0.75, uncertainty: null, unit: '', note: '"This dependence becomes sublinear in the weak confinement regime as the PQD size increases beyond the Bohr radius" (abstract)' },
    tolerance: { kind: 'at-most', limit: 0.75 },
    toleranceReason: '"sublinear" is a change of regime from the linear law: the exponent must fall below the band that counts as linear in the strong-confinement entry (1 ± 0.25), i.e. p ≤ 0.75',
    calibration: false,
    measure: (r) => {
      const a = r.a.derived.biexcitonAugerPs, b = r.b.derived.biexcitonAugerPs;
      if (a === null || b === null) throw new Error('no τ_XX for an NC run');
      return { value: Math.log(b / a) / Math.log((14 / 10) ** 3), note: `τ_XX 10 nm ${a.toPrecision(3)} ps, 14 nm ${b.toPrecision(3)} ps` };
    },
    pointsAt: 'NC Auger above the Bohr size: a crossover to bulk k3 n³ gives τ_XX ∝ V² (p = 2), steeper, not sublinear',
  },
];
