// The model worker's corpus requests: estimate, score a whole dataset (resumable, each distinct sentence once), and
// the explorer's reads. The worker reads sentences and writes scores itself; only ids and counts cross postMessage.
import { CodedError } from '../lib/core/errors';
import { storageErrorOf } from '../lib/core/storage-errors';
import { yieldAndCheck } from '../lib/core/ml/abort';
import { scoreCorpus, type CorpusAnswer, type ScoreTexts } from '../lib/core/ml/corpus/score-corpus';
import { predictProba, type BaselineModel } from '../lib/core/ml/model';
import { getDb, type Answer, type ScoreRun } from '../lib/db/db';
import { getModel } from '../lib/db/repos/models';
import type { TransferModel } from '../lib/core/ml/transfer/types';
import type { ClassifierRef } from '../lib/core/ml/transformer/classifier-ref';
import { answersInRange, getScoreRun, restartScoreRun, updateScoreRun, writeScoreBatch } from '../lib/db/repos/scores';
import { sentenceCountsByAnswer, type AnswerSentenceCount } from '../lib/db/repos/sentences';
import type { HandlerContext } from '../lib/workers/rpc';
import type { ModelProtocol } from '../lib/workers/model/protocol';
import type { ScoreModelRef } from '../lib/workers/model/score-protocol';
import { answerScores, exploreScores, exportScores } from './score-explorer';

type Requests = ModelProtocol['requests'];
type Ctx = HandlerContext<ModelProtocol>;

/** Sentences per batch: large enough that IndexedDB round trips vanish, small enough to cancel within a second. */
const BATCH_SENTENCES = 4000;
const PROBE_SENTENCES = 400;
/** A transformer scores tens of sentences a second on a phone's CPU: a smaller sample keeps the estimate quick. */
const TRANSFORMER_PROBE = 48;

/** A model's scoring function, and how many sentences the time estimate scores. */
interface Scorer {
  score: ScoreTexts;
  probe: number;
}

/** Texts per transformer call: small enough that a cancel is seen within a batch of inference. */
const TRANSFORMER_SLICE = 32;

/** A transformer model's scoring function: slices of texts, yielding between them so that a cancel can arrive. */
function sliced(probabilities: (texts: string[]) => Promise<Float64Array>): Scorer {
  const score: ScoreTexts = async (texts, signal) => {
    const out = new Float64Array(texts.length);
    for (let i = 0; i < texts.length; i += TRANSFORMER_SLICE) {
      await yieldAndCheck(signal);
      out.set(await probabilities(texts.slice(i, i + TRANSFORMER_SLICE)), i);
    }
    return out;
  };
  return { score, probe: TRANSFORMER_PROBE };
}

/**
 * A model key's scoring function: a baseline loaded in this worker, a stored model read from the database (baseline,
 * transfer head, classifier folder added to the list), or a classifier folder by name (`classifier-<folder>`).
 */
async function scorerFor(ref: ScoreModelRef, loaded: (key: string) => BaselineModel | undefined, ctx: Ctx): Promise<Scorer> {
  let model = loaded(ref.modelId);
  if (!model) {
    const folder = /^classifier-(.+)$/.exec(ref.modelId)?.[1];
    if (folder !== undefined) {
      const embeddings = await import('./embedding-handlers');
      return sliced((texts) => embeddings.classifierProbabilities({ model: folder }, texts, ctx));
    }
    const id = /^stored-(\d+)$/.exec(ref.modelId)?.[1];
    const stored = id === undefined ? undefined : await getModel(getDb(), Number(id));
    if (!stored) throw new CodedError('model/notLoaded', `Modèle non chargé : ${ref.modelId}`, { key: ref.modelId });
    if (stored.kind === 'transfer') {
      const embeddings = await import('./embedding-handlers');
      const transfer = stored.data as TransferModel;
      return sliced((texts) => embeddings.transferProbabilities(transfer, texts, undefined, ctx));
    }
    if (stored.kind === 'classifier') {
      const embeddings = await import('./embedding-handlers');
      const { model: name, dtype } = stored.data as ClassifierRef;
      return sliced((texts) => embeddings.classifierProbabilities({ model: name, dtype }, texts, ctx));
    }
    model = stored.data as BaselineModel;
  }
  const baseline = model;
  const score: ScoreTexts = async (texts, signal) => {
    const out = predictProba(baseline, texts);
    // Lets a cancel message in between batches.
    await yieldAndCheck(signal);
    return out;
  };
  return { score, probe: PROBE_SENTENCES };
}

/** An answer row as the scoring loop sees it: its sentences' texts sliced straight from the row (no sentence objects). */
function corpusAnswer(answer: Answer): CorpusAnswer {
  const texts = new Array<string>(answer.sentenceCount);
  for (let i = 0; i < answer.sentenceCount; i++) texts[i] = answer.texts?.[i] ?? answer.text.slice(answer.starts[i], answer.ends[i]);
  return { id: answer.id, texts, hashes: answer.hashes.slice(0, answer.sentenceCount) };
}

/**
 * The dataset's answers after `afterId`, in id order, grouped so that each batch holds about `target` sentences;
 * `known` spares reading the counts again when the caller has them.
 */
