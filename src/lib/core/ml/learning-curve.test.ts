import { describe, expect, it } from 'vitest';
import { fixtureSet } from './fixture-sentences';
import { readCurve } from './learning-curve';
import { trainBaseline } from './train';
import type { LearningCurvePoint } from './types';

const point = (trainSize: number, validationAuc: number): LearningCurvePoint => ({ fraction: 0, trainSize, trainAuc: 1, validationAuc, validationAucStd: 0.02 });

describe('readCurve', () => {
  it('reads the gain of the last stretch per 100 labels', () => {
    const reading = readCurve([point(100, 0.6), point(300, 0.7), point(500, 0.76)]);
    expect(reading).toMatchObject({ fromLabels: 300, toLabels: 500, trend: 'rising' });
    expect(reading!.gain).toBeCloseTo(0.06);
    expect(reading!.gainPer100).toBeCloseTo(0.03);
  });

  it('calls a curve flat below +0.01 per 100 labels, and says nothing with one point', () => {
    expect(readCurve([point(400, 0.78), point(600, 0.785)])?.trend).toBe('flat');
    expect(readCurve([point(400, 0.78)])).toBeNull();
  });
});

describe('learning curve of a small labelled set', () => {
  it('leaves out fractions too small to hold 3 labels of each class, and keeps the full-size point', async () => {
    const { texts, labels } = fixtureSet();
    const model = await trainBaseline(texts, labels, { search: 'none', folds: 3, learningCurve: [0.05, 0.5, 1] });
    const curve = model.learningCurve!;
    const minority = Math.min(labels.filter((l) => l === 1).length, labels.filter((l) => l === 0).length);
    // 5 % of a fold's minority class (two thirds of it) is under 3 labels here: that point is not drawn.
    expect(Math.round(((minority * 2) / 3) * 0.05)).toBeLessThan(3);
    expect(curve.map((p) => p.fraction)).toEqual([0.5, 1]);
    expect(curve[1]!.trainSize).toBeGreaterThan(curve[0]!.trainSize);
    for (const p of curve) expect(p.validationAuc).toBeGreaterThan(0.5);
  });
});
