// Reads of the annotation workspace: the sentence under work with its context, progress, search, and export rows.
import type { ExchangeSentence } from '../../core/annotation/exchange';
import { GOLD_ANNOTATOR } from '../../core/annotation/labels';
import { agreementOf, type AgreementState } from '../../core/annotation/majority';
import { foldForSearch } from '../../core/text/normalise';
import type { Annotation, Answer, DissidentiaDb, Sentence } from '../db';
import { labelsOfSentences } from './annotations';
import { datasetSentences, getSentence, getSentences, listSentenceIds, sentenceContext } from './sentences';

export interface SentenceView {
  sentence: Sentence;
  answer?: Answer;
  previous?: Sentence;
  next?: Sentence;
  labels: Annotation[];
}

/** The sentence with its neighbours in the answer, the whole answer, and every label it has. */
export async function sentenceView(db: DissidentiaDb, sentenceId: number): Promise<SentenceView | undefined> {
  const sentence = await getSentence(db, sentenceId);
  if (!sentence) return undefined;
  const [answer, context, labels] = await Promise.all([
    db.answers.get(sentence.answerId),
    sentenceContext(db, sentence),
    db.annotations.where('sentenceId').equals(sentenceId).toArray(),
  ]);
  return { sentence, answer, ...context, labels };
}

export interface Progress {
  total: number;
  /** Sentences with at least one human label. */
  labelled: number;
  /** Sentences with a gold label. */
  gold: number;
  perAnnotator: { annotatorId: number; count: number }[];
}

export async function datasetProgress(db: DissidentiaDb, datasetId: number): Promise<Progress> {
  const ids = new Set(await listSentenceIds(db, datasetId));
  const gold = await db.annotators.where('name').equals(GOLD_ANNOTATOR).first();
  const counts = new Map<number, number>();
  const labelled = new Set<number>();
  let goldCount = 0;
  await db.annotations.each((a) => {
    if (!ids.has(a.sentenceId)) return;
    if (a.annotatorId === gold?.id) return void goldCount++;
    labelled.add(a.sentenceId);
    counts.set(a.annotatorId, (counts.get(a.annotatorId) ?? 0) + 1);
  });
  return { total: ids.size, labelled: labelled.size, gold: goldCount, perAnnotator: [...counts].map(([annotatorId, count]) => ({ annotatorId, count })) };
}

export interface SearchQuery {
  datasetId: number;
  text?: string;
  /** A label, or '' for any; 'none' for sentences without a human label. */
  label?: string;
  /** Only labels of this annotator count for the label filter, and the sentence must carry one. */
  annotatorId?: number;
  agreement?: AgreementState | '';
  limit?: number;
}

export interface SearchResult {
  total: number;
  rows: { sentence: Sentence; labels: Annotation[] }[];
}

/** Accent- and case-insensitive search over a dataset's sentences, with label, annotator and agreement filters. */
export async function searchSentences(db: DissidentiaDb, query: SearchQuery): Promise<SearchResult> {
  const needle = foldForSearch(query.text ?? '');
  const gold = await db.annotators.where('name').equals(GOLD_ANNOTATOR).first();
  const sentences = await datasetSentences(db, query.datasetId);
  const matching = needle ? sentences.filter((s) => foldForSearch(s.text).includes(needle)) : sentences;
  const labels = await labelsOfSentences(db, matching.map((s) => s.id));
  const rows: SearchResult['rows'] = [];
  for (const sentence of matching) {
    const all = labels.get(sentence.id) ?? [];
    const human = all.filter((a) => a.annotatorId !== gold?.id);
    const considered = query.annotatorId === undefined ? all : all.filter((a) => a.annotatorId === query.annotatorId);
    if (query.annotatorId !== undefined && considered.length === 0) continue;
    if (query.label === 'none' ? human.length > 0 : query.label && !considered.some((a) => a.label === query.label)) continue;
    if (query.agreement && agreementOf(human.map((a) => a.label)) !== query.agreement) continue;
    rows.push({ sentence, labels: all });
  }
  return { total: rows.length, rows: rows.slice(0, query.limit ?? 200) };
}

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
