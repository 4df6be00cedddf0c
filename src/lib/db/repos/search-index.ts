// The persisted inverted index of each dataset (tables searchIndexes, searchTerms): built in a worker from the
// answers, checked against the answers before use, read as an IndexView (posting lists fetched per term).
import Dexie from 'dexie';
import { answerPositionOf, IndexBuilder } from '../../core/search/inverted-index';
import type { IndexView } from '../../core/search/query';
import { answerIdOf, positionOf, sentenceIdOf, sentencesOfAnswerRow } from '../answer-sentences';
import type { Answer, DissidentiaDb, SearchIndexRow, SearchTermRow } from '../db';
import { answerSpan } from './answers';

/** What a stored index holds: 2 adds word positions (an index of another format is built again). */
export const INDEX_FORMAT = 2;

/** What a dataset's answers look like now (see answerSpan): the index was built from the same span, or it is stale. */
async function signatureOf(db: DissidentiaDb, datasetId: number): Promise<{ firstAnswerId: number; lastAnswerId: number }> {
  const { first, last } = await answerSpan(db, datasetId);
  return { firstAnswerId: first, lastAnswerId: last };
}

/** Whether an index row was built from the answers a signature describes (rows older than firstAnswerId never were). */
const sameAnswers = (row: SearchIndexRow, now: { firstAnswerId: number; lastAnswerId: number }) => row.firstAnswerId === now.firstAnswerId && row.lastAnswerId === now.lastAnswerId;

/** Every key of one dataset in the [datasetId+term] index. */
function termRange(datasetId: number): [[number, string], [number, string]] {
  return [
    [datasetId, Dexie.minKey as unknown as string],
    [datasetId, Dexie.maxKey as unknown as string],
  ];
}

export interface IndexFacts {
  docCount: number;
  terms: number;
  bytes: number;
  buildMs: number;
  /** False when a fresh index was there already. */
  built: boolean;
}

/** The stored index's facts when it matches the dataset's answers, else undefined. */
async function freshRow(db: DissidentiaDb, datasetId: number): Promise<SearchIndexRow | undefined> {
  const [row, now] = await Promise.all([db.searchIndexes.get(datasetId), signatureOf(db, datasetId)]);
  return row && row.format === INDEX_FORMAT && sameAnswers(row, now) ? row : undefined;
}

const factsOf = (row: SearchIndexRow, built: boolean): IndexFacts => ({
  docCount: row.docCount,
  terms: row.dfs.length,
  bytes: row.bytes,
  buildMs: row.buildMs,
  built,
});

/**
 * Builds a dataset's index unless a fresh one is stored: answers read in pages of ids, posting lists written in
 * batches, the index row last (a build cut short leaves no row, so it is simply built again).
 */
export async function ensureSearchIndex(db: DissidentiaDb, datasetId: number, hooks: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {}): Promise<IndexFacts> {
  const existing = await freshRow(db, datasetId);
  if (existing) return factsOf(existing, false);
  const started = performance.now();
  const signature = await signatureOf(db, datasetId);
  const ids = (await db.answers.where('datasetId').equals(datasetId).primaryKeys()) as number[];
  const builder = new IndexBuilder();
  const PAGE = 2000;
  for (let i = 0; i < ids.length; i += PAGE) {
    hooks.signal?.throwIfAborted();
    const answers = (await db.answers.bulkGet(ids.slice(i, i + PAGE))).filter((a): a is Answer => !!a);
    for (const answer of answers) builder.addAnswer(answer.id, sentencesOfAnswerRow(answer).map((s) => s.text));
    hooks.onProgress?.(Math.min(ids.length, i + PAGE), ids.length);
  }
  const built = builder.build();
  await deleteSearchIndex(db, datasetId);
  const BATCH = 5000;
  let bytes = 0;
  for (let i = 0; i < built.terms.length; i += BATCH) {
    hooks.signal?.throwIfAborted();
    const rows = built.terms.slice(i, i + BATCH).map((term, j) => {
      const postings = built.postings[i + j]!;
      const positions = built.positions[i + j]!;
      bytes += postings.byteLength + positions.byteLength + term.length * 2;
      return { datasetId, term, postings, positions };
    });
    await db.searchTerms.bulkPut(rows);
  }
  const vocabulary = `\n${built.terms.join('\n')}\n`;
  bytes += built.answerIds.byteLength + built.answerStarts.byteLength + built.norms.byteLength + built.dfs.byteLength + vocabulary.length * 2;
  const row: SearchIndexRow = {
    datasetId,
    ...signature,
    answers: ids.length,
    docCount: built.docCount,
    answerIds: built.answerIds,
    answerStarts: built.answerStarts,
    norms: built.norms,
    vocabulary,
    dfs: built.dfs,
    builtAt: Date.now(),
    buildMs: Math.round(performance.now() - started),
    bytes,
    format: INDEX_FORMAT,
  };
  await db.searchIndexes.put(row);
  cache.delete(datasetId);
  return factsOf(row, true);
}

