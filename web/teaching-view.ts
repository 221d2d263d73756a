// The teaching view: the chart large, a plain-language caption per stage and per preset that stays on screen,
// a marker that plays Tc(t) with the energy moving between carriers, LO phonons, lattice and surroundings
// (play / pause / step), and the bottleneck demo as a guided three-step comparison.

import type { SimulationInput, SimulationResult } from '../src/model/types.ts';
import { formatNumber } from './format.ts';
import { stageMarks } from './stages.ts';
import { tcOf } from './curves.ts';

export interface TeachingView {
  readonly element: HTMLElement;
  /** A new current curve: captions, marker and energy bar follow it. */
  show(result: SimulationResult | null, presetCaption: string): void;
  /** Stop playing (leaving the view). */
  stop(): void;
}

export interface TeachingHandlers {
  /** Put the marker at a delay (ps) on the chart, or remove it (null). */
  marker(tPs: number | null): void;
  /** Make `input` the current curve (a step of the guided comparison). */
  useInput(input: SimulationInput, caption: string): void;
}

/** What each stage means, in the words a class needs. */
export const STAGE_CAPTIONS = [
  ['1 · Carriers → LO phonons', 'The pump leaves electrons and holes far hotter than the crystal. Within a picosecond they shed most of that excess energy by emitting longitudinal-optical (LO) phonons: lattice vibrations of the Pb–halide bonds.'],
  ['2 · LO phonons → acoustic phonons', 'The LO phonons decay into acoustic phonons (ordinary heat in the lattice). If carriers make LO phonons faster than they decay, the LO modes stay hot and give energy back: the hot-phonon bottleneck, which slows cooling.'],
  ['3 · Lattice → surroundings', 'Carriers, phonons and lattice are now at nearly one temperature, a little above the start, and that heat leaks slowly into the ligands, solvent or substrate.'],
] as const;

/** The guided bottleneck comparison: three steps, each a curve and what to look for. */
export const BOTTLENECK_STEPS: { title: string; caption: string; input: SimulationInput }[] = [
  {
    title: 'Step 1: many carriers, finite LO population',
    caption: 'At 1e19 cm⁻³ the carriers emit LO phonons faster than those decay. Look for the shoulder: Tc stays high for picoseconds — the hot-phonon bottleneck.',
    input: { composition: 'CsPbI3', edgeNm: 8, densityCm3: 1e19, pumpNm: 470, latticeK: 300 },
  },
  {
    title: 'Step 2: LO held at the lattice temperature — no bottleneck',
    caption: 'Same sample and density, but the LO modes are held at the lattice temperature (they can never heat up). The shoulder is gone: cooling is fast. So the shoulder in step 1 came from hot LO phonons.',
    input: { composition: 'CsPbI3', edgeNm: 8, densityCm3: 1e19, pumpNm: 470, latticeK: 300, switches: { hotPhonons: false } },
  },
  {
    title: 'Step 3: few carriers',
    caption: 'At 1e17 cm⁻³ the carriers make too few LO phonons to heat them: cooling is fast even with a finite LO population. The bottleneck is a high-density effect.',
    input: { composition: 'CsPbI3', edgeNm: 8, densityCm3: 1e17, pumpNm: 470, latticeK: 300 },
  },
];

const PARTS = [
  { key: 'carriers', label: 'Carriers', color: '#d62728' },
  { key: 'lo', label: 'LO phonons', color: '#ff7f0e' },
  { key: 'acoustic', label: 'Lattice', color: '#1f77b4' },
  { key: 'surroundings', label: 'Surroundings', color: '#7f7f7f' },
] as const;

/** Frames per second while playing; one frame steps one output delay. */
const FRAME_MS = 80;

