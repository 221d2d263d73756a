// Validation entries measured on bulk films. Each number below was read from the paper's own text or figure
// caption as reachable here; what could only be read approximately, or had to be assumed, says so.

import { exponentialLifetimePs, oneOverETimePs, tcAtPs } from './extract.ts';
import { FINE, curveOf, need, nmOfEv } from './helpers.ts';
import type { ValidationEntry } from './types.ts';

const PRICE_2015 = {
  doi: '10.1038/ncomms9420',
  source: {
    authors: 'Price M. B., Butkus J., Jellicoe T. C., Sadhanala A., Briane A., Halpert J. E., Broch K., Hodgkiss J. M., Friend R. H., Deschler F.',
    journal: 'Nat. Commun. 6, 8420',
    year: 2015,
    figure: 'Fig. 1a and 1b captions (TA spectra pumped at 2.25 eV; Tc(t) at N = 1.6, 6.4, 32, 64 × 10^17 cm^-3, plotted 300–1500 fs, Tc axis 400–1600 K); Fig. 2 caption (pump energies 2.06, 1.9, 1.71, 1.63 eV at ~2 × 10^17 cm^-3)',
    readAt: 'the figure captions and axis labels of the work as posted on studylib.net/doc/10157004 ("Hot Carrier Cooling and Photoinduced Refractive Index Changes in Organic-Inorganic Lead Halide Perovskites"); the nature.com page (doi above) is stored here only up to its introduction, so the Methods (LO energy, Fröhlich parameters, lattice temperature) were not readable',
  },
  sample: 'MAPbI3 (CH3NH3PbI3) solution-processed thin film',
};

const FU_2017 = {
  doi: '10.1038/s41467-017-01360-3',
  source: {
    authors: 'Fu J., Xu Q., Han G., Wu B., Huan C. H. A., Leek M. L., Sum T. C.',
    journal: 'Nat. Commun. 8, 1300',
    year: 2017,
    figure: 'Abstract (hot-phonon bottleneck at ~1e18, Auger heating at ~1e19 cm^-3, τ_LO 0.6 ± 0.1 ps); Fig. 4 caption (DFT phonon dispersion of tetragonal MAPbI3)',
    readAt: 'abstract on PubMed (29101381) and PMC5670184; the Fig. 4 caption at pmc.ncbi.nlm.nih.gov/articles/PMC5670184/figure/Fig4; the article body (pump, densities of each curve, the fitted model, the low-temperature data) is stored here only up to its introduction and was not readable',
  },
  sample: 'MAPbI3 polycrystalline thin film',
};

const YANG_J_2017 = {
  doi: '10.1038/ncomms14120',
  source: {
    authors: 'Yang J., Wen X., Xia H., Sheng R., Ma Q., Kim J., Tapping P., Harada T., Kee T. W., Huang F., Cheng Y.-B., Green M., Ho-Baillie A., Huang S., Shrestha S., Patterson R., Conibeer G.',
    journal: 'Nat. Commun. 8, 14120',
    year: 2017,
    figure: 'Abstract: "Compared with the caesium-based system, a 10 times slower carrier-phonon relaxation rate is observed in FAPbI3"',
    readAt: 'abstract, PMC5263885, and the nature.com page (doi above), stored here only up to the introduction: the body, figures and Methods (pump, injection levels, how the relaxation rate was fitted, the phonon calculations per compound) were not readable',
  },
  sample: 'FAPbI3 film vs the caesium-based lead-halide film of the same study. The abstract says four perovskites with A = FA+/MA+/Cs+ and X = I−/Br− were compared but names only FAPbI3; which Cs compound (CsPbI3 or CsPbBr3) is not readable here: CsPbI3 assumed, CsPbBr3 reported alongside',
};

const REVIEW = {
  doi: '10.1002/adma.202401788',
  source: {
    authors: 'Yang W., Jo S.-H., Lee T.-W. (review), reporting Fu et al. (its ref. 107, doi:10.1038/s41467-017-01360-3) and its ref. 115',
    journal: 'Adv. Mater. 2024, 2401788',
    year: 2024,
    figure: '§2.3: "The cooling rate of hot carriers is also affected by the external environment, including temperature and excitation intensity"',
    readAt: 'the review\'s text (project seed)',
  },
  sample: 'MAPbI3 film (the compound of ref. 107)',
};

/** Price 2015 Fig. 1: pumped at 2.25 eV, "above the band-edge", ~200 fs pump resolution (Fig. 1a caption). The lattice
 *  temperature is not in the captions; room temperature is read from "down to near room temperature" (Fig. 1b). */
