// Reads of the annotation workspace: the sentence under work with its context, progress, search, and export rows.
import type { ExchangeSentence } from '../../core/annotation/exchange';
import { GOLD_ANNOTATOR } from '../../core/annotation/labels';
import { agreementOf, type AgreementState } from '../../core/annotation/majority';
import type { Progress } from '../../core/annotation/progress';
import { foldForSearch, quickFoldFilter } from '../../core/text/normalise';
import type { Annotation, Answer, DissidentiaDb, Sentence } from '../db';
import { labelsOfSentences } from './annotations';
import { answerIdOf, positionOf, sentenceAt, sentencesOfAnswerRow } from '../answer-sentences';
import { forEachAnswerRow, getSentences, sentenceCountsByAnswer } from './sentences';

export interface SentenceView {
  sentence: Sentence;
  answer?: Answer;
  previous?: Sentence;
  next?: Sentence;
  labels: Annotation[];
}

/** The sentence with its neighbours in the answer, the whole answer, and every label it has (one read of the answer). */
export async function sentenceView(db: DissidentiaDb, sentenceId: number): Promise<SentenceView | undefined> {
  const [answer, labels] = await Promise.all([
    db.answers.get(answerIdOf(sentenceId)),
    db.annotations.where('sentenceId').equals(sentenceId).toArray(),
  ]);
  const position = positionOf(sentenceId);
  const sentence = answer && sentenceAt(answer, position);
  if (!sentence) return undefined;
  return { sentence, answer, previous: sentenceAt(answer, position - 1), next: sentenceAt(answer, position + 1), labels };
}

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

/** Every label on these answers' sentences, by sentence id (annotations are far fewer than sentences: scan them). */
async function labelsOfAnswers(db: DissidentiaDb, answers: ReadonlySet<number>): Promise<Map<number, Annotation[]>> {
  const out = new Map<number, Annotation[]>();
  await db.annotations.each((a) => {
    if (!answers.has(answerIdOf(a.sentenceId))) return;
    const list = out.get(a.sentenceId);
    if (list) list.push(a);
    else out.set(a.sentenceId, [a]);
  });
  return out;
}

/**
 * Accent- and case-insensitive search over a dataset's sentences, with label, annotator and agreement filters.
 * Filters that need a label read only the labelled sentences; a text search folds each answer once and looks
 * inside its sentences only when the answer holds the text; without either, it stops once the page is full.
 */
export async function searchSentences(db: DissidentiaDb, query: SearchQuery): Promise<SearchResult> {
  const needle = foldForSearch(query.text ?? '');
  const limit = query.limit ?? 200;
  const gold = await db.annotators.where('name').equals(GOLD_ANNOTATOR).first();
  const counts = await sentenceCountsByAnswer(db, query.datasetId, 0);
  const labels = await labelsOfAnswers(db, new Set(counts.map((c) => c.answerId)));
  const rows: SearchResult['rows'] = [];
  let total = 0;
  /** Counts the sentence and keeps it for the page when it passes every filter. */
  const consider = (sentence: Sentence) => {
    if (needle && !foldForSearch(sentence.text).includes(needle)) return;
    const all = labels.get(sentence.id) ?? [];
    const human = all.filter((a) => a.annotatorId !== gold?.id);
    const considered = query.annotatorId === undefined ? all : all.filter((a) => a.annotatorId === query.annotatorId);
    if (query.annotatorId !== undefined && considered.length === 0) return;
    if (query.label === 'none' ? human.length > 0 : query.label && !considered.some((a) => a.label === query.label)) return;
    if (query.agreement && agreementOf(human.map((a) => a.label)) !== query.agreement) return;
    total++;
    if (rows.length < limit) rows.push({ sentence, labels: all });
  };

  const needsLabel = query.annotatorId !== undefined || (!!query.label && query.label !== 'none') || (!!query.agreement && query.agreement !== 'none');
  if (needsLabel) {
    for (const sentence of await getSentences(db, [...labels.keys()].sort((a, b) => a - b))) consider(sentence);
    return { total, rows };
  }
  if (needle) {
    const mayHold = quickFoldFilter(needle) ?? ((text: string) => foldForSearch(text).includes(needle));
    await forEachAnswerRow(db, query.datasetId, (answer) => {
      // Sentences are slices of their answer: an answer without the text has no sentence with it.
      if (!answer.texts && !mayHold(answer.text)) return;
      for (const sentence of sentencesOfAnswerRow(answer)) consider(sentence);
    });
    return { total, rows };
  }
  // No text and no label filter: every sentence matches, or every one without a human label. Count them from the
  // index and the labels, and read only as many answers as the page needs.
  await forEachAnswerRow(db, query.datasetId, (answer) => {
    for (const sentence of sentencesOfAnswerRow(answer)) consider(sentence);
    return rows.length >= limit;
  });
  const all = counts.reduce((n, c) => n + c.count, 0);
  const labelledByHumans = [...labels.values()].filter((list) => list.some((a) => a.annotatorId !== gold?.id)).length;
  return { total: query.label === 'none' || query.agreement === 'none' ? all - labelledByHumans : all, rows };
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
