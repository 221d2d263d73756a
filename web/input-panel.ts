// The input panel: every control (built from PARAMS), one-of groups (excitation measure, pump as nm or eV),
// enabling rules, converted values, and engine errors shown in the field they concern.

import {
  ACCEPTOR_PARAM, AUGER_STATISTICS_PARAM, LO_POOL_PARAM, METHOD_PARAM, PARAMS, SWITCHES, type ChoiceParamSpec, type NumericParamKey,
} from '../src/model/params.ts';

/** The <option>s of a choice parameter, from its declaration. */
const options = (spec: ChoiceParamSpec<string, string>) => spec.choices.map((c) => `<option value="${c.value}">${c.label}</option>`).join('');
import { HC_EV_NM } from '../src/model/constants.ts';
import type { SimulationInput, SimulationResult } from '../src/model/types.ts';
import type { MaterialSummary } from '../workers/protocol.ts';
import { createCompositionControl } from './composition-control.ts';
import { formatNumber, prettyUnit, withUnit } from './format.ts';
import { plainMessage } from './messages.ts';
import { createNumericControl, type NumericControl } from './numeric-control.ts';
import { EXCITATION_KEYS, excitationKeyOf, PUMP_KEYS, pumpKeyOf, type ExcitationKey, type PumpKey } from './url-state.ts';

export interface InputPanelHandlers {
  /** The input changed and every field is valid: simulate it. */
  changed(): void;
  /** The composition changed (resolve the material, re-run trends). */
  materialChanged(): void;
  /** The size (edge or bulk film) changed (re-run trends). */
  sizeChanged(): void;
  /** A field now holds a bad value (its label). */
  fieldInvalid(label: string): void;
}

export interface InputPanel {
  /** Keys of the fields that hold a bad value now (the last good input is kept meanwhile). */
  readonly invalid: ReadonlySet<string>;
  /** Put every control in step with the input (after Reset, a preset or a URL). */
  apply(): void;
  /** Converted excitation and pump, Bohr-diameter mark, and clear engine errors. */
  showResult(result: SimulationResult): void;
  showMaterial(summary: MaterialSummary | null, error?: string): void;
  /** Show an engine error in the fields it names; true when at least one field took it. */
  showEngineError(message: string): boolean;
  setPresets(names: string[]): void;
}

/**
 * @param input the current input (read afresh each time: the page may replace it)
 * @param lastResult the last result on screen, to carry values over when the unit of a group changes
 */