const priceRun = (densityCm3: number) => ({
  composition: 'MAPbI3', edgeNm: null, densityCm3, pumpNm: nmOfEv(2.25), latticeK: 295, ...FINE,
});

export const FILM_ENTRIES: ValidationEntry[] = [
  {
    id: 'price2015-mapbi3-low-density-cooling-time',
    title: 'MAPbI3 film, low density: cooling time constant of Tc',
    ...PRICE_2015,
    paperConditions: { pump: '2.25 eV (551 nm), pump resolution ~200 fs (Fig. 1a caption)', density: '1.6 × 10^17 cm^-3, the lowest of Fig. 1b (the caption\'s ~230 fs holds "below ~6 × 10^17")', lattice: 'room temperature (not stated in the captions; Tc falls "to near room temperature")', analysis: 'Tc per delay from a global exponential fit of the TA high-energy tail between 1.7 and 1.85 eV (Fig. 1a caption)' },
    conversion: 'pump 2.25 eV → --pump-nm 551; density given directly → --density 1.6e17; room temperature → 295 K',
    runs: { film: priceRun(1.6e17) },
    quantity: {
      name: 'cooling time constant',
      definition: 'the "principal rate constant" with which Tc falls from ~1000 K to near room temperature (Fig. 1b caption; Tc of each delay from an exponential fit of the 1.7–1.85 eV tail, curves plotted 0.3–1.5 ps; how the rate constant itself was fitted is not in the captions); model: least-squares exponential of Tc − T_L over 0.3–1.5 ps',
      unit: 'ps',
    },
    published: { value: 0.23, uncertainty: null, unit: 'ps', note: '"a principal rate constant of ~230 fs" below ~6e17 cm^-3 (Fig. 1b caption)' },
    tolerance: { kind: 'factor', factor: 1.5 },
    toleranceReason: 'given as "~230 fs" with a ~200 fs pump resolution: the time constant is comparable to the instrument response, so ±50 % (×/÷ 1.5) covers the reading and the deconvolution',
    calibration: false,
    measure: (r) => ({ value: need(exponentialLifetimePs(curveOf(r.film), 0.3, 1.5), 'exponential fit'), note: 'exp. fit of Tc − T_L, 0.3–1.5 ps' }),
    pointsAt: 'carrier–LO emission rate at low density (Fröhlich coupling, LO energy) and the injected temperature',
  },
  {
    id: 'price2015-mapbi3-initial-tc',
    title: 'MAPbI3 film, low density: carrier temperature at 0.3 ps',
    ...PRICE_2015,
    paperConditions: { pump: '2.25 eV (551 nm), ~200 fs pump resolution', density: '1.6 × 10^17 cm^-3', lattice: 'room temperature (read from the caption, not stated)', analysis: 'Tc from the 1.7–1.85 eV tail fit; first plotted delay 300 fs' },
    conversion: 'as the cooling-time entry; the first delay of the plotted fits is 0.3 ps',
    runs: { film: priceRun(1.6e17) },
    quantity: { name: 'Tc at 0.3 ps', definition: 'carrier temperature from a Boltzmann fit of the high-energy tail at the first plotted delay, 0.3 ps; model: Tc at 0.3 ps', unit: 'K' },
    published: { value: 1000, uncertainty: null, unit: 'K', note: '"starting from an initial temperature of ~1000 K" (Fig. 1b caption); the curves start at 300 fs, so ~1000 K is Tc at the first plotted delay, not at t = 0: nothing before 300 fs (the pump itself lasts ~200 fs) is shown or stated in the captions' },
    tolerance: { kind: 'factor', factor: 1.3 },
    toleranceReason: 'stated as "~1000 K" and read off a curve whose axis runs 400–1600 K: ±30 % covers the rounding and the spread of the tail fit at the earliest delay',
    calibration: false,
    measure: (r) => ({ value: need(tcAtPs(curveOf(r.film), 0.3), 'Tc at 0.3 ps'), note: 'Tc at 0.3 ps' }),
    regime: { pumpMatters: true },
    pointsAt: 'the injected carrier temperature (excess energy shared as 3 kB Tc per pair, no sub-100 fs loss) and the first 0.3 ps of LO emission; with 2.25 eV on a ~1.6 eV gap the excess is ~0.65 eV per pair, far above 3 kB × 1000 K ≈ 0.26 eV, so the paper\'s ~1000 K at 300 fs implies most of the excess is gone within the pump resolution',
  },
  {
    id: 'price2015-mapbi3-bottleneck-onset',
    title: 'MAPbI3 film: cooling slows from 1.6e17 to 6.4e18 cm^-3 (hot-phonon bottleneck)',
    ...PRICE_2015,
    paperConditions: { pump: '2.25 eV (551 nm)', density: '1.6 × 10^17 and 6.4 × 10^18 cm^-3 (lowest and highest of Fig. 1b)', lattice: 'room temperature' },
    conversion: 'densities given directly; other inputs as the cooling-time entry',
    runs: { low: priceRun(1.6e17), high: priceRun(6.4e18) },
    quantity: { name: '1/e time ratio high/low density', definition: 'τ(6.4e18) / τ(1.6e17), τ the 1/e time of Tc − T_L; the paper reports "a retardation of the cooling rate" at the higher densities', unit: '' },
    published: { value: 1.2, uncertainty: null, unit: '', note: 'direction only: slower at higher density ("retardation ... consistent with a hot phonon bottleneck")' },
    tolerance: { kind: 'at-least', limit: 1.2 },
    toleranceReason: 'the paper states a retardation visible by eye in Fig. 1b, not a number; a slowing of at least 20 % is the least a visible retardation means over a 40× density range',
    calibration: false,
    measure: (r) => {
      const lo = need(oneOverETimePs(curveOf(r.low)), '1/e time at 1.6e17');
      const hi = need(oneOverETimePs(curveOf(r.high)), '1/e time at 6.4e18');
      return { value: hi / lo, note: `1/e ${hi.toFixed(3)} ps vs ${lo.toFixed(3)} ps` };
    },
    pointsAt: 'the hot-phonon bottleneck (LO pool size and lifetime)',
  },
  {
    id: 'price2015-mapbi3-hotter-at-high-density',
    title: 'MAPbI3 film: at high density the early carrier temperature is much higher',
    ...PRICE_2015,
    paperConditions: { pump: '2.25 eV (551 nm)', density: '6.4 × 10^18 vs 1.6 × 10^17 cm^-3', lattice: 'room temperature' },
    conversion: 'densities given directly; compared at 0.4 ps, the delay the caption names',
    runs: { low: priceRun(1.6e17), high: priceRun(6.4e18) },
    quantity: { name: 'Tc ratio high/low density at 0.4 ps', definition: 'Tc(6.4e18, 0.4 ps) / Tc(1.6e17, 0.4 ps)', unit: '' },
    published: { value: 1.2, uncertainty: null, unit: '', note: '"at early times (~400 fs), the fits give a much higher absolute carrier temperature" at the higher densities (Fig. 1b caption); direction only' },
    tolerance: { kind: 'at-least', limit: 1.2 },
    toleranceReason: '"much higher" read as at least 20 % higher, above the ±10 % scatter of a Boltzmann tail fit at one delay',
    calibration: false,
    measure: (r) => {
      const lo = need(tcAtPs(curveOf(r.low), 0.4), 'Tc at 0.4 ps, low');
      const hi = need(tcAtPs(curveOf(r.high), 0.4), 'Tc at 0.4 ps, high');
      return { value: hi / lo, note: `Tc(0.4 ps) ${hi.toFixed(0)} K vs ${lo.toFixed(0)} K` };
    },
    pointsAt: 'the hot-phonon bottleneck in the first half picosecond (LO reabsorption)',
  },
  {
    id: 'yang2017-fapbi3-vs-cs-film-relaxation',
    title: 'FAPbI3 vs Cs-based film: carrier–phonon relaxation 10× slower in FAPbI3',
    ...YANG_J_2017,
    paperConditions: { pump: '"ultrafast optical characterization" (abstract); 400 nm assumed', density: 'bottleneck regime (5 × 10^18 cm^-3 assumed; the abstract gives no density or injection level)', lattice: 'room temperature (assumed)' },
    conversion: 'both films at --density 5e18 --pump-nm 400 --lattice-k 295; CsPbBr3 run as well because the Cs compound is not named',
    runs: {
      fa: { composition: 'FAPbI3', edgeNm: null, densityCm3: 5e18, pumpNm: 400, latticeK: 295, ...FINE },
      cs: { composition: 'CsPbI3', edgeNm: null, densityCm3: 5e18, pumpNm: 400, latticeK: 295, ...FINE },
      csBr: { composition: 'CsPbBr3', edgeNm: null, densityCm3: 5e18, pumpNm: 400, latticeK: 295, ...FINE },
    },
    quantity: { name: 'cooling-time ratio FAPbI3/Cs', definition: 'inverse ratio of the "carrier-phonon relaxation rates" (how the paper defines and fits that rate is not in the readable text); model: τ(FAPbI3)/τ(CsPbI3), τ the 1/e time of Tc − T_L (the CsPbBr3 ratio is given in the note, not judged)', unit: '' },
    published: { value: 10, uncertainty: null, unit: '', note: '"a 10 times slower carrier-phonon relaxation rate is observed in FAPbI3" than in the caesium-based system (abstract)' },
    tolerance: { kind: 'factor', factor: 2 },
    toleranceReason: 'a round "10 times" from fitted relaxation rates at one excitation level; ×/÷ 2 covers the rounding and the unknown (assumed) density at which the rates were compared',
    calibration: false,
    measure: (r) => {
      const fa = need(oneOverETimePs(curveOf(r.fa)), 'FAPbI3 1/e');
      const cs = need(oneOverETimePs(curveOf(r.cs)), 'CsPbI3 1/e');
      const csBr = need(oneOverETimePs(curveOf(r.csBr)), 'CsPbBr3 1/e');
      return { value: fa / cs, note: `FAPbI3 ${fa.toFixed(2)} ps, CsPbI3 ${cs.toFixed(2)} ps (CsPbBr3 ${csBr.toFixed(2)} ps: ratio ${(fa / csBr).toFixed(2)})` };
    },
    // the CsPbBr3 film is run for the note only: the verdict speaks for FAPbI3 and CsPbI3
    regime: { runs: ['fa', 'cs'] },
    pointsAt: 'composition: up-conversion / LO lifetime per compound (one τ_LO for all today) and the hybrid cations\' extra phonon branches. The paper\'s mechanism (abstract): up-conversion of low-energy phonons, made possible by the overlapping phonon branches the organic cations introduce, and made more efficient by the ultralow thermal conductivity that blocks phonon propagation',
  },
  {
    id: 'review-fu2017-mapbi3-lattice-temperature',
    title: 'MAPbI3 film: the lattice temperature changes the cooling rate (295 K vs 200 K)',
    ...REVIEW,
    paperConditions: { pump: '400 nm assumed', density: '1 × 10^18 cm^-3 (ref. 107\'s bottleneck regime)', lattice: '295 K vs 200 K (200 K assumed: still the tetragonal phase, above the ~160 K transition to orthorhombic)' },
    conversion: '--bulk MAPbI3 --density 1e18 --pump-nm 400 at --lattice-k 295 and 200',
    runs: {
      warm: { composition: 'MAPbI3', edgeNm: null, densityCm3: 1e18, pumpNm: 400, latticeK: 295, ...FINE },
      cold: { composition: 'MAPbI3', edgeNm: null, densityCm3: 1e18, pumpNm: 400, latticeK: 200, ...FINE },
    },
    quantity: { name: 'change factor of the 1/e time, 200 K vs 295 K', definition: 'max(r, 1/r) with r = τ(200 K)/τ(295 K), τ the 1/e time of Tc − T_L: by how much the lattice temperature changes the cooling time, either way', unit: '' },
    published: { value: 1.2, uncertainty: null, unit: '', note: 'the review: the cooling rate "is also affected by ... temperature" (citing refs 107 and 115); direction only' },
    tolerance: { kind: 'at-least', limit: 1.2 },
    toleranceReason: 'a change singled out as an effect of the environment must exceed the ~10 % reproducibility of TA cooling times; taken as at least ×1.2 either way between room temperature and 200 K',
    calibration: false,
    measure: (r) => {
      const w = need(oneOverETimePs(curveOf(r.warm)), '1/e at 295 K');
      const c = need(oneOverETimePs(curveOf(r.cold)), '1/e at 200 K');
      return { value: Math.max(c / w, w / c), note: `1/e ${c.toFixed(3)} ps at 200 K, ${w.toFixed(3)} ps at 295 K (ratio ${(c / w).toFixed(3)})` };
    },
    pointsAt: 'what sets the 1/e time at 1e18 cm^-3: the first, fast drop, by LO emission from ~6 000 K, where the lattice '
      + 'temperature barely enters (3 Dec: 1.60 ps at 200 K, 1.57 at 295 K; with the LO modes held at the lattice 1.40 and '
      + '1.38; the gap 29 meV lower at 200 K adds 2 % to the excess). The LO lifetime\'s Klemens temperature law (×1.5 longer '
      + 'at 200 K) and the bottleneck act on the slow tail: the mean cooling time changes ×1.22 (3.02 vs 2.47 ps), the 1/e time '
      + 'does not; three times the LO lifetime at 295 K moves it by 7 %',
  },
  {
    id: 'yang2017-hybrid-stronger-bottleneck',
    title: 'Films: the hot-phonon bottleneck is stronger in hybrid (MAPbI3) than in inorganic (CsPbI3) perovskites',
    ...YANG_J_2017,
    sample: 'MAPbI3 and CsPbI3 films (the abstract\'s "hybrid" and "inorganic counterparts" among its four A = FA/MA/Cs, X = I/Br compounds; the pairing, and CsPbI3 rather than CsPbBr3, is assumed)',
    paperConditions: { pump: '400 nm assumed', density: 'low 1 × 10^17 and high 5 × 10^18 cm^-3 (assumed: no injection level is readable)', lattice: 'room temperature (assumed)' },
    conversion: '--bulk --pump-nm 400 --lattice-k 295 at --density 1e17 and 5e18 for both compounds',
    runs: {
      maLow: { composition: 'MAPbI3', edgeNm: null, densityCm3: 1e17, pumpNm: 400, latticeK: 295, ...FINE },
      maHigh: { composition: 'MAPbI3', edgeNm: null, densityCm3: 5e18, pumpNm: 400, latticeK: 295, ...FINE },
      csLow: { composition: 'CsPbI3', edgeNm: null, densityCm3: 1e17, pumpNm: 400, latticeK: 295, ...FINE },
      csHigh: { composition: 'CsPbI3', edgeNm: null, densityCm3: 5e18, pumpNm: 400, latticeK: 295, ...FINE },
    },
    quantity: { name: 'bottleneck ratio hybrid/inorganic', definition: '[τ(5e18)/τ(1e17)] of MAPbI3 over the same ratio of CsPbI3, τ the 1/e time of Tc − T_L', unit: '' },
    published: { value: 1.1, uncertainty: null, unit: '', note: '"Here we show a stronger phonon bottleneck effect in hybrid perovskites than in their inorganic counterparts" (abstract)' },
    tolerance: { kind: 'at-least', limit: 1.1 },
    toleranceReason: 'a reported ordering of bottleneck strengths; at least 10 % stronger, above the fit scatter of two fluence series',
    calibration: false,
    measure: (r) => {
      const ma = need(oneOverETimePs(curveOf(r.maHigh)), 'MAPbI3 high') / need(oneOverETimePs(curveOf(r.maLow)), 'MAPbI3 low');
      const cs = need(oneOverETimePs(curveOf(r.csHigh)), 'CsPbI3 high') / need(oneOverETimePs(curveOf(r.csLow)), 'CsPbI3 low');
      return { value: ma / cs, note: `bottleneck ×${ma.toFixed(2)} (MAPbI3) vs ×${cs.toFixed(2)} (CsPbI3)` };
    },
    pointsAt: 'composition dependence of the LO pool and its decay (up-conversion through the organic cation\'s modes)',
  },
  {
    id: 'fu2017-mapbi3-bottleneck-at-1e18',
    title: 'MAPbI3 film: a hot-phonon bottleneck already at ~1e18 cm^-3',
    ...FU_2017,
    paperConditions: { pump: '400 nm assumed (the pump is not in the readable text)', density: '~1 × 10^18 (abstract) vs 1 × 10^17 cm^-3 (the lower density assumed as the reference)', lattice: 'room temperature (assumed: the abstract gives none)' },
    conversion: '--bulk MAPbI3 --pump-nm 400 --lattice-k 295 at --density 1e17 and 1e18',
    runs: {
      low: { composition: 'MAPbI3', edgeNm: null, densityCm3: 1e17, pumpNm: 400, latticeK: 295, ...FINE },
      mid: { composition: 'MAPbI3', edgeNm: null, densityCm3: 1e18, pumpNm: 400, latticeK: 295, ...FINE },
    },
    quantity: { name: '1/e time ratio 1e18/1e17', definition: 'τ(1e18)/τ(1e17), τ the 1/e time of Tc − T_L', unit: '' },
    published: { value: 1.2, uncertainty: null, unit: '', note: '"At moderate carrier concentrations (around 10^18 cm^-3), carrier cooling is mediated by ... delayed LO phonon emissions ... induced by the hot-phonon bottleneck" (abstract)' },
    tolerance: { kind: 'at-least', limit: 1.2 },
    toleranceReason: 'a bottleneck reported as acting at ~1e18 must slow cooling visibly against a ten times lower density: at least ×1.2',
    calibration: false,
    measure: (r) => {
      const lo = need(oneOverETimePs(curveOf(r.low)), '1/e at 1e17');
      const mid = need(oneOverETimePs(curveOf(r.mid)), '1/e at 1e18');
      return { value: mid / lo, note: `1/e ${mid.toFixed(3)} ps vs ${lo.toFixed(3)} ps` };
    },
    pointsAt: 'the hot-phonon bottleneck onset (LO pool size and lifetime); the paper\'s mechanism: Klemens decay of the LO phonon into two acoustic phonons is suppressed (Fig. 4: Pb–I stretch bands at ~8 and ~12 meV, acoustic branch only up to ~2.5 meV, so two acoustic phonons cannot carry one LO phonon\'s energy)',
  },
  {
    id: 'fu2017-mapbi3-lo-lifetime',
    title: 'MAPbI3: LO-phonon lifetime 0.6 ± 0.1 ps (the model\'s value is taken from this paper: a calibration)',
    ...FU_2017,
    paperConditions: { pump: '—', density: '~1 × 10^18 cm^-3 (the abstract ties τ_LO to this regime)', lattice: 'room temperature (assumed; the abstract gives none)' },
    conversion: 'the MAPbI3 sheet\'s loLifetimePs, as resolved for a film run',
    runs: { film: { composition: 'MAPbI3', edgeNm: null, densityCm3: 1e18, pumpNm: 400, latticeK: 295, tEndPs: 10, nPoints: 20 } },
    quantity: { name: 'LO-phonon lifetime τ_LO', definition: 'the LO-phonon decay time the paper extracts from its model of the fluence series; model: its input τ_LO for MAPbI3', unit: 'ps' },
    published: { value: 0.6, uncertainty: 0.1, unit: 'ps', note: '"phonon lifetime τ_LO around 0.6 ± 0.1 ps" (abstract); its temperature dependence is not in the readable text (the material sheet\'s "longer at low temperature" could not be checked here)' },
    tolerance: { kind: 'absolute', plusMinus: 0.1 },
    toleranceReason: 'the paper\'s own ± 0.1 ps',
    calibration: true,
    measure: (r) => ({ value: r.film.derived.material.loLifetimePs, note: 'the material sheet\'s input (source: this paper), not a prediction' }),
    pointsAt: 'nothing: a calibration shows where a model number comes from and is not counted',
  },
  {
    id: 'fu2017-mapbi3-auger-heating-slows',
    title: 'MAPbI3 film: cooling at ~1e19 cm^-3 slower than at ~1e18 (Auger heating on top of the bottleneck)',
    ...FU_2017,
    paperConditions: { pump: '3.1 eV (400 nm) assumed (the paper\'s pump is not in the readable text)', density: '~1 × 10^18 and ~1 × 10^19 cm^-3 (the abstract\'s two regimes)', lattice: 'room temperature (assumed; the abstract gives none)' },
    conversion: 'densities from the abstract → --density 1e18 / 1e19; pump 400 nm assumed; 295 K',
    runs: {
      mid: { composition: 'MAPbI3', edgeNm: null, densityCm3: 1e18, pumpNm: 400, latticeK: 295, ...FINE },
      high: { composition: 'MAPbI3', edgeNm: null, densityCm3: 1e19, pumpNm: 400, latticeK: 295, ...FINE },
    },
    quantity: { name: '1/e time ratio 1e19/1e18', definition: 'τ(1e19) / τ(1e18), τ the 1/e time of Tc − T_L; the paper: "Auger heating further reduces the cooling rates" at ~1e19', unit: '' },
    published: { value: 1.5, uncertainty: null, unit: '', note: 'direction only (abstract): slower at ~1e19 than at ~1e18 cm^-3' },
    tolerance: { kind: 'at-least', limit: 1.5 },
    toleranceReason: 'a stated further reduction of the rate by a separate mechanism over a 10× density step; taken as at least ×1.5 (a smaller change would not have been singled out as a second regime)',
    calibration: false,
    measure: (r) => {
      const a = need(oneOverETimePs(curveOf(r.mid)), '1/e at 1e18');
      const b = need(oneOverETimePs(curveOf(r.high)), '1/e at 1e19');
      return { value: b / a, note: `1/e ${b.toFixed(2)} ps vs ${a.toFixed(2)} ps` };
    },
    pointsAt: 'Auger heating at high density and the bottleneck at ~1e18',
  },
];
