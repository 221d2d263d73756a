// Output formatting for the CLI: text summaries, CSV columns and JSON, never printing NaN.

import type { SimulationResult, TrendResult } from '../src/model/types.ts';
import type { MaterialEntry } from '../src/model/catalog.ts';
import { provenanceCsvLines } from '../src/provenance.ts';
import { stamp } from './build-info.ts';
import { notesCsvLines, notesOf, notesTextLines } from './known-notes.ts';

/** A number for humans: significant digits, '—' when absent or not finite. */
export function num(v: number | null | undefined, digits = 4): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (v !== 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3)) return v.toExponential(digits - 1);
  return Number(v.toPrecision(digits)).toString();
}

/** JSON with typed arrays as plain arrays and non-finite numbers as null. */
export function toJson(value: unknown): string {
  return JSON.stringify(
    value,
    (_k, v) => {
      if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as Float64Array, (x) => (Number.isFinite(x) ? x : null));
      if (typeof v === 'number' && !Number.isFinite(v)) return null;
      return v;
    },
    2,
  );
}

/** The simulation as JSON: inputs echoed, derived quantities, columns, metrics, ledger error, solver counters;
 *  `extra` members (e.g. measured data) last. */
export function simulationJson(r: SimulationResult, extra: Record<string, unknown> = {}): string {
  return toJson(simulationObject(r, extra));
}

/** The object simulationJson writes (the batch protocol sends it as one compact JSON line). */
export function simulationObject(r: SimulationResult, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const { material, ...derived } = r.derived;
  return {
    provenance: stamp(r.input),
    input: r.input,
    derived: { ...derived, formula: material.formula, toleranceFactor: material.tolerance.t, phase: material.tolerance.phase },
    material,
    columns: {
      t_ps: r.tPs, tc_k: r.tcK, tc_mean_k: r.tcMeanK,
      tc_single_k: r.classes?.singleK ?? null, tc_multi_k: r.classes?.multiK ?? null, multi_share: r.classes?.multiShare ?? null,
      tc_electron_k: r.tcElectronK, tc_hole_k: r.tcHoleK,
      tc_single_electron_k: r.classes?.singleElectronK ?? null, tc_single_hole_k: r.classes?.singleHoleK ?? null,
      tc_multi_electron_k: r.classes?.multiElectronK ?? null, tc_multi_hole_k: r.classes?.multiHoleK ?? null,
      t_lo_k: r.tLoK, t_a_k: r.tAK, n_cm3: r.nCm3,
      e_absorbed_ev_cm3: r.energy.absorbed, e_carriers_ev_cm3: r.energy.carriers, e_lo_ev_cm3: r.energy.lo,
      e_acoustic_ev_cm3: r.energy.acoustic, e_surroundings_ev_cm3: r.energy.surroundings,
      e_emitted_ev_cm3: r.energy.emitted, e_extracted_ev_cm3: r.energy.extracted,
    },
    metrics: r.metrics,
    extraction: r.extraction,
    ledgerMaxRelError: r.energy.maxRelError,
    solver: r.solver,
    /** Published measurements the model disagrees with in this run's regime (src/validation/known-disagreements.ts). */
    knownDisagreements: notesOf(r),
    ...extra,
  };
}

/**
 * toJson without indentation, on one line. With `base64Arrays`, Float64Arrays become {"$f64": base64 of their
 * little-endian bytes}: lossless and far cheaper than printing each number (the batch protocol's "arrays": "base64").
 */
