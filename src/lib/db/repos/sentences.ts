// Sentences: stored inside their answer's row (see ../answer-sentences.ts), read as single sentences: by dataset in
// file order, by ids, by answer with context, by hash; counts that honour the dataset's exclusion filters.
import { sentencesKept } from '../../core/csv/overview';
import { answerIdOf, positionOf, sentenceAt, sentenceIdOf, sentencesOfAnswerRow } from '../answer-sentences';
import type { Answer, DissidentiaDb, Sentence } from '../db';
import { answerCounts, type AnswerSentenceCount } from './answer-counts';
import { getDataset, infoOf } from './datasets';

export type { AnswerSentenceCount };

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

/** How many sentences each answer of a dataset holds, in file order, filters applied (no text is read). */
export async function sentenceCountsByAnswer(db: DissidentiaDb, datasetId: number, excludeFlags?: number): Promise<AnswerSentenceCount[]> {
  return answerCounts(db, datasetId, await excludeOf(db, datasetId, excludeFlags));
}

/**
 * Calls `visit` with each answer row of a dataset in file order (its sentences read with sentencesOfAnswerRow);
 * `visit` returns true to stop early.
 */
export async function forEachAnswerRow(db: DissidentiaDb, datasetId: number, visit: (answer: Answer) => boolean | void): Promise<void> {
  let stop = false;
  await db.answers
    .where('datasetId')
    .equals(datasetId)
    .until(() => stop)
    .each((answer) => void (stop = visit(answer) === true));
}

/** Sentences of a dataset in file order (answer by answer), filters applied. */
export async function listSentences(db: DissidentiaDb, datasetId: number, page: SentencePage = {}): Promise<Sentence[]> {
  const mask = await excludeOf(db, datasetId, page.excludeFlags);
  const offset = page.offset ?? 0;
  const limit = page.limit ?? 100;
  // Answers covering [offset, offset + limit): skip whole answers by their counts, then read just the ones needed.
  const wanted: number[] = [];
  let skip = offset;
  let from = 0;
  let taken = 0;
  for (const key of await answerCounts(db, datasetId, mask)) {
    if (taken >= from + limit) break;
    if (wanted.length === 0 && skip >= key.count) {
      skip -= key.count;
      continue;
    }
    if (wanted.length === 0) from = skip;
    wanted.push(key.answerId);
    taken += key.count;
  }
  const answers = (await db.answers.bulkGet(wanted)).filter((a): a is Answer => !!a);
  return answers.flatMap(sentencesOfAnswerRow).slice(from, from + limit);
}

/** Ids of a dataset's sentences in file order, filters applied (read from the index: no text is loaded). */
export async function listSentenceIds(db: DissidentiaDb, datasetId: number, excludeFlags?: number): Promise<number[]> {
  const counts = await answerCounts(db, datasetId, await excludeOf(db, datasetId, excludeFlags));
  // Sized once: pushing a million ids one by one spent most of its time growing the array.
  const ids = new Array<number>(counts.reduce((n, k) => n + k.count, 0));
  let next = 0;
  for (const key of counts) {
    const first = sentenceIdOf(key.answerId, 0);
    // An answer's sentence ids follow each other (see answer-sentences.ts).
    for (let i = 0; i < key.count; i++) ids[next++] = first + i;
  }
  return ids;
}

/** How many sentences labelling will see, filters applied; read from the import's overview when it has one. */
export async function countSentences(db: DissidentiaDb, datasetId: number, excludeFlags?: number): Promise<number> {
  const dataset = await getDataset(db, datasetId);
  const mask = excludeFlags ?? (dataset ? (infoOf(dataset).excludeFlags ?? 0) : 0);
  const overview = dataset ? infoOf(dataset).overview : undefined;
  if (overview && dataset?.status === 'ready') return sentencesKept(overview, mask);
  return (await answerCounts(db, datasetId, mask)).reduce((n, k) => n + k.count, 0);
}

/** Every sentence of a dataset in file order, texts included. */
export async function datasetSentences(db: DissidentiaDb, datasetId: number): Promise<Sentence[]> {
  const answerIds = (await answerCounts(db, datasetId)).map((k) => k.answerId);
  const answers = await db.answers.bulkGet(answerIds);
  return answers.flatMap((a) => (a ? sentencesOfAnswerRow(a) : []));
}

/** Sentences by id, in the order asked; ids that no longer exist are left out. */
export async function getSentences(db: DissidentiaDb, ids: readonly number[]): Promise<Sentence[]> {
  const answerIds = [...new Set(ids.map(answerIdOf))];
  const answers = new Map<number, Answer>();
  (await db.answers.bulkGet(answerIds)).forEach((a) => a && answers.set(a.id, a));
  const out: Sentence[] = [];
  for (const id of ids) {
    const answer = answers.get(answerIdOf(id));
    const sentence = answer && sentenceAt(answer, positionOf(id));
    if (sentence) out.push(sentence);
  }
  return out;
}

export async function getSentence(db: DissidentiaDb, id: number): Promise<Sentence | undefined> {
  const answer = await db.answers.get(answerIdOf(id));
  return answer && sentenceAt(answer, positionOf(id));
}

/** All sentences of one answer, in order. */
export async function sentencesOfAnswer(db: DissidentiaDb, answerId: number): Promise<Sentence[]> {
  const answer = await db.answers.get(answerId);
  return answer ? sentencesOfAnswerRow(answer) : [];
}

/** The sentences just before and after one, inside its answer (context while labelling). */
export async function sentenceContext(db: DissidentiaDb, sentence: Sentence): Promise<{ previous?: Sentence; next?: Sentence }> {
  const answer = await db.answers.get(sentence.answerId);
  const position = positionOf(sentence.id);
  return { previous: answer && sentenceAt(answer, position - 1), next: answer && sentenceAt(answer, position + 1) };
}

/** Every stored sentence whose normalised-text hash is one of these (matching across laptops). */
export async function sentencesWithHashes(db: DissidentiaDb, hashes: readonly string[]): Promise<Sentence[]> {
  if (hashes.length === 0) return [];
  const wanted = new Set(hashes);
  const answers = await db.answers.where('hashes').anyOf([...wanted]).distinct().toArray();
  return answers.flatMap((a) => sentencesOfAnswerRow(a).filter((s) => wanted.has(s.hash)));
}

/** Sentences stored across every dataset (read from the index). */
export async function countAllSentences(db: DissidentiaDb): Promise<number> {
  const keys = (await db.answers.orderBy('[datasetId+flags+sentenceCount]').keys()) as unknown as [number, number, number][];
  return keys.reduce((n, k) => n + k[2], 0);
}
