// The model worker's corpus requests: estimate, score a whole dataset (resumable, each distinct sentence once), and
// the explorer's reads. The worker reads sentences and writes scores itself; only ids and counts cross postMessage.
import { CodedError } from '../lib/core/errors';
import { storageErrorOf } from '../lib/core/storage-errors';
import { yieldAndCheck } from '../lib/core/ml/abort';
import { scoreCorpus, type CorpusAnswer, type ScoreTexts } from '../lib/core/ml/corpus/score-corpus';
import { predictProba, type BaselineModel } from '../lib/core/ml/model';
import { sentencesOfAnswerRow } from '../lib/db/answer-sentences';
import { getDb, type Answer, type ScoreRun } from '../lib/db/db';
import { getModel } from '../lib/db/repos/models';
import { answersByIds, getScoreRun, restartScoreRun, updateScoreRun, writeScoreBatch } from '../lib/db/repos/scores';
import { sentenceCountsByAnswer } from '../lib/db/repos/sentences';
import type { HandlerContext } from '../lib/workers/rpc';
import type { ModelProtocol } from '../lib/workers/model/protocol';
import type { ScoreModelRef } from '../lib/workers/model/score-protocol';
import { answerScores, exploreScores, exportScores } from './score-explorer';

type Requests = ModelProtocol['requests'];
type Ctx = HandlerContext<ModelProtocol>;

/** Sentences per batch: large enough that IndexedDB round trips vanish, small enough to cancel within a second. */
const BATCH_SENTENCES = 4000;
const PROBE_SENTENCES = 400;

/** A model key's scoring function: a model loaded in this worker, else a stored model read from the database. */
async function scorerFor(ref: ScoreModelRef, loaded: (key: string) => BaselineModel | undefined): Promise<ScoreTexts> {
  let model = loaded(ref.modelId);
  if (!model) {
    const id = /^stored-(\d+)$/.exec(ref.modelId)?.[1];
    const stored = id === undefined ? undefined : await getModel(getDb(), Number(id));
    if (!stored) throw new CodedError('model/notLoaded', `Modèle non chargé : ${ref.modelId}`, { key: ref.modelId });
    // Other kinds (transfer heads, fine-tuned transformers) join here with their own `score(texts)`.
    if (stored.kind !== 'baseline') throw new CodedError('score/unsupportedModel', `Ce type de modèle ne peut pas encore évaluer un corpus : ${stored.kind}`, { kind: stored.kind });
    model = stored.data as BaselineModel;
  }
  const baseline = model;
  return async (texts, signal) => {
    const out = predictProba(baseline, texts);
    // Lets a cancel message in between batches.
    await yieldAndCheck(signal);
    return out;
  };
}

function corpusAnswer(answer: Answer): CorpusAnswer {
  const sentences = sentencesOfAnswerRow(answer);
  return { id: answer.id, texts: sentences.map((s) => s.text), hashes: sentences.map((s) => s.hash) };
}

/** The dataset's answers after `afterId`, in id order, grouped so that each batch holds about `target` sentences. */
async function* answerBatches(datasetId: number, afterId: number, target: number): AsyncGenerator<CorpusAnswer[]> {
  const counts = (await sentenceCountsByAnswer(getDb(), datasetId, 0)).filter((c) => c.answerId > afterId);
  let group: number[] = [];
  let sentences = 0;
  for (let i = 0; i <= counts.length; i++) {
    const c = counts[i];
    if (group.length && (!c || sentences + c.count > target)) {
      yield (await answersByIds(getDb(), group)).map(corpusAnswer);
      group = [];
      sentences = 0;
    }
    if (c) {
      group.push(c.answerId);
      sentences += c.count;
    }
  }
}

async function totals(datasetId: number): Promise<{ answers: number; sentences: number }> {
  const counts = await sentenceCountsByAnswer(getDb(), datasetId, 0);
  return { answers: counts.length, sentences: counts.reduce((n, c) => n + c.count, 0) };
}

async function estimate(args: Requests['score/estimate']['args'], loaded: (key: string) => BaselineModel | undefined, signal: AbortSignal): Promise<Requests['score/estimate']['result']> {
  const score = await scorerFor(args.model, loaded);
  const { answers, sentences } = await totals(args.datasetId);
  const run = (await getScoreRun(getDb(), { modelId: args.model.modelId, datasetId: args.datasetId })) ?? null;
  const remaining = run?.status === 'done' ? 0 : Math.max(0, sentences - (run?.sentencesDone ?? 0));
  // Timed on the first sentences of the dataset (a first call also pays for compiling the model: one call warms it).
  const probe = (await answerBatches(args.datasetId, 0, PROBE_SENTENCES).next()).value?.flatMap((a: CorpusAnswer) => a.texts) ?? [];
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
  const score = await scorerFor(args.model, loaded);
  let run = await getScoreRun(db, key);
  // A finished run is kept unless a restart is asked for (a late resume after the end must not score it all again).
  if (run?.status === 'done' && !args.restart) return run;
  if (!run || args.restart) {
    const { answers, sentences } = await totals(args.datasetId);
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
      batches: answerBatches(args.datasetId, run.lastAnswerId, args.batchSentences ?? BATCH_SENTENCES),
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
    'score/estimate': (args: Requests['score/estimate']['args'], ctx: Ctx) => estimate(args, loaded, ctx.signal),
    'score/run': (args: Requests['score/run']['args'], ctx: Ctx) => runScoring(args, loaded, ctx),
    'score/explore': (args: Requests['score/explore']['args'], ctx: Ctx) => exploreScores(args, ctx.signal),
    'score/answer': (args: Requests['score/answer']['args']) => answerScores(args.modelId, args.answerId),
    'score/export': (args: Requests['score/export']['args'], ctx: Ctx) => exportScores(args, ctx.signal),
  };
}
