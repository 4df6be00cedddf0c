// Search over a dataset's sentences (accent- and case-insensitive) with label, annotator and agreement filters.
import { GOLD_ANNOTATOR } from '../../core/annotation/labels';
import { agreementOf, type AgreementState } from '../../core/annotation/majority';
import { matchText } from '../../core/search/query';
import { foldForSearch, quickFoldFilter } from '../../core/text/normalise';
import type { Annotation, DissidentiaDb, Sentence } from '../db';
import { answerIdOf, sentencesOfAnswerRow } from '../answer-sentences';
import { openSearchIndex, sentenceIdOfDoc } from './search-index';
import { forEachAnswerRow, getSentences, sentenceCountsByAnswer } from './sentences';

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
 * Filters that need a label read only the labelled sentences; a text search asks the dataset's inverted index when
 * one is fresh, else folds each answer once and looks inside its sentences only when the answer holds the text;
 * without either, it stops once the page is full.
 */
export async function searchSentences(db: DissidentiaDb, query: SearchQuery): Promise<SearchResult> {
  const needle = foldForSearch(query.text ?? '');
  const limit = query.limit ?? 200;
  const gold = await db.annotators.where('name').equals(GOLD_ANNOTATOR).first();
  // A text search goes through the dataset's inverted index when a fresh one is stored (see search-index.ts).
  const index = needle ? await openSearchIndex(db, query.datasetId) : undefined;
  const matches = index ? await matchText(index, needle) : null;
  const filtered = !!(query.label || query.annotatorId !== undefined || query.agreement);
  if (index && matches?.exact && !filtered) {
    // Every match counts: the total is the index's, and only the page's sentences and labels are read.
    const page = Array.from(matches.docs.subarray(0, limit), (doc) => sentenceIdOfDoc(index, doc));
    const labels = new Map<number, Annotation[]>();
    for (const a of await db.annotations.where('sentenceId').anyOf(page).toArray()) labels.set(a.sentenceId, [...(labels.get(a.sentenceId) ?? []), a]);
    const rows = (await getSentences(db, page)).map((sentence) => ({ sentence, labels: labels.get(sentence.id) ?? [] }));
    return { total: matches.docs.length, rows };
  }
  const counts = index && matches ? undefined : await sentenceCountsByAnswer(db, query.datasetId, 0);
  const labels = await labelsOfAnswers(db, new Set(counts ? counts.map((c) => c.answerId) : index!.answerIds));
  const rows: SearchResult['rows'] = [];
  let total = 0;
  /** Whether a sentence passes the label, annotator and agreement filters. */
  const passesLabels = (id: number): boolean => {
    const all = labels.get(id) ?? [];
    const human = all.filter((a) => a.annotatorId !== gold?.id);
    const considered = query.annotatorId === undefined ? all : all.filter((a) => a.annotatorId === query.annotatorId);
    if (query.annotatorId !== undefined && considered.length === 0) return false;
    if (query.label === 'none' ? human.length > 0 : query.label && !considered.some((a) => a.label === query.label)) return false;
    return !(query.agreement && agreementOf(human.map((a) => a.label)) !== query.agreement);
  };
  /** Counts the sentence and keeps it for the page when it passes every filter. */
  const consider = (sentence: Sentence) => {
    if (needle && !foldForSearch(sentence.text).includes(needle)) return;
    if (!passesLabels(sentence.id)) return;
    total++;
    if (rows.length < limit) rows.push({ sentence, labels: labels.get(sentence.id) ?? [] });
  };

  const needsLabel = query.annotatorId !== undefined || (!!query.label && query.label !== 'none') || (!!query.agreement && query.agreement !== 'none');
  if (needsLabel) {
    for (const sentence of await getSentences(db, [...labels.keys()].sort((a, b) => a - b))) consider(sentence);
    return { total, rows };
  }
  if (index && matches) {
    const ids = Array.from(matches.docs, (doc) => sentenceIdOfDoc(index, doc));
    if (matches.exact) {
      // The index's answer is the search's: only the page's sentences are read.
      const page: number[] = [];
      for (const id of ids) {
        if (!passesLabels(id)) continue;
        total++;
        if (page.length < limit) page.push(id);
      }
      for (const sentence of await getSentences(db, page)) rows.push({ sentence, labels: labels.get(sentence.id) ?? [] });
    } else {
      // Several words: the candidates hold each word; their text says whether they hold the words in that order.
      for (let i = 0; i < ids.length; i += 5000) for (const sentence of await getSentences(db, ids.slice(i, i + 5000))) consider(sentence);
    }
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
  const all = counts!.reduce((n, c) => n + c.count, 0);
  const labelledByHumans = [...labels.values()].filter((list) => list.some((a) => a.annotatorId !== gold?.id)).length;
  return { total: query.label === 'none' || query.agreement === 'none' ? all - labelledByHumans : all, rows };
}