export function createTeachingView(handlers: TeachingHandlers): TeachingView {
  const element = document.createElement('section');
  element.className = 'teaching panel';
  element.setAttribute('aria-labelledby', 'teaching-title');
  element.innerHTML = `
    <h2 id="teaching-title">How hot carriers cool</h2>
    <p class="preset-caption" id="preset-caption"></p>
    <ol class="stage-captions">${STAGE_CAPTIONS.map(([t, c], i) => `<li data-stage="${i + 1}"><b>${t}</b> ${c}</li>`).join('')}</ol>
    <div class="player" role="group" aria-label="Play the cooling">
      <button type="button" class="play" aria-pressed="false">Play</button>
      <button type="button" class="step-back" aria-label="Step back">◀ Step</button>
      <button type="button" class="step" aria-label="Step forward">Step ▶</button>
      <output class="now" aria-live="off"></output>
    </div>
    <div class="energy-bar" role="img" aria-label="Where the absorbed energy is"></div>
    <p class="energy-text" aria-live="polite"></p>
    <fieldset class="guided"><legend>The bottleneck in three steps</legend>
      ${BOTTLENECK_STEPS.map((s, i) => `<button type="button" data-step="${i}">${s.title}</button>`).join('')}
      <p class="step-caption" aria-live="polite"></p>
    </fieldset>`;
  const q = <T extends Element>(sel: string) => element.querySelector<T>(sel)!;
  const playButton = q<HTMLButtonElement>('.play');
  const now = q<HTMLOutputElement>('.now');
  const bar = q<HTMLElement>('.energy-bar');
  const energyText = q<HTMLElement>('.energy-text');
  let result: SimulationResult | null = null;
  let index = 0;
  let timer: ReturnType<typeof setInterval> | null = null;

  const stageAt = (r: SimulationResult, t: number): number => {
    const marks = stageMarks(r);
    if (!marks || t < 0) return 0;
    return t <= marks.loPeakPs ? 1 : t <= marks.loEquilibratedPs ? 2 : 3;
  };

  const render = () => {
    if (!result) return;
    const t = result.tPs[index];
    const tc = tcOf(result)[index];
    now.textContent = `t = ${formatNumber(t)} ps · Tc = ${formatNumber(tc, 4)} K`;
    handlers.marker(t);
    const stage = stageAt(result, t);
    for (const li of element.querySelectorAll<HTMLElement>('.stage-captions li')) li.classList.toggle('active', Number(li.dataset.stage) === stage);
    const e = result.energy;
    const total = Math.max(...Array.from(e.absorbed));
    const shares = PARTS.map((p) => (total > 0 ? Math.max(0, (p.key === 'surroundings' ? e.surroundings[index] + e.emitted[index] + e.extracted[index] : e[p.key][index]) / total) : 0));
    bar.innerHTML = PARTS.map((p, i) => `<span style="flex-grow:${shares[i]};background:${p.color}" title="${p.label}"></span>`).join('');
    energyText.textContent = `Absorbed energy now: ${PARTS.map((p, i) => `${p.label} ${Math.round(100 * shares[i])} %`).join(' → ')}`;
  };
  const stop = () => {
    if (timer) clearInterval(timer);
    timer = null;
    playButton.textContent = 'Play';
    playButton.setAttribute('aria-pressed', 'false');
  };
  const step = (by: number) => {
    if (!result) return;
    index = Math.min(result.tPs.length - 1, Math.max(0, index + by));
    render();
  };
  playButton.addEventListener('click', () => {
    if (timer) {
      stop();
      return;
    }
    if (!result) return;
    if (index >= result.tPs.length - 1) index = 0;
    playButton.textContent = 'Pause';
    playButton.setAttribute('aria-pressed', 'true');
    timer = setInterval(() => {
      if (!result || index >= result.tPs.length - 1) stop();
      else step(1);
    }, FRAME_MS);
  });
  q('.step').addEventListener('click', () => step(1));
  q('.step-back').addEventListener('click', () => step(-1));
  for (const b of element.querySelectorAll<HTMLButtonElement>('[data-step]')) {
    b.addEventListener('click', () => {
      const s = BOTTLENECK_STEPS[Number(b.dataset.step)];
      for (const other of element.querySelectorAll('[data-step]')) other.setAttribute('aria-pressed', String(other === b));
      q('.step-caption').textContent = s.caption;
      handlers.useInput(structuredClone(s.input), s.caption);
    });
  }

  return {
    element,
    show(next: SimulationResult | null, presetCaption: string) {
      result = next;
      q('#preset-caption').textContent = presetCaption;
      if (!result) return;
      index = Math.min(index, result.tPs.length - 1);
      render();
    },
    stop() {
      stop();
      handlers.marker(null);
    },
  };
}
