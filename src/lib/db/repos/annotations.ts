// Annotations read: one label per (sentence, annotator), by sentence, by annotator, and as gold (writes: label-writes.ts).
import { GOLD_ANNOTATOR } from '../../core/annotation/labels';
import { goldOf, type GoldSource } from '../../core/annotation/majority';
import type { Annotation, DissidentiaDb } from '../db';
import { answerIdOf, sentenceIdOf } from '../answer-sentences';
import { getSentences, sentenceCountsByAnswer } from './sentences';

export function getAnnotation(db: DissidentiaDb, sentenceId: number, annotatorId: number): Promise<Annotation | undefined> {
  return db.annotations.where('[sentenceId+annotatorId]').equals([sentenceId, annotatorId]).first();
}

/** Every label of these sentences, grouped by sentence. */
export async function labelsOfSentences(db: DissidentiaDb, sentenceIds: readonly number[]): Promise<Map<number, Annotation[]>> {
  const rows = await db.annotations.where('sentenceId').anyOf([...sentenceIds]).toArray();
  const out = new Map<number, Annotation[]>();
  for (const row of rows) out.set(row.sentenceId, [...(out.get(row.sentenceId) ?? []), row]);
  return out;
}

export async function labelledSentenceIds(db: DissidentiaDb, annotatorId: number): Promise<Set<number>> {
  return new Set((await db.annotations.where('annotatorId').equals(annotatorId).toArray()).map((a) => a.sentenceId));
}

export interface GoldLabel {
  sentenceId: number;
  datasetId: number;
  text: string;
  label: string;
  source: GoldSource;
}

/**
 * Where the sentences of these datasets can lie in the id space: a sentence id is its answer id × 2²⁰ + position
 * (../answer-sentences.ts), and a dataset's answers take ids from one import, so one range per dataset, from its
 * first to its last answer, read from the datasetId index (keys only, no text).
 */
async function sentenceIdRanges(db: DissidentiaDb, datasetIds: readonly number[]): Promise<[number, number][]> {
  const ranges: [number, number][] = [];
  for (const datasetId of new Set(datasetIds)) {
    const keys = (await db.answers.where('datasetId').equals(datasetId).primaryKeys()) as number[];
    if (keys.length === 0) continue;
    let first = keys[0]!;
    let last = first;
    for (const k of keys) {
      if (k < first) first = k;
      if (k > last) last = k;
    }
    ranges.push([sentenceIdOf(first, 0), sentenceIdOf(last + 1, 0)]);
  }
  return ranges;
}

/**
 * The reference label of each sentence (of some datasets, or all): the gold annotator's label where present, else the
 * strict majority of the human annotators' labels; sentences with neither (no label, or a tie) are left out.
 * `inclassable` is kept: callers drop it when training. Given datasets, only the annotations whose sentences lie in
 * their id ranges are read (not every dataset's), and only those answers.
 */
export async function goldLabels(db: DissidentiaDb, datasets?: number | readonly number[]): Promise<GoldLabel[]> {
  const wanted = datasets === undefined ? undefined : new Set(typeof datasets === 'number' ? [datasets] : datasets);
  return db.transaction('r', db.annotations, db.annotators, db.answers, async () => {
    const gold = await db.annotators.where('name').equals(GOLD_ANNOTATOR).first();
    const bySentence = new Map<number, { gold?: string; others: string[] }>();
    const add = (a: Annotation) => {
      const entry = bySentence.get(a.sentenceId) ?? { others: [] };
      if (a.annotatorId === gold?.id) entry.gold = a.label;
      else entry.others.push(a.label);
      bySentence.set(a.sentenceId, entry);
    };
    if (wanted) {
      for (const [from, to] of await sentenceIdRanges(db, [...wanted])) await db.annotations.where('sentenceId').between(from, to, true, false).each(add);
    } else {
      await db.annotations.each(add);
    }
    const ids = [...bySentence.keys()].sort((a, b) => a - b);
    const sentences = await getSentences(db, ids);
    const out: GoldLabel[] = [];
    sentences.forEach((sentence) => {
      // Ranges of datasets imported side by side may hold another dataset's answers: the answer row says.
      if (wanted && !wanted.has(sentence.datasetId)) return;
      const entry = bySentence.get(sentence.id)!;
      const reference = goldOf(entry.gold, entry.others);
      if (reference) out.push({ sentenceId: sentence.id, datasetId: sentence.datasetId, text: sentence.text, label: reference.label, source: reference.source });
    });
    return out;
  });
}

/** Removes every annotation made on a dataset's sentences (the sentences go with the answers). */
export async function deleteDatasetAnnotations(db: DissidentiaDb, datasetId: number): Promise<void> {
  const keys = await sentenceCountsByAnswer(db, datasetId, 0);
  if (keys.length === 0) return;
  // A dataset's answers have neighbouring ids: one range read of annotations, then the exact set.
  const answers = new Set(keys.map((k) => k.answerId));
  const low = sentenceIdOf(keys[0]!.answerId, 0);
  const high = sentenceIdOf(keys[keys.length - 1]!.answerId + 1, 0);
  await db.annotations
    .where('sentenceId')
    .between(low, high)
    .filter((a) => answers.has(answerIdOf(a.sentenceId)))
    .delete();
}
