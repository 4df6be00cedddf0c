// Open-addressing hash map from a 64-bit n-gram hash (two 32-bit halves) to a feature index, on typed arrays.

export const HASH_SEED_1 = 0x811c9dc5 | 0;
export const HASH_SEED_2 = 0x3c6ef372 | 0;

/** First half: FNV-1a over UTF-16 code units. */
export function mix1(h: number, unit: number): number {
  return Math.imul(h ^ unit, 0x01000193);
}

/** Second half: an independent multiply-xorshift chain, so two different n-grams share both halves only by a 2^-64 chance. */
export function mix2(h: number, unit: number): number {
  const m = Math.imul((h + unit) | 0, 0x5bd1e995);
  return m ^ (m >>> 15);
}

/** Both hash halves of a string, exactly as the analyser computes them from normalised code units. */
export function hashString(text: string): [number, number] {
  let h1 = HASH_SEED_1;
  let h2 = HASH_SEED_2;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    h1 = mix1(h1, unit);
    h2 = mix2(h2, unit);
  }
  return [h1, h2];
}

/** Parallel typed arrays of hash halves and indices, linear probing, at most half full. */
export class NgramTable {
  #keys1: Int32Array;
  #keys2: Int32Array;
  #ids: Int32Array;
  #shift: number;
  #size = 0;

  constructor(expected = 1024) {
    let bits = 4;
    while (1 << bits < expected * 2) bits++;
    this.#shift = 32 - bits;
    this.#keys1 = new Int32Array(1 << bits);
    this.#keys2 = new Int32Array(1 << bits);
    this.#ids = new Int32Array(1 << bits).fill(-1);
  }

  get size(): number {
    return this.#size;
  }

  /** The slot holding this hash, or the empty slot where it would go. */
  #slot(h1: number, h2: number): number {
    const mask = this.#ids.length - 1;
    let slot = Math.imul(h1 ^ Math.imul(h2, 0x27d4eb2d), 0x9e3779b1) >>> this.#shift;
    while (this.#ids[slot] !== -1 && (this.#keys1[slot] !== h1 || this.#keys2[slot] !== h2)) slot = (slot + 1) & mask;
    return slot;
  }

  /** The index stored for this hash, or -1. */
  get(h1: number, h2: number): number {
    return this.#ids[this.#slot(h1, h2)];
  }

  /** The index stored for this hash; a new one (the current size) when absent. */
  add(h1: number, h2: number): number {
    let slot = this.#slot(h1, h2);
    const found = this.#ids[slot];
    if (found !== -1) return found;
    if ((this.#size + 1) * 2 > this.#ids.length) {
      this.#grow();
      slot = this.#slot(h1, h2);
    }
    this.#put(slot, h1, h2, this.#size);
    return this.#size++;
  }

  /** Stores a given index for a hash (used when loading a saved vocabulary). */
  set(h1: number, h2: number, id: number): void {
    if ((this.#size + 1) * 2 > this.#ids.length) this.#grow();
    const slot = this.#slot(h1, h2);
    if (this.#ids[slot] === -1) this.#size++;
    this.#put(slot, h1, h2, id);
  }

  #put(slot: number, h1: number, h2: number, id: number): void {
    this.#keys1[slot] = h1;
    this.#keys2[slot] = h2;
    this.#ids[slot] = id;
  }

  #grow(): void {
    const [keys1, keys2, ids] = [this.#keys1, this.#keys2, this.#ids];
    const capacity = ids.length * 2;
    this.#shift -= 1;
    this.#keys1 = new Int32Array(capacity);
    this.#keys2 = new Int32Array(capacity);
    this.#ids = new Int32Array(capacity).fill(-1);
    for (let i = 0; i < ids.length; i++) if (ids[i] !== -1) this.#put(this.#slot(keys1[i], keys2[i]), keys1[i], keys2[i], ids[i]);
  }
}
