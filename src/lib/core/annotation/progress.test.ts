// Progress moved by label changes agrees with progress counted from scratch.
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { applyLabelChanges, type LabelChange, type Progress } from './progress';

const GOLD = 9;

/** Counts progress from who labelled each sentence (the definition the incremental path must match). */
function count(labellers: Map<number, Set<number>>, total: number): Progress {
  const perAnnotator = new Map<number, number>();
  let labelled = 0;
  let gold = 0;
  for (const who of labellers.values()) {
    const humans = [...who].filter((id) => id !== GOLD);
    if (humans.length) labelled++;
    if (who.has(GOLD)) gold++;
    for (const id of humans) perAnnotator.set(id, (perAnnotator.get(id) ?? 0) + 1);
  }
  return { total, labelled, gold, perAnnotator: [...perAnnotator].map(([annotatorId, count]) => ({ annotatorId, count })), goldAnnotatorId: GOLD };
}

const sorted = (p: Progress) => ({ ...p, perAnnotator: [...p.perAnnotator].sort((a, b) => a.annotatorId - b.annotatorId) });

describe('applyLabelChanges', () => {
  it('matches a full count after a random sequence of labels and removals', () => {
    const random = mulberry32(7);
    const labellers = new Map<number, Set<number>>();
    let progress = count(labellers, 50);
    for (let step = 0; step < 500; step++) {
      const sentence = Math.floor(random() * 50);
      const annotator = [1, 2, 3, GOLD][Math.floor(random() * 4)]!;
      const who = labellers.get(sentence) ?? new Set<number>();
      const before = [...who];
      if (random() < 0.7) who.add(annotator);
      else who.delete(annotator);
      labellers.set(sentence, who);
      const change: LabelChange = { datasetId: 1, sentenceId: sentence, annotatorId: annotator, before, after: [...who] };
      progress = applyLabelChanges(progress, 1, [change]);
    }
    expect(sorted(progress)).toEqual(sorted(count(labellers, 50)));
  });

  it('leaves out the changes of other datasets', () => {
    const start: Progress = { total: 10, labelled: 0, gold: 0, perAnnotator: [], goldAnnotatorId: GOLD };
    expect(applyLabelChanges(start, 1, [{ datasetId: 2, sentenceId: 1, annotatorId: 1, label: 'dissident', before: [], after: [1] }])).toEqual(start);
  });
});
