// The explorer's reads in the model worker: a dataset's scores flattened once per run version, filtered and ordered
// there (a million sentences never reach the page), one answer with its scores, and the CSV export.
import Papa from 'papaparse';
import { throwIfAborted } from '../lib/core/ml/abort';
import { appendScores, EXPORT_HEADER, flattenScores, predictedLabel, select, type ScoredIndex, type Selection } from '../lib/core/ml/corpus/explore';
import { foldForSearch, quickFoldFilter } from '../lib/core/text/normalise';
import { positionOf, sentenceAt, sentenceIdOf, sentencesOfAnswerRow } from '../lib/db/answer-sentences';
import { getDb, type Answer } from '../lib/db/db';
import { goldLabels } from '../lib/db/repos/annotations';
import { getAnswer } from '../lib/db/repos/answers';
import { answersByIds, getScoreRun, scoreOfAnswer, scoresAfter, scoresOfDataset } from '../lib/db/repos/scores';
import { forEachAnswerRow } from '../lib/db/repos/sentences';
import type { AnswerScores, ExplorePage, ExploreQuery, ExploredSentence } from '../lib/workers/model/score-protocol';

/**
 * The last dataset's flattened scores. While its run is the same (same start), only the rows stored since the last
 * read are added (a run writes in answer id order); a new run, model or dataset flattens everything again.
 */
let cached: { key: string; updatedAt: number; lastAnswerId: number; index: ScoredIndex } | undefined;
let searched: { key: string; ids: Set<number> } | undefined;

async function indexOf(modelId: string, datasetId: number): Promise<ScoredIndex> {
  const run = await getScoreRun(getDb(), { modelId, datasetId });
  const key = `${modelId}|${datasetId}|${run?.startedAt ?? 0}`;
  const updatedAt = run?.updatedAt ?? 0;
  if (cached?.key === key && cached.updatedAt === updatedAt) return cached.index;
  const last = (index: ScoredIndex, fallback: number) => (index.answerIds.length ? index.answerIds[index.answerIds.length - 1]! : fallback);
  if (cached?.key === key && run) {
    const index = appendScores(cached.index, await scoresAfter(getDb(), { modelId, datasetId }, cached.lastAnswerId), sentenceIdOf);
    cached = { key, updatedAt, lastAnswerId: last(index, cached.lastAnswerId), index };
  } else {
    const index = flattenScores(await scoresOfDataset(getDb(), { modelId, datasetId }), sentenceIdOf);
    cached = { key, updatedAt, lastAnswerId: last(index, 0), index };
  }
  return cached.index;
}

/** Ids of the dataset's sentences holding the text (accents and case ignored); answers without it are skipped whole. */
async function sentencesWith(datasetId: number, text: string): Promise<Set<number>> {
  const needle = foldForSearch(text.trim());
  const key = `${datasetId}|${needle}`;
  if (searched?.key === key) return searched.ids;
  const ids = new Set<number>();
  const mayHold = quickFoldFilter(needle) ?? ((t: string) => foldForSearch(t).includes(needle));
  await forEachAnswerRow(getDb(), datasetId, (answer) => {
    if (!answer.texts && !mayHold(answer.text)) return;
    for (const s of sentencesOfAnswerRow(answer)) if (foldForSearch(s.text).includes(needle)) ids.add(s.id);
  });
  searched = { key, ids };
  return ids;
}

async function humanLabels(datasetId: number): Promise<Map<number, string>> {
  return new Map((await goldLabels(getDb(), datasetId)).map((g) => [g.sentenceId, g.label]));
}

async function selection(query: Omit<ExploreQuery, 'offset' | 'limit'>, signal: AbortSignal): Promise<{ index: ScoredIndex; chosen: Selection; human: Map<number, string> }> {
  const index = await indexOf(query.modelId, query.datasetId);
  const human = await humanLabels(query.datasetId);
  const ids = query.text.trim() ? await sentencesWith(query.datasetId, query.text) : undefined;
  throwIfAborted(signal);
  const chosen = select(index, query, (id) => human.get(id), ids && ((k) => ids.has(index.sentenceIds[k]!)));
  return { index, chosen, human };
}

