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
 * The reference label of each sentence (of one dataset, or all): the gold annotator's label where present, else the
 * strict majority of the human annotators' labels; sentences with neither (no label, or a tie) are left out.
 * `inclassable` is kept: callers drop it when training.
 */
export async function goldLabels(db: DissidentiaDb, datasetId?: number): Promise<GoldLabel[]> {
  return db.transaction('r', db.annotations, db.annotators, db.answers, async () => {
    const gold = await db.annotators.where('name').equals(GOLD_ANNOTATOR).first();
    const bySentence = new Map<number, { gold?: string; others: string[] }>();
    await db.annotations.each((a) => {
      const entry = bySentence.get(a.sentenceId) ?? { others: [] };
      if (a.annotatorId === gold?.id) entry.gold = a.label;
      else entry.others.push(a.label);
      bySentence.set(a.sentenceId, entry);
    });
    const ids = [...bySentence.keys()].sort((a, b) => a - b);
    const sentences = await getSentences(db, ids);
    const out: GoldLabel[] = [];
    sentences.forEach((sentence) => {
      if (datasetId !== undefined && sentence.datasetId !== datasetId) return;
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
