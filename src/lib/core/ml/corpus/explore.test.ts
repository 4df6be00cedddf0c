// The explorer's pure part: flattening, filters, order, histogram, shares.
import { describe, expect, it } from 'vitest';
import { agreementWith, dissidentShare, flattenScores, HISTOGRAM_BINS, select, type ExploreFilters } from './explore';

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