function explored(answer: Answer, sentenceId: number, probability: number, human: string | undefined): ExploredSentence | undefined {
  const s = sentenceAt(answer, positionOf(sentenceId));
  if (!s) return undefined;
  return { sentenceId, answerId: answer.id, datasetId: answer.datasetId, externalId: answer.externalId, line: answer.line, index: s.index, text: s.text, probability, human };
}

export async function exploreScores(query: ExploreQuery, signal: AbortSignal): Promise<ExplorePage> {
  const { index, chosen, human } = await selection(query, signal);
  const page = Array.from(chosen.positions.subarray(query.offset, query.offset + query.limit));
  const answers = new Map((await answersByIds(getDb(), [...new Set(page.map((k) => index.answerIds[k]!))])).map((a) => [a.id, a]));
  const rows = page.flatMap((k) => {
    const id = index.sentenceIds[k]!;
    const answer = answers.get(index.answerIds[k]!);
    const row = answer && explored(answer, id, index.probabilities[k]!, human.get(id));
    return row ? [row] : [];
  });
  return { total: chosen.positions.length, scored: index.probabilities.length, histogram: chosen.histogram, dissident: chosen.dissident, considered: chosen.considered, rows };
}

export async function answerScores(modelId: string, answerId: number): Promise<AnswerScores | null> {
  const answer = await getAnswer(getDb(), answerId);
  if (!answer) return null;
  const scores = await scoreOfAnswer(getDb(), modelId, answerId);
  const human = await humanLabels(answer.datasetId);
  return {
    answerId,
    datasetId: answer.datasetId,
    externalId: answer.externalId,
    line: answer.line,
    text: answer.text,
    sentences: sentencesOfAnswerRow(answer).map((s, i) => ({ sentenceId: s.id, start: s.start, end: s.end, text: s.text, probability: scores?.probabilities[i] ?? null, human: human.get(s.id) })),
  };
}

/** Rows written per CSV chunk: a chunk's answers are read in one call. */
const EXPORT_CHUNK = 5000;

export async function exportScores(query: Omit<ExploreQuery, 'offset' | 'limit'> & { modelName: string }, signal: AbortSignal): Promise<{ blob: Blob; rows: number }> {
  const { index, chosen, human } = await selection(query, signal);
  // File order: answer by answer, sentence by sentence (the index is flattened in answer id order).
  const positions = Uint32Array.from(chosen.positions).sort();
  const parts: string[] = ['\uFEFF', `${EXPORT_HEADER.join(',')}\n`];
  for (let from = 0; from < positions.length; from += EXPORT_CHUNK) {
    throwIfAborted(signal);
    const chunk = Array.from(positions.subarray(from, from + EXPORT_CHUNK));
    const answers = new Map((await answersByIds(getDb(), [...new Set(chunk.map((k) => index.answerIds[k]!))])).map((a) => [a.id, a]));
    const cells = chunk.flatMap((k) => {
      const id = index.sentenceIds[k]!;
      const answer = answers.get(index.answerIds[k]!);
      const s = answer && sentenceAt(answer, positionOf(id));
      if (!answer || !s) return [];
      const p = index.probabilities[k]!;
      return [[answer.externalId, s.index, s.start, s.end, p.toFixed(6), predictedLabel(p, query.threshold), s.text, human.get(id) ?? '', query.modelName, query.threshold]];
    });
    // escapeFormulae: a sentence starting with = + - @ must not run as a formula in a spreadsheet.
    if (cells.length) parts.push(`${Papa.unparse(cells, { header: false, newline: '\n', escapeFormulae: true })}\n`);
  }
  return { blob: new Blob(parts, { type: 'text/csv;charset=utf-8' }), rows: positions.length };
}
