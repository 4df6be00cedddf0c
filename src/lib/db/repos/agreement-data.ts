// What the Accord screen reads: a dataset's labelled sentences as agreement units (one label per human annotator,
// with its guideline version), the gold label of each, and the sentences' texts for the adjudication queue.
import { GOLD_ANNOTATOR } from '../../core/annotation/labels';
import type { LabelledUnit } from '../../core/agreement/report';
import type { Annotation, Annotator, DissidentiaDb, Sentence } from '../db';
import { answerIdOf } from '../answer-sentences';
import { getSentences, sentenceCountsByAnswer } from './sentences';

export interface AgreementData {
  /** Human annotators with at least one label in the dataset, in name order. */
  annotators: Annotator[];
  /** One unit per labelled sentence (id: sentence id), labels in the order of `annotators`. */
  units: LabelledUnit[];
  /** Gold label per sentence id, where one was given. */
  gold: Map<number, string>;
  goldAnnotatorId?: number;
}

export async function agreementData(db: DissidentiaDb, datasetId: number): Promise<AgreementData> {
  const answers = new Set((await sentenceCountsByAnswer(db, datasetId)).map((c) => c.answerId));
  const goldAnnotator = await db.annotators.where('name').equals(GOLD_ANNOTATOR).first();
  const bySentence = new Map<number, Annotation[]>();
  const gold = new Map<number, string>();
  await db.annotations.each((a) => {
    if (!answers.has(answerIdOf(a.sentenceId))) return;
    if (a.annotatorId === goldAnnotator?.id) return void gold.set(a.sentenceId, a.label);
    const list = bySentence.get(a.sentenceId);
    if (list) list.push(a);
    else bySentence.set(a.sentenceId, [a]);
  });
  const ids = new Set([...bySentence.values()].flat().map((a) => a.annotatorId));
  const annotators = (await db.annotators.bulkGet([...ids])).filter((a): a is Annotator => !!a).sort((a, b) => a.name.localeCompare(b.name));
  const column = new Map(annotators.map((a, i) => [a.id, i]));
  const units: LabelledUnit[] = [...bySentence].sort(([a], [b]) => a - b).map(([sentenceId, labels]) => {
    const row: (string | null)[] = annotators.map(() => null);
    const versions: (number | null)[] = annotators.map(() => null);
    const times: (number | null)[] = annotators.map(() => null);
    for (const a of labels) {
      const k = column.get(a.annotatorId);
      if (k === undefined) continue;
      row[k] = a.label;
      versions[k] = a.guidelineVersion;
      times[k] = a.createdAt;
    }
    return { id: sentenceId, labels: row, versions, times };
  });
  return { annotators, units, gold, goldAnnotatorId: goldAnnotator?.id };
}

/** The sentences of these ids, by id (for the adjudication queue's texts). */
export async function sentencesById(db: DissidentiaDb, ids: readonly number[]): Promise<Map<number, Sentence>> {
  return new Map((await getSentences(db, [...ids].sort((a, b) => a - b))).map((s) => [s.id, s]));
}
