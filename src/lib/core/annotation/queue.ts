// Labelling queues: the order in which sentences come up (random with a seed, file order, not yet labelled by me).

export type QueueMode = 'random' | 'order' | 'unlabelled';
export const QUEUE_MODES: readonly QueueMode[] = ['random', 'order', 'unlabelled'];

export interface QueueInput {
  /** Sentence ids in file order. */
  ids: readonly number[];
  mode: QueueMode;
  seed: number;
  /** Sentences the current annotator has already labelled (used by 'unlabelled'). */
  labelledByMe?: ReadonlySet<number>;
}

/** Mulberry32: a small, fast, seedable generator; the same seed gives the same sample on every laptop. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle of a copy, driven by the seed. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  const random = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/**
 * The queue's sentence ids. 'unlabelled' keeps the random order of the seed, so that
 * annotators who share a seed meet the same sentences first.
 */
export function orderQueue({ ids, mode, seed, labelledByMe }: QueueInput): number[] {
  switch (mode) {
    case 'order':
      return [...ids];
    case 'random':
      return seededShuffle(ids, seed);
    case 'unlabelled':
      return seededShuffle(ids, seed).filter((id) => !labelledByMe?.has(id));
  }
}
