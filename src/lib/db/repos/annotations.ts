// Annotations: one label per (sentence, annotator), set and restored for undo, in bulk, and read as progress and gold.
import { GOLD_ANNOTATOR } from '../../core/annotation/labels';
import { goldOf, type GoldSource } from '../../core/annotation/majority';
import type { Annotation, DissidentiaDb } from '../db';
import { answerIdOf, sentenceIdOf } from '../answer-sentences';
import { getSentences, sentenceCountsByAnswer } from './sentences';

/** What a label write replaced: enough to put it back exactly (undefined: there was no label). */
export type PreviousLabel = Omit<Annotation, 'id'> | undefined;

export interface LabelWrite {
  sentenceId: number;
  annotatorId: number;
  label: string;
  guidelineVersion: number;
  bulk?: boolean;
  createdAt?: number;
}

export function getAnnotation(db: DissidentiaDb, sentenceId: number, annotatorId: number): Promise<Annotation | undefined> {
  return db.annotations.where('[sentenceId+annotatorId]').equals([sentenceId, annotatorId]).first();
}

function strip(row: Annotation | undefined): PreviousLabel {
  if (!row) return undefined;
  const { id: _id, ...rest } = row;
  return rest;
}

/** Writes one label (replacing this annotator's previous one) and returns what it replaced. */
export async function setLabel(db: DissidentiaDb, write: LabelWrite): Promise<PreviousLabel> {
  return db.transaction('rw', db.annotations, () => putLabel(db, write));
}

async function putLabel(db: DissidentiaDb, write: LabelWrite): Promise<PreviousLabel> {
  const existing = await getAnnotation(db, write.sentenceId, write.annotatorId);
  const row: Omit<Annotation, 'id'> = {
    sentenceId: write.sentenceId,
    annotatorId: write.annotatorId,
    label: write.label,
    guidelineVersion: write.guidelineVersion,
    createdAt: write.createdAt ?? Date.now(),
    ...(write.bulk ? { bulk: true } : {}),
  };
  if (existing) await db.annotations.put({ ...row, id: existing.id });
  else await db.annotations.add(row as Annotation);
  return strip(existing);
}

/** Labels many sentences at once (recorded as bulk); returns what each write replaced, in order. */
export async function labelMany(db: DissidentiaDb, sentenceIds: readonly number[], annotatorId: number, label: string, guidelineVersion: number): Promise<PreviousLabel[]> {
  return db.transaction('rw', db.annotations, async () => {
    const before: PreviousLabel[] = [];
    const createdAt = Date.now();
    for (const sentenceId of sentenceIds) before.push(await putLabel(db, { sentenceId, annotatorId, label, guidelineVersion, bulk: true, createdAt }));
    return before;
  });
}

/** Puts back what a write replaced: the previous label, or no label at all. */
export async function restoreLabels(db: DissidentiaDb, items: readonly { sentenceId: number; annotatorId: number; previous: PreviousLabel }[]): Promise<void> {
  await db.transaction('rw', db.annotations, async () => {
    for (const { sentenceId, annotatorId, previous } of items) {
      const existing = await getAnnotation(db, sentenceId, annotatorId);
      if (!previous) {
        if (existing) await db.annotations.delete(existing.id);
      } else if (existing) await db.annotations.put({ ...previous, id: existing.id });
      else await db.annotations.add(previous as Annotation);
    }
  });
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
