// The material catalogue for listings: every preset resolved, with its parameters and their sources.

import { listPresets, resolveMaterial } from '../materials/index.ts';
import type { MaterialParams } from '../materials/types.ts';

export interface MaterialEntry {
  name: string;
  params: MaterialParams;
}

export function listMaterials(): MaterialEntry[] {
  return listPresets().map((name) => ({ name, params: resolveMaterial(name) }));
}
