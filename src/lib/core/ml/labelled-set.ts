// Labelled sentences as the models see them: label values mapped to 1 (dissident) or 0, excluded values dropped.
import { DEFAULT_LABELS, EXCLUDED_LABEL } from '../annotation/labels';

export interface LabelMapping {
  /** The label value meaning dissident (1); any other kept value is 0. */
  positive: string;
  /** Label values whose rows are dropped (for example "inclassable"). */
  exclude: readonly string[];
}

/** The app's own labels: "dissident" is 1, "inclassable" is left out of training as the guideline says. */
export const APP_LABEL_MAPPING: LabelMapping = { positive: DEFAULT_LABELS[0], exclude: [EXCLUDED_LABEL] };

export interface LabelledSet {
  texts: string[];
  labels: (0 | 1)[];
  /** Rows dropped for an excluded label, and for an empty text or label. */
  excluded: number;
  empty: number;
}

/** Whether a row takes part in training: a text and a label, the label not an excluded one. */
export function isTrainable(row: { text: string; label: string }, mapping: LabelMapping): boolean {
  return !mapping.exclude.includes(row.label) && row.text !== '' && row.label !== '';
}

/** Maps labelled rows (the CLI's CSV lines, the app's gold labels) to texts and 0/1 labels, in order. */
export function toLabelledSet(rows: Iterable<{ text: string; label: string }>, mapping: LabelMapping): LabelledSet {
  const set: LabelledSet = { texts: [], labels: [], excluded: 0, empty: 0 };
  for (const { text, label } of rows) {
    if (mapping.exclude.includes(label)) {
      set.excluded++;
      continue;
    }
    if (!text || !label) {
      set.empty++;
      continue;
    }
    set.texts.push(text);
    set.labels.push(label === mapping.positive ? 1 : 0);
  }
  return set;
}
