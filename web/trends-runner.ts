// The trends panel's runs: T1–T13 for the current composition and size on the sweep pool, re-run 1.5 s after the
// sample changes, and only while the panel is on (or near) the screen: a phone or a teaching view does not pay.

import type { EnginePool } from '../workers/pool.ts';
import { isCancelledError } from '../workers/protocol.ts';
import { formatNumber } from './format.ts';
import type { PageModel } from './page-model.ts';
import { createTrendsPanel } from './trends-panel.ts';

export interface TrendsRunner {
  /** The sample changed: run again soon (when the panel is visible). */
  schedule(): void;
}

export function createTrendsRunner(model: PageModel, pool: EnginePool, parent: HTMLElement): TrendsRunner {
  const panel = createTrendsPanel(() => run());
  parent.append(panel.element);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let abort: AbortController | null = null;
  let visible = false;
  let stale = true;

  function run(): void {
    abort?.abort();
    const mine = new AbortController();
    abort = mine;
    const options = { composition: model.state.input.composition, edgeNm: model.state.input.edgeNm };
    const context = `${options.composition}, ${options.edgeNm === null ? 'bulk film' : `${formatNumber(options.edgeNm)} nm`}`;
    panel.showRunning(context);
    const started = performance.now();
    pool.trends(options, mine.signal).then(
      (results) => {
        if (abort === mine) panel.show(results, context, performance.now() - started);
      },
      (error: Error) => {
        if (abort !== mine) return; // superseded by a newer run
        // Cancelled without being superseded: the pool was replaced (new worker count), so run again.
        if (isCancelledError(error)) schedule();
        else panel.showError(error.message);
      },
    );
  }

  function schedule(): void {
    clearTimeout(timer);
    stale = true;
    if (!visible) return;
    timer = setTimeout(() => {
      stale = false;
      run();
    }, 1500);
  }

  new IntersectionObserver((entries) => {
    visible = entries.some((e) => e.isIntersecting);
    if (visible && stale) schedule();
  }, { rootMargin: '200px' }).observe(parent);

  return { schedule };
}
