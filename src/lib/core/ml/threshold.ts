// Thresholding: the label a probability gets, and cross-validated precision, recall and F1 at any threshold, read
// off the stored precision-recall and ROC points.
import { metricsFromConfusion, type ThresholdMetrics } from './metrics';
import type { CvMetrics } from './types';

/** 1 (dissident) where the probability reaches the threshold: the one rule the CLI, the workers and the screens use. */
export function labelAt(probability: number, threshold: number): 0 | 1 {
  return probability >= threshold ? 1 : 0;
}

/**
 * The PR curve holds a point at every distinct score down to full recall, so above that score the
 * counts are exact. Below it recall is 1 and only the false positives grow; the ROC curve (whose
 * collinear points are dropped) gives them at its corners, the nearest corner at or above the threshold.
 */
export function metricsAtThreshold(cv: CvMetrics, threshold: number): ThresholdMetrics {
  const positives = cv.confusion.tp + cv.confusion.fn;
  const negatives = cv.confusion.fp + cv.confusion.tn;
  let tp = 0;
  let fp = 0;
  const lastPr = cv.pr[cv.pr.length - 1];
  if (lastPr?.threshold != null && threshold > lastPr.threshold) {
    for (const p of cv.pr) {
      if (p.threshold !== null && p.threshold < threshold) break;
      tp = Math.round(p.recall * positives);
      fp = p.precision > 0 ? Math.round(tp / p.precision) - tp : 0;
    }
  } else {
    tp = positives;
    for (const p of cv.roc) {
      if (p.threshold !== null && p.threshold < threshold) break;
      fp = Math.round(p.fpr * negatives);
    }
  }
  return metricsFromConfusion({ tp, fp, fn: positives - tp, tn: negatives - fp });
}
