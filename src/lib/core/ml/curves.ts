// Curves for the model report: ROC and precision–recall points, calibration bins, and the F1-maximising threshold.
import { rankedCounts } from './metrics';

/** threshold null marks the curve's starting point (nothing predicted positive). */
export interface RocPoint {
  threshold: number | null;
  fpr: number;
  tpr: number;
}

export interface PrPoint {
  threshold: number | null;
  precision: number;
  recall: number;
}

export interface CalibrationBin {
  from: number;
  to: number;
  meanPredicted: number;
  fractionPositive: number;
  count: number;
}

/** ROC points at each distinct score, collinear intermediate points dropped (scikit-learn's drop_intermediate). */
export function rocCurve(labels: ArrayLike<number>, scores: ArrayLike<number>): RocPoint[] {
  const { thresholds, tps, fps, positives, negatives } = rankedCounts(labels, scores);
  const tp = [0, ...tps];
  const fp = [0, ...fps];
  const points: RocPoint[] = [];
  for (let k = 0; k < tp.length; k++) {
    const corner =
      k === 0 || k === tp.length - 1 || fp[k + 1] - 2 * fp[k] + fp[k - 1] !== 0 || tp[k + 1] - 2 * tp[k] + tp[k - 1] !== 0;
    if (!corner) continue;
    points.push({
      threshold: k === 0 ? null : thresholds[k - 1],
      fpr: negatives > 0 ? fp[k] / negatives : 0,
      tpr: positives > 0 ? tp[k] / positives : 0,
    });
  }
  return points;
}

/** Precision and recall at each distinct score, from the start (precision 1, recall 0) until full recall. */
export function precisionRecallCurve(labels: ArrayLike<number>, scores: ArrayLike<number>): PrPoint[] {
  const { thresholds, tps, fps, positives } = rankedCounts(labels, scores);
  const points: PrPoint[] = [{ threshold: null, precision: 1, recall: 0 }];
  for (let k = 0; k < tps.length; k++) {
    points.push({ threshold: thresholds[k], precision: tps[k] / (tps[k] + fps[k]), recall: positives > 0 ? tps[k] / positives : 0 });
    if (tps[k] === positives) break;
  }
  return points;
}

/** Reliability diagram: probabilities in `bins` equal-width bins over [0, 1]; empty bins left out. */
export function calibrationCurve(labels: ArrayLike<number>, probabilities: ArrayLike<number>, bins = 10): CalibrationBin[] {
  const sum = new Float64Array(bins);
  const hits = new Float64Array(bins);
  const count = new Float64Array(bins);
  for (let i = 0; i < labels.length; i++) {
    const b = Math.min(bins - 1, Math.max(0, Math.floor(probabilities[i] * bins)));
    sum[b] += probabilities[i];
    hits[b] += labels[i] === 1 ? 1 : 0;
    count[b]++;
  }
  const out: CalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    if (count[b] === 0) continue;
    out.push({ from: b / bins, to: (b + 1) / bins, meanPredicted: sum[b] / count[b], fractionPositive: hits[b] / count[b], count: count[b] });
  }
  return out;
}

/**
 * The threshold maximising F1 when predicting positive at score ≥ threshold: halfway between the best distinct score
 * and the next lower one, so it generalises to new scores; the highest threshold wins ties.
 */
export function bestF1Threshold(labels: ArrayLike<number>, scores: ArrayLike<number>): { threshold: number; f1: number } {
  const { thresholds, tps, fps, positives } = rankedCounts(labels, scores);
  let best = -1;
  let bestF1 = -1;
  for (let k = 0; k < tps.length; k++) {
    const f1 = (2 * tps[k]) / (tps[k] + fps[k] + positives);
    if (f1 > bestF1) {
      bestF1 = f1;
      best = k;
    }
  }
  if (best < 0) return { threshold: 0.5, f1: 0 };
  const next = thresholds[best + 1];
  return { threshold: next === undefined ? thresholds[best] : (thresholds[best] + next) / 2, f1: bestF1 };
}
