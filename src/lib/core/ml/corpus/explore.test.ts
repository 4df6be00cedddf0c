// The explorer's pure part: flattening, filters, order, histogram, shares.
import { describe, expect, it } from 'vitest';
import { agreementWith, appendScores, dissidentShare, flattenScores, HISTOGRAM_BINS, select, type ExploreFilters } from './explore';

const idOf = (answerId: number, position: number) => answerId * 100 + position;
const index = flattenScores(
  [
    { answerId: 2, probabilities: Float32Array.of(0.92, 0.1) },
    { answerId: 1, probabilities: Float32Array.of(0.55, 0.3, 0.99) },
  ],
  idOf,
);
const all: ExploreFilters = { threshold: 0.5, label: '', agreement: '', order: 'desc' };
const ids = (positions: Uint32Array) => Array.from(positions, (k) => index.sentenceIds[k]);

describe('explorer selection', () => {
  it('flattens answers in id order', () => {
    expect(Array.from(index.sentenceIds)).toEqual([100, 101, 102, 200, 201]);
    expect(Array.from(index.answerIds)).toEqual([1, 1, 1, 2, 2]);
  });

  it('orders by probability, either way', () => {
    expect(ids(select(index, all, () => undefined).positions)).toEqual([102, 200, 100, 101, 201]);
    expect(ids(select(index, { ...all, order: 'asc' }, () => undefined).positions)).toEqual([201, 101, 100, 200, 102]);
  });

  it('filters by the predicted label at the threshold, and counts the histogram before that filter', () => {
    const chosen = select(index, { ...all, threshold: 0.6, label: 'dissident' }, () => undefined);
    expect(ids(chosen.positions)).toEqual([102, 200]);
    expect(chosen.considered).toBe(5);
    expect(chosen.dissident).toBe(2);
    expect(chosen.histogram).toHaveLength(HISTOGRAM_BINS);
    expect(chosen.histogram.reduce((a, b) => a + b, 0)).toBe(5);
    expect(chosen.histogram[19]).toBe(1);
    expect(chosen.histogram[18]).toBe(1);
    expect(chosen.histogram[11]).toBe(1);
  });

  it('filters by agreement with the human label, and by a text match', () => {
    const human = new Map<number, string>([
      [100, 'non dissident'],
      [102, 'dissident'],
      [201, 'inclassable'],
    ]);
    const disagree = select(index, { ...all, agreement: 'disagree' }, (id) => human.get(id));
    expect(ids(disagree.positions)).toEqual([100]);
    expect(ids(select(index, { ...all, agreement: 'agree' }, (id) => human.get(id)).positions)).toEqual([102]);
    expect(ids(select(index, { ...all, agreement: 'none' }, (id) => human.get(id)).positions)).toEqual([200, 101, 201]);
    const matching = select(index, all, () => undefined, (k) => index.answerIds[k] === 2);
    expect(ids(matching.positions)).toEqual([200, 201]);
    expect(matching.considered).toBe(2);
  });

  it('reads agreement and shares plainly', () => {
    expect(agreementWith(undefined, 'dissident')).toBe('none');
    expect(agreementWith('inclassable', 'dissident')).toBe('none');
    expect(agreementWith('dissident', 'non dissident')).toBe('disagree');
    expect(dissidentShare([0.9, 0.2, 0.5, 0.1], 0.5)).toBe(0.5);
    expect(dissidentShare([], 0.5)).toBe(0);
  });
});

describe('explorer index kept up to date and ordered on a large corpus', () => {
  // A seeded generator: the same rows on every run.
  const random = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const rows = (from: number, count: number, next: () => number) =>
    Array.from({ length: count }, (_, i) => ({ answerId: from + i, probabilities: Float32Array.from({ length: 1 + Math.floor(next() * 6) }, () => (next() < 0.2 ? 0.5 : Math.round(next() * 1000) / 1000)) }));

  it('appending later answers gives the index that flattening every row gives', () => {
    const next = random(7);
    const first = rows(1, 40, next);
    const later = rows(41, 25, next);
    const grown = appendScores(flattenScores(first, idOf), [...later].reverse(), idOf);
    const whole = flattenScores([...first, ...later], idOf);
    expect(Array.from(grown.sentenceIds)).toEqual(Array.from(whole.sentenceIds));
    expect(Array.from(grown.answerIds)).toEqual(Array.from(whole.answerIds));
    expect(Array.from(grown.probabilities)).toEqual(Array.from(whole.probabilities));
  });

  it('orders as a comparator on the probability then the sentence id would, ties and both ends included', () => {
    const next = random(11);
    const big = flattenScores([...rows(1, 3000, next), { answerId: 5000, probabilities: Float32Array.of(0, 1, 1, 0) }], idOf);
    for (const order of ['desc', 'asc'] as const) {
      const sign = order === 'asc' ? 1 : -1;
      const expected = Array.from(big.probabilities.keys()).sort((a, b) => sign * (big.probabilities[a]! - big.probabilities[b]!) || big.sentenceIds[a]! - big.sentenceIds[b]!);
      expect(Array.from(select(big, { ...all, order }, () => undefined).positions)).toEqual(expected);
    }
  });
});
