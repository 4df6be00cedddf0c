// The embedded demo corpus as a dataset (source 'demo'): answers, sentences located in their answer, and the corpus
// labels as gold annotations; created once, in one transaction.
import { GOLD_ANNOTATOR } from '../../core/annotation/labels';
import { textHash } from '../../core/text/hash';
import { demoCorpus, type DemoCorpus } from '../../demo/corpus';
import type { Annotation, Answer, DissidentiaDb, Sentence } from '../db';
import { ensureAnnotator } from './annotators';

export const DEMO_DATASET_NAME = 'Corpus de démonstration';

/** The demo dataset's id, creating it (with its gold labels, guideline version 1) on first call. */
export async function ensureDemoDataset(db: DissidentiaDb, corpus: DemoCorpus = demoCorpus): Promise<number> {
  const found = await findDemo(db);
  if (found !== undefined) return found;
  return db.transaction('rw', [db.datasets, db.answers, db.sentences, db.annotators, db.annotations], async () => {
    const again = await findDemo(db);
    if (again !== undefined) return again;
    const sentenceCount = corpus.answers.reduce((n, a) => n + a.sentences.length, 0);
    const datasetId = await db.datasets.add({
      name: DEMO_DATASET_NAME,
      source: 'demo',
      status: 'ready',
      createdAt: Date.now(),
      info: { corpusVersion: corpus.version, answers: corpus.answers.length, sentences: sentenceCount },
    });
    const answerIds = (await db.answers.bulkAdd(
      corpus.answers.map((a) => ({ datasetId, externalId: a.id, text: a.text }) as Answer),
      { allKeys: true },
    )) as number[];
    const rows: Omit<Sentence, 'id'>[] = [];
    const labels: string[] = [];
    corpus.answers.forEach((answer, i) => {
      let from = 0;
      answer.sentences.forEach((s, index) => {
        const found = answer.text.indexOf(s.text, from);
        const start = found >= 0 ? found : from;
        from = found >= 0 ? found + s.text.length : from;
        rows.push({ datasetId, answerId: answerIds[i]!, index, text: s.text, start, end: start + s.text.length, hash: textHash(s.text) });
        labels.push(s.label);
      });
    });
    const sentenceIds = (await db.sentences.bulkAdd(rows as Sentence[], { allKeys: true })) as number[];
    const gold = await ensureAnnotator(db, GOLD_ANNOTATOR);
    const createdAt = Date.now();
    await db.annotations.bulkAdd(
      sentenceIds.map((sentenceId, i) => ({ sentenceId, annotatorId: gold, label: labels[i]!, guidelineVersion: 1, createdAt }) as Annotation),
    );
    return datasetId;
  });
}

async function findDemo(db: DissidentiaDb): Promise<number | undefined> {
  return (await db.datasets.filter((d) => d.source === 'demo' && d.status === 'ready').first())?.id;
}
