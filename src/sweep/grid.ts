// Sweep grids (and list designs): count the points of a grid, turn a flat index into axis indices, and build each
// point's input.

import type { SimulationInput } from '../model/types.ts';
import type { SweepAxis, SweepSpec } from './types.ts';

/** Object fields of SimulationInput that a dotted axis key ("switches.augerHeating") may reach into. */
const NESTED_FIELDS = new Set(['switches', 'materialOverrides']);

/** Number of points in the grid (product of the axes' lengths; 1 for no axes). */
export function gridCount(axes: readonly SweepAxis[]): number {
  return axes.reduce((n, axis) => n * axis.values.length, 1);
}

/** Axis indices of flat grid index `flat` (last axis varies fastest). */
export function gridIndices(axes: readonly SweepAxis[], flat: number): number[] {
  const out = new Array<number>(axes.length);
  let rest = flat;
  for (let a = axes.length - 1; a >= 0; a--) {
    const len = axes[a].values.length;
    out[a] = rest % len;
    rest = Math.floor(rest / len);
  }
  return out;
}

/** Check the spec's shape; throws naming the bad field. Returns the grid size. */
export function checkSweepSpec(spec: SweepSpec): number {
  if (typeof spec !== 'object' || spec === null) throw new Error('sweep: spec must be an object');
  if (typeof spec.base !== 'object' || spec.base === null) throw new Error('sweep: spec.base must be a SimulationInput');
  if (!Array.isArray(spec.axes)) throw new Error('sweep: spec.axes must be an array');
  const seen = new Set<string>();
  for (const [i, axis] of spec.axes.entries()) {
    if (typeof axis?.key !== 'string' || axis.key === '') throw new Error(`sweep: axes[${i}].key must be a non-empty string`);
    if (seen.has(axis.key)) throw new Error(`sweep: axis "${axis.key}" appears twice`);
    seen.add(axis.key);
    const parts = axis.key.split('.');
    if (parts.length > 2 || (parts.length === 2 && !NESTED_FIELDS.has(parts[0]))) {
      throw new Error(`sweep: axes[${i}].key "${axis.key}": only switches.* and materialOverrides.* may be dotted`);
    }
    if (!Array.isArray(axis.values) || axis.values.length === 0) {
      throw new Error(`sweep: axes[${i}] ("${axis.key}") needs a non-empty values array`);
    }
  }
  if (spec.design !== undefined) {
    if (!Array.isArray(spec.design) || spec.design.length === 0) throw new Error('sweep: spec.design must be a non-empty array of points');
    if (spec.axes.length > 0) throw new Error('sweep: give either axes (a grid) or design (a list of points), not both');
    for (const [i, point] of spec.design.entries()) {
      if (typeof point !== 'object' || point === null) throw new Error(`sweep: design[${i}] must be an object`);
      for (const key of Object.keys(point)) {
        const parts = key.split('.');
        if (parts.length > 2 || (parts.length === 2 && !NESTED_FIELDS.has(parts[0]))) throw new Error(`sweep: design[${i}] key "${key}": only switches.* and materialOverrides.* may be dotted`);
      }
    }
  }
  const count = spec.design?.length ?? gridCount(spec.axes);
  if (spec.range !== undefined) {
    const [start, end] = spec.range;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > count || start > end) {
      throw new Error(`sweep: range [${start}, ${end}) must lie within [0, ${count})`);
    }
  }
  return count;
}

/** Keys that are alternatives (one excitation measure; pump as wavelength or photon energy): setting one clears the others. */
const ALTERNATIVES: readonly (readonly string[])[] = [['densityCm3', 'nPerNc', 'fluenceUJcm2'], ['pumpNm', 'pumpEv']];

/** The SimulationInput of flat grid index `flat`: `base` with each axis' value applied. */
export function pointInput(spec: SweepSpec, flat: number): SimulationInput {
  const input: Record<string, unknown> = { ...spec.base };
  if (spec.base.switches) input.switches = { ...spec.base.switches };
  if (spec.base.materialOverrides) input.materialOverrides = { ...spec.base.materialOverrides };
  const set = (key: string, value: unknown) => {
    const [head, tail] = key.split('.');
    if (tail !== undefined) {
      const nested = (input[head] ?? {}) as Record<string, unknown>;
      nested[tail] = value;
      input[head] = nested;
      return;
    }
    for (const group of ALTERNATIVES) if (group.includes(head)) for (const k of group) delete input[k];
    input[head] = value;
  };
  if (spec.design) {
    for (const [key, value] of Object.entries(spec.design[flat])) set(key, value);
  } else {
    const indices = gridIndices(spec.axes, flat);
    spec.axes.forEach((axis, a) => set(axis.key, axis.values[indices[a]]));
  }
  return input as unknown as SimulationInput;
}
