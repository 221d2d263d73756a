// Write a TA map (energies ascending in eV, delays in ps, ΔA in OD) in the layouts the readers take, wavelengths
// in nm increasing; the units written where the layout has room for them.

import { HC_EV_NM, type TaLayout, type TaSpectra } from './ta-map.ts';

export type WritableLayout = Exclude<TaLayout, 'three-files'>;
export const WRITABLE_LAYOUTS: readonly WritableLayout[] = ['kimopack', 'glotaran', 'surface-xplorer', 'matrix'];

const cell = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(7)).toString() : 'NaN');

/** The map as text in `layout`; `title` goes where the layout keeps a name. */
export function writeTaMap(s: TaSpectra, layout: WritableLayout, title: string): string {
  const nS = s.energyEv.length;
  const order = Array.from({ length: nS }, (_, j) => nS - 1 - j); // descending energy = increasing wavelength
  const wl = order.map((j) => HC_EV_NM / s.energyEv[j]);
  const row = (d: number) => order.map((j) => cell(s.dA[d * nS + j]));
  const column = (j: number) => Array.from(s.delaysPs, (_, d) => cell(s.dA[d * nS + j]));
  const lines: string[] = [];
  if (layout === 'kimopack') {
    lines.push(['Time in ps', ...wl.map(cell)].join('\t'));
    s.delaysPs.forEach((t, d) => lines.push([cell(t), ...row(d)].join('\t')));
  } else if (layout === 'matrix') {
    lines.push(['delay (ps) \\ wavelength (nm) - dA in OD', ...wl.map(cell)].join(','));
    s.delaysPs.forEach((t, d) => lines.push([cell(t), ...row(d)].join(',')));
  } else if (layout === 'glotaran') {
    lines.push(title.replace(/[\r\n]/g, ' '), 'delays in ps; wavelengths in nm; dA in OD', 'Time explicit', `Intervalnr ${s.delaysPs.length}`);
    lines.push(Array.from(s.delaysPs, cell).join(' '));
    order.forEach((j, k) => lines.push([cell(wl[k]), ...column(j)].join(' ')));
  } else {
    lines.push(['0', ...Array.from(s.delaysPs, cell)].join(','));
    order.forEach((j, k) => lines.push([cell(wl[k]), ...column(j)].join(',')));
    lines.push('', `Sample,${title.replace(/[,\r\n]/g, ' ')}`, 'Time units,ps', 'Wavelength units,nm', 'Signal,dA in OD');
  }
  return lines.join('\n') + '\n';
}
