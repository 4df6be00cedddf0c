import { describe, expect, it } from 'vitest';
import { fixtureSet } from './fixture-sentences';
import { predictProba } from './predict';
import { fitBaselineOnce, SINGLE_FIT_PARAMS } from './single-fit';
import { trainBaseline } from './train';

const { texts, labels } = fixtureSet();

describe('fitBaselineOnce', () => {
  it('gives the weights of the full training’s refit with the same hyperparameters', async () => {
    const once = fitBaselineOnce(texts, labels, { params: SINGLE_FIT_PARAMS });
    const full = await trainBaseline(texts, labels, { search: 'none', params: SINGLE_FIT_PARAMS, learningCurve: null });
    expect(once.blocks.map((b) => b.vocabulary)).toEqual(full.blocks.map((b) => b.vocabulary));
    expect(once.intercept).toBeCloseTo(full.intercept, 5);
    const a = predictProba(once, texts);
    const b = predictProba(full, texts);
    a.forEach((p, i) => expect(p).toBeCloseTo(b[i]!, 4));
    expect(once.trainedOn).toEqual(full.trainedOn);
  });

  it('refuses a single class with a French message', () => {
    expect(() => fitBaselineOnce(['a', 'b'], [1, 1])).toThrow(/dissidentes et non dissidentes/);
  });
});
