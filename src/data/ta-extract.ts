// Carrier temperature per delay from the high-energy tail of the bleach: the bleach model (occupation × joint
// density of states, broadened) and the classic bare exponential, each with a statistical uncertainty and a
// systematic one from a scan of the window. Pure: takes spectra in eV, ps and OD (see ta-map.ts).

import { boltzmannOccupation, fermiOccupation, gaussian, KB_EV_PER_K, transitions, type BandEdge, type Transitions } from './ta-bleach.ts';
import type { TaSpectra } from './ta-map.ts';
import { hessian, inverseSpd, nelderMeadBox } from './optimize.ts';

export type TailMethod = 'boltzmann' | 'fermi-dirac';

/** Bleach-model χ²/dof above which a delay's Tc is not reported as a measurement (its tail is not what the model describes). */
export const DEFAULT_MAX_CHI2 = 5;

export interface ExtractOptions {
  method?: TailMethod;
  /** Window start: this many kB·Tc above the bleach peak (Tc from a first pass). Default 1. */
  startKt?: number;
  /** Window end: where the bleach falls below this many noise σ. Default 3. */
  noiseFactor?: number;
  /** A fixed window (eV), instead of the automatic one. */
  windowEv?: [number, number];
  /** Fit a free multiple of dA0/dE beside the bleach (a band-gap shift of the ground-state absorption). Default false. */
  gapShiftTerm?: boolean;
  /** Delays to fit (ps): only those ≥ this. Default: every delay > 0. */
  minDelayPs?: number;
}

export interface TailEstimate {
  tK: number;
  statK: number;
  sysK: number;
  /** √(stat² + sys²). */
  sigmaK: number;
  chi2PerDof: number;
  /** Fermi–Dirac only: reduced quasi-Fermi level η = μ/kT of both carriers. */
  eta?: number;
  /** Bleach model only: the amplitude A of −ΔA ≈ A·shape(E) (see `bleachShape`). */
  amplitude?: number;
}

/** The bleach model's shape at energies `e` for temperature T (and η for Fermi–Dirac), before the amplitude. */
export function bleachShape(e: ArrayLike<number>, edge: BandEdge, tK: number, eta?: number): Float64Array {
  const t = transitions(edge, Math.max(0.05, Math.max(...Array.from(e)) - edge.gapEv + 6 * edge.broadeningEv));
  const occ = eta === undefined ? boltzmannOccupation(t, tK) : fermiOccupation(t, tK, eta * KB_EV_PER_K * tK, eta * KB_EV_PER_K * tK);
  const out = new Float64Array(e.length);
  for (let j = 0; j < e.length; j++) {
    let s = 0;
    for (let i = 0; i < t.xEv.length; i++) {
      const d = e[j] - edge.gapEv - t.xEv[i];
      if (Math.abs(d) < 6 * edge.broadeningEv) s += t.weight[i] * occ[i] * gaussian(d, edge.broadeningEv);
    }
    out[j] = s;
  }
  return out;
}

export interface DelayFit {
  delayPs: number;
  status: 'ok' | 'no-tail';
  reason: string | null;
  windowEv: [number, number] | null;
  nPoints: number;
  peakEv: number | null;
  model: TailEstimate | null;
  classic: TailEstimate | null;
}

export interface Extraction {
  delays: DelayFit[];
  noiseOd: number;
  noiseFrom: string;
  rule: string;
  method: TailMethod;
}

const T_MIN = 80;
const T_MAX = 30000;

