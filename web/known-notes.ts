// The known disagreements of a curve on the page: one short line per note under the chart, with the DOI as a link
// (the full note, with what it points at, is in the CSV export and from `hotcarrier simulate`).

import { RELATION_SYMBOL, type KnownDisagreement } from '../src/validation/known-disagreements.ts';
import { escapeHtml, formatNumber } from './format.ts';

/** "<title>: published ≈ 100, model 0.817 (doi link)" as HTML; every text escaped, the DOI URL-encoded. */
export function noteHtml(n: KnownDisagreement): string {
  const unit = n.unit ? ` ${escapeHtml(n.unit)}` : '';
  const model = n.model === null ? 'no model value' : `model ${formatNumber(n.model)}${unit}`;
  const href = `https://doi.org/${n.doi.split('/').map(encodeURIComponent).join('/')}`;
  return `${escapeHtml(n.title)}: published ${RELATION_SYMBOL[n.relation]} ${formatNumber(n.published)}${unit}, ${model} `
    + `(<a href="${escapeHtml(href)}" target="_blank" rel="noopener">doi:${escapeHtml(n.doi)}</a>)`;
}
