// Tests: LIME recovers a known additive model, is reproducible per seed, batches and cancels; masks and kernel.
import { describe, expect, it } from 'vitest';
import { drawMasks, kernelWeight, limeExplain, type ProbabilityFunction } from './lime';
import { maskWords, layoutWords } from './words';

const SENTENCE = 'Franchement cette administration est nulle et je dis merci quand même';
/** A model whose probability is additive in two words: LIME's linear surrogate should find exactly them. */
const additive: ProbabilityFunction = (texts) => texts.map((t) => 0.2 + (/\bnulle\b/.test(t) ? 0.5 : 0) - (/\bmerci\b/.test(t) ? 0.15 : 0));

describe('limeExplain', () => {
  it('recovers the words of an additive model and their effects, and nothing else', async () => {
    const e = await limeExplain(SENTENCE, additive, { seed: 1 });
    const weight = (word: string) => e.words.find((w) => w.word === word)?.weight ?? NaN;
    expect(weight('nulle')).toBeCloseTo(0.5, 1);
    expect(weight('merci')).toBeCloseTo(-0.15, 1);
    for (const w of e.words.filter((x) => x.word !== 'nulle' && x.word !== 'merci')) expect(Math.abs(w.weight)).toBeLessThan(0.03);
    expect(e.probability).toBeCloseTo(0.55, 12);
    expect(e.score).toBeGreaterThan(0.95);
    expect(e.localPrediction).toBeCloseTo(0.55, 1);
    expect(e.words.map((w) => SENTENCE.slice(w.start, w.end))).toEqual(SENTENCE.split(' '));
  });

  it('is reproducible for a seed and differs for another', async () => {
    const a = await limeExplain(SENTENCE, additive, { seed: 5, samples: 60 });
    const b = await limeExplain(SENTENCE, additive, { seed: 5, samples: 60 });
    const c = await limeExplain(SENTENCE, additive, { seed: 6, samples: 60 });
    expect(b.words).toEqual(a.words);
    expect(c.words.map((w) => w.weight)).not.toEqual(a.words.map((w) => w.weight));
  });

  it('asks the model for exactly the samples, in batches, the sentence itself first', async () => {
    const calls: string[][] = [];
    const e = await limeExplain(SENTENCE, (texts) => (calls.push(texts), additive(texts)), { samples: 250, batchSize: 100, seed: 2 });
    expect(calls.map((c) => c.length)).toEqual([100, 100, 50]);
    expect(calls[0][0]).toBe(SENTENCE);
    expect(e.samples).toBe(250);
    expect(new Set(calls.flat()).size).toBeGreaterThan(100);
  });

  it('stops between batches when its signal is aborted, with an AbortError', async () => {
    const controller = new AbortController();
    let calls = 0;
    const slow: ProbabilityFunction = async (texts) => {
      calls++;
      controller.abort();
      return additive(texts);
    };
    await expect(limeExplain(SENTENCE, slow, { signal: controller.signal, batchSize: 50 })).rejects.toMatchObject({ name: 'AbortError' });
    expect(calls).toBe(1);
  });

  it('explains a text without words with no weights', async () => {
    const e = await limeExplain('   ', () => [0.3]);
    expect(e).toMatchObject({ probability: 0.3, words: [] });
  });
});

describe('LIME pieces', () => {
  it('draws masks that keep everything first, then remove between 1 and d−1 words', () => {
    const d = 7;
    const masks = drawMasks(d, 300, 9);
    expect(Array.from(masks.subarray(0, d))).toEqual(Array(d).fill(1));
    const removed = new Set<number>();
    for (let s = 1; s < 300; s++) {
      const kept = masks.subarray(s * d, (s + 1) * d).reduce((a, b) => a + b, 0);
      expect(kept).toBeGreaterThanOrEqual(1);
      expect(kept).toBeLessThanOrEqual(d - 1);
      removed.add(d - kept);
    }
    expect([...removed].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('weighs a sample by the exponential kernel on its cosine distance ×100', () => {
    expect(kernelWeight(4, 4, 25)).toBe(1);
    const distance = 100 * (1 - Math.sqrt(1 / 4));
    expect(kernelWeight(1, 4, 25)).toBeCloseTo(Math.sqrt(Math.exp(-(distance ** 2) / 625)), 12);
  });

  it('removes masked words with their punctuation and keeps the rest as written', () => {
    const layout = layoutWords('Organisation nulle. Je  suggère !', false);
    expect(maskWords(layout.text, layout.words, [1, 0, 1, 1, 1])).toBe('Organisation  Je  suggère !');
    expect(maskWords(layout.text, layout.words, [0, 1, 1, 0, 0])).toBe(' nulle. Je   ');
  });
});
