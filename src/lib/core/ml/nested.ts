// Nested cross-validation: the whole training (search, threshold, refit) repeated inside outer folds, scored outside.
import { yieldAndCheck } from './abort';
import { stratifiedKFold } from './folds';
import { averagePrecision, mean, rocAuc, std, thresholdMetrics } from './metrics';
import { predictProba } from './predict';
import { deriveSeed } from '../random';
import { resolveOptions, round, trainBaseline } from './train';
import type { Hyperparameters, TrainHooks, TrainOptionsInput } from './types';

export interface NestedCvResult {
  outerFolds: number;
  repeats: number;
  /** Mean and standard deviation of the outer folds' ROC AUC: an estimate the inner search cannot inflate. */
  auc: number;
  aucStd: number;
  averagePrecision: number;
  /** F1 on the outer folds at each inner model's own stored threshold. */
  f1: number;
  foldAucs: number[];
  chosen: Hyperparameters[];
  seconds: number;
}

/** Trains `repeats × outerFolds` models with trainBaseline on outer training parts and scores each on its held-out part. */
export async function nestedCrossValidation(
  texts: readonly string[],
  labels: readonly (0 | 1)[],
  input: TrainOptionsInput = {},
  outer: { folds?: number; repeats?: number } = {},
  hooks: TrainHooks = {},
): Promise<NestedCvResult> {
  const started = performance.now();
  const options = resolveOptions(input);
  const outerFolds = outer.folds ?? 5;
  const repeats = outer.repeats ?? 1;
  const aucs: number[] = [];
  const aps: number[] = [];
  const f1s: number[] = [];
  const chosen: Hyperparameters[] = [];
  const total = outerFolds * repeats;
  for (let r = 0; r < repeats; r++) {
    const folds = stratifiedKFold(labels, outerFolds, deriveSeed(options.seed, r, 11));
    for (const fold of folds) {
      await yieldAndCheck(hooks.signal);
      const pick = <T>(values: readonly T[], rows: Int32Array) => Array.from(rows, (i) => values[i]);
      const model = await trainBaseline(pick(texts, fold.train), pick(labels, fold.train), { ...input, learningCurve: null }, { signal: hooks.signal });
      const testLabels = pick(labels, fold.test);
      const probabilities = predictProba(model, pick(texts, fold.test));
      aucs.push(rocAuc(testLabels, probabilities));
      aps.push(averagePrecision(testLabels, probabilities));
      f1s.push(thresholdMetrics(testLabels, probabilities, model.threshold).f1);
      chosen.push(model.settings.params);
      hooks.onProgress?.({ phase: 'nested', done: aucs.length, total });
    }
  }
  return {
    outerFolds,
    repeats,
    auc: round(mean(aucs)),
    aucStd: round(std(aucs)),
    averagePrecision: round(mean(aps)),
    f1: round(mean(f1s)),
    foldAucs: aucs.map((a) => round(a)),
    chosen,
    seconds: round((performance.now() - started) / 1000, 4),
  };
}
