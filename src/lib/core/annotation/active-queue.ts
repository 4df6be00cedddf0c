// « Plus utiles d'abord »: sentences ordered by closeness of their probability to the threshold, diversified (copies
// and near-identical sentences go to the back), and a refreshed order spliced in without moving the annotator.

export interface ScoredSentence {
  id: number;
  probability: number;
  text: string;
  /** Hash of the normalised text (the import's): equal hashes are the same sentence. */
  hash?: string;
}

export interface ActiveOrderOptions {
  threshold: number;
  /** Word-set Jaccard similarity from which a sentence counts as near-identical to one already ahead (default 0.8). */
  nearIdentical?: number;
}

/** Lower-cased, accent-folded words (letters and digits), as a set. */
export function wordSet(text: string): Set<string> {
  const words = text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
  return new Set(words);
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared);
}

/** 32-bit FNV-1a of a word mixed with a seed: the min-hash functions. */
function seededHash(word: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 0x01000193);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) >>> 0;
}

const BANDS = 6;
const ROWS = 2;

/**
 * Locality-sensitive keys of a word set (min-hash, 6 bands of 2): two sets with Jaccard 0.8 share a key with
 * probability 1 − (1 − 0.8²)⁶ ≈ 0.998, so near-identical sentences are compared without comparing every pair.
 */
function bandKeys(words: ReadonlySet<string>): string[] {
  const keys: string[] = [];
  for (let b = 0; b < BANDS; b++) {
    let key = `${b}`;
    for (let r = 0; r < ROWS; r++) {
      let min = 0xffffffff;
      for (const w of words) min = Math.min(min, seededHash(w, b * ROWS + r + 1));
      key += `:${min}`;
    }
    keys.push(key);
  }
  return keys;
}

/**
 * Sentence ids, most useful first: by |probability − threshold| (ties: lower id), skipping a sentence whose hash was
 * already taken or whose words are near-identical to one taken; the skipped ones follow, in the same order.
 */
export function activeOrder(sentences: readonly ScoredSentence[], options: ActiveOrderOptions): number[] {
  const limit = options.nearIdentical ?? 0.8;
  const sorted = [...sentences].sort((a, b) => Math.abs(a.probability - options.threshold) - Math.abs(b.probability - options.threshold) || a.id - b.id);
  const hashes = new Set<string>();
  const buckets = new Map<string, Set<string>[]>();
  const taken: number[] = [];
  const skipped: number[] = [];
  for (const s of sorted) {
    if (s.hash !== undefined && hashes.has(s.hash)) {
      skipped.push(s.id);
      continue;
    }
    const words = wordSet(s.text);
    const keys = bandKeys(words);
    const near = keys.some((k) => buckets.get(k)?.some((other) => jaccard(words, other) >= limit));
    if (near) {
      skipped.push(s.id);
      continue;
    }
    if (s.hash !== undefined) hashes.add(s.hash);
    for (const k of keys) buckets.set(k, [...(buckets.get(k) ?? []), words]);
    taken.push(s.id);
  }
  return [...taken, ...skipped];
}

/**
 * The queue after a new order: everything up to and including the current position stays where it is (labelled and
 * skipped sentences behind, the current one current), then the new order without those.
 */
export function spliceQueue(ids: readonly number[], position: number, fresh: readonly number[]): number[] {
  const kept = ids.slice(0, Math.min(ids.length, position + 1));
  const seen = new Set(kept);
  return [...kept, ...fresh.filter((id) => !seen.has(id))];
}
