// Binary classification metrics: confusion, accuracy/precision/recall/F1, ROC AUC and average precision (ties handled).

export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export interface ThresholdMetrics {
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
  confusion: Confusion;
}

/** Predicted positive when score ≥ threshold; labels are 0/1. */
export function confusionAt(labels: ArrayLike<number>, scores: ArrayLike<number>, threshold: number): Confusion {
  const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
  for (let i = 0; i < labels.length; i++) {
    const predicted = scores[i] >= threshold;
    if (labels[i] === 1) predicted ? c.tp++ : c.fn++;
    else predicted ? c.fp++ : c.tn++;
  }
  return c;
}

/** Metrics of a confusion matrix; a ratio with a zero denominator is 0 (scikit-learn's zero_division=0). */
export function metricsFromConfusion(c: Confusion): ThresholdMetrics {
  const ratio = (a: number, b: number) => (b > 0 ? a / b : 0);
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  return {
    accuracy: ratio(c.tp + c.tn, c.tp + c.tn + c.fp + c.fn),
    precision,
    recall,
    f1: ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn),
    confusion: c,
  };
}

export function thresholdMetrics(labels: ArrayLike<number>, scores: ArrayLike<number>, threshold: number): ThresholdMetrics {
  return metricsFromConfusion(confusionAt(labels, scores, threshold));
}

/** Counts at each distinct score, highest first: predicting positive at score ≥ thresholds[k] gives tps[k], fps[k]. */
export interface RankedCounts {
  thresholds: Float64Array;
  tps: Float64Array;
  fps: Float64Array;
  positives: number;
  negatives: number;
}

export function rankedCounts(labels: ArrayLike<number>, scores: ArrayLike<number>): RankedCounts {
  const order = Array.from({ length: labels.length }, (_, i) => i).sort((a, b) => scores[b] - scores[a] || a - b);
  const thresholds: number[] = [];
  const tps: number[] = [];
  const fps: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (labels[i] === 1) tp++;
    else fp++;
    const next = order[k + 1];
    if (next === undefined || scores[next] !== scores[i]) {
      thresholds.push(scores[i]);
      tps.push(tp);
      fps.push(fp);
    }
  }
  return { thresholds: Float64Array.from(thresholds), tps: Float64Array.from(tps), fps: Float64Array.from(fps), positives: tp, negatives: fp };
}

/** Area under the ROC curve by the trapezoidal rule over tied groups (= scikit-learn's roc_auc_score); NaN with one class. */
export function rocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const { tps, fps, positives, negatives } = rankedCounts(labels, scores);
  if (positives === 0 || negatives === 0) return Number.NaN;
  let area = 0;
  let prevTp = 0;
  let prevFp = 0;
  for (let k = 0; k < tps.length; k++) {
    area += ((fps[k] - prevFp) * (tps[k] + prevTp)) / 2;
    prevTp = tps[k];
    prevFp = fps[k];
  }
  return area / (positives * negatives);
}

/** Average precision, scikit-learn's step definition: Σ (Rₖ − Rₖ₋₁) · Pₖ over distinct thresholds; NaN without positives. */
export function averagePrecision(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const { tps, fps, positives } = rankedCounts(labels, scores);
  if (positives === 0) return Number.NaN;
  let ap = 0;
  let prevRecall = 0;
  for (let k = 0; k < tps.length; k++) {
    const recall = tps[k] / positives;
    ap += (recall - prevRecall) * (tps[k] / (tps[k] + fps[k]));
    prevRecall = recall;
  }
  return ap;
}

export function mean(values: readonly number[]): number {
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : Number.NaN;
}

/** Population standard deviation (numpy's default, as in scikit-learn's cv_results_). */
export function std(values: readonly number[]): number {
  const m = mean(values);
  return Math.sqrt(mean(values.map((v) => (v - m) ** 2)));
}
