// The page's state in one observable model object: the inputs (as the URL holds them), the curves on screen, the
// status line, the view and theme, and the counters the tests and the UI benchmark read. The view links to it.

import type { SweepResult } from '../workers/protocol.ts';
import { PALETTE, type Curve } from './curves.ts';
import { Property } from './property.ts';
import type { AppState } from './url-state.ts';

export interface StatusLine {
  text: string;
  isError: boolean;
}

export type ViewName = 'lab' | 'teaching';
export type ThemeName = 'light' | 'dark';

export class PageModel {
  /** Inputs of the current curve, the kept curves' inputs and the sweep form: what a link holds. */
  readonly app: Property<AppState>;
  /** The curve drawn for the current input (null until the first one draws). */
  readonly current = new Property<Curve | null>(null);
  /** Kept curves, drawn with the current one; colours follow their order. */
  readonly overlays = new Property<readonly Curve[]>([]);
  readonly status = new Property<StatusLine>({ text: 'Loading the engine…', isError: false });
  /** A message that stays over the next "Computed" (a link that fell back, what a link left out). */
  readonly notice = new Property<string>('');
  readonly lastSweep = new Property<SweepResult | null>(null);
  readonly view = new Property<ViewName>('lab');
  readonly theme = new Property<ThemeName>('light');

  /** Control changes so far, and the change whose curve is on screen (equal when the chart has caught up). */
  inputSeq = 0;
  drawnSeq = 0;
  /** Simulations started for the live curve (fewer than changes when they coalesce). */
  liveRuns = 0;
  /** The live curve's last timings (ms): request → result back from the worker, and drawing it. */
  readonly timing = { roundTripMs: Number.NaN, renderMs: Number.NaN };

  constructor(app: AppState) {
    this.app = new Property(app);
  }

  /** The inputs (mutable in place by the controls; replace `app.value` to swap the whole state). */
  get state(): AppState {
    return this.app.value;
  }

  /** Every curve on screen, the current one first. */
  get curves(): Curve[] {
    const c = this.current.value;
    return c ? [c, ...this.overlays.value] : [];
  }

  setStatus(text: string, isError = false): void {
    this.status.value = { text, isError };
  }

  /** Replace the kept curves (recoloured in order) and keep the inputs' copy in step. */
  setOverlays(curves: readonly Curve[]): void {
    const next = curves.map((c, i) => ({ ...c, color: PALETTE[(i + 1) % PALETTE.length] }));
    this.state.overlays = next.map((c) => c.input);
    this.overlays.value = next;
  }

  keepCurrent(): void {
    const c = this.current.value;
    if (c) this.setOverlays([...this.overlays.value, c]);
  }

  removeOverlay(index: number): void {
    this.setOverlays(this.overlays.value.filter((_, i) => i !== index));
  }
}