/** Noise (OD, one σ): the spread before time zero when ≥ 3 delays < 0, else the median second-difference spread. */
export function noiseLevel(s: TaSpectra): { od: number; from: string } {
  const nS = s.energyEv.length;
  const pre = Array.from(s.delaysPs.keys()).filter((d) => s.delaysPs[d] < 0);
  const spreads: number[] = [];
  if (pre.length >= 3) {
    for (let j = 0; j < nS; j++) {
      const v = pre.map((d) => s.dA[d * nS + j]).filter(Number.isFinite);
      if (v.length < 3) continue;
      const mean = v.reduce((a, b) => a + b, 0) / v.length;
      spreads.push(Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1)));
    }
    if (spreads.length > 0) return { od: median(spreads), from: `the spread of ${pre.length} delays before time zero` };
  }
  for (let d = 0; d < s.delaysPs.length; d++) {
    for (let j = 1; j + 1 < nS; j++) {
      const v = (s.dA[d * nS + j + 1] - 2 * s.dA[d * nS + j] + s.dA[d * nS + j - 1]) / Math.sqrt(6);
      if (Number.isFinite(v)) spreads.push(Math.abs(v));
    }
  }
  return { od: 1.4826 * median(spreads), from: 'the second differences along energy (no delays before time zero)' };
}

