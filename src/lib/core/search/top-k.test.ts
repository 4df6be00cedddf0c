import { describe, expect, it } from 'vitest';
import { TopK } from './top-k';

describe('TopK', () => {
  it('keeps the k best, equal scores by item, whatever the order items come in', () => {
    const items = [5, 1, 9, 3, 7, 2, 8].map((doc) => ({ doc, score: doc % 3 }));
    const forward = new TopK(3);
    const backward = new TopK(3);
    for (const { doc, score } of items) forward.push(doc, score);
    for (const { doc, score } of [...items].reverse()) backward.push(doc, score);
    expect(forward.result()).toEqual([{ doc: 2, score: 2 }, { doc: 5, score: 2 }, { doc: 8, score: 2 }]);
    expect(backward.result()).toEqual(forward.result());
    const lowest = new TopK(2, false);
    for (const { doc, score } of [...items].reverse()) lowest.push(doc, score);
    expect(lowest.result()).toEqual([{ doc: 3, score: 0 }, { doc: 9, score: 0 }]);
  });
});
