// What built the page, for the provenance of its exports: the package version and the git commit the build was made
// from (vite.config.ts defines __HOTCARRIER_COMMIT__ at build time; null when git was not available, or outside vite).

import { provenance, VERSION, type BuildInfo, type Provenance } from '../src/provenance.ts';

declare const __HOTCARRIER_COMMIT__: string | null | undefined;

export const PAGE_BUILD: BuildInfo = {
  version: VERSION,
  commit: typeof __HOTCARRIER_COMMIT__ === 'string' && __HOTCARRIER_COMMIT__ !== '' ? __HOTCARRIER_COMMIT__ : null,
};

/** The provenance of an export made from these inputs, by this build. */
export const pageProvenance = (inputs: unknown): Provenance => provenance(inputs, PAGE_BUILD);

/** One line for a figure's foot: "hotcarrier 0.1.0 · commit 1a2b3c4d5e6f · input hash sha256:…". */
export function provenanceLine(p: Provenance): string {
  return `${p.generator} ${p.version}${p.commit ? ` · commit ${p.commit.slice(0, 12)}` : ''} · input hash ${p.inputHash}`;
}
