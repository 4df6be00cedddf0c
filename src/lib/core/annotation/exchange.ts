// The shape of annotations crossing laptops: what export writes and what import reads back (CSV and JSONL alike).

/** One annotator's label on one sentence, as exchanged. */
export interface ExchangeLabel {
  annotator: string;
  label: string;
  /** Milliseconds since 1970; for files without timestamps, the file's own date. */
  createdAt: number;
  guidelineVersion?: number;
  bulk?: boolean;
}

/** One sentence with all its labels. */
export interface ExchangeSentence {
  /** The sentence's id on the laptop that wrote the file (informative only: ids differ across laptops). */
  id?: string;
  /** Id of the answer it comes from (the file's answer id): with the text hash, what matches sentences. */
  answerId?: string;
  index?: number;
  text: string;
  hash: string;
  labels: ExchangeLabel[];
}

/** A parsed annotations file, ready to be matched and merged. */
export interface ParsedExchange {
  format: 'csv' | 'jsonl';
  sentences: ExchangeSentence[];
  annotators: string[];
  /** Rows left out, with a French reason (no text, unreadable JSON, unknown label…). */
  skipped: { line: number; reason: string }[];
}

export const ANNOTATOR_PREFIX = 'annotator_';
export const GOLD_COLUMN = 'gold';
/** The reference label of a sentence in exported CSV (gold, else the annotators' majority), and where it came from. */
export const REFERENCE_COLUMN = 'label';
export const REFERENCE_SOURCE_COLUMN = 'label_source';

/** Column name of an annotator in exported CSV, and the annotator named by such a column. */
export function annotatorColumn(name: string): string {
  return ANNOTATOR_PREFIX + name;
}

export function annotatorFromColumn(column: string): string {
  const trimmed = column.trim();
  return trimmed.toLowerCase().startsWith(ANNOTATOR_PREFIX) ? trimmed.slice(ANNOTATOR_PREFIX.length) || trimmed : trimmed;
}

/**
 * Refuses, before anything is written, a file that holds no label to import: a foreign file, an empty one, or one
 * whose every label is unknown. The message quotes the first reasons rows were skipped for.
 */
export function checkImportable(parsed: ParsedExchange): void {
  if (parsed.sentences.some((s) => s.labels.length > 0)) return;
  const reasons = parsed.skipped.slice(0, 3).map((s) => `ligne ${s.line} : ${s.reason}`);
  const detail = reasons.length ? ` (${reasons.join(' ; ')}${parsed.skipped.length > 3 ? ' ; …' : ''})` : '';
  throw new Error(`Fichier d’annotations refusé : il ne contient aucune étiquette reconnue${detail}. Vos données n’ont pas été modifiées.`);
}
