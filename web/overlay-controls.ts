// Kept curves (overlays): computing them on the sweep pool, their list with remove buttons, Keep curve, Intensity
// series, Clear overlays and the figure presets' buttons.

import type { SimulationInput, SimulationResult } from '../src/model/types.ts';
import { isCancelledError } from '../workers/protocol.ts';
import { curveLabel, makeCurve, PALETTE, type Curve } from './curves.ts';
import { FIGURE_PRESETS, type FigurePreset } from './figure-presets.ts';
import { escapeHtml } from './format.ts';
import { intensitySeriesMembers } from './intensity-series.ts';
import { plainMessage } from './messages.ts';
import type { PageModel } from './page-model.ts';

export interface OverlayMember {
  input: SimulationInput;
  /** Shown in the curve's label, e.g. "×0.3" or "step 1". */
  note?: string;
}

export interface OverlayControls {
  /** Simulate `members` as the kept curves: replacing them, or added after them (`append`). */
  compute(members: OverlayMember[], append?: boolean): Promise<void>;
  /** Drop the kept curves and any still being computed (Reset, a link that fell back). */
  drop(): void;
}

export interface OverlayHandlers {
  simulate(input: SimulationInput): Promise<SimulationResult>;
  setStatus(text: string, isError?: boolean): void;
  /** A preset was chosen: make its first input the current one (its other inputs become the overlays). */
  preset(preset: FigurePreset): void;
}

const $ = (id: string) => document.getElementById(id)!;

export function createOverlayControls(model: PageModel, handlers: OverlayHandlers): OverlayControls {
  /** Bumped when the kept curves are replaced: late results of an older set are dropped. */
  let generation = 0;
  async function compute(members: OverlayMember[], append = false): Promise<void> {
    const mine = append ? generation : ++generation;
    const results = await Promise.allSettled(members.map((m) => handlers.simulate(m.input)));
    if (mine !== generation) return;
    const drawn: Curve[] = append ? [...model.overlays.value] : [];
    results.forEach((r, i) => {
      if (r.status === 'fulfilled') {
        drawn.push(makeCurve(members[i].input, r.value, PALETTE[0], members[i].note));
      } else if (!isCancelledError(r.reason)) {
        handlers.setStatus(`Curve ${curveLabel(members[i].input)} cannot be drawn and was left out: ${plainMessage((r.reason as Error).message)}`, true);
      }
    });
    model.setOverlays(drawn);
  }

  const list = $('overlay-list');
  model.overlays.lazyLink(() => {
    list.innerHTML = model.overlays.value.map((c, i) =>
      `<li><span class="swatch" style="background:${c.color}"></span>${escapeHtml(c.label)} <button type="button" data-remove="${i}" aria-label="Remove ${escapeHtml(c.label)}">×</button></li>`).join('');
  });
  list.addEventListener('click', (event) => {
    const index = (event.target as HTMLElement).dataset.remove;
    if (index === undefined) return;
    model.removeOverlay(Number(index));
    // Focus stays in the list: on the next remove button, else the previous one, else on Keep curve.
    const buttons = list.querySelectorAll<HTMLButtonElement>('button[data-remove]');
    (buttons[Math.min(Number(index), buttons.length - 1)] ?? $('keep')).focus();
  });
  $('keep').addEventListener('click', () => model.keepCurrent());
  $('intensity-series').addEventListener('click', () => {
    const { members, leftOut } = intensitySeriesMembers(model.state.input);
    void compute(members, true); // added after the kept curves, never replacing them
    const out = leftOut.length ? `; ×${leftOut.join(', ×')} left out (beyond the allowed range)` : '';
    handlers.setStatus(`Intensity series added: ×${members.map((m) => m.note.slice(1)).join(', ×')} the current excitation${out}. Clear overlays removes them.`);
  });
  $('clear').addEventListener('click', () => model.setOverlays([]));

  const presetBox = $('figure-presets');
  for (const preset of FIGURE_PRESETS) {
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = preset.button;
    button.title = preset.title;
    button.dataset.preset = preset.id;
    button.addEventListener('click', () => {
      handlers.preset(preset);
      void compute(preset.inputs.slice(1).map((input) => ({ input: structuredClone(input) })));
      handlers.setStatus(preset.title);
    });
    presetBox.append(button);
  }

  return {
    compute,
    drop() {
      generation++;
      model.setOverlays([]);
    },
  };
}
