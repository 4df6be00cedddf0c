// Tests: Stratified folds, resampling and the seeded generator.
import { describe, expect, it } from 'vitest';
import { rebalance, stratifiedKFold, stratifiedSubset } from './folds';
import { deriveSeed, mulberry32, shuffleInPlace } from '../random';

const labels = Array.from({ length: 103 }, (_, i) => (i % 4 === 0 ? 1 : 0)); // 26 positives, 77 negatives

describe('stratified k-fold', () => {
  const folds = stratifiedKFold(labels, 5, 1);

  it('partitions the indices: every index in exactly one test fold, train = the rest', () => {
    const seen = new Array<number>(labels.length).fill(0);
    for (const fold of folds) {
      fold.test.forEach((i) => seen[i]++);
      expect(fold.train.length + fold.test.length).toBe(labels.length);
      const test = new Set(fold.test);
      expect(Array.from(fold.train).some((i) => test.has(i))).toBe(false);
    }
    expect(seen.every((c) => c === 1)).toBe(true);
  });

  it('keeps the class ratio in every fold (counts within one of each other)', () => {
    const positives = folds.map((f) => Array.from(f.test).filter((i) => labels[i] === 1).length);
    const negatives = folds.map((f) => Array.from(f.test).filter((i) => labels[i] === 0).length);
    expect(Math.max(...positives) - Math.min(...positives)).toBeLessThanOrEqual(1);
    expect(Math.max(...negatives) - Math.min(...negatives)).toBeLessThanOrEqual(1);
  });

  it('is reproducible for a seed and changes with it', () => {
    expect(stratifiedKFold(labels, 5, 1)).toEqual(folds);
    expect(stratifiedKFold(labels, 5, 2)[0].test).not.toEqual(folds[0].test);
  });

  it('refuses more folds than the smallest class has members, in French', () => {
    expect(() => stratifiedKFold([1, 0, 0, 0], 2, 1)).toThrow(/plus petite classe/);
  });
});

describe('resampling and subsets', () => {
  const rows = Int32Array.from(labels.keys());

  it('undersampling keeps all minority rows and as many distinct majority rows', () => {
    const out = Array.from(rebalance(rows, labels, 'undersample', 3));
    expect(out.filter((i) => labels[i] === 1)).toHaveLength(26);
    expect(new Set(out.filter((i) => labels[i] === 0)).size).toBe(26);
  });

  it('oversampling repeats minority rows up to the majority count', () => {
    const out = Array.from(rebalance(rows, labels, 'oversample', 3));
    expect(out.filter((i) => labels[i] === 1)).toHaveLength(77);
    expect(out.filter((i) => labels[i] === 0)).toHaveLength(77);
    expect(rebalance(rows, labels, 'oversample', 3)).toEqual(rebalance(rows, labels, 'oversample', 3));
  });

  it('class weighting keeps the rows as they are', () => {
    expect(rebalance(rows, labels, 'class-weight', 3)).toEqual(rows);
  });

  it('a stratified subset keeps both classes in proportion', () => {
    const subset = Array.from(stratifiedSubset(rows, labels, 0.5, 4));
    expect(subset.filter((i) => labels[i] === 1)).toHaveLength(13);
    expect(subset.filter((i) => labels[i] === 0)).toHaveLength(39);
  });
});

describe('seeded random numbers', () => {
  it('mulberry32 is reproducible and in [0, 1)', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const draws = Array.from({ length: 1000 }, () => a());
    expect(draws).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Math.abs(draws.reduce((s, x) => s + x, 0) / 1000 - 0.5)).toBeLessThan(0.05);
  });

  it('shuffles in place, as a permutation', () => {
    const values = shuffleInPlace([1, 2, 3, 4, 5, 6], mulberry32(1));
    expect([...values].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(deriveSeed(1, 2)).not.toBe(deriveSeed(1, 3));
  });
});
