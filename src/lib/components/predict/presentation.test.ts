// Tests: presentation mode reveals one sentence per step, crosses answers both ways, and stops at both ends.
import { describe, expect, it } from 'vitest';
import { firstPosition, nextPosition, previousPosition, progressOf, salientWords } from './presentation';

const COUNTS = [2, 0, 3];

describe('presentation steps', () => {
  it('walks every sentence forwards, skipping an answer without sentences, and stays on the last', () => {
    const seen = [];
    let at = firstPosition(COUNTS);
    for (let i = 0; i < 6; i++) {
      seen.push(`${at.answer}:${at.shown}`);
      at = nextPosition(COUNTS, at);
    }
    expect(seen).toEqual(['0:1', '0:2', '2:1', '2:2', '2:3', '2:3']);
  });

  it('walks backwards into the previous answer fully shown, and stays on the first', () => {
    expect(previousPosition(COUNTS, { answer: 2, shown: 1 })).toEqual({ answer: 0, shown: 2 });
    expect(previousPosition(COUNTS, { answer: 2, shown: 3 })).toEqual({ answer: 2, shown: 2 });
    expect(previousPosition(COUNTS, { answer: 0, shown: 1 })).toEqual({ answer: 0, shown: 1 });
  });

  it('counts steps across answers', () => {
    expect(progressOf(COUNTS, { answer: 0, shown: 1 })).toEqual({ step: 1, steps: 5 });
    expect(progressOf(COUNTS, { answer: 2, shown: 2 })).toEqual({ step: 4, steps: 5 });
  });

  it('starts on the first answer that has sentences', () => {
    expect(firstPosition([0, 4])).toEqual({ answer: 1, shown: 1 });
    expect(firstPosition([])).toEqual({ answer: 0, shown: 0 });
  });
});

describe('salientWords', () => {
  const words = [0.1, -2, 0.6, 1.5, -0.4, 0.45, 0].map((weight, i) => ({ word: `w${i}`, weight }));

  it('keeps the k strongest words above a share of the strongest, in text order', () => {
    expect(salientWords(words, 3, 0.25).map((w) => w.word)).toEqual(['w1', 'w2', 'w3']);
    expect(salientWords(words, 4, 0.2).map((w) => w.word)).toEqual(['w1', 'w2', 'w3', 'w5']);
  });

  it('keeps nothing when no word weighs', () => {
    expect(salientWords([{ weight: 0 }])).toEqual([]);
  });
});
