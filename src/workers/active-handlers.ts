// Model worker handlers for active learning: retrain the baseline once (no cross-validation) on the gold labels,
// score the pool in batches (cancellable between them) and order it « plus utiles d'abord ».
import { activeOrder } from '../lib/core/annotation/active-queue';
import { yieldAndCheck } from '../lib/core/ml/abort';
import { predictProba } from '../lib/core/ml/predict';
import { fitBaselineOnce, SINGLE_FIT_PARAMS } from '../lib/core/ml/single-fit';
import type { ActiveRankArgs, ActiveRankResult } from '../lib/workers/model/active-protocol';

const BATCH = 2000;

export async function rank({ texts, labels, pool, threshold = 0.5, options = {} }: ActiveRankArgs, { signal }: { signal: AbortSignal }): Promise<ActiveRankResult> {
  const started = performance.now();
  await yieldAndCheck(signal);
  const fit = fitBaselineOnce(texts, labels, { ...options, params: { ...SINGLE_FIT_PARAMS, ...options.params } }, signal);
  const probabilities = new Float64Array(pool.length);
  for (let i = 0; i < pool.length; i += BATCH) {
    await yieldAndCheck(signal);
    probabilities.set(predictProba(fit, pool.slice(i, i + BATCH).map((s) => s.text)), i);
  }
  await yieldAndCheck(signal);
  const order = activeOrder(
    pool.map((s, i) => ({ ...s, probability: probabilities[i] })),
    { threshold },
  );
  return {
    order,
    ids: pool.map((s) => s.id),
    probabilities,
    threshold,
    trainedOn: fit.trainedOn,
    fitSeconds: fit.seconds,
    seconds: (performance.now() - started) / 1000,
  };
}
