// Similar sentences by TF-IDF through a dataset's inverted index, with their labels; and the sentences the
// near-duplicate grouping reads.
import { similarByTfidf } from '../../core/search/query';
import type { Annotation, DissidentiaDb, Sentence } from '../db';
import { docOfSentence, openSearchIndex, sentenceIdOfDoc } from './search-index';
import { datasetSentences, getSentences } from './sentences';

export interface SimilarQuery {
  datasetId: number;
  /** A typed text, or the sentence to start from (left out of the results). */
  text?: string;
  sentenceId?: number;
  k: number;
  order?: 'most' | 'least';
}

export interface SimilarRow {
  sentence: Sentence;
  similarity: number;
  labels: Annotation[];
}

/** The k most (or least) similar sentences with their similarity, or undefined when the dataset has no fresh index. */
export async function similarSentences(db: DissidentiaDb, query: SimilarQuery): Promise<{ source?: Sentence; rows: SimilarRow[] } | undefined> {
  const index = await openSearchIndex(db, query.datasetId);
  if (!index) return undefined;
  const source = query.sentenceId === undefined ? undefined : (await getSentences(db, [query.sentenceId]))[0];
  const text = source?.text ?? query.text ?? '';
  const exclude = query.sentenceId === undefined ? undefined : docOfSentence(index, query.sentenceId);
  const scored = await similarByTfidf(index, text, { k: query.k, order: query.order, exclude });
  const ids = scored.map((s) => sentenceIdOfDoc(index, s.doc));
  const sentences = new Map((await getSentences(db, ids)).map((s) => [s.id, s]));
  const labels = new Map<number, Annotation[]>();
  for (const a of await db.annotations.where('sentenceId').anyOf(ids).toArray()) labels.set(a.sentenceId, [...(labels.get(a.sentenceId) ?? []), a]);
  const rows = scored.flatMap((s, i) => {
    const sentence = sentences.get(ids[i]!);
    return sentence ? [{ sentence, similarity: s.score, labels: labels.get(sentence.id) ?? [] }] : [];
  });
  return { source, rows };
}

/** Every sentence of a dataset as id and text, in file order (what near-duplicate grouping reads). */
export async function sentenceTexts(db: DissidentiaDb, datasetId: number): Promise<{ id: number; text: string }[]> {
  return (await datasetSentences(db, datasetId)).map((s) => ({ id: s.id, text: s.text }));
}
