import { describe, expect, it } from 'vitest';
import { APP_LABEL_MAPPING, isTrainable, toLabelledSet } from './labelled-set';

describe('toLabelledSet', () => {
  it('maps the positive value to 1 and other kept values to 0, dropping excluded and empty rows, in order', () => {
    const rows = [
      { text: 'a', label: 'oui' },
      { text: 'b', label: 'non' },
      { text: 'c', label: 'peut-être' },
      { text: '', label: 'oui' },
      { text: 'd', label: '' },
      { text: 'e', label: 'autre' },
    ];
    expect(toLabelledSet(rows, { positive: 'oui', exclude: ['peut-être'] })).toEqual({ texts: ['a', 'b', 'e'], labels: [1, 0, 0], excluded: 1, empty: 2 });
  });

  it('uses the app’s labels: dissident is 1, inclassable is left out', () => {
    const rows = [
      { text: 'x', label: 'dissident' },
      { text: 'y', label: 'non dissident' },
      { text: 'z', label: 'inclassable' },
    ];
    expect(toLabelledSet(rows, APP_LABEL_MAPPING)).toMatchObject({ texts: ['x', 'y'], labels: [1, 0], excluded: 1 });
    expect(rows.map((r) => isTrainable(r, APP_LABEL_MAPPING))).toEqual([true, true, false]);
  });
});
