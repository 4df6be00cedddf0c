import { describe, expect, it } from 'vitest';
import { precisionRecallCurve, rocCurve } from './curves';
import { confusionAt } from './metrics';
import type { CvMetrics } from './model';
import { labelAt, metricsAtThreshold } from './threshold';

function cvOf(labels: number[], scores: number[]): CvMetrics {
  return {
    confusion: confusionAt(labels, scores, 0.5),
    roc: rocCurve(labels, scores),
    pr: precisionRecallCurve(labels, scores),
  } as CvMetrics;
}

describe('metricsAtThreshold', () => {
  it('matches the confusion matrix computed directly from the predictions, at every score', () => {
    const labels = [1, 0, 1, 1, 0, 0, 1, 0, 0, 0, 1, 0];
    const scores = [0.95, 0.9, 0.8, 0.7, 0.65, 0.6, 0.55, 0.4, 0.3, 0.3, 0.2, 0.1];
    const cv = cvOf(labels, scores);
    for (const threshold of [0.96, 0.95, 0.85, 0.7, 0.62, 0.55, 0.5, 0.3, 0.2, 0.15, 0.1, 0.05]) {
      expect(metricsAtThreshold(cv, threshold).confusion, `threshold ${threshold}`).toEqual(confusionAt(labels, scores, threshold));
    }
  });
});

describe('labelAt', () => {
  it('is dissident from the threshold up, as the confusion matrix counts it', () => {
    expect([0.49, 0.5, 0.51].map((p) => labelAt(p, 0.5))).toEqual([0, 1, 1]);
    expect(confusionAt([1, 0], [0.5, 0.49], 0.5)).toEqual({ tp: 1, fp: 0, tn: 1, fn: 0 });
  });
});