function median(v: number[]): number {
  if (v.length === 0) return Number.NaN;
  const s = [...v].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** Profile χ² of B ≈ A·M(T) over the points, A solved in closed form. */
function chi2Of(b: number[], m: Float64Array, shift: Float64Array | null = null): { chi2: number; a: number } {
  if (shift !== null) {
    // b ≈ a·m + c·shift: the 2 × 2 normal equations
    let mm = 0, md = 0, dd = 0, bm = 0, bd = 0;
    for (let j = 0; j < b.length; j++) { mm += m[j] * m[j]; md += m[j] * shift[j]; dd += shift[j] * shift[j]; bm += b[j] * m[j]; bd += b[j] * shift[j]; }
    const det = mm * dd - md * md;
    const a = det > 0 ? (bm * dd - bd * md) / det : 0;
    const c = det > 0 ? (mm * bd - md * bm) / det : 0;
    let chi2 = 0;
    for (let j = 0; j < b.length; j++) chi2 += (b[j] - a * m[j] - c * shift[j]) ** 2;
    return { chi2, a };
  }
  let mm = 0;
  let bm = 0;
  for (let j = 0; j < b.length; j++) { mm += m[j] * m[j]; bm += b[j] * m[j]; }
  const a = mm > 0 ? bm / mm : 0;
  let chi2 = 0;
  for (let j = 0; j < b.length; j++) chi2 += (b[j] - a * m[j]) ** 2;
  return { chi2, a };
}

/** Minimise f over log T in [T_MIN, T_MAX]: a coarse scan then golden sections. */
function minimiseLogT(f: (tK: number) => number): number {
  const n = 24;
  let best = 0;
  const grid = Array.from({ length: n }, (_, i) => T_MIN * (T_MAX / T_MIN) ** (i / (n - 1)));
  const vals = grid.map(f);
  for (let i = 1; i < n; i++) if (vals[i] < vals[best]) best = i;
  let lo = Math.log(grid[Math.max(0, best - 1)]);
  let hi = Math.log(grid[Math.min(n - 1, best + 1)]);
  const g = (Math.sqrt(5) - 1) / 2;
  let x1 = hi - g * (hi - lo);
  let x2 = lo + g * (hi - lo);
  let f1 = f(Math.exp(x1));
  let f2 = f(Math.exp(x2));
  for (let it = 0; it < 30; it++) {
    if (f1 < f2) { hi = x2; x2 = x1; f2 = f1; x1 = hi - g * (hi - lo); f1 = f(Math.exp(x1)); }
    else { lo = x1; x1 = x2; f1 = f2; x2 = lo + g * (hi - lo); f2 = f(Math.exp(x2)); }
  }
  return Math.exp(0.5 * (lo + hi));
}

/** The tail fit of the bleach model over the points (energies e, bleach b, noise σ). */
function modelFit(e: number[], b: number[], sigma: number, edge: BandEdge, t: Transitions, method: TailMethod, gapShiftTerm = false): TailEstimate | null {
  // G[j][i]: each transition's broadened line at each point
  const nT = t.xEv.length;
  const G = new Float64Array(e.length * nT);
  for (let j = 0; j < e.length; j++) for (let i = 0; i < nT; i++) {
    const d = e[j] - edge.gapEv - t.xEv[i];
    if (Math.abs(d) < 6 * edge.broadeningEv) G[j * nT + i] = t.weight[i] * gaussian(d, edge.broadeningEv);
  }
  // with a renormalised gap the ground-state absorption moves by δ: −ΔA gains −δ·dA0/dE, a free multiple of this shape
  let shift: Float64Array | null = null;
  if (gapShiftTerm) {
    shift = new Float64Array(e.length);
    const s2 = edge.broadeningEv * edge.broadeningEv;
    for (let j = 0; j < e.length; j++) for (let i = 0; i < nT; i++) {
      const d = e[j] - edge.gapEv - t.xEv[i];
      if (Math.abs(d) < 6 * edge.broadeningEv) shift[j] += t.weight[i] * (-d / s2) * gaussian(d, edge.broadeningEv);
    }
  }
  const occ = new Float64Array(nT);
  const m = new Float64Array(e.length);
  const chi2At = (tK: number, eta: number | null) => {
    if (eta === null) boltzmannOccupation(t, tK, occ);
    else fermiOccupation(t, tK, eta * KB_EV_PER_K * tK, eta * KB_EV_PER_K * tK, occ);
    for (let j = 0; j < e.length; j++) {
      let s = 0;
      for (let i = 0; i < nT; i++) s += G[j * nT + i] * occ[i];
      m[j] = s;
    }
    return chi2Of(b, m, shift).chi2 / (sigma * sigma);
  };
  const tBoltzmann = minimiseLogT((x) => chi2At(x, null));
  const dofB = Math.max(1, e.length - 2);
  if (method === 'fermi-dirac') {
    // (log T, η) on the unit box: Nelder–Mead from the Boltzmann temperature at η = −4 (the Boltzmann limit),
    // then the marginal σ of T from the 2 × 2 Hessian
    const lo = Math.log(T_MIN);
    const span = Math.log(T_MAX) - lo;
    const ETA = 12;
    const toX = (z: number[]): [number, number] => [Math.exp(lo + Math.min(1, Math.max(0, z[0])) * span), Math.min(1, Math.max(0, z[1])) * ETA - 6];
    const fz = (z: number[]) => { const [tK, eta] = toX(z); return chi2At(tK, eta); };
    const z0 = [(Math.log(tBoltzmann) - lo) / span, 2 / ETA];
    let run = nelderMeadBox(fz, z0, 0.05, 300, 1e-6, 1e-10);
    run = nelderMeadBox(fz, run.z, 0.01, 200, 1e-6, 1e-10);
    const [tK, eta] = toX(run.z);
    if (!(tK > T_MIN * 1.05 && tK < T_MAX / 1.05)) return null;
    const dof = Math.max(1, e.length - 3);
    const chi2PerDof = run.fz / dof;
    const h = run.z.map((z) => Math.min(1e-3, z, 1 - z));
    const inv = h.every((x) => x > 0) ? inverseSpd(hessian(fz, run.z, run.fz, h)) : null;
    let sZ = inv && inv[0][0] > 0 ? Math.sqrt(2 * inv[0][0]) : Number.NaN;
    if (!Number.isFinite(sZ)) {
      // η at its bound (the Boltzmann limit) or the Hessian not positive definite: the curvature in T alone at that η
      const hz = 1e-3;
      const c = (fz([run.z[0] + hz, run.z[1]]) - 2 * run.fz + fz([run.z[0] - hz, run.z[1]])) / (hz * hz);
      sZ = c > 0 ? Math.sqrt(2 / c) : Number.NaN;
    }
    const statK = tK * span * sZ * Math.sqrt(Math.max(1, chi2PerDof));
    if (!Number.isFinite(statK)) return null;
    chi2At(tK, eta);
    return { tK, statK, sysK: 0, sigmaK: statK, chi2PerDof, eta, amplitude: chi2Of(b, m, shift).a };
  }
  const tBest = tBoltzmann;
  const eta: number | null = null;
  if (!(tBest > T_MIN * 1.05 && tBest < T_MAX / 1.05)) return null;
  const f0 = chi2At(tBest, eta);
  const h = 0.01 * tBest;
  const curv = (chi2At(tBest + h, eta) - 2 * f0 + chi2At(tBest - h, eta)) / (h * h);
  const dof = dofB;
  const chi2PerDof = f0 / dof;
  const statK = curv > 0 ? Math.sqrt(2 / curv) * Math.sqrt(Math.max(1, chi2PerDof)) : Number.NaN;
  if (!Number.isFinite(statK)) return null;
  chi2At(tBest, eta);
  return { tK: tBest, statK, sysK: 0, sigmaK: statK, chi2PerDof, amplitude: chi2Of(b, m, shift).a };
}

/** The classic bare exponential: ln B = c − E/(kB T), weighted by (B/σ)². */
function classicFit(e: number[], b: number[], sigma: number): TailEstimate | null {
  let sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
  const pts: [number, number, number][] = [];
  for (let j = 0; j < e.length; j++) {
    if (!(b[j] > 0)) continue;
    const w = (b[j] / sigma) ** 2;
    const y = Math.log(b[j]);
    pts.push([e[j], y, w]);
    sw += w; sx += w * e[j]; sy += w * y; sxx += w * e[j] * e[j]; sxy += w * e[j] * y;
  }
  if (pts.length < 4) return null;
  const det = sw * sxx - sx * sx;
  const slope = (sw * sxy - sx * sy) / det;
  const icept = (sy - slope * sx) / sw;
  if (!(slope < 0)) return null;
  let chi2 = 0;
  for (const [x, y, w] of pts) chi2 += w * (y - icept - slope * x) ** 2;
  const dof = pts.length - 2;
  const chi2PerDof = chi2 / dof;
  const sSlope = Math.sqrt(sw / det) * Math.sqrt(Math.max(1, chi2PerDof));
  const tK = -1 / (KB_EV_PER_K * slope);
  if (!(tK > T_MIN && tK < T_MAX)) return null;
  const statK = sSlope / (KB_EV_PER_K * slope * slope);
  return { tK, statK, sysK: 0, sigmaK: statK, chi2PerDof };
}

/** Fit every delay. `edge` gives the gap, masses, nanocrystal size and broadening of the bleach model. */
export function extractTc(s: TaSpectra, edge: BandEdge, options: ExtractOptions = {}): Extraction {
  const method = options.method ?? 'boltzmann';
  const startKt = options.startKt ?? 1;
  const noiseFactor = options.noiseFactor ?? 3;
  const noise = noiseLevel(s);
  const nS = s.energyEv.length;
  const eMax = s.energyEv[nS - 1];
  const t = transitions(edge, Math.max(0.05, eMax - edge.gapEv + 6 * edge.broadeningEv));
  const out: DelayFit[] = [];
  for (let d = 0; d < s.delaysPs.length; d++) {
    const delayPs = s.delaysPs[d];
    if (!(delayPs > (options.minDelayPs ?? 0))) continue;
    const row = Array.from({ length: nS }, (_, j) => -s.dA[d * nS + j]);
    const fit = fitDelay(row);
    out.push({ delayPs, ...fit });
  }
  const rule = options.windowEv
    ? `window ${options.windowEv[0]}–${options.windowEv[1]} eV (given)`
    : `window from ${startKt} kB·Tc above the bleach peak to where the bleach falls below ${noiseFactor} σ of the noise; systematic σ = half the spread over starts ${startKt} ± 0.5 kB·Tc and ends at ${(noiseFactor * 0.67).toPrecision(2)}σ and ${(noiseFactor * 1.67).toPrecision(2)}σ`;
  return { delays: out, noiseOd: noise.od, noiseFrom: noise.from, rule, method };

  function fitDelay(b: number[]): Omit<DelayFit, 'delayPs'> {
    const fail = (reason: string, peakEv: number | null = null): Omit<DelayFit, 'delayPs'> => ({ status: 'no-tail', reason, windowEv: null, nPoints: 0, peakEv, model: null, classic: null });
    const smooth = b.map((_, j) => {
      const v = [b[j - 1], b[j], b[j + 1]].filter((x) => x !== undefined && Number.isFinite(x)) as number[];
      return v.length ? v.reduce((p, q) => p + q, 0) / v.length : Number.NaN;
    });
    let peak = -1;
    for (let j = 0; j < nS; j++) if (Number.isFinite(smooth[j]) && (peak < 0 || smooth[j] > smooth[peak])) peak = j;
    if (peak < 0) return fail('every cell is missing');
    const peakEv = s.energyEv[peak];
    if (!(smooth[peak] > 5 * noise.od)) return fail(`no bleach above the noise (largest bleach ${smooth[peak].toPrecision(2)} OD, noise ${noise.od.toPrecision(2)} OD)`, peakEv);
    const windowFor = (startAt: number, factor: number): [number, number] | null => {
      if (options.windowEv) return options.windowEv;
      // the highest energy above the peak where the bleach still stands above the noise (a nanocrystal's levels
      // leave valleys between their lines: the tail ends at the last line above the noise, not the first valley)
      let end = -1;
      for (let j = nS - 1; j > peak; j--) {
        if (Number.isFinite(smooth[j]) && smooth[j] >= factor * noise.od) { end = j; break; }
      }
      if (end < 0) return null;
      return [startAt, s.energyEv[end]];
    };
    const pointsIn = (w: [number, number]) => {
      const e: number[] = [];
      const y: number[] = [];
      for (let j = 0; j < nS; j++) if (s.energyEv[j] >= w[0] && s.energyEv[j] <= w[1] && Number.isFinite(b[j])) { e.push(s.energyEv[j]); y.push(b[j]); }
      return { e, y };
    };
    const both = (w: [number, number] | null) => {
      if (w === null) return null;
      const p = pointsIn(w);
      if (p.e.length < 6) return null;
      return { w, n: p.e.length, model: modelFit(p.e, p.y, noise.od, edge, t, method, options.gapShiftTerm ?? false), classic: classicFit(p.e, p.y, noise.od) };
    };
    // first pass: from two broadening widths above the peak, to find kB·Tc for the window rule
    const first = options.windowEv ? null : both(windowFor(peakEv + Math.max(2 * edge.broadeningEv, 0.03), noiseFactor));
    const kT0 = first?.model ? KB_EV_PER_K * first.model.tK : first?.classic ? KB_EV_PER_K * first.classic.tK : null;
    if (!options.windowEv && kT0 === null) return fail('the tail above the peak is too short or not falling (fewer than 6 points above the noise, or no decay)', peakEv);
    const startOf = (k: number) => peakEv + k * (kT0 as number);
    const main = both(options.windowEv ?? windowFor(startOf(startKt), noiseFactor));
    if (main === null) return fail('fewer than 6 points in the window', peakEv);
    if (main.model === null && main.classic === null) return fail('no decaying tail in the window (neither fit found a temperature)', peakEv);
    // systematic: the window scan
    const scan = options.windowEv ? [] : [
      both(windowFor(startOf(startKt - 0.5), noiseFactor)), both(windowFor(startOf(startKt + 0.5), noiseFactor)),
      both(windowFor(startOf(startKt), noiseFactor * 0.67)), both(windowFor(startOf(startKt), noiseFactor * 1.67)),
    ];
    const withSys = (pick: 'model' | 'classic'): TailEstimate | null => {
      const centre = main[pick];
      if (centre === null) return null;
      const ts = [centre.tK, ...scan.map((r) => r?.[pick]?.tK).filter((x): x is number => x !== undefined)];
      const sysK = ts.length > 1 ? (Math.max(...ts) - Math.min(...ts)) / 2 : 0;
      return { ...centre, sysK, sigmaK: Math.hypot(centre.statK, sysK) };
    };
    return { status: 'ok', reason: null, windowEv: main.w, nPoints: main.n, peakEv, model: withSys('model'), classic: withSys('classic') };
  }
}