export function compactJson(value: unknown, base64Arrays = false): string {
  const parts: string[] = [];
  const num = (x: number) => (Number.isFinite(x) ? String(x) : 'null');
  const walk = (v: unknown, inArray: boolean): void => {
    if (v === null || v === undefined || typeof v === 'function' || typeof v === 'symbol') {
      parts.push('null');
    } else if (typeof v === 'number') parts.push(num(v));
    else if (typeof v === 'string' || typeof v === 'boolean') parts.push(JSON.stringify(v));
    else if (typeof v === 'bigint') parts.push(String(v));
    else if (base64Arrays && v instanceof Float64Array) {
      parts.push(`{"$f64":"${Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64')}"}`);
    } else if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      const a = v as unknown as ArrayLike<number>;
      const cells = new Array<string>(a.length);
      for (let i = 0; i < a.length; i++) cells[i] = num(a[i]);
      parts.push(`[${cells.join(',')}]`);
    } else if (Array.isArray(v)) {
      parts.push('[');
      v.forEach((x, i) => {
        if (i > 0) parts.push(',');
        walk(x, true);
      });
      parts.push(']');
    } else {
      const obj = v as Record<string, unknown>;
      if (typeof (obj as { toJSON?: unknown }).toJSON === 'function') return walk((obj as { toJSON: () => unknown }).toJSON(), inArray);
      parts.push('{');
      let first = true;
      for (const k of Object.keys(obj)) {
        const x = obj[k];
        if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
        if (!first) parts.push(',');
        first = false;
        parts.push(JSON.stringify(k), ':');
        walk(x, false);
      }
      parts.push('}');
    }
  };
  walk(value, false);
  return parts.join('');
}

export function simulationCsv(r: SimulationResult): string {
  const d = r.derived;
  const head = [
    ...provenanceCsvLines(stamp(r.input)),
    `# hotcarrier simulate: ${d.material.formula}, ${d.bulk ? 'bulk film' : `${r.input.edgeNm} nm NC`}, n0 = ${num(d.densityCm3)} cm^-3, pump ${num(d.pumpEv)} eV, lattice ${r.input.latticeK ?? 300} K`,
    `# confined gap ${num(d.gapEv)} eV; <N> ${num(d.nPerNc)}; fluence ${num(d.fluenceUJcm2)} uJ cm^-2${d.augerStatistics ? `; NC Auger ${d.augerStatistics} (tau_XX ${num(d.biexcitonAugerPs, 3)} ps)` : ''}; ledger max rel. error ${num(r.energy.maxRelError, 2)}`,
    `# tc_k: ${r.classes ? 'the transient-absorption tail fit of the singly and multiply excited NCs\' carriers (tc_single_k, tc_multi_k; multi_share: the pairs in multiply excited NCs)' : 'the carrier temperature'}; tc_mean_k: the energy-weighted mean`,
    `# tc_electron_k, tc_hole_k: the electrons' and holes' own temperatures (means over the classes${r.classes ? '; per class in tc_single_electron_k … tc_multi_hole_k' : ''}); tc_mean_k is their pairs' (T_e + T_h)/2, tc_k the tail fit of both`,
    ...notesCsvLines(r),
    `t_ps,tc_k,tc_mean_k,${r.classes ? 'tc_single_k,tc_multi_k,multi_share,' : ''}t_lo_k,t_a_k,n_cm3,e_carriers_ev_cm3,e_lo_ev_cm3,e_acoustic_ev_cm3,e_surroundings_ev_cm3,e_emitted_ev_cm3,e_extracted_ev_cm3,tc_electron_k,tc_hole_k${r.classes ? ',tc_single_electron_k,tc_single_hole_k,tc_multi_electron_k,tc_multi_hole_k' : ''}`,
  ];
  const rows: string[] = [];
  const e = r.energy;
  const cls = r.classes;
  for (let k = 0; k < r.tPs.length; k++) {
    rows.push([r.tPs[k], r.tcK[k], r.tcMeanK[k], ...(cls ? [cls.singleK[k], cls.multiK[k], cls.multiShare[k]] : []),
      r.tLoK[k], r.tAK[k], r.nCm3[k], e.carriers[k], e.lo[k], e.acoustic[k], e.surroundings[k], e.emitted[k], e.extracted[k],
      r.tcElectronK[k], r.tcHoleK[k], ...(cls ? [cls.singleElectronK[k], cls.singleHoleK[k], cls.multiElectronK[k], cls.multiHoleK[k]] : [])]
      .map((v) => (Number.isFinite(v) ? v.toPrecision(8) : '')).join(','));
  }
  return [...head, ...rows].join('\n');
}

