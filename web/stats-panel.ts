// Solver statistics and derived quantities of the current curve, for benchmarkers and the curious.

import type { SimulationResult } from '../src/model/types.ts';
import { escapeHtml, formatNumber, withUnit } from './format.ts';

export interface StatsPanel {
  /** `timing`: worker round trip (request → result) and page render time of the last live curve (ms). */
  show(result: SimulationResult, timing?: { roundTripMs: number; renderMs: number }): void;
}

export function createStatsPanel(container: HTMLElement): StatsPanel {
  const list = document.createElement('dl');
  container.append(list);
  return {
    show(r: SimulationResult, timing?: { roundTripMs: number; renderMs: number }) {
      const s = r.solver;
      const d = r.derived;
      const m = r.metrics;
      const rows: [string, string][] = [
        ['Method', s.method],
        ['Status', `${s.status === 0 ? 'ok' : 'failed'} — ${s.message}`],
        ['f evaluations', formatNumber(s.nfev, 6)],
        ['Jacobians / LU', `${s.njev} / ${s.nlu}`],
        ['Steps accepted / rejected', `${s.nAccepted} / ${s.nRejected}`],
        ['Solve time', withUnit(s.wallMs, 'ms')],
        ['Worker round trip / page render', `${withUnit(timing?.roundTripMs, 'ms')} / ${withUnit(timing?.renderMs, 'ms')}`],
        ['Energy ledger error', formatNumber(r.energy.maxRelError)],
        ['Cooling time to 1/e', withUnit(m.tau1ePs, 'ps')],
        m.fastPs === null && m.slowPs !== null
          ? ['Exponential fit (single)', withUnit(m.slowPs, 'ps')]
          : ['Bi-exp. fast / slow', `${withUnit(m.fastPs, 'ps')} / ${withUnit(m.slowPs, 'ps')}`],
        [`Time to ${formatNumber(m.targetK)} K`, withUnit(m.timeToTargetPs, 'ps')],
        ['Peak Tc', withUnit(m.peakTcK, 'K')],
        ['Initial loss rate', withUnit(m.initialLossRateMeVps, 'meV ps⁻¹ per e–h pair')],
        ['Gap (confined)', `${withUnit(d.gapEv, 'eV')} (confinement ${withUnit(d.confinementEv * 1000, 'meV')})`],
        ['Regime', `${d.regime}; Bohr diameter ${withUnit(d.bohrDiameterNm, 'nm')}`],
        ['Lowest gap 1P → 1S e / h', d.electronLevelSpacingMeV === null ? '—' : `${withUnit(d.electronLevelSpacingMeV, 'meV')} / ${withUnit(d.holeLevelSpacingMeV, 'meV')} (${formatNumber(d.electronLevelSpacingMeV / d.material.loPhononMeV)} ħω_LO for e)`],
        ['Excess energy / injection Tc', `${withUnit(d.excessEnergyEv, 'eV')} / ${withUnit(d.injectionTempK, 'K')}`],
        ['Injection Tc electron / hole', `${withUnit(d.injectionElectronK, 'K')} / ${withUnit(d.injectionHoleK, 'K')}`],
        ['Fröhlich α e / h', `${formatNumber(d.frohlichAlphaElectron)} / ${formatNumber(d.frohlichAlphaHole)}`],
        ['LO emission time', withUnit(d.loEmissionFs, 'fs')],
        ['Auger coefficient', withUnit(d.augerCm6PerS, 'cm⁶ s⁻¹') + (d.biexcitonAugerPs === null ? '' : `; τ_XX ${withUnit(d.biexcitonAugerPs, 'ps')}, ${d.augerStatistics} statistics`)],
        ['Extraction yield', r.extraction.yield > 0 ? `${formatNumber(r.extraction.yield * 100)} % at ${withUnit(r.extraction.meanTcK, 'K')}` : '—'],
      ];
      list.innerHTML = rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('');
    },
  };
}