/** Removes a dataset's index (its dataset is deleted, or it is about to be built again). */
export async function deleteSearchIndex(db: DissidentiaDb, datasetId: number): Promise<void> {
  cache.delete(datasetId);
  await db.searchIndexes.delete(datasetId);
  const [from, to] = termRange(datasetId);
  await db.searchTerms.where('[datasetId+term]').between(from, to, true, true).delete();
}

/** Forgets every index (a restored backup replaced the answers). */
export async function clearSearchIndexes(db: DissidentiaDb): Promise<void> {
  cache.clear();
  await db.transaction('rw', db.searchIndexes, db.searchTerms, async () => {
    await db.searchIndexes.clear();
    await db.searchTerms.clear();
  });
}

/** An index ready to query, with the sentence-number ↔ answer mapping of its dataset. */
export interface OpenIndex extends IndexView {
  datasetId: number;
  answerIds: Uint32Array;
  answerStarts: Uint32Array;
}

const cache = new Map<number, { row: SearchIndexRow; view: OpenIndex }>();

/**
 * Term rows read once and kept (least recently used out past a budget): a warm search or similarity reads nothing
 * from IndexedDB but the freshness check, and the decoded lists (memoised on these bytes) stay alive with them.
 */
class TermRows {
  static readonly BUDGET = 96 * 2 ** 20;
  readonly #rows = new Map<string, SearchTermRow | undefined>();
  #bytes = 0;
  constructor(
    private readonly db: DissidentiaDb,
    private readonly datasetId: number,
  ) {}

  async get(terms: readonly string[]): Promise<(SearchTermRow | undefined)[]> {
    const missing = [...new Set(terms.filter((t) => !this.#rows.has(t)))];
    if (missing.length) {
      const read = await this.db.searchTerms.bulkGet(missing.map((term) => [this.datasetId, term] as [number, string]));
      missing.forEach((term, i) => this.#keep(term, read[i]));
    }
    return terms.map((term) => {
      const row = this.#rows.get(term);
      // Touch: a Map iterates in insertion order, so the first entries are the least recently used.
      this.#rows.delete(term);
      this.#rows.set(term, row);
      return row;
    });
  }

  #keep(term: string, row: SearchTermRow | undefined): void {
    this.#rows.set(term, row);
    // Decoded lists take about five bytes per posting on top of the stored ones.
    this.#bytes += row ? row.postings.byteLength * 6 + (row.positions?.byteLength ?? 0) : 0;
    for (const [old, kept] of this.#rows) {
      if (this.#bytes <= TermRows.BUDGET || old === term) break;
      this.#rows.delete(old);
      this.#bytes -= kept ? kept.postings.byteLength * 6 + (kept.positions?.byteLength ?? 0) : 0;
    }
  }
}

/** The dataset's index when a fresh one is stored (kept in memory between searches), else undefined. */
export async function openSearchIndex(db: DissidentiaDb, datasetId: number): Promise<OpenIndex | undefined> {
  const cached = cache.get(datasetId);
  if (cached) {
    const now = await signatureOf(db, datasetId);
    if (sameAnswers(cached.row, now)) return cached.view;
  }
  const row = await freshRow(db, datasetId);
  if (!row) {
    cache.delete(datasetId);
    return undefined;
  }
  const lines = row.vocabulary.slice(1, -1);
  const terms = lines ? lines.split('\n') : [];
  const dfs = new Map(terms.map((term, i) => [term, row.dfs[i]!]));
  const rows = new TermRows(db, datasetId);
  const view: OpenIndex = {
    datasetId,
    docCount: row.docCount,
    norms: row.norms,
    vocabulary: row.vocabulary,
    answerIds: row.answerIds,
    answerStarts: row.answerStarts,
    df: (term) => dfs.get(term),
    postings: async (wanted) => (await rows.get(wanted)).map((r) => r?.postings ?? new Uint8Array()),
    positions: async (wanted) => (await rows.get(wanted)).map((r) => r?.positions ?? new Uint8Array()),
  };
  cache.set(datasetId, { row, view });
  return view;
}

/** The sentence id of sentence number `doc` of an index. */
export function sentenceIdOfDoc(index: OpenIndex, doc: number): number {
  const position = answerPositionOf(index.answerStarts, doc);
  return sentenceIdOf(index.answerIds[position]!, doc - index.answerStarts[position]!);
}

/** The sentence number of a sentence id in an index, or undefined when the index does not hold it. */
export function docOfSentence(index: OpenIndex, sentenceId: number): number | undefined {
  const answerId = answerIdOf(sentenceId);
  let lo = 0;
  let hi = index.answerIds.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const id = index.answerIds[mid]!;
    if (id === answerId) {
      const doc = index.answerStarts[mid]! + positionOf(sentenceId);
      return doc < index.answerStarts[mid + 1]! ? doc : undefined;
    }
    if (id < answerId) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}
