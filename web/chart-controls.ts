// The chart's own controls: a fixed Tc range and a log Tc axis (checked in place), Reset zoom, and the theme
// (light or dark: the stored choice, else prefers-color-scheme; the charts are rebuilt in the theme's colours).

import { DARK, LIGHT, setChartTheme } from './chart-theme.ts';
import { parseNumber } from './format.ts';
import type { MainChart } from './main-chart.ts';
import type { PageModel } from './page-model.ts';
import type { SideCharts } from './side-charts.ts';

const $ = (id: string) => document.getElementById(id)!;
const THEME_KEY = 'hotcarrier-theme';

export function installChartControls(model: PageModel, mainChart: MainChart, sideCharts: SideCharts, redraw: () => void, setStatus: (text: string, isError: boolean) => void): void {
  function applyYAxis(): void {
    const minField = $('y-min') as HTMLInputElement;
    const maxField = $('y-max') as HTMLInputElement;
    const log = ($('log-y') as HTMLInputElement).checked;
    const lo = minField.value.trim() === '' ? null : parseNumber(minField.value);
    const hi = maxField.value.trim() === '' ? null : parseNumber(maxField.value);
    const bothEmpty = lo === null && hi === null;
    const ok = bothEmpty || (lo !== null && hi !== null && Number.isFinite(lo) && Number.isFinite(hi) && hi > lo && (!log || lo > 0));
    minField.setAttribute('aria-invalid', String(!ok));
    maxField.setAttribute('aria-invalid', String(!ok));
    if (!ok) {
      setStatus(`Tc range: give two numbers in K, the first below the second${log ? ' and above 0 for a log axis' : ''}, or leave both empty for automatic.`, true);
      return;
    }
    mainChart.setYAxis(bothEmpty ? null : [lo!, hi!], log);
    if (!bothEmpty || log) redraw();
  }
  for (const id of ['y-min', 'y-max']) $(id).addEventListener('change', applyYAxis);
  $('log-y').addEventListener('change', () => {
    applyYAxis();
    redraw();
  });
  $('reset-zoom').addEventListener('click', () => mainChart.resetZoom());

  const stored = (() => { try { return localStorage.getItem(THEME_KEY); } catch { return null; } })();
  model.theme.value = stored === 'dark' || stored === 'light' ? stored : matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
  model.theme.link((name) => {
    document.documentElement.dataset.theme = name;
    setChartTheme(name === 'dark' ? DARK : LIGHT);
    $('theme-toggle').setAttribute('aria-pressed', String(name === 'dark'));
    mainChart.rebuild();
    sideCharts.rebuild();
    redraw();
  });
  $('theme-toggle').addEventListener('click', () => {
    model.theme.value = model.theme.value === 'dark' ? 'light' : 'dark';
    try { localStorage.setItem(THEME_KEY, model.theme.value); } catch { /* private mode: the toggle still works */ }
  });
}
