// Labelling queues: the order in which sentences come up (random with a seed, file order, not yet labelled by me,
// most useful first: that one starts as 'unlabelled' and is reordered by a model, see active-queue.ts).
import { mulberry32, shuffleInPlace } from '../random';

export type QueueMode = 'random' | 'order' | 'unlabelled' | 'active';
export const QUEUE_MODES: readonly QueueMode[] = ['random', 'order', 'unlabelled', 'active'];

export interface QueueInput {
  /** Sentence ids in file order. */
  ids: readonly number[];
  mode: QueueMode;
  seed: number;
  /** Sentences the current annotator has already labelled (used by 'unlabelled' and 'active'). */
  labelledByMe?: ReadonlySet<number>;
}

/** Fisher–Yates shuffle of a copy, driven by the seed: the same seed gives the same sample on every laptop. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  return shuffleInPlace([...items], mulberry32(seed));
}

/**
 * The queue's sentence ids. 'unlabelled' keeps the random order of the seed, so that
 * annotators who share a seed meet the same sentences first. 'active' is that order until a model ranks it
 * (ActiveLearning in state/), and beyond the sentences it ranks.
 */
export function orderQueue({ ids, mode, seed, labelledByMe }: QueueInput): number[] {
  switch (mode) {
    case 'order':
      return [...ids];
    case 'random':
      return seededShuffle(ids, seed);
    case 'unlabelled':
    case 'active':
      return seededShuffle(ids, seed).filter((id) => !labelledByMe?.has(id));
  }
}
