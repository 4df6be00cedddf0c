// The rows an annotation export writes: labelled sentences (one dataset or all) with every label and its answer's id.
import type { ExchangeSentence } from '../../core/annotation/exchange';
import type { Answer, DissidentiaDb } from '../db';
import { labelsOfSentences } from './annotations';
import { getSentences } from './sentences';

/** Sentences to export (one dataset or all), each with every label and its answer's id; unlabelled ones left out. */
export async function exchangeSentences(db: DissidentiaDb, datasetId?: number): Promise<{ sentences: ExchangeSentence[]; annotators: string[] }> {
  return db.transaction('r', db.annotations, db.annotators, db.answers, async () => {
    const annotators = await db.annotators.toArray();
    const names = new Map(annotators.map((a) => [a.id, a.name]));
    const byId = await labelsOfSentences(db, (await db.annotations.orderBy('sentenceId').uniqueKeys()) as number[]);
    const ids = [...byId.keys()].sort((a, b) => a - b);
    const sentences = (await getSentences(db, ids)).filter((s) => datasetId === undefined || s.datasetId === datasetId);
    const answers = new Map((await db.answers.bulkGet([...new Set(sentences.map((s) => s.answerId))])).filter((a): a is Answer => !!a).map((a) => [a.id, a]));
    const used = new Set<string>();
    const out = sentences.map<ExchangeSentence>((s) => ({
      id: String(s.id),
      answerId: answers.get(s.answerId)?.externalId,
      index: s.index,
      text: s.text,
      hash: s.hash,
      labels: (byId.get(s.id) ?? []).map((a) => {
        const annotator = names.get(a.annotatorId) ?? `#${a.annotatorId}`;
        used.add(annotator);
        return { annotator, label: a.label, createdAt: a.createdAt, guidelineVersion: a.guidelineVersion, bulk: a.bulk };
      }),
    }));
    const ordered = annotators.map((a) => a.name).filter((n) => used.has(n)).sort((a, b) => a.localeCompare(b));
    return { sentences: out, annotators: ordered };
  });
}
