// The corpus scoring loop: each distinct sentence asked once, scores in order, writes in order, cancel between batches.
import { describe, expect, it } from 'vitest';
import { scoreBatch, scoreCorpus, type CorpusAnswer, type ScoredBatch } from './score-corpus';

const answer = (id: number, texts: string[]): CorpusAnswer => ({ id, texts, hashes: texts.map((t) => `h:${t.toLowerCase()}`) });
/** A model whose probability is the text's length / 100, recording what it was asked. */
function lengthModel() {
  const asked: string[][] = [];
  const score = async (texts: string[]) => {
    asked.push([...texts]);
    return Float64Array.from(texts, (t) => t.length / 100);
  };
  return { asked, score };
}
async function* batchesOf(groups: CorpusAnswer[][]): AsyncGenerator<CorpusAnswer[]> {
  for (const g of groups) yield g;
}

describe('scoreBatch', () => {
  it('asks the model once per distinct hash and gives every sentence its probability', async () => {
    const model = lengthModel();
    const cache = new Map<string, number>();
    const out = await scoreBatch([answer(1, ['Abc.', 'Dé.']), answer(2, ['ABC.', 'Xy z.'])], model.score, cache, 10);
    expect(model.asked).toEqual([['Abc.', 'Dé.', 'Xy z.']]);
    expect(out.sentences).toBe(4);
    expect(out.distinctScored).toBe(3);
    expect(Array.from(out.answers[1]!.probabilities)).toEqual([Math.fround(0.04), Math.fround(0.05)]);
    // Known hashes are not asked again in a later batch.
    const again = await scoreBatch([answer(3, ['abc.'])], model.score, cache, 10);
    expect(again.distinctScored).toBe(0);
    expect(model.asked).toHaveLength(1);
    expect(again.answers[0]!.probabilities[0]).toBeCloseTo(0.04, 6);
  });

  it('keeps the cache within its cap, the oldest entries going first', async () => {
    const cache = new Map<string, number>();
    await scoreBatch([answer(1, ['a', 'bb', 'ccc'])], lengthModel().score, cache, 2);
    expect([...cache.keys()]).toEqual(['h:bb', 'h:ccc']);
  });

  it('refuses a model that returns the wrong number of scores', async () => {
    await expect(scoreBatch([answer(1, ['a', 'b'])], async () => new Float64Array(1), new Map(), 10)).rejects.toThrow(/1 scores pour 2 phrases/);
  });
});

describe('scoreCorpus', () => {
  it('writes every batch in order with the cursor after its last answer', async () => {
    const model = lengthModel();
    const writes: ScoredBatch[] = [];
    const totals = await scoreCorpus({
      batches: batchesOf([[answer(1, ['Un.', 'Deux.'])], [answer(4, ['Un.']), answer(7, [])]]),
      score: model.score,
      write: async (b) => void writes.push(b),
    });
    expect(writes.map((w) => w.lastAnswerId)).toEqual([1, 7]);
    expect(writes[1]!.answers.map((a) => a.id)).toEqual([4, 7]);
    expect(writes[1]!.distinctScored).toBe(0);
    expect(totals).toEqual({ answers: 3, sentences: 3, distinctScored: 2 });
  });

  it('stops between batches when cancelled, after storing the batches already scored', async () => {
    const controller = new AbortController();
    const writes: number[] = [];
    const run = scoreCorpus({
      batches: batchesOf([[answer(1, ['a'])], [answer(2, ['b'])], [answer(3, ['c'])]]),
      score: lengthModel().score,
      signal: controller.signal,
      write: async (b) => {
        writes.push(b.lastAnswerId);
        controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(writes).toEqual([1]);
  });
});
