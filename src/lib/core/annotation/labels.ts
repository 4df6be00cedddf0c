// Label vocabulary: the default three labels, the reserved gold annotator, and the reading of labels typed by people.
import { foldForSearch } from '../text/normalise';

export const DEFAULT_LABELS = ['dissident', 'non dissident', 'inclassable'] as const;

/** Label left out of training by default, as the guideline says. */
export const EXCLUDED_LABEL = 'inclassable';

/** Name of the reserved annotator whose labels are the gold (reference) labels. */
export const GOLD_ANNOTATOR = 'gold';

/**
 * The label of `labels` that `raw` means, ignoring case, accents, dashes and underscores
 * ("Non-dissident", "NON_DISSIDENT" → "non dissident"); undefined for empty or unknown values.
 */
export function matchLabel(raw: string | null | undefined, labels: readonly string[]): string | undefined {
  if (raw === null || raw === undefined) return undefined;
  const key = fold(raw);
  if (!key) return undefined;
  return labels.find((label) => fold(label) === key);
}

function fold(text: string): string {
  return foldForSearch(text).replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** Share of the non-empty values that are labels: how a column of annotator labels is recognised. */
export function labelShare(values: readonly string[], labels: readonly string[]): number {
  const filled = values.filter((v) => v.trim() !== '');
  if (filled.length === 0) return 0;
  return filled.filter((v) => matchLabel(v, labels) !== undefined).length / filled.length;
}
