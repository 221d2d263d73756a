// The verdict of one entry: does the model's value lie inside the published value's tolerance band?

import type { Tolerance, Verdict } from './types.ts';

const fmt = (v: number) => (Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-2 && v !== 0) ? v.toExponential(2) : Number(v.toPrecision(3)).toString());

/** The band the model must fall in, as text. */
export function toleranceBand(published: number, t: Tolerance): string {
  switch (t.kind) {
    case 'factor': return `[${fmt(published / t.factor)}, ${fmt(published * t.factor)}] (×/÷ ${t.factor})`;
    case 'absolute': return `[${fmt(published - t.plusMinus)}, ${fmt(published + t.plusMinus)}] (± ${fmt(t.plusMinus)})`;
    case 'at-most': return `≤ ${fmt(t.limit)}`;
    case 'at-least': return `≥ ${fmt(t.limit)}`;
  }
}

/** The reference the ratio is taken against: the published value, or the bound. */
export function reference(published: number, t: Tolerance): number {
  return t.kind === 'at-most' || t.kind === 'at-least' ? t.limit : published;
}

/** agree when the model value is finite and inside the band; a missing or non-finite value disagrees. */
export function judge(model: number | null, published: number, t: Tolerance): Verdict {
  if (model === null || !Number.isFinite(model)) return 'disagree';
  switch (t.kind) {
    case 'factor': {
      if (!(model > 0) || !(published > 0)) return 'disagree';
      const r = model / published;
      return r >= 1 / t.factor && r <= t.factor ? 'agree' : 'disagree';
    }
    case 'absolute': return Math.abs(model - published) <= t.plusMinus ? 'agree' : 'disagree';
    case 'at-most': return model <= t.limit ? 'agree' : 'disagree';
    case 'at-least': return model >= t.limit ? 'agree' : 'disagree';
  }
}

export { fmt as formatValue };