/** The exponential fit as people say it: one lifetime when a single exponential fits, else fast and slow. */
function fitText(m: SimulationResult['metrics']): string {
  if (m.fastPs === null && m.slowPs !== null) return `single-exponential fit ${num(m.slowPs)} ps`;
  if (m.fastPs === null && m.slowPs === null) return 'no exponential fit';
  return `bi-exp fast ${num(m.fastPs)} ps (${num(m.fastFraction === null ? null : 100 * m.fastFraction, 3)} %), slow ${num(m.slowPs)} ps`;
}

/** The cube's 1P → 1S gap of electron and hole (the intrinsic bottleneck's lowest step), in meV and in LO phonons. */
function lowestGapText(d: SimulationResult['derived']): string {
  const e = d.electronLevelSpacingMeV as number;
  const h = d.holeLevelSpacingMeV as number;
  const hw = d.material.loPhononMeV;
  const one = (v: number) => `${num(v, 3)} meV = ${num(v / hw, 3)} ħω_LO`;
  return e === h ? `1P → 1S gap ${one(e)}` : `1P → 1S gap e ${one(e)}, h ${one(h)}`;
}

export function simulationText(r: SimulationResult): string {
  const d = r.derived;
  const m = r.metrics;
  const lines = [
    `${d.material.formula} ${d.bulk ? 'bulk film' : `${r.input.edgeNm} nm nanocrystal (${d.regime} confinement; Bohr diameter ${num(d.bohrDiameterNm)} nm; ${lowestGapText(d)})`}`,
    `  gap ${num(d.gapEv)} eV (confinement +${num(d.confinementEv)} eV), pump ${num(d.pumpEv)} eV, excess ${num(d.excessEnergyEv)} eV → injected Tc ${num(d.injectionTempK)} K (electron ${num(d.injectionElectronK)} K, hole ${num(d.injectionHoleK)} K)`,
    `  n0 ${num(d.densityCm3)} cm^-3, <N> ${num(d.nPerNc)}, fluence ${num(d.fluenceUJcm2)} µJ cm^-2, tolerance factor ${num(d.material.tolerance.t, 3)} (${d.material.tolerance.phase})`,
    `  Fröhlich α e/h ${num(d.frohlichAlphaElectron, 3)}/${num(d.frohlichAlphaHole, 3)}, LO emission ${num(d.loEmissionFs, 3)} fs, LO modes ${num(d.loModesCm3, 3)} cm^-3${d.loPool === 'resolved' ? ` (resolved: ${d.loBinModesCm3.length} wavevector bins of ${d.loBinModesCm3.map((m) => num(m, 2)).join(', ')} cm^-3)` : ''}, Auger ${num(d.augerCm6PerS, 3)} cm^6 s^-1${d.biexcitonAugerPs === null ? '' : ` (τ_XX ${num(d.biexcitonAugerPs, 3)} ps, ${d.augerStatistics})`}, heat loss ${num(d.heatLossPs, 3)} ps`,
    '',
    `  delay (ps)   Tc (K)    T_LO (K)   T_A (K)    n (cm^-3)${r.classes ? '   T_1 (K)   T_m (K)  multi' : ''}   Tc_e (K)  Tc_h (K)`,
  ];
  const picks = [0.01, 0.1, 0.3, 1, 3, 10, 30, 100, 300, 1000];
  for (const target of picks) {
    let k = 0;
    while (k < r.tPs.length - 1 && r.tPs[k] < target * 0.999) k++;
    if (r.tPs[k] < target * 0.999 || r.tPs[k] > target * 1.5) continue;
    const cls = r.classes;
    const extra = cls ? `  ${num(cls.singleK[k]).padStart(8)}  ${num(cls.multiK[k]).padStart(8)}  ${num(100 * cls.multiShare[k], 2).padStart(4)} %` : '';
    const types = `  ${num(r.tcElectronK[k]).padStart(9)}  ${num(r.tcHoleK[k]).padStart(8)}`;
    lines.push(`  ${num(r.tPs[k]).padStart(10)}  ${num(r.tcK[k]).padStart(8)}  ${num(r.tLoK[k]).padStart(9)}  ${num(r.tAK[k], 6).padStart(9)}  ${num(r.nCm3[k]).padStart(10)}${extra}${types}`);
  }
  if (r.classes) lines.push('  Tc: what a TA tail fit reads of the mixture of T_1 (singly excited NCs) and T_m (multiply excited); multi: pairs in multiply excited NCs');
  lines.push('  Tc_e, Tc_h: the electrons\' and holes\' own temperatures (mean over the carriers); T_1, T_m are the classes\' pair temperatures (T_e + T_h)/2, Tc the tail fit of all');
  lines.push(
    '',
    m.meanCoolingPs === null
      ? `  warming: carriers injected at ${num(d.injectionTempK)} K, at or below the lattice; no cooling metrics (see the warning)`
      : `  cooling: 1/e time ${num(m.tau1ePs)} ps, ${fitText(m)}, mean ${num(m.meanCoolingPs)} ps`,
    `           time to ${m.targetK} K ${m.timeToTargetPs === null && m.peakTcK <= m.targetK ? `— (Tc never above ${m.targetK} K)` : `${num(m.timeToTargetPs)} ps`}, initial loss ${num(m.initialLossRateMeVps)} meV ps^-1 per e–h pair, peak Tc ${num(m.peakTcK)} K`,
    `  energy ledger max relative error ${num(r.energy.maxRelError, 2)}`,
    `  solver ${r.solver.method}: ${r.solver.nfev} rhs evaluations, ${r.solver.njev} Jacobians, ${r.solver.nAccepted} steps (${r.solver.nRejected} rejected), ${num(r.solver.wallMs, 3)} ms`,
  );
  if ((r.input.acceptor ?? 'none') !== 'none') {
    lines.splice(lines.length - 2, 0, `  extraction (${r.input.acceptor} acceptor): yield ${num(100 * r.extraction.yield, 3)} %, mean Tc of extracted carriers ${num(r.extraction.meanTcK)} K`);
  }
  for (const w of d.warnings) lines.push(`  warning: ${w}`);
  lines.push(...notesTextLines(r));
  return lines.join('\n');
}

