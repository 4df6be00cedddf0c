// Labelling progress of a dataset: sentences, those labelled by people, gold labels, and counts per annotator.
import { GOLD_ANNOTATOR } from '../../core/annotation/labels';
import type { Progress } from '../../core/annotation/progress';
import type { DissidentiaDb } from '../db';
import { answerIdOf } from '../answer-sentences';
import { sentenceCountsByAnswer } from './sentences';

/** The progress read from the tables (the labelling screen then follows the writes: core/annotation/progress.ts). */
export async function datasetProgress(db: DissidentiaDb, datasetId: number): Promise<Progress> {
  // Per answer, not per sentence: a 100 MB import has a million sentences but some 60,000 answers.
  const counts = await sentenceCountsByAnswer(db, datasetId);
  const answers = new Set(counts.map((c) => c.answerId));
  const gold = await db.annotators.where('name').equals(GOLD_ANNOTATOR).first();
  const perAnnotator = new Map<number, number>();
  const labelled = new Set<number>();
  let goldCount = 0;
  await db.annotations.each((a) => {
    if (!answers.has(answerIdOf(a.sentenceId))) return;
    if (a.annotatorId === gold?.id) return void goldCount++;
    labelled.add(a.sentenceId);
    perAnnotator.set(a.annotatorId, (perAnnotator.get(a.annotatorId) ?? 0) + 1);
  });
  return {
    total: counts.reduce((n, c) => n + c.count, 0),
    labelled: labelled.size,
    gold: goldCount,
    perAnnotator: [...perAnnotator].map(([annotatorId, count]) => ({ annotatorId, count })),
    goldAnnotatorId: gold?.id,
  };
}
