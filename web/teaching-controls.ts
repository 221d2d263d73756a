// The teaching view in the page: the view toggle (and ?view=teaching in a link), the captions following the
// current curve, the guided bottleneck steps made the current curve with the earlier steps kept, and the
// parameters a shared link locks (allow=… lists the free ones; the others are disabled for students).

import { PARAMS } from '../src/model/params.ts';
import type { SimulationInput, SimulationResult } from '../src/model/types.ts';
import type { MainChart } from './main-chart.ts';
import type { OverlayMember } from './overlay-controls.ts';
import type { PageModel } from './page-model.ts';
import { createTeachingView } from './teaching-view.ts';

export interface TeachingHandlers {
  /** The current input was replaced: controls, locks, simulation and material follow. */
  inputReplaced(): void;
  computeOverlays(members: OverlayMember[]): Promise<void>;
  simulate(input: SimulationInput): Promise<SimulationResult>;
  scheduleUrl(): void;
}

export interface TeachingControls {
  /** A new current curve was drawn. */
  resultShown(result: SimulationResult): void;
  /** A preset was chosen: its caption stays on screen in the teaching view. */
  presetChosen(caption: string): void;
  /** `&view=teaching&allow=…` for the link, or '' in the lab view. */
  linkPart(): string;
  applyLocks(): void;
}

const $ = (id: string) => document.getElementById(id)!;
/** Parameters a teaching link can lock. */
const LOCKABLE = new Set([...Object.keys(PARAMS), 'composition', 'bulk']);

export function createTeachingControls(model: PageModel, mainChart: MainChart, handlers: TeachingHandlers): TeachingControls {
  let presetCaption = '';
  const defaultCaption = () => {
    const c = model.current.value;
    return c ? `The chart shows how hot the carriers are (Tc, red) against the time after the pump pulse, for ${c.label}. The coloured bands mark the three stages below.` : '';
  };
  const caption = () => presetCaption || defaultCaption();

  const view = createTeachingView({
    marker: (t) => mainChart.setMarker(t),
    simulate: handlers.simulate,
    useInput(input, stepCaption, overlays) {
      model.state.input = input;
      model.setOverlays([]);
      presetCaption = stepCaption;
      handlers.inputReplaced();
      void handlers.computeOverlays(overlays);
    },
  });
  $('teaching').append(view.element);

  const hash = new URLSearchParams(location.hash.slice(1, 20_001));
  /** The parameters a shared teaching link leaves free (null: all). */
  const allowed: Set<string> | null = (() => {
    const list = hash.get('allow');
    return list === null ? null : new Set(list.split(',').map((k) => k.trim()).filter((k) => LOCKABLE.has(k)));
  })();

  function applyLocks(): void {
    const locking = allowed !== null && model.view.value === 'teaching';
    for (const el of $('controls').querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select')) {
      const key = el.closest<HTMLElement>('[data-param]')?.dataset.param ?? (el.id === 'composition-select' ? 'composition' : el.id === 'bulk-film' ? 'bulk' : '');
      const locked = locking && !allowed!.has(key);
      if (locked) el.dataset.locked = '1';
      if (locked || el.dataset.locked) el.disabled = locked;
      if (!locked) delete el.dataset.locked;
    }
    $('lock-note').hidden = !locking;
  }

  model.view.lazyLink((name) => {
    document.body.dataset.view = name;
    $('teaching').hidden = name !== 'teaching';
    $('teaching-toggle').setAttribute('aria-pressed', String(name === 'teaching'));
    if (name === 'teaching') view.show(model.current.value?.result ?? null, caption());
    else view.stop();
    applyLocks();
    mainChart.resize();
    handlers.scheduleUrl();
  });
  $('teaching-toggle').addEventListener('click', () => {
    model.view.value = model.view.value === 'teaching' ? 'lab' : 'teaching';
  });
  if (hash.get('view') === 'teaching') model.view.value = 'teaching';

  return {
    resultShown(result) {
      if (model.view.value === 'teaching') view.show(result, caption());
    },
    presetChosen(text) {
      presetCaption = text;
    },
    linkPart: () => (model.view.value === 'teaching' ? `&view=teaching${allowed ? `&allow=${[...allowed].join(',')}` : ''}` : ''),
    applyLocks,
  };
}
