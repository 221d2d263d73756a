// Keyboard access to a uPlot chart: focus it, then ←/→ step the read-out along the delays (PageUp/PageDown ten
// at a time, Home/End to the ends); the legend shows the values, and a polite live region reads them out.

import type uPlot from 'uplot';

export function chartKeyboard(container: HTMLElement, plot: () => uPlot, announce: (text: string) => void): void {
  container.tabIndex = 0;
  let index = -1;
  container.addEventListener('keydown', (event) => {
    const u = plot();
    const xs = u.data[0];
    const n = xs.length;
    if (n === 0) return;
    const steps: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, PageDown: 10, PageUp: -10 };
    let next: number;
    if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = n - 1;
    else if (event.key in steps) next = Math.min(n - 1, Math.max(0, (index < 0 ? 0 : index) + steps[event.key]));
    else return;
    event.preventDefault();
    index = next;
    const x = xs[index];
    const y = u.data[1]?.[index];
    const left = u.valToPos(x, 'x');
    const top = typeof y === 'number' ? u.valToPos(y, 'y') : u.bbox.height / devicePixelRatio / 2;
    u.setCursor({ left, top });
    const legend = container.querySelector('.u-legend');
    if (legend) announce((legend as HTMLElement).innerText.replace(/\s+/g, ' ').trim());
  });
  container.addEventListener('blur', () => {
    index = -1;
  });
}
