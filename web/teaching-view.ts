// The teaching view: the chart large, a plain-language caption per stage and per preset that stays on screen,
// a marker that plays Tc(t) with the energy moving between carriers, LO phonons, lattice and surroundings
// (play / pause / step), and the bottleneck demo as a guided three-step comparison.

import type { SimulationInput, SimulationResult } from '../src/model/types.ts';
import { formatNumber } from './format.ts';
import { stageMarks } from './stages.ts';
import { tcOf } from './curves.ts';
import { BOTTLENECK_STEPS, stepNumbers } from './bottleneck-steps.ts';
import { plainMessage } from './messages.ts';

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
  /** Make `input` the current curve (a step of the guided comparison), with `overlays` (the steps before it) kept. */
  useInput(input: SimulationInput, caption: string, overlays: { input: SimulationInput; note: string }[]): void;
  /** A step's curve, computed off the live worker (for the numbers its caption quotes). */
  simulate(input: SimulationInput): Promise<SimulationResult>;
}

/** What each stage means, in the words a class needs. */
export const STAGE_CAPTIONS = [
  ['1 · Carriers → LO phonons', 'The pump leaves electrons and holes far hotter than the crystal. Within a picosecond they shed most of that excess energy by emitting longitudinal-optical (LO) phonons: lattice vibrations of the Pb–halide bonds.'],
  ['2 · LO phonons → acoustic phonons', 'The LO phonons decay into acoustic phonons (ordinary heat in the lattice). If carriers make LO phonons faster than they decay, the LO modes stay hot and give energy back: the hot-phonon bottleneck, which slows cooling.'],
  ['3 · Lattice → surroundings', 'Carriers, phonons and lattice are now at nearly one temperature, a little above the start, and that heat leaks slowly into the ligands, solvent or substrate.'],
] as const;

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
  const stepCaption = q<HTMLElement>('.step-caption');
  let stepSeq = 0;
  for (const b of element.querySelectorAll<HTMLButtonElement>('[data-step]')) {
    b.addEventListener('click', async () => {
      const k = Number(b.dataset.step);
      const seq = ++stepSeq;
      for (const other of element.querySelectorAll('[data-step]')) other.setAttribute('aria-pressed', String(other === b));
      stepCaption.textContent = 'Computing the curves of this step…';
      delete stepCaption.dataset.tau1ePs;
      // The caption quotes this step's curve and the ones before it: compute them all, then show them together.
      const wanted = BOTTLENECK_STEPS.slice(0, k + 1);
      let numbers;
      try {
        numbers = (await Promise.all(wanted.map((s) => handlers.simulate(structuredClone(s.input))))).map(stepNumbers);
      } catch (error) {
        if (seq === stepSeq) stepCaption.textContent = `This step cannot be drawn: ${plainMessage((error as Error).message)}`;
        return;
      }
      if (seq !== stepSeq) return; // another step was chosen meanwhile
      const caption = wanted[k].caption(numbers);
      stepCaption.textContent = caption;
      stepCaption.dataset.tau1ePs = String(numbers[k].tau1ePs);
      const overlays = wanted.slice(0, k).map((s, i) => ({ input: structuredClone(s.input), note: `step ${i + 1}` }));
      handlers.useInput(structuredClone(wanted[k].input), caption, overlays);
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
