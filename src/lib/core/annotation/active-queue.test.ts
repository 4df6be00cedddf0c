import { describe, expect, it } from 'vitest';
import { activeOrder, jaccard, spliceQueue, wordSet } from './active-queue';

describe('activeOrder', () => {
  it('puts the probabilities closest to the threshold first (ties by id)', () => {
    const order = activeOrder(
      [
        { id: 1, probability: 0.95, text: 'un' },
        { id: 2, probability: 0.52, text: 'deux' },
        { id: 3, probability: 0.1, text: 'trois' },
        { id: 4, probability: 0.45, text: 'quatre' },
        { id: 5, probability: 0.48, text: 'cinq' },
      ],
      { threshold: 0.5 },
    );
    expect(order).toEqual([2, 5, 4, 3, 1]);
  });

  it('centres on the given threshold', () => {
    const order = activeOrder(
      [
        { id: 1, probability: 0.5, text: 'un' },
        { id: 2, probability: 0.3, text: 'deux' },
      ],
      { threshold: 0.3 },
    );
    expect(order).toEqual([2, 1]);
  });

  it('sends copies (same hash) and near-identical sentences to the back, keeping every id', () => {
    const base = 'Les impôts augmentent sans cesse et les services publics disparaissent de nos campagnes';
    const sentences = [
      ...Array.from({ length: 20 }, (_, i) => ({ id: i + 1, probability: 0.5, text: base, hash: 'h-copy' })),
      { id: 30, probability: 0.49, text: `${base} !`, hash: 'h-near' },
      { id: 31, probability: 0.48, text: 'La mairie a bien rénové l’école du village', hash: 'h-other' },
      { id: 32, probability: 0.2, text: 'Je ne sais pas', hash: 'h-far' },
    ];
    const order = activeOrder(sentences, { threshold: 0.5 });
    expect(order.slice(0, 3)).toEqual([1, 31, 32]);
    expect(new Set(order.slice(3))).toEqual(new Set([...Array.from({ length: 19 }, (_, i) => i + 2), 30]));
    expect(order).toHaveLength(sentences.length);
  });

  it('keeps sentences that only share some words', () => {
    const order = activeOrder(
      [
        { id: 1, probability: 0.5, text: 'Les services publics ferment dans les villages' },
        { id: 2, probability: 0.5, text: 'Les services publics sont trop loin des villages de montagne et des bourgs' },
      ],
      { threshold: 0.5 },
    );
    expect(order).toEqual([1, 2]);
  });
});

describe('near-identical words', () => {
  it('folds case and accents and ignores punctuation', () => {
    expect(wordSet('L’État, ÉTAT ! état')).toEqual(new Set(['l', 'etat']));
    expect(jaccard(wordSet('a b c d'), wordSet('a b c e'))).toBeCloseTo(3 / 5);
  });
});

describe('spliceQueue', () => {
  it('keeps everything up to the current sentence and puts the new order after it', () => {
    expect(spliceQueue([10, 11, 12, 13, 14], 2, [14, 13, 11, 15])).toEqual([10, 11, 12, 14, 13, 15]);
  });

  it('keeps a finished queue whole', () => {
    expect(spliceQueue([1, 2], 2, [3])).toEqual([1, 2, 3]);
  });
});
