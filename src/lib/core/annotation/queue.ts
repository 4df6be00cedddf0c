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
  // slice(), not a spread: a million ids are copied in a few milliseconds instead of tens.
  return shuffleInPlace(items.slice(), mulberry32(seed));
}

/**
 * The queue's sentence ids. 'unlabelled' keeps the random order of the seed, so that
 * annotators who share a seed meet the same sentences first. 'active' is that order until a model ranks it
 * (ActiveLearning in state/), and beyond the sentences it ranks.
 */
export function orderQueue({ ids, mode, seed, labelledByMe }: QueueInput): number[] {
  if (mode === 'order') return ids.slice();
  const queue = seededShuffle(ids, seed);
  if (mode === 'random' || !labelledByMe?.size) return queue;
  // Labelled ids leave the shuffled copy in place: on a million sentences, filter() into a new array took three times
  // as long (Annoter builds this queue each time it opens).
  let kept = 0;
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    if (!labelledByMe.has(id)) queue[kept++] = id;
  }
  queue.length = kept;
  return queue;
}
