import { describe, expect, it } from 'vitest';
import { admitRows, keepUnchanged } from './row-batches';

interface Row {
  id: number;
  p: number;
}
const key = (r: Row) => r.id;
const same = (a: Row, b: Row) => a.p === b.p;

describe('keepUnchanged', () => {
  it('keeps the previous object of a row that did not change, and takes the new one of a row that did', () => {
    const a = { id: 1, p: 0.9 };
    const b = { id: 2, p: 0.8 };
    const next = keepUnchanged([a, b], [{ id: 3, p: 0.95 }, { id: 1, p: 0.9 }, { id: 2, p: 0.7 }], key, same);
    expect(next.map((r) => r.id)).toEqual([3, 1, 2]);
    expect(next[1]).toBe(a);
    expect(next[2]).not.toBe(b);
    expect(next[2]!.p).toBe(0.7);
  });
});

describe('admitRows', () => {
  const target = Array.from({ length: 50 }, (_, i) => ({ id: i, p: 1 - i / 100 }));

  it('adds new rows a budget at a time, in the target order, until none is pending', () => {
    let shown: Row[] = [];
    const steps: number[] = [];
    for (;;) {
      const { rows, pending } = admitRows(shown, target, key, 12);
      expect(rows.map((r) => r.id)).toEqual(target.filter((r) => rows.includes(r)).map((r) => r.id));
      steps.push(rows.length - shown.length);
      shown = rows;
      if (pending === 0) break;
    }
    expect(steps).toEqual([12, 12, 12, 12, 2]);
    expect(shown).toEqual(target);
  });

  it('keeps every row already shown and drops at once those the target no longer holds', () => {
    const shown = target.slice(0, 30);
    const next = [...target.slice(10, 40), { id: 99, p: 0.99 }];
    const { rows, pending } = admitRows(shown, next, key, 5);
    // 20 kept (10..29), 5 of the 11 new ones admitted, 6 pending; 0..9 gone.
    expect(rows.map((r) => r.id)).toEqual([...Array.from({ length: 25 }, (_, i) => 10 + i)]);
    expect(pending).toBe(6);
  });
});