export function createInputPanel(
  input: () => SimulationInput,
  lastResult: () => SimulationResult | null,
  basic: HTMLElement,
  advanced: HTMLElement,
  handlers: InputPanelHandlers,
): InputPanel {
  let lastSummary: MaterialSummary | null = null;
  const controls = new Map<NumericParamKey, NumericControl>();
  const invalid = new Set<string>();

  function numeric(key: NumericParamKey, parent: HTMLElement): NumericControl {
    const initial = (input()[key] as number | undefined) ?? PARAMS[key].default;
    const control = createNumericControl(key, initial, (value) => {
      invalid.delete(key);
      // Alternatives (excitation measure, pump as nm or eV): the one set replaces the others.
      for (const group of [EXCITATION_KEYS, PUMP_KEYS] as readonly (readonly NumericParamKey[])[]) {
        if (group.includes(key)) for (const k of group) delete input()[k];
      }
      (input() as unknown as Record<string, unknown>)[key] = value;
      handlers.changed();
      if (key === 'edgeNm') handlers.sizeChanged();
    });
    control.element.addEventListener('input', () => {
      if (!control.element.classList.contains('invalid')) return;
      invalid.add(key);
      handlers.fieldInvalid(PARAMS[key].label);
    });
    parent.append(control.element);
    controls.set(key, control);
    return control;
  }

  const composition = createCompositionControl(input().composition, (formula) => {
    input().composition = formula;
    handlers.changed();
    handlers.materialChanged();
  });
  basic.append(composition.element);

  const sizeBox = document.createElement('fieldset');
  sizeBox.className = 'control size';
  sizeBox.innerHTML = '<legend>Size</legend><label class="check"><input type="checkbox" id="bulk-film"> Bulk film (no confinement)</label>';
  basic.append(sizeBox);
  const bulkBox = sizeBox.querySelector<HTMLInputElement>('#bulk-film')!;
  const edge = numeric('edgeNm', sizeBox);

  const excitationBox = document.createElement('fieldset');
  excitationBox.className = 'control excitation';
  excitationBox.innerHTML = `<legend>Excitation</legend>
    <div class="radios" role="radiogroup" aria-label="Excitation given as">
      ${EXCITATION_KEYS.map((k) => `<label class="check"><input type="radio" name="excitation-unit" value="${k}"> ${PARAMS[k].label}${PARAMS[k].unit ? ` (${prettyUnit(PARAMS[k].unit)})` : ''}</label>`).join('')}
    </div>
    <output id="converted" aria-live="polite"></output>`;
  basic.append(excitationBox);
  for (const k of EXCITATION_KEYS) numeric(k, excitationBox);

  const pumpBox = document.createElement('fieldset');
  pumpBox.className = 'control pump';
  pumpBox.innerHTML = `<legend>Pump</legend>
    <div class="radios" role="radiogroup" aria-label="Pump given as">
      ${PUMP_KEYS.map((k) => `<label class="check"><input type="radio" name="pump-unit" value="${k}"> ${PARAMS[k].label} (${PARAMS[k].unit})</label>`).join('')}
    </div>
    <output id="pump-converted" aria-live="polite"></output>`;
  basic.append(pumpBox);
  for (const k of PUMP_KEYS) numeric(k, pumpBox);
  numeric('latticeK', basic);

  const placed = new Set<NumericParamKey>(['edgeNm', 'latticeK', ...PUMP_KEYS, ...EXCITATION_KEYS]);
  advanced.insertAdjacentHTML('beforeend', `
    <div class="control"><label for="acceptor">Charge acceptor</label>
      <select id="acceptor">${options(ACCEPTOR_PARAM)}</select></div>
    <div class="control"><label for="auger-statistics">NC Auger statistics</label>
      <select id="auger-statistics" aria-describedby="auger-statistics-help">${options(AUGER_STATISTICS_PARAM)}</select>
      <span class="help" id="auger-statistics-help">Films always use k3 n³.</span></div>
    <div class="control"><label for="lo-pool">${LO_POOL_PARAM.label}</label>
      <select id="lo-pool" aria-describedby="lo-pool-help">${options(LO_POOL_PARAM)}</select>
      <span class="help" id="lo-pool-help">Resolved: the bottleneck per phonon wavevector (slower to compute).</span></div>
    <div class="control"><label for="method">Solver method</label>
      <select id="method">${options(METHOD_PARAM)}</select></div>
    <fieldset class="control switches"><legend>Mechanisms</legend>
      ${SWITCHES.map((sw) => `<label class="check"><input type="checkbox" data-switch="${sw.key}"> ${sw.label}</label>`).join('')}
    </fieldset>`);
  for (const key of Object.keys(PARAMS) as NumericParamKey[]) if (!placed.has(key)) numeric(key, advanced);

  const acceptor = advanced.querySelector<HTMLSelectElement>('#acceptor')!;
  const method = advanced.querySelector<HTMLSelectElement>('#method')!;
  const augerStatistics = advanced.querySelector<HTMLSelectElement>('#auger-statistics')!;
  augerStatistics.addEventListener('change', () => {
    if (augerStatistics.value === 'poisson') delete input().augerStatistics;
    else input().augerStatistics = augerStatistics.value as SimulationInput['augerStatistics'];
    handlers.changed();
  });
  const loPool = advanced.querySelector<HTMLSelectElement>('#lo-pool')!;
  loPool.addEventListener('change', () => {
    if (loPool.value === LO_POOL_PARAM.default) delete input().loPool;
    else input().loPool = loPool.value as SimulationInput['loPool'];
    handlers.changed();
  });
  acceptor.addEventListener('change', () => {
    input().acceptor = acceptor.value as SimulationInput['acceptor'];
    handlers.changed();
  });
  method.addEventListener('change', () => {
    input().method = method.value as SimulationInput['method'];
    handlers.changed();
  });
  for (const box of advanced.querySelectorAll<HTMLInputElement>('[data-switch]')) {
    box.addEventListener('change', () => {
      input().switches = { ...input().switches, [box.dataset.switch!]: box.checked };
      handlers.changed();
    });
  }
  bulkBox.addEventListener('change', () => {
    input().edgeNm = bulkBox.checked ? null : edge.value();
    if (bulkBox.checked && excitationKeyOf(input()) === 'nPerNc') setExcitationKey('densityCm3');
    syncDisabled();
    handlers.changed();
    handlers.sizeChanged();
  });
  for (const radio of excitationBox.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
    radio.addEventListener('change', () => setExcitationKey(radio.value as ExcitationKey));
  }
  for (const radio of pumpBox.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
    radio.addEventListener('change', () => setPumpKey(radio.value as PumpKey));
  }

  /** Switch the pump between wavelength and photon energy, carrying the value over. */
  function setPumpKey(key: PumpKey): void {
    const pumpEv = lastResult()?.derived.pumpEv ?? PARAMS.pumpEv.default;
    const spec = PARAMS[key];
    const raw = key === 'pumpEv' ? pumpEv : HC_EV_NM / pumpEv;
    const value = Math.min(spec.max, Math.max(spec.min, Number(raw.toPrecision(4))));
    for (const k of PUMP_KEYS) {
      delete input()[k];
      invalid.delete(k);
    }
    input()[key] = value;
    controls.get(key)!.set(value);
    syncDisabled();
    handlers.changed();
  }

  /** Switch the excitation measure, carrying the value over from the last result's conversions. */
  function setExcitationKey(key: ExcitationKey): void {
    const derived = lastResult()?.derived;
    const spec = PARAMS[key];
    const carried = derived ? (derived[key] as number | null) : null;
    const value = carried !== null && Number.isFinite(carried) ? Math.min(spec.max, Math.max(spec.min, Number(carried.toPrecision(3)))) : spec.default;
    for (const k of EXCITATION_KEYS) delete input()[k];
    input()[key] = value;
    controls.get(key)!.set(value);
    for (const k of EXCITATION_KEYS) invalid.delete(k);
    syncDisabled();
    handlers.changed();
  }

  function syncDisabled(): void {
    const bulk = input().edgeNm === null;
    edge.setDisabled(bulk);
    controls.get('filmThicknessNm')?.setDisabled(!bulk);
    const active = excitationKeyOf(input());
    for (const k of EXCITATION_KEYS) controls.get(k)!.element.hidden = k !== active;
    for (const radio of excitationBox.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
      radio.checked = radio.value === active;
      radio.disabled = bulk && radio.value === 'nPerNc';
    }
    const pump = pumpKeyOf(input());
    for (const k of PUMP_KEYS) controls.get(k)!.element.hidden = k !== pump;
    for (const radio of pumpBox.querySelectorAll<HTMLInputElement>('input[type=radio]')) radio.checked = radio.value === pump;
    const isHot = input().acceptor === 'hot';
    const isCold = input().acceptor === 'cold';
    controls.get('hotAcceptorBarrierEv')?.setDisabled(!isHot);
    controls.get('hotAcceptorTransferPs')?.setDisabled(!isHot);
    controls.get('coldAcceptorTransferPs')?.setDisabled(!isCold);
  }

  function showConverted(result: SimulationResult): void {
    const d = result.derived;
    const parts = [
      `n₀ = ${withUnit(d.densityCm3, 'cm⁻³')}`,
      d.nPerNc === null ? '⟨N⟩ not defined for a film' : `⟨N⟩ = ${formatNumber(d.nPerNc)}`,
      `fluence = ${withUnit(d.fluenceUJcm2, 'µJ cm⁻²')}`,
    ];
    excitationBox.querySelector('output')!.textContent = parts.join(' · ');
    pumpBox.querySelector('output')!.textContent = `${withUnit(HC_EV_NM / d.pumpEv, 'nm')} = ${withUnit(d.pumpEv, 'eV', 4)}; excess over the gap ${withUnit(d.excessEnergyEv, 'eV')}`;
    edge.setMarker(d.bohrDiameterNm, `Bohr diameter ${formatNumber(d.bohrDiameterNm)} nm`);
  }

  /** Put the controls in step with `state` (after Reset, a preset, or loading a URL). */
  function applyStateToControls(): void {
    composition.set(input().composition);
    bulkBox.checked = input().edgeNm === null;
    for (const [key, control] of controls) {
      const value = input()[key];
      control.set(typeof value === 'number' ? value : key === 'edgeNm' && typeof value !== 'number' ? control.value() : PARAMS[key].default);
    }
    acceptor.value = input().acceptor ?? 'none';
    augerStatistics.value = input().augerStatistics ?? 'poisson';
    loPool.value = input().loPool ?? LO_POOL_PARAM.default;
    method.value = input().method ?? 'auto';
    for (const box of advanced.querySelectorAll<HTMLInputElement>('[data-switch]')) {
      box.checked = (input().switches as Record<string, boolean> | undefined)?.[box.dataset.switch!] !== false;
    }
    invalid.clear();
    syncDisabled();
  }

  function clearEngineErrors(): void {
    for (const control of controls.values()) if (!invalid.has(control.key)) control.setError('');
    composition.showSummary(lastSummary);
  }

  function showMaterial(summary: MaterialSummary | null, error?: string): void {
    if (summary) {
      lastSummary = summary;
      edge.setMarker(summary.bohrDiameterNm, `Bohr diameter ${formatNumber(summary.bohrDiameterNm)} nm`);
    }
    composition.showSummary(summary, error);
  }

  /** Each message line starts with the parameter's key ("pumpNm (--pump-nm) = …"): show it in that field. */
  function showEngineError(message: string): boolean {
    let placedAny = false;
    for (const line of message.split('\n')) {
      const key = /^\s*([A-Za-z0-9]+)/.exec(line)?.[1];
      const edgeNm = input().edgeNm;
      if ((key === 'nPerNc' || key === 'fluenceUJcm2') && edgeNm !== null && /gives an initial density/.test(line)) {
        // The density ⟨N⟩ or a fluence gives depends on the NC's size: the edge is as much the cause as the excitation
        // (most often the edge was just made smaller). Both fields are marked, each message naming the other.
        const edgeText = `${formatNumber(edgeNm)} nm`;
        const excitation = key === 'nPerNc' ? '⟨N⟩' : 'fluence';
        controls.get('edgeNm')!.setError(`At this edge length (${edgeText}): ${plainMessage(line)}. A larger edge or a smaller ${excitation} draws.`);
        controls.get(key)!.setError(`${plainMessage(line)} at the NC edge length of ${edgeText}. A smaller value or a larger edge draws.`);
        placedAny = true;
      } else if (key && controls.has(key as NumericParamKey)) {
        controls.get(key as NumericParamKey)!.setError(plainMessage(line));
        placedAny = true;
      } else if (key === 'composition') {
        composition.showSummary(null, plainMessage(line));
        placedAny = true;
      }
    }
    return placedAny;
  }

  return {
    invalid,
    apply: applyStateToControls,
    showResult(result: SimulationResult) {
      clearEngineErrors();
      showConverted(result);
    },
    showMaterial,
    showEngineError,
    setPresets: (names: string[]) => composition.setPresets(names),
  };
}
