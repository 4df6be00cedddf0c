// A training run as the Modèles screen does it: optionally hold out a stratified test split, train, and score the test split.
import { stratifiedSubset } from './folds';
import { averagePrecision, rocAuc, thresholdMetrics, type ThresholdMetrics } from './metrics';
import { predictProba, trainBaseline } from './model';
import type { BaselineModel, TrainHooks, TrainOptionsInput } from './types';

export interface HoldoutMetrics extends ThresholdMetrics {
  n: number;
  positives: number;
  auc: number;
  averagePrecision: number;
}

export interface Experiment {
  model: BaselineModel;
  /** Metrics on sentences the model never saw (null when nothing was held out). */
  holdout: HoldoutMetrics | null;
}

export async function trainExperiment(
  texts: readonly string[],
  labels: readonly (0 | 1)[],
  options: TrainOptionsInput,
  holdoutFraction: number,
  hooks: TrainHooks = {},
): Promise<Experiment> {
  if (holdoutFraction <= 0) return { model: await trainBaseline(texts, labels, options, hooks), holdout: null };
  const all = Int32Array.from(texts.keys());
  const testSet = new Set(stratifiedSubset(all, labels, holdoutFraction, (options.seed ?? 42) + 7919));
  const pick = <T>(values: readonly T[], inTest: boolean) => values.filter((_, i) => testSet.has(i) === inTest);
  const model = await trainBaseline(pick(texts, false), pick(labels, false), options, hooks);
  const testLabels = pick(labels, true);
  const scores = predictProba(model, pick(texts, true));
  return {
    model,
    holdout: {
      n: testLabels.length,
      positives: testLabels.filter((l) => l === 1).length,
      auc: rocAuc(testLabels, scores),
      averagePrecision: averagePrecision(testLabels, scores),
      ...thresholdMetrics(testLabels, scores, model.threshold),
    },
  };
}