export function trendsText(results: TrendResult[]): string {
  const lines = results.map((t) => `${t.passed ? 'PASS' : 'FAIL'} ${t.id.padEnd(3)} ${t.title}\n         ${t.detail}`);
  const passed = results.filter((t) => t.passed).length;
  lines.push(`${passed}/${results.length} trends pass`);
  return lines.join('\n');
}

export function materialsText(entries: MaterialEntry[]): string {
  const lines = ['preset            gap(eV)  me    mh    eps_inf eps_s  hw_LO(meV) tau_LO(ps) a_B(nm) t      phase'];
  for (const { name, params: p } of entries) {
    lines.push(
      `${name.padEnd(17)} ${num(p.gapEv, 3).padEnd(8)} ${num(p.electronMassM0, 3).padEnd(5)} ${num(p.holeMassM0, 3).padEnd(5)} ${num(p.epsInf, 3).padEnd(7)} ${num(p.epsStatic, 3).padEnd(6)} ${num(p.loPhononMeV, 3).padEnd(10)} ${num(p.loLifetimePs, 3).padEnd(10)} ${num(p.bohrRadiusNm, 3).padEnd(7)} ${num(p.tolerance.t, 3).padEnd(6)} ${p.tolerance.phase}`,
    );
  }
  lines.push('', "Sources for every number: 'hotcarrier materials --json'.");
  return lines.join('\n');
}
