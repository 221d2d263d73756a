// The trends panel: T1–T13 with verdict, the numbers behind it and one sentence, for the current material.

import type { TrendResult } from '../src/model/types.ts';
import { escapeHtml, formatNumber } from './format.ts';

export interface TrendsPanel {
  element: HTMLElement;
  showRunning(context: string): void;
  show(results: TrendResult[], context: string, wallMs: number): void;
  showError(message: string): void;
}


export function createTrendsPanel(onRun: () => void): TrendsPanel {
  const section = document.createElement('section');
  section.className = 'panel trends';
  section.setAttribute('aria-labelledby', 'trends-title');
  section.innerHTML = `
    <h2 id="trends-title">Trends T1–T13 (review §2.3)</h2>
    <p><button type="button" class="run">Re-run trends</button> <span class="status" aria-live="polite"></span></p>
    <div class="table-scroll"><table><thead><tr><th scope="col">Id</th><th scope="col">Trend</th><th scope="col">Verdict</th><th scope="col">Numbers</th></tr></thead><tbody></tbody></table></div>`;
  const status = section.querySelector<HTMLElement>('.status')!;
  const body = section.querySelector<HTMLElement>('tbody')!;
  section.querySelector('button')!.addEventListener('click', onRun);
  return {
    element: section,
    showRunning(context: string) {
      status.textContent = `running for ${context}…`;
      section.classList.add('busy');
    },
    show(results: TrendResult[], context: string, wallMs: number) {
      section.classList.remove('busy');
      const passed = results.filter((r) => r.passed).length;
      status.textContent = `${passed} of ${results.length} reproduced for ${context} (${formatNumber(wallMs / 1000)} s)`;
      body.innerHTML = results.map((r) => `
        <tr class="${r.passed ? 'pass' : 'fail'}">
          <th scope="row">${r.id}</th>
          <td>${escapeHtml(r.title)}<br><small>${escapeHtml(r.detail)}</small></td>
          <td>${r.passed ? '✓ reproduced' : '✗ not reproduced'}</td>
          <td><small>${Object.entries(r.numbers).map(([k, v]) => `${escapeHtml(k)} = ${formatNumber(v)}`).join('<br>')}</small></td>
        </tr>`).join('');
    },
    showError(message: string) {
      section.classList.remove('busy');
      status.textContent = `failed: ${message}`;
    },
  };
}
