// Sweep axes and design columns from the command line: FLAG=VALUES for --vary, and the same flag names as the
// header of a --points design file. Every value is checked against its declaration (params.ts, fields.ts).

import { PARAMS, allowedRange, type NumericParamKey } from '../src/model/params.ts';
import { materialAllowed, materialField, materialOverrideIssues, MATERIAL_FIELDS, type MaterialFieldSpec } from '../src/materials/fields.ts';
import { AUGER_STATISTICS, checkNumeric, type InputIssue } from '../src/model/validate.ts';
import type { SweepAxis } from '../src/sweep/types.ts';
import { readDecimal } from '../src/data/decimal.ts';
import { resolveMaterial } from '../src/materials/index.ts';
import { UsageError, shownValue } from './args.ts';

const FLAG_TO_KEY = new Map<string, NumericParamKey>(Object.values(PARAMS).map((p) => [p.flag, p.key]));

/** What a sweep flag names: composition, auger-statistics, a numeric simulate parameter or a material field. */
export type AxisTarget =
  | { kind: 'composition'; key: 'composition' }
  | { kind: 'auger'; key: 'augerStatistics' }
  | { kind: 'param'; key: NumericParamKey }
  | { kind: 'material'; key: string; spec: MaterialFieldSpec };

export function allowedAxisFlags(): string {
  return `composition, auger-statistics, ${Object.values(PARAMS).map((p) => p.flag).join(', ')}, or material.KEY with KEY one of ${MATERIAL_FIELDS.map((f) => f.key).join(', ')}`;
}

/** The target of a flag (`density`, `--edge-nm`, `material.loLifetimePs`, also the camelCase key); throws UsageError. */
export function axisTarget(flagText: string, where: string): AxisTarget {
  const flag = flagText.trim().replace(/^--/, '');
  if (flag === 'composition') return { kind: 'composition', key: 'composition' };
  if (flag === 'auger-statistics' || flag === 'augerStatistics') return { kind: 'auger', key: 'augerStatistics' };
  if (flag.startsWith('material.') || flag.startsWith('materialOverrides.')) {
    const field = flag.slice(flag.indexOf('.') + 1);
    const spec = materialField(field);
    if (!spec) throw new UsageError(`${where} ${flag}: unknown material field; allowed: material.KEY with KEY one of ${MATERIAL_FIELDS.map((f) => f.key).join(', ')}`);
    return { kind: 'material', key: `materialOverrides.${spec.key}`, spec };
  }
  const key = FLAG_TO_KEY.get(flag) ?? (Object.hasOwn(PARAMS, flag) ? (flag as NumericParamKey) : undefined);
  if (!key) throw new UsageError(`${where} ${flag}: unknown parameter; allowed: ${allowedAxisFlags()}`);
  return { kind: 'param', key };
}

/** One value for a target, checked; throws UsageError naming the flag, the value and what is allowed. */
export function axisValue(target: AxisTarget, flag: string, text: string, where: string): string | number | null {
  const s = text.trim();
  if (target.kind === 'composition') {
    if (s === '') throw new UsageError(`${where} composition: an empty composition; allowed: presets or formulas`);
    try {
      resolveMaterial(s);
    } catch (e) {
      throw new UsageError(`${where} composition: ${e instanceof Error ? e.message : String(e)}`);
    }
    return s;
  }
  if (target.kind === 'auger') {
    if (!(AUGER_STATISTICS as string[]).includes(s)) throw new UsageError(`${where} auger-statistics: ${shownValue(s)} is not allowed; allowed: ${AUGER_STATISTICS.join(', ')}, comma-separated`);
    return s;
  }
  if (target.kind === 'param' && target.key === 'edgeNm' && s === 'bulk') return null;
  const read = readDecimal(text);
  const v = 'value' in read ? read.value : NaN;
  if (target.kind === 'material') {
    if (materialOverrideIssues({ [target.spec.key]: v }).length > 0) throw new UsageError(`${where} ${flag}: ${shownValue(s)} is not allowed; allowed: ${materialAllowed(target.spec)} (${target.spec.meaning})`);
    return v;
  }
  const issues: InputIssue[] = [];
  checkNumeric(target.key, v, issues);
  if (issues.length > 0) throw new UsageError(`${where} ${flag}: ${shownValue(s)} is not allowed; allowed: ${allowedRange(PARAMS[target.key])}`);
  return v;
}

/** Parse one --vary FLAG=VALUES into a sweep axis; throws UsageError naming the flag and value. */
export function parseVary(text: string): SweepAxis {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`--vary ${JSON.stringify(text)} is not FLAG=VALUES; e.g. --vary density=1e16:1e20:9`);
  const flag = text.slice(0, eq).replace(/^--/, '');
  const raw = text.slice(eq + 1);
  const target = axisTarget(flag, '--vary');
  if (target.kind === 'composition' || target.kind === 'auger') {
    const parts = raw.split(',').map((s) => s.trim()).filter((s) => target.kind === 'auger' || s.length > 0);
    if (parts.length === 0) throw new UsageError('--vary composition= needs at least one composition; allowed: presets or formulas, comma-separated');
    return { key: target.key, values: parts.map((p) => axisValue(target, flag, p, '--vary') as string) };
  }
  const range = raw.split(':');
  if (range.length === 3) {
    const from = axisValue(target, flag, range[0], '--vary') as number;
    const to = axisValue(target, flag, range[1], '--vary') as number;
    const count = range[2].length <= 6 ? Number(range[2]) : NaN;
    if (!Number.isInteger(count) || count < 1 || count > 10000) throw new UsageError(`--vary ${flag}: count ${shownValue(range[2])} must be a whole number from 1 to 10000`);
    const log = (target.kind === 'material' ? target.spec.scale : PARAMS[target.key].scale) === 'log';
    const values: number[] = [];
    for (let i = 0; i < count; i++) {
      const f = count === 1 ? 0 : i / (count - 1);
      values.push(log ? from * Math.pow(to / from, f) : from + (to - from) * f);
    }
    return { key: target.key, values };
  }
  return { key: target.key, values: raw.split(',').map((s) => axisValue(target, flag, s, '--vary')) };
}
