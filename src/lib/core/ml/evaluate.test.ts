import { describe, expect, it } from 'vitest';
import { evaluateScores } from './evaluate';

describe('evaluateScores', () => {
  it('gives counts, ranking metrics and the confusion at the threshold', () => {
    const labels: (0 | 1)[] = [1, 1, 0, 0, 1, 0];
    const scores = [0.9, 0.6, 0.7, 0.2, 0.4, 0.1];
    const e = evaluateScores(labels, scores, 0.5);
    expect(e).toMatchObject({ n: 6, positives: 3, confusion: { tp: 2, fp: 1, tn: 2, fn: 1 } });
    // Pairs (positive, negative) ranked right: 0.9 beats all 3 negatives, 0.6 and 0.4 beat 2 each: 7 of 9.
    expect(e.auc).toBeCloseTo(7 / 9, 10);
    expect(e.precision).toBeCloseTo(2 / 3, 10);
    expect(e.recall).toBeCloseTo(2 / 3, 10);
    expect(e.accuracy).toBeCloseTo(4 / 6, 10);
  });
});
