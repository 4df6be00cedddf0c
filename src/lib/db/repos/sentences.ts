// Sentences: what the annotation screen reads (by dataset in order, by ids, by answer with context), and counts
// that honour the dataset's exclusion filters.
import { sentencesKept } from '../../core/csv/overview';
import type { DissidentiaDb, Sentence } from '../db';
import { getDataset, infoOf } from './datasets';

export interface SentencePage {
  offset?: number;
  limit?: number;
  /** Leave out sentences of answers with any of these flags; defaults to the dataset's own filters. */
  excludeFlags?: number;
}

async function excludeOf(db: DissidentiaDb, datasetId: number, asked: number | undefined): Promise<number> {
  if (asked !== undefined) return asked;
  const dataset = await getDataset(db, datasetId);
  return dataset ? (infoOf(dataset).excludeFlags ?? 0) : 0;
}

/** Sentences of a dataset in file order (answer by answer), filters applied. */
export async function listSentences(db: DissidentiaDb, datasetId: number, page: SentencePage = {}): Promise<Sentence[]> {
  const mask = await excludeOf(db, datasetId, page.excludeFlags);
  let query = db.sentences.where('datasetId').equals(datasetId);
  if (mask) query = query.filter((s) => ((s.flags ?? 0) & mask) === 0);
  return query.offset(page.offset ?? 0).limit(page.limit ?? 100).toArray();
}

/** Ids of a dataset's sentences in file order, filters applied (cheap: keys only when nothing is excluded). */
export async function listSentenceIds(db: DissidentiaDb, datasetId: number, excludeFlags?: number): Promise<number[]> {
  const mask = await excludeOf(db, datasetId, excludeFlags);
  const query = db.sentences.where('datasetId').equals(datasetId);
  if (!mask) return (await query.primaryKeys()) as number[];
  return (await query.filter((s) => ((s.flags ?? 0) & mask) === 0).toArray()).map((s) => s.id);
}

/** How many sentences labelling will see, filters applied; read from the import's overview when it has one. */
export async function countSentences(db: DissidentiaDb, datasetId: number, excludeFlags?: number): Promise<number> {
  const dataset = await getDataset(db, datasetId);
  const mask = excludeFlags ?? (dataset ? (infoOf(dataset).excludeFlags ?? 0) : 0);
  const overview = dataset ? infoOf(dataset).overview : undefined;
  if (overview && dataset?.status === 'ready') return sentencesKept(overview, mask);
  const query = db.sentences.where('datasetId').equals(datasetId);
  return mask ? query.filter((s) => ((s.flags ?? 0) & mask) === 0).count() : query.count();
}

/** Sentences by id, in the order asked; ids that no longer exist are left out. */
export async function getSentences(db: DissidentiaDb, ids: readonly number[]): Promise<Sentence[]> {
  const rows = await db.sentences.bulkGet([...ids]);
  return rows.filter((s): s is Sentence => s !== undefined);
}

export function getSentence(db: DissidentiaDb, id: number): Promise<Sentence | undefined> {
  return db.sentences.get(id);
}

/** All sentences of one answer, in order. */
export function sentencesOfAnswer(db: DissidentiaDb, answerId: number): Promise<Sentence[]> {
  return db.sentences.where('answerId').equals(answerId).sortBy('index');
}

/** The sentences just before and after one, inside its answer (context while labelling). */
export async function sentenceContext(db: DissidentiaDb, sentence: Sentence): Promise<{ previous?: Sentence; next?: Sentence }> {
  const all = await sentencesOfAnswer(db, sentence.answerId);
  const i = all.findIndex((s) => s.id === sentence.id);
  return { previous: i > 0 ? all[i - 1] : undefined, next: i >= 0 ? all[i + 1] : undefined };
}
