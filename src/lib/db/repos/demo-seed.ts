// The embedded demo corpus as a dataset (source 'demo'): answers, sentences located in their answer, and the corpus
// labels as gold annotations; created once, in one transaction.
import { GOLD_ANNOTATOR } from '../../core/annotation/labels';
import { textHash } from '../../core/text/hash';
import type { DemoCorpus } from '../../demo/corpus';
import { sentenceFields, sentenceIdOf } from '../answer-sentences';
import type { Annotation, Answer, DissidentiaDb } from '../db';
import { ensureAnnotator } from './annotators';

export const DEMO_DATASET_NAME = 'Corpus de démonstration';

/**
 * The demo dataset's id, creating it (with its gold labels, guideline version 1) on first call. The corpus (about
 * 110 kB) is fetched only to create it: Annoter and Accord call this on every opening.
 */
export async function ensureDemoDataset(db: DissidentiaDb, given?: DemoCorpus): Promise<number> {
  const found = await findDemo(db);
  if (found !== undefined) return found;
  const corpus = given ?? (await import('../../demo/corpus')).demoCorpus;
  return db.transaction('rw', [db.datasets, db.answers, db.annotators, db.annotations], async () => {
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
    const rows = corpus.answers.map<Omit<Answer, 'id'>>((answer) => {
      let from = 0;
      const located = answer.sentences.map((s) => {
        const found = answer.text.indexOf(s.text, from);
        const start = found >= 0 ? found : from;
        from = found >= 0 ? found + s.text.length : from;
        return { text: s.text, start, end: start + s.text.length, hash: textHash(s.text) };
      });
      return { datasetId, externalId: answer.id, text: answer.text, flags: 0, ...sentenceFields(answer.text, located) };
    });
    const answerIds = (await db.answers.bulkAdd(rows as Answer[], { allKeys: true })) as number[];
    const labels = corpus.answers.flatMap((answer, i) => answer.sentences.map((s, position) => ({ sentenceId: sentenceIdOf(answerIds[i]!, position), label: s.label })));
    const gold = await ensureAnnotator(db, GOLD_ANNOTATOR);
    const createdAt = Date.now();
    await db.annotations.bulkAdd(
      labels.map(({ sentenceId, label }) => ({ sentenceId, annotatorId: gold, label, guidelineVersion: 1, createdAt }) as Annotation),
    );
    return datasetId;
  });
}

async function findDemo(db: DissidentiaDb): Promise<number | undefined> {
  return (await db.datasets.filter((d) => d.source === 'demo' && d.status === 'ready').first())?.id;
}
