// A transient-absorption map as read from a file (axes and values in the file's own units, with how each unit was
// known), and its conversion to the units the tail fit uses: photon energy (eV, ascending), delay (ps), ΔA (OD).

import { TaFileError } from './ta-scan.ts';

export type TaLayout = 'kimopack' | 'glotaran' | 'surface-xplorer' | 'matrix' | 'three-files';
export const TA_LAYOUTS: readonly TaLayout[] = ['kimopack', 'glotaran', 'surface-xplorer', 'matrix', 'three-files'];
/** Which axis runs down the rows of the matrix (the other runs along the first row). */
export type TaOrientation = 'delay-rows' | 'spectral-rows';
export const TA_ORIENTATIONS: readonly TaOrientation[] = ['delay-rows', 'spectral-rows'];
export type SpectralUnit = 'nm' | 'eV';
export type DelayUnit = 'fs' | 'ps' | 'ns';
export type SignalUnit = 'OD' | 'mOD' | 'dT/T';
export const SPECTRAL_UNITS: readonly SpectralUnit[] = ['nm', 'eV'];
export const DELAY_UNITS: readonly DelayUnit[] = ['fs', 'ps', 'ns'];
export const SIGNAL_UNITS: readonly SignalUnit[] = ['OD', 'mOD', 'dT/T'];

/** How a unit became known: written in the file, the layout's documented convention, a flag, or not at all. */
export interface UnitOrigin<U> {
  unit: U | null;
  from: 'file' | 'layout' | 'flag' | 'none';
  /** The words behind it, e.g. 'corner cell "Time in ps"'. */
  detail: string;
}

export interface TaMap {
  name: string;
  layout: TaLayout;
  orientation: TaOrientation;
  /** Spectral axis in file order and unit (wavelength in nm or photon energy in eV). */
  spectral: Float64Array;
  /** Delays in file order and unit. */
  delays: Float64Array;
  /** values[iDelay · nSpectral + iSpectral], in the file's signal unit; NaN = missing. */
  values: Float64Array;
  missing: number;
  spectralUnit: UnitOrigin<SpectralUnit>;
  delayUnit: UnitOrigin<DelayUnit>;
  signalUnit: UnitOrigin<SignalUnit>;
  /** Lines after the matrix (Surface Xplorer) or the name lines (Glotaran), as written. */
  metadata: string[];
  notes: string[];
}

export const HC_EV_NM = 1239.841984;

/** Spectra in the tail fit's units: energies ascending (eV), delays (ps), ΔA (OD), row-major [delay][energy]. */
export interface TaSpectra {
  name: string;
  energyEv: Float64Array;
  delaysPs: Float64Array;
  dA: Float64Array;
  /** The wavelength (nm) of each energy point, for the chirp correction. */
  wavelengthNm: Float64Array;
  notes: string[];
}

export interface UnitChoice {
  spectralUnit?: SpectralUnit;
  delayUnit?: DelayUnit;
  signalUnit?: SignalUnit;
  /** Multiply ΔA by |dλ/dE| = hc/E² (as for a spectral density per unit wavelength). Default false. */
  jacobian?: boolean;
}

/** Apply flags over the file's units; a flag that contradicts a unit written in the file is refused. */
function choose<U extends string>(map: TaMap, origin: UnitOrigin<U>, flag: U | undefined, what: string, flagName: string, allowed: readonly U[]): U {
  if (flag !== undefined) {
    if (origin.from === 'file' && origin.unit !== flag) {
      throw new TaFileError(map.name, null, null, `--${flagName} ${flag} contradicts the ${what} unit ${origin.unit} written in the file (${origin.detail})`, `drop --${flagName}, or give ${origin.unit}`);
    }
    return flag;
  }
  if (origin.unit === null) {
    throw new TaFileError(map.name, null, null, `the ${what} unit is not stated in the file (${origin.detail}) and is not guessed`, `give --${flagName} ${allowed.join(' | ')}`);
  }
  return origin.unit;
}

const DELAY_TO_PS: Record<DelayUnit, number> = { fs: 1e-3, ps: 1, ns: 1e3 };

/** Convert a map to photon energy (ascending), ps and OD; every unit from the file, its layout or a flag. */
export function toSpectra(map: TaMap, choice: UnitChoice = {}): TaSpectra {
  const spectralUnit = choose(map, map.spectralUnit, choice.spectralUnit, 'spectral-axis', 'spectral-unit', SPECTRAL_UNITS);
  const delayUnit = choose(map, map.delayUnit, choice.delayUnit, 'delay', 'delay-unit', DELAY_UNITS);
  const signalUnit = choose(map, map.signalUnit, choice.signalUnit, 'signal', 'signal-unit', SIGNAL_UNITS);
  const nS = map.spectral.length;
  const nD = map.delays.length;
  const energy = Array.from(map.spectral, (x) => (spectralUnit === 'nm' ? HC_EV_NM / x : x));
  for (const [i, e] of energy.entries()) {
    if (!(e > 0.1 && e < 20)) {
      throw new TaFileError(map.name, null, null, `spectral point ${map.spectral[i]} ${spectralUnit} is photon energy ${e.toPrecision(4)} eV`, 'photon energies from 0.1 to 20 eV (wavelengths 62–12400 nm); check --spectral-unit');
    }
  }
  const order = energy.map((_, i) => i).sort((a, b) => energy[a] - energy[b]);
  const scale = DELAY_TO_PS[delayUnit];
  const dA = new Float64Array(nS * nD);
  for (let d = 0; d < nD; d++) {
    for (let j = 0; j < nS; j++) {
      const src = order[j];
      let v = map.values[d * nS + src];
      if (signalUnit === 'mOD') v *= 1e-3;
      else if (signalUnit === 'dT/T') v = 1 + v > 0 ? -Math.log10(1 + v) : Number.NaN;
      if (choice.jacobian) v *= HC_EV_NM / (energy[src] * energy[src]);
      dA[d * nS + j] = v;
    }
  }
  const notes = [
    `spectral axis in ${spectralUnit} (${map.spectralUnit.from === 'flag' || choice.spectralUnit ? 'from --spectral-unit' : map.spectralUnit.detail})${spectralUnit === 'nm' ? ', converted to photon energy E = hc/λ' : ''}`,
    `delays in ${delayUnit} (${choice.delayUnit ? 'from --delay-unit' : map.delayUnit.detail})${delayUnit === 'ps' ? '' : ', converted to ps'}`,
    `signal in ${signalUnit} (${choice.signalUnit ? 'from --signal-unit' : map.signalUnit.detail})${signalUnit === 'OD' ? '' : signalUnit === 'mOD' ? ', converted to OD' : ', converted to ΔA = −log10(1 + ΔT/T)'}`,
    choice.jacobian
      ? 'ΔA multiplied by the Jacobian |dλ/dE| = hc/E² (--jacobian)'
      : 'ΔA not rescaled on the change of axis (a ratio per probe wavelength; --jacobian multiplies by hc/E²)',
  ];
  return {
    name: map.name,
    energyEv: Float64Array.from(order, (i) => energy[i]),
    delaysPs: Float64Array.from(map.delays, (t) => t * scale),
    dA,
    wavelengthNm: Float64Array.from(order, (i) => HC_EV_NM / energy[i]),
    notes,
  };
}

/** Smallest and largest finite value of a map (null when every cell is missing). */
export function valueRange(values: Float64Array): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : null;
}
