// The sweep panel's runs: the form read into a sweep of the current input, run on the sweep pool with progress and
// Cancel, its result kept in the model, and its CSV export.

import type { SimulationInput } from '../src/model/types.ts';
import type { EnginePool } from '../workers/pool.ts';
import { download, sweepCsv } from './export.ts';
import { plainMessage } from './messages.ts';
import type { PageModel } from './page-model.ts';
import { specFromForm } from './sweep-form.ts';
import { createSweepPanel, type SweepPanel } from './sweep-panel.ts';

export interface SweepHandlers {
  /** Bring the URL up to date (the sweep form is part of the link), now or soon. */
  writeUrl(): void;
  scheduleUrl(): void;
}

export function createSweepControls(model: PageModel, pool: EnginePool, cores: number, handlers: SweepHandlers): SweepPanel {
  let abort: AbortController | null = null;
  const panel: SweepPanel = createSweepPanel(cores, model.state.sweep, {
    run() {
      let spec;
      try {
        spec = specFromForm(panel.form(), structuredClone(model.state.input) as SimulationInput);
      } catch (error) {
        panel.message((error as Error).message, true);
        return;
      }
      handlers.writeUrl();
      const mine = new AbortController();
      abort = mine;
      panel.running(true);
      panel.message('starting…');
      pool.sweep(spec, (p) => panel.progress(p), { signal: mine.signal, workers: panel.form().workers }).then(
        (result) => {
          model.lastSweep.value = result;
          panel.show(result);
        },
        (error: Error) => panel.message(`Sweep failed: ${plainMessage(error.message)}`, true),
      ).finally(() => {
        if (abort === mine) panel.running(false);
      });
    },
    cancel() {
      abort?.abort();
    },
    exportCsv() {
      const last = model.lastSweep.value;
      if (last) download('hotcarrier-sweep.csv', new Blob([sweepCsv(last)], { type: 'text/csv' }));
    },
    changed: handlers.scheduleUrl,
  });
  return panel;
}
