// Scores every sentence of a corpus with any model given as `score(texts) => probabilities`: batches read ahead
// while the model works, each distinct sentence (same hash) asked once, scores handed to a writer batch by batch
// (the writer moves the resume cursor), cancellable between batches.
import { throwIfAborted } from '../abort';

/** Any model: P(dissident) of each text. The baseline, a transfer head or a fine-tuned transformer plug in here. */
export type ScoreTexts = (texts: string[], signal?: AbortSignal) => Promise<Float64Array>;

/** One answer as the loop sees it: its id and its sentences' texts and normalised-text hashes, in order. */
export interface CorpusAnswer {
  id: number;
  texts: string[];
  hashes: string[];
}

export interface ScoredAnswer {
  id: number;
  probabilities: Float32Array;
}

export interface ScoredBatch {
  answers: ScoredAnswer[];
  lastAnswerId: number;
  sentences: number;
  /** Texts the model was asked about in this batch (the others were known by their hash). */
  distinctScored: number;
  seconds: number;
}

export interface ScoreCorpusOptions {
  /** Batches of answers, in id order, after the resume point. */
  batches: AsyncIterator<CorpusAnswer[]>;
  score: ScoreTexts;
  /** Stores a batch; the next batch is written only once this one is (the cursor stays in order). */
  write: (batch: ScoredBatch) => Promise<void>;
  signal?: AbortSignal;
  /** Known probabilities by hash; kept by the caller across batches, capped at `cacheLimit` entries. */
  cache?: Map<string, number>;
  cacheLimit?: number;
  now?: () => number;
}

/** Scores one batch: unknown hashes go to the model once each, then every sentence takes its hash's probability. */
export async function scoreBatch(answers: readonly CorpusAnswer[], score: ScoreTexts, cache: Map<string, number>, cacheLimit: number, signal?: AbortSignal): Promise<{ answers: ScoredAnswer[]; sentences: number; distinctScored: number }> {
  const asked = new Map<string, number>();
  const texts: string[] = [];
  let sentences = 0;
  for (const answer of answers) {
    sentences += answer.texts.length;
    answer.hashes.forEach((hash, i) => {
      if (cache.has(hash) || asked.has(hash)) return;
      asked.set(hash, texts.length);
      texts.push(answer.texts[i]!);
    });
  }
  const probabilities = texts.length ? await score(texts, signal) : new Float64Array(0);
  if (probabilities.length !== texts.length) throw new Error(`Le modèle a rendu ${probabilities.length} scores pour ${texts.length} phrases.`);
  const lookup = (hash: string) => {
    const i = asked.get(hash);
    return i === undefined ? cache.get(hash)! : probabilities[i]!;
  };
  const scored = answers.map((answer) => ({ id: answer.id, probabilities: Float32Array.from(answer.hashes, lookup) }));
  // Past the cap, the oldest entries go first (Map keeps insertion order): duplicates tend to sit close together.
  for (const [hash, i] of asked) {
    if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value!);
    cache.set(hash, probabilities[i]!);
  }
  return { answers: scored, sentences, distinctScored: texts.length };
}

/** Runs the loop to the end of `batches` (or until cancelled); returns the totals of this session. */
export async function scoreCorpus(options: ScoreCorpusOptions): Promise<{ answers: number; sentences: number; distinctScored: number }> {
  const { batches, score, write, signal } = options;
  const cache = options.cache ?? new Map<string, number>();
  const cacheLimit = options.cacheLimit ?? 2_000_000;
  const now = options.now ?? (() => performance.now());
  const totals = { answers: 0, sentences: 0, distinctScored: 0 };
  let writing: Promise<void> = Promise.resolve();
  // A read started ahead may fail after a cancel: the failure is the loop's to report, not an unhandled rejection.
  const ahead = () => {
    const promise = batches.next();
    promise.catch(() => undefined);
    return promise;
  };
  let next = ahead();
  let mark = now();
  for (;;) {
    const item = await next;
    if (item.done) break;
    throwIfAborted(signal);
    // Read the next batch while this one is scored: the database works on its own thread.
    next = ahead();
    const batch = await scoreBatch(item.value, score, cache, cacheLimit, signal);
    const seconds = (now() - mark) / 1000;
    mark = now();
    const lastAnswerId = item.value[item.value.length - 1]?.id;
    await writing;
    throwIfAborted(signal);
    if (lastAnswerId === undefined) continue;
    writing = write({ ...batch, lastAnswerId, seconds });
    // A failed write (storage full) is reported by the `await writing` above or below; until then it must not count
    // as an unhandled rejection while the next batch is scored.
    writing.catch(() => undefined);
    totals.answers += batch.answers.length;
    totals.sentences += batch.sentences;
    totals.distinctScored += batch.distinctScored;
  }
  await writing;
  return totals;
}
