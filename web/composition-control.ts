// Composition control: preset list plus a custom A/B/X mix, showing the tolerance factor and the phase warning.

import { escapeHtml, formatNumber, parseNumber } from './format.ts';
import type { MaterialSummary } from '../workers/protocol.ts';

export interface CompositionControl {
  element: HTMLElement;
  value(): string;
  set(formula: string): void;
  setPresets(names: string[]): void;
  /** Show the resolved material (tolerance factor, phase, warnings) or an error for the formula. */
  showSummary(summary: MaterialSummary | null, error?: string): void;
}

/** Custom-mix fields: fraction of each ion on its site; the site's first ion takes the rest. */
const MIX_FIELDS = [
  { site: 'A', ion: 'FA', label: 'FA fraction on A site' },
  { site: 'A', ion: 'MA', label: 'MA fraction on A site' },
  { site: 'B', ion: 'Sn', label: 'Sn fraction on B site' },
  { site: 'X', ion: 'Br', label: 'Br fraction on X site' },
  { site: 'X', ion: 'Cl', label: 'Cl fraction on X site' },
] as const;

const REST: Record<'A' | 'B' | 'X', string> = { A: 'Cs', B: 'Pb', X: 'I' };
/** Canonical ion order per site (as the engine formats formulas). */
const ORDER: Record<'A' | 'B' | 'X', string[]> = { A: ['FA', 'MA', 'Cs'], B: ['Pb', 'Sn'], X: ['I', 'Br', 'Cl'] };

const amount = (v: number) => (Math.abs(v - 1) < 1e-9 ? '' : String(Number(v.toFixed(4))));

/** Formula of a mix, e.g. { FA: 0.5 } → "FA0.5Cs0.5PbI3"; throws naming the site whose fractions exceed 1. */
export function mixFormula(fractions: Record<string, number>): string {
  const site = (name: 'A' | 'B' | 'X', scale: number) => {
    const ions = MIX_FIELDS.filter((f) => f.site === name).map((f) => [f.ion, fractions[f.ion] ?? 0] as const);
    const rest = 1 - ions.reduce((s, [, v]) => s + v, 0);
    if (rest < -1e-9) throw new Error(`${name}-site fractions add up to more than 1`);
    const parts = [...ions, [REST[name], Math.max(0, rest)] as const]
      .filter(([, v]) => v > 1e-9)
      .sort((p, q) => ORDER[name].indexOf(p[0]) - ORDER[name].indexOf(q[0]));
    if (parts.length === 1 && name === 'X') return `${parts[0][0]}3`;
    return parts.map(([ion, v]) => ion + amount(v * scale)).join('');
  };
  return site('A', 1) + site('B', 1) + site('X', 3);
}

export function createCompositionControl(initial: string, onChange: (formula: string) => void): CompositionControl {
  const wrap = document.createElement('fieldset');
  wrap.className = 'control composition';
  wrap.innerHTML = `
    <legend>Composition</legend>
    <label for="composition-select">Material (preset or custom mix)</label>
    <select id="composition-select" name="composition"></select>
    <div class="mix" hidden>
      ${MIX_FIELDS.map((f) => `
        <label class="mix-field">${f.label} <span class="unit">(fraction 0–1)</span>
          <input type="number" min="0" max="1" step="0.05" value="0" data-ion="${f.ion}">
        </label>`).join('')}
      <small class="help">Cs, Pb and I take the rest of their sites.</small>
    </div>
    <output class="formula" aria-live="polite"></output>
    <small class="error" role="alert" aria-live="polite"></small>`;
  const select = wrap.querySelector<HTMLSelectElement>('select')!;
  const mix = wrap.querySelector<HTMLElement>('.mix')!;
  const output = wrap.querySelector<HTMLOutputElement>('output')!;
  const errorText = wrap.querySelector<HTMLElement>('.error')!;
  const mixInputs = [...wrap.querySelectorAll<HTMLInputElement>('.mix input')];
  let presets: string[] = [];
  let current = initial;

  const fill = () => {
    const options = [...presets];
    if (!options.includes(current)) options.push(current);
    select.innerHTML = options.map((n) => `<option value="${escapeHtml(n)}">${escapeHtml(n)}</option>`).join('') + '<option value="__custom">Custom mix…</option>';
    select.value = current;
  };
  const readMix = () => {
    try {
      const fractions: Record<string, number> = {};
      for (const input of mixInputs) {
        const v = parseNumber(input.value || '0');
        if (!(v >= 0 && v <= 1)) throw new Error(`${input.dataset.ion}: a fraction from 0 to 1`);
        fractions[input.dataset.ion!] = v;
      }
      const formula = mixFormula(fractions);
      errorText.textContent = '';
      current = formula;
      onChange(formula);
    } catch (error) {
      errorText.textContent = (error as Error).message;
    }
  };
  select.addEventListener('change', () => {
    if (select.value === '__custom') {
      mix.hidden = false;
      mixInputs[0].focus();
      readMix();
      return;
    }
    mix.hidden = true;
    current = select.value;
    onChange(current);
  });
  for (const input of mixInputs) input.addEventListener('input', readMix);
  fill();

  return {
    element: wrap,
    value: () => current,
    set(formula: string) {
      current = formula;
      mix.hidden = true;
      fill();
    },
    setPresets(names: string[]) {
      presets = names;
      fill();
    },
    showSummary(summary: MaterialSummary | null, error = '') {
      errorText.textContent = error;
      select.setAttribute('aria-invalid', error ? 'true' : 'false');
      if (!summary) {
        output.textContent = '';
        return;
      }
      const phase: Record<string, string> = {
        'cubic-black': 'black perovskite phase expected',
        marginal: 'marginal (t ≈ 0.8)',
        'non-perovskite-low': 'non-perovskite / distorted (t < 0.8)',
        'low-dimensional': 'low-dimensional (t > 1)',
      };
      const warning = summary.tolerance.warning ? ` ⚠ ${summary.tolerance.warning}` : '';
      output.textContent = `${summary.formula}: tolerance factor t = ${formatNumber(summary.tolerance.t)} — ${phase[summary.tolerance.phase] ?? summary.tolerance.phase}; gap ${formatNumber(summary.gapEv)} eV; Bohr diameter ${formatNumber(summary.bohrDiameterNm)} nm.${warning}`;
      output.classList.toggle('warn', Boolean(warning));
    },
  };
}
