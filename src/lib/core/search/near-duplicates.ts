// Near-duplicate sentences: identical folds grouped at once, then MinHash signatures over character shingles and
// LSH bands find nearly identical ones (copy-pasted answers with a word changed); a union-find joins them in groups.
import { foldForSearch } from '../text/normalise';

export interface DuplicateOptions {
  /** Estimated Jaccard similarity of shingle sets above which two sentences are near-duplicates. */
  threshold?: number;
  /** Shingle length in characters. */
  shingle?: number;
  /** Bands × rows = hash functions; more rows per band, fewer chance candidates. */
  bands?: number;
  rows?: number;
  /** Folds shorter than this are grouped only when identical (a few letters changed in "Oui." is another answer). */
  minLength?: number;
  seed?: number;
}

export interface DuplicateGroup {
  /** Sentence ids, in the order given. */
  ids: number[];
  /** How many distinct folds the group holds (1: all identical). */
  variants: number;
}

class UnionFind {
  readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** FNV-1a over the UTF-16 units of text[from, to). */
function hashSlice(text: string, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** A 32-bit mix (murmur3's finaliser) of a shingle hash with one hash function's seed. */
function mix(h: number, seed: number): number {
  h = Math.imul(h ^ seed, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** MinHash signature of a text's character shingles (the text itself when shorter than one shingle). */
export function minHashSignature(text: string, seeds: Uint32Array, shingle: number, into = new Uint32Array(seeds.length)): Uint32Array {
  into.fill(0xffffffff);
  const last = Math.max(0, text.length - shingle);
  for (let i = 0; i <= last; i++) {
    const h = hashSlice(text, i, Math.min(text.length, i + shingle));
    for (let k = 0; k < seeds.length; k++) {
      const m = mix(h, seeds[k]!);
      if (m < into[k]!) into[k] = m;
    }
  }
  return into;
}

function seedsOf(count: number, seed: number): Uint32Array {
  const out = new Uint32Array(count);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < count; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = s >>> 0;
  }
  return out;
}

/** Groups of two or more sentences that are identical or nearly so once folded (accents, case, spaces); largest first. */
export function nearDuplicateGroups(sentences: readonly { id: number; text: string }[], options: DuplicateOptions = {}): DuplicateGroup[] {
  const { threshold = 0.8, shingle = 5, bands = 10, rows = 4, minLength = 30, seed = 42 } = options;
  // Identical folds first: one entry per distinct fold, the sentences pointing at it.
  const foldIds = new Map<string, number>();
  const folds: string[] = [];
  const foldOf = new Int32Array(sentences.length);
  sentences.forEach((s, i) => {
    const fold = foldForSearch(s.text);
    let f = foldIds.get(fold);
    if (f === undefined) {
      f = folds.length;
      foldIds.set(fold, f);
      folds.push(fold);
    }
    foldOf[i] = f;
  });
  const groups = new UnionFind(folds.length);
  const long = folds.map((_, f) => f).filter((f) => folds[f]!.length >= minLength);
  const size = bands * rows;
  const seeds = seedsOf(size, seed);
  const signatures = new Uint32Array(long.length * size);
  long.forEach((f, i) => minHashSignature(folds[f]!, seeds, shingle, signatures.subarray(i * size, (i + 1) * size)));
  const agreement = (a: number, b: number) => {
    let same = 0;
    for (let k = 0; k < size; k++) if (signatures[a * size + k] === signatures[b * size + k]) same++;
    return same / size;
  };
  // Per band, sort the texts by the band's hash: texts sharing a bucket sit side by side. Key = hash × 2^bits + index,
  // exact in a float64 while hash bits + index bits ≤ 53.
  const indexBits = Math.max(1, Math.ceil(Math.log2(long.length + 1)));
  const hashBits = Math.min(32, 53 - indexBits);
  const keys = new Float64Array(long.length);
  for (let band = 0; band < bands; band++) {
    for (let i = 0; i < long.length; i++) {
      let h = 0x9e3779b9 ^ band;
      for (let r = 0; r < rows; r++) h = mix(h, signatures[i * size + band * rows + r]!);
      keys[i] = Math.floor(h / 2 ** (32 - hashBits)) * 2 ** indexBits + i;
    }
    keys.sort();
    for (let start = 0; start < keys.length; ) {
      const bucket = Math.floor(keys[start]! / 2 ** indexBits);
      let end = start + 1;
      while (end < keys.length && Math.floor(keys[end]! / 2 ** indexBits) === bucket) end++;
      const first = keys[start]! % 2 ** indexBits;
      for (let j = start + 1; j < end; j++) {
        const other = keys[j]! % 2 ** indexBits;
        if (agreement(first, other) >= threshold) groups.union(long[first]!, long[other]!);
      }
      start = end;
    }
  }
  const members = new Map<number, { ids: number[]; folds: Set<number> }>();
  sentences.forEach((s, i) => {
    const root = groups.find(foldOf[i]!);
    const group = members.get(root) ?? { ids: [], folds: new Set<number>() };
    group.ids.push(s.id);
    group.folds.add(foldOf[i]!);
    members.set(root, group);
  });
  return [...members.values()]
    .filter((g) => g.ids.length > 1)
    .map((g) => ({ ids: g.ids, variants: g.folds.size }))
    .sort((a, b) => b.ids.length - a.ids.length || a.ids[0]! - b.ids[0]!);
}
