import { describe, expect, it } from 'vitest';
import { fixtureSet } from '../../src/lib/core/ml/fixture-sentences';
import { rank } from '../../src/workers/active-handlers';

const { texts, labels } = fixtureSet();

describe('active/rank handler', () => {
  it('retrains, scores the pool and puts the least certain sentences first', async () => {
    const pool = texts.map((text, i) => ({ id: 1000 + i, text }));
    const result = await rank({ texts, labels, pool }, { signal: new AbortController().signal });
    expect(result.ids).toEqual(pool.map((s) => s.id));
    expect(new Set(result.order)).toEqual(new Set(result.ids));
    const distance = (id: number) => Math.abs(result.probabilities[result.ids.indexOf(id)]! - 0.5);
    expect(distance(result.order[0]!)).toBeLessThanOrEqual(distance(result.order[result.order.length - 1]!));
    expect(result.trainedOn.n).toBe(texts.length);
  });

  it('stops when its request is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(rank({ texts, labels, pool: [] }, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
