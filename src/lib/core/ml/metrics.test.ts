// Tests: Metrics and curves against hand-computed (scikit-learn definition) values.
import { describe, expect, it } from 'vitest';
import { bestF1Threshold, calibrationCurve, precisionRecallCurve, rocCurve } from './curves';
import { averagePrecision, confusionAt, rocAuc, std, thresholdMetrics } from './metrics';

// scikit-learn's documentation example: roc_auc_score → 0.75, average_precision_score → 0.8333.
const y = [0, 0, 1, 1];
const s = [0.1, 0.4, 0.35, 0.8];

describe('ranking metrics', () => {
  it('ROC AUC and average precision on the scikit-learn example', () => {
    expect(rocAuc(y, s)).toBeCloseTo(0.75, 12);
    expect(averagePrecision(y, s)).toBeCloseTo(0.8333333333333333, 12);
  });

  it('ties count one half in the AUC and form one step in the average precision', () => {
    // Positives {0.9, 0.5, 0.1} vs negatives {0.9, 0.5}: (0.5 + 1 + 0 + 0.5 + 0 + 0) / 6.
    const tiedY = [1, 0, 1, 0, 1];
    const tiedS = [0.9, 0.9, 0.5, 0.5, 0.1];
    expect(rocAuc(tiedY, tiedS)).toBeCloseTo(2 / 6, 12);
    // Steps at 0.9 (P 1/2, R 1/3), 0.5 (P 2/4, R 2/3), 0.1 (P 3/5, R 1).
    expect(averagePrecision(tiedY, tiedS)).toBeCloseTo((0.5 + 0.5 + 0.6) / 3, 12);
    expect(rocAuc([0, 1, 0, 1], [0.5, 0.5, 0.2, 0.9])).toBeCloseTo(0.875, 12);
  });

  it('is NaN without both classes', () => {
    expect(rocAuc([1, 1], [0.2, 0.3])).toBeNaN();
    expect(averagePrecision([0, 0], [0.2, 0.3])).toBeNaN();
  });
});

describe('threshold metrics', () => {
  it('confusion, precision, recall, F1 and accuracy at a threshold (score ≥ threshold is positive)', () => {
    expect(confusionAt(y, s, 0.4)).toEqual({ tp: 1, fp: 1, tn: 1, fn: 1 });
    const m = thresholdMetrics(y, s, 0.5);
    expect(m.confusion).toEqual({ tp: 1, fp: 0, tn: 2, fn: 1 });
    expect(m.precision).toBe(1);
    expect(m.recall).toBe(0.5);
    expect(m.f1).toBeCloseTo(2 / 3, 12);
    expect(m.accuracy).toBe(0.75);
  });

  it('zero denominators give 0, as scikit-learn’s zero_division=0', () => {
    const m = thresholdMetrics(y, s, 0.99);
    expect([m.precision, m.recall, m.f1]).toEqual([0, 0, 0]);
  });

  it('population standard deviation', () => {
    expect(std([1, 3])).toBe(1);
  });
});

describe('curves', () => {
  it('ROC points as scikit-learn’s roc_curve', () => {
    const points = rocCurve(y, s);
    expect(points.map((p) => [p.fpr, p.tpr])).toEqual([[0, 0], [0, 0.5], [0.5, 0.5], [0.5, 1], [1, 1]]);
    expect(points.map((p) => p.threshold)).toEqual([null, 0.8, 0.4, 0.35, 0.1]);
  });

  it('drops collinear intermediate ROC points', () => {
    expect(rocCurve([1, 1, 1, 0], [0.9, 0.8, 0.7, 0.1]).map((p) => [p.fpr, p.tpr])).toEqual([[0, 0], [0, 1], [1, 1]]);
  });

  it('precision–recall points until full recall', () => {
    const points = precisionRecallCurve(y, s);
    expect(points.map((p) => [p.precision, p.recall])).toEqual([[1, 0], [1, 0.5], [0.5, 0.5], [2 / 3, 1]]);
  });

  it('best-F1 threshold lies halfway to the next lower score', () => {
    const best = bestF1Threshold(y, s);
    expect(best.f1).toBeCloseTo(0.8, 12); // at score ≥ 0.35: tp 2, fp 1, fn 0
    expect(best.threshold).toBeCloseTo(0.225, 12);
    expect(thresholdMetrics(y, s, best.threshold).f1).toBeCloseTo(0.8, 12);
  });

  it('calibration bins: mean probability and observed frequency, empty bins left out', () => {
    expect(calibrationCurve([0, 0, 1, 1], [0.05, 0.15, 0.12, 0.95], 10)).toEqual([
      { from: 0, to: 0.1, meanPredicted: 0.05, fractionPositive: 0, count: 1 },
      { from: 0.1, to: 0.2, meanPredicted: expect.closeTo(0.135, 12), fractionPositive: 0.5, count: 2 },
      { from: 0.9, to: 1, meanPredicted: 0.95, fractionPositive: 1, count: 1 },
    ]);
  });
});
