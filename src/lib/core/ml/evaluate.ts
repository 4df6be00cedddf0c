// Evaluation of scores against known labels: the metrics the CLI's `evaluate` prints and the Modèles screen's test split shows.
import { averagePrecision, rocAuc, thresholdMetrics, type ThresholdMetrics } from './metrics';
import { predictProba } from './predict';
import type { BaselineModel } from './types';

export interface Evaluation extends ThresholdMetrics {
  n: number;
  positives: number;
  auc: number;
  averagePrecision: number;
}

/** Ranking metrics (ROC AUC, average precision) and the confusion-based ones at `threshold`. */
export function evaluateScores(labels: readonly (0 | 1)[], scores: ArrayLike<number>, threshold: number): Evaluation {
  return {
    n: labels.length,
    positives: labels.filter((l) => l === 1).length,
    auc: rocAuc(labels, scores),
    averagePrecision: averagePrecision(labels, scores),
    ...thresholdMetrics(labels, scores, threshold),
  };
}

/** A model's metrics on labelled texts, at its own threshold unless another is given. */
export function evaluateModel(model: BaselineModel, texts: readonly string[], labels: readonly (0 | 1)[], threshold = model.threshold): Evaluation {
  return evaluateScores(labels, predictProba(model, texts), threshold);
}
