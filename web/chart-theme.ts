// Colours the canvas drawings read (text on the charts, axes, grid, export background), light or dark.

export interface ChartTheme {
  name: 'light' | 'dark';
  /** Text drawn on the plot area (stage labels, notes). */
  text: string;
  /** Axis tick labels and titles. */
  axis: string;
  grid: string;
  /** Background of exported images. */
  background: string;
  /** Measured points (contrasting with every palette colour). */
  measured: string;
  /** Fill inside a measured marker. */
  markerFill: string;
}

export const LIGHT: ChartTheme = {
  name: 'light', text: 'rgba(40, 40, 40, 0.9)', axis: '#222', grid: 'rgba(0, 0, 0, 0.1)', background: '#ffffff', measured: '#111111', markerFill: '#ffffff',
};
export const DARK: ChartTheme = {
  name: 'dark', text: 'rgba(235, 235, 235, 0.92)', axis: '#e6e6e6', grid: 'rgba(255, 255, 255, 0.14)', background: '#15171a', measured: '#f2f2f2', markerFill: '#15171a',
};

/** The theme in force; the page replaces it (and rebuilds the charts) when the theme changes. */
export let theme: ChartTheme = LIGHT;

export function setChartTheme(next: ChartTheme): void {
  theme = next;
}