async function* answerBatches(datasetId: number, afterId: number, target: number, known?: AnswerSentenceCount[]): AsyncGenerator<CorpusAnswer[]> {
  const counts = (known ?? (await sentenceCountsByAnswer(getDb(), datasetId, 0))).filter((c) => c.answerId > afterId);
  let group: number[] = [];
  let sentences = 0;
  for (let i = 0; i <= counts.length; i++) {
    const c = counts[i];
    if (group.length && (!c || sentences + c.count > target)) {
      // One range read from the group's first to its last id; ids in between that are not the dataset's are left out.
      const wanted = new Set(group);
      const rows = await answersInRange(getDb(), datasetId, group[0]!, group[group.length - 1]!);
      yield rows.filter((a) => wanted.has(a.id)).map(corpusAnswer);
      group = [];
      sentences = 0;
    }
    if (c) {
      group.push(c.answerId);
      sentences += c.count;
    }
  }
}

async function totals(datasetId: number, known?: AnswerSentenceCount[]): Promise<{ answers: number; sentences: number }> {
  const counts = known ?? (await sentenceCountsByAnswer(getDb(), datasetId, 0));
  return { answers: counts.length, sentences: counts.reduce((n, c) => n + c.count, 0) };
}

async function estimate(args: Requests['score/estimate']['args'], loaded: (key: string) => BaselineModel | undefined, ctx: Ctx): Promise<Requests['score/estimate']['result']> {
  const signal = ctx.signal;
  const { score, probe: probeSize } = await scorerFor(args.model, loaded, ctx);
  // The counts are read once (on a million sentences, tens of thousands of index entries) for the totals and the probe.
  const counts = await sentenceCountsByAnswer(getDb(), args.datasetId, 0);
  const { answers, sentences } = await totals(args.datasetId, counts);
  const run = (await getScoreRun(getDb(), { modelId: args.model.modelId, datasetId: args.datasetId })) ?? null;
  const remaining = run?.status === 'done' ? 0 : Math.max(0, sentences - (run?.sentencesDone ?? 0));
  // Timed on the first sentences of the dataset (a first call also pays for compiling the model: one call warms it).
  const probe = (await answerBatches(args.datasetId, 0, probeSize, counts).next()).value?.flatMap((a: CorpusAnswer) => a.texts) ?? [];
  let perSecond = 0;
  if (probe.length) {
    await score(probe.slice(0, 8), signal);
    const started = performance.now();
    await score(probe, signal);
    perSecond = probe.length / Math.max(1e-3, (performance.now() - started) / 1000);
  }
  return { answers, sentences, remaining, sentencesPerSecond: Math.round(perSecond), seconds: perSecond ? remaining / perSecond : 0, run };
}

async function runScoring(args: Requests['score/run']['args'], loaded: (key: string) => BaselineModel | undefined, ctx: Ctx): Promise<ScoreRun> {
  const db = getDb();
  const key = { modelId: args.model.modelId, datasetId: args.datasetId };
  const { score } = await scorerFor(args.model, loaded, ctx);
  let run = await getScoreRun(db, key);
  // A finished run is kept unless a restart is asked for (a late resume after the end must not score it all again).
  if (run?.status === 'done' && !args.restart) return run;
  const counts = await sentenceCountsByAnswer(db, args.datasetId, 0);
  if (!run || args.restart) {
    const { answers, sentences } = await totals(args.datasetId, counts);
    const now = Date.now();
    run = { ...key, modelName: args.model.name, status: 'running', lastAnswerId: 0, answers, answersDone: 0, sentences, sentencesDone: 0, distinctScored: 0, startedAt: now, updatedAt: now, seconds: 0 };
    await restartScoreRun(db, run);
  } else {
    await updateScoreRun(db, key, { status: 'running', error: undefined });
  }
  const progress = (r: ScoreRun) => ctx.emit('score/progress', { modelId: r.modelId, datasetId: r.datasetId, answersDone: r.answersDone, answers: r.answers, sentencesDone: r.sentencesDone, sentences: r.sentences, distinctScored: r.distinctScored, seconds: r.seconds });
  progress(run);
  try {
    await scoreCorpus({
      batches: answerBatches(args.datasetId, run.lastAnswerId, args.batchSentences ?? BATCH_SENTENCES, counts),
      score,
      signal: ctx.signal,
      write: async (batch) => {
        const rows = batch.answers.map((a) => ({ modelId: key.modelId, answerId: a.id, datasetId: key.datasetId, probabilities: a.probabilities }));
        progress(await writeScoreBatch(db, key, rows, { lastAnswerId: batch.lastAnswerId, answers: rows.length, sentences: batch.sentences, distinctScored: batch.distinctScored, seconds: batch.seconds }));
      },
    });
  } catch (caught) {
    const error = storageErrorOf(caught, 'score') as Error;
    const cancelled = error.name === 'AbortError';
    // With storage full even this small update may fail: the run then stays 'running' and resumes from its last batch.
    await updateScoreRun(db, key, { status: cancelled ? 'cancelled' : 'failed', error: cancelled ? undefined : error.message }).catch(() => undefined);
    throw error;
  }
  await updateScoreRun(db, key, { status: 'done', updatedAt: Date.now() });
  return (await getScoreRun(db, key))!;
}

/** The corpus handlers, given the worker's loaded models. */
export function scoreHandlers(loaded: (key: string) => BaselineModel | undefined) {
  return {
    'score/estimate': (args: Requests['score/estimate']['args'], ctx: Ctx) => estimate(args, loaded, ctx),
    'score/run': (args: Requests['score/run']['args'], ctx: Ctx) => runScoring(args, loaded, ctx),
    'score/explore': (args: Requests['score/explore']['args'], ctx: Ctx) => exploreScores(args, ctx.signal),
    'score/answer': (args: Requests['score/answer']['args']) => answerScores(args.modelId, args.answerId),
    'score/export': (args: Requests['score/export']['args'], ctx: Ctx) => exportScores(args, ctx.signal),
  };
}
