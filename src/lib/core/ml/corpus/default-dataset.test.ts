import { describe, expect, it } from 'vitest';
import { asRemembered, defaultDataset, parseRemembered } from './default-dataset';

const demo = { id: 1, source: 'demo', createdAt: 500 };
const older = { id: 2, source: 'csv', createdAt: 100 };
const newer = { id: 3, source: 'csv', createdAt: 300 };

describe('defaultDataset', () => {
  it('opens on the newest import, not on a demo corpus seeded after it', () => {
    expect(defaultDataset([demo, newer, older], [])).toBe(3);
  });

  it('opens on the dataset scored last when that is more recent than any import', () => {
    expect(defaultDataset([demo, newer, older], [{ datasetId: 2, updatedAt: 400 }])).toBe(2);
    expect(defaultDataset([demo, newer, older], [{ datasetId: 1, updatedAt: 600 }])).toBe(1);
  });

  it('keeps the dataset last chosen on the screen until something newer happens elsewhere', () => {
    expect(defaultDataset([demo, newer, older], [], { id: 1, at: 350 })).toBe(1);
    // A file imported after the choice is what the user expects to see next.
    expect(defaultDataset([demo, newer, older, { id: 4, source: 'csv', createdAt: 700 }], [], { id: 1, at: 350 })).toBe(4);
  });

  it('ignores a remembered or scored dataset that no longer exists', () => {
    expect(defaultDataset([demo, older], [{ datasetId: 9, updatedAt: 900 }], { id: 3, at: 900 })).toBe(2);
  });

  it('falls back to the first of the list when only the demo corpus is there, and to nothing on an empty list', () => {
    expect(defaultDataset([demo, { id: 5, source: 'demo', createdAt: 800 }], [])).toBe(1);
    expect(defaultDataset([], [])).toBeUndefined();
  });
});

describe('parseRemembered', () => {
  it('reads a stored choice and treats anything else as none', () => {
    expect(parseRemembered('{"id":3,"at":12}')).toEqual({ id: 3, at: 12 });
    expect(parseRemembered(null)).toBeUndefined();
    expect(parseRemembered('{oops')).toBeUndefined();
    expect(parseRemembered('{"id":"3","at":12}')).toBeUndefined();
  });
});

describe('asRemembered', () => {
  it('reads a choice stored with its time, and nothing else', () => {
    expect(asRemembered({ id: 3, at: 12 })).toEqual({ id: 3, at: 12 });
    expect(asRemembered({ id: '3', at: 12 })).toBeUndefined();
    expect(asRemembered(null)).toBeUndefined();
    expect(asRemembered('3')).toBeUndefined();
  });

  it('dates a bare id (Annoter before it kept the time) at the time given, and ignores it without one', () => {
    expect(asRemembered(4, 900)).toEqual({ id: 4, at: 900 });
    expect(asRemembered(4)).toBeUndefined();
    expect(asRemembered(Number.NaN, 900)).toBeUndefined();
  });
});

describe('Annoter opening on the dataset last used (no scoring runs)', () => {
  it('opens on the import rather than the demo corpus seeded on first visit, then keeps a choice until a newer import', () => {
    const imported = { id: 2, source: 'csv', createdAt: 100 };
    // First visit: no choice yet, the demo corpus is seeded after the import.
    expect(defaultDataset([demo, imported], [])).toBe(2);
    // The demo corpus chosen in Annoter after that import.
    expect(defaultDataset([demo, imported], [], { id: 1, at: 600 })).toBe(1);
    // An older choice (stored as a bare id, dated at its first reading) still wins over the imports before it.
    expect(defaultDataset([demo, imported], [], asRemembered(1, 600))).toBe(1);
    expect(defaultDataset([demo, imported, { id: 4, source: 'annotations', createdAt: 700 }], [], { id: 1, at: 600 })).toBe(4);
  });
});
