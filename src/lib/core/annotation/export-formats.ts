// Writing annotations out: CSV (one row per sentence, one column per annotator, gold) and Doccano-style JSONL.
import Papa from 'papaparse';
import { GOLD_COLUMN, REFERENCE_COLUMN, REFERENCE_SOURCE_COLUMN, annotatorColumn, type ExchangeSentence } from './exchange';
import { GOLD_ANNOTATOR } from './labels';
import { goldOf } from './majority';

/**
 * CSV with columns id, answer_id, sentence_index, text, annotator_<name>…, gold (the gold annotator's label only, so
 * that a round trip never turns a majority into gold), label (the reference: gold, else the majority, as the JSONL's
 * `label`) and label_source. Annotators are the human ones, in the order given. A byte-order mark leads, so that
 * spreadsheet programs read the accents as UTF-8.
 */
export function toAnnotationsCsv(sentences: readonly ExchangeSentence[], annotators: readonly string[]): string {
  const humans = annotators.filter((a) => a !== GOLD_ANNOTATOR);
  const fields = ['id', 'answer_id', 'sentence_index', 'text', ...humans.map(annotatorColumn), GOLD_COLUMN, REFERENCE_COLUMN, REFERENCE_SOURCE_COLUMN];
  const data = sentences.map((s) => {
    const byAnnotator = new Map(s.labels.map((l) => [l.annotator, l.label]));
    const gold = byAnnotator.get(GOLD_ANNOTATOR);
    const reference = goldOf(gold, s.labels.filter((l) => l.annotator !== GOLD_ANNOTATOR).map((l) => l.label));
    return [s.id ?? '', s.answerId ?? '', s.index ?? '', s.text, ...humans.map((a) => byAnnotator.get(a) ?? ''), gold ?? '', reference?.label ?? '', reference?.source ?? ''];
  });
  return '\uFEFF' + Papa.unparse({ fields, data }, { newline: '\n' }) + '\n';
}

/** One line of the JSONL export: Doccano's text-classification keys (`text`, `label` list) plus metadata. */
export interface JsonlRecord {
  id?: string;
  text: string;
  label: string[];
  answer_id?: string;
  sentence_index?: number;
  hash: string;
  gold_source?: 'gold' | 'majority';
  annotations: { annotator: string; label: string; created_at: string; guideline_version?: number; bulk?: boolean }[];
}

/** JSONL as Doccano exports text classification: `label` holds the reference label (gold, else majority). */
export function toAnnotationsJsonl(sentences: readonly ExchangeSentence[]): string {
  return sentences
    .map((s) => {
      const gold = s.labels.find((l) => l.annotator === GOLD_ANNOTATOR)?.label;
      const reference = goldOf(gold, s.labels.filter((l) => l.annotator !== GOLD_ANNOTATOR).map((l) => l.label));
      const record: JsonlRecord = {
        id: s.id,
        text: s.text,
        label: reference ? [reference.label] : [],
        answer_id: s.answerId,
        sentence_index: s.index,
        hash: s.hash,
        gold_source: reference?.source,
        annotations: s.labels.map((l) => ({
          annotator: l.annotator,
          label: l.label,
          created_at: new Date(l.createdAt).toISOString(),
          guideline_version: l.guidelineVersion,
          bulk: l.bulk || undefined,
        })),
      };
      return JSON.stringify(record);
    })
    .join('\n')
    .concat(sentences.length ? '\n' : '');
}
