// The k best of a stream of (item, score) pairs with a binary heap: O(n log k), no sort of everything.

export interface Scored {
  doc: number;
  score: number;
}

/** Keeps the k highest scores (`highest`), or the k lowest; ties keep the earlier item. */
export class TopK {
  readonly #heap: Scored[] = [];
  readonly #k: number;
  readonly #sign: number;

  constructor(k: number, highest = true) {
    this.#k = Math.max(0, Math.floor(k));
    this.#sign = highest ? 1 : -1;
  }

  /**
   * Whether `score` would enter the heap now (lets callers skip work for items that cannot); with the item, an equal
   * score enters in place of a later item, so the result does not depend on the order items come in.
   */
  accepts(score: number, doc = Number.POSITIVE_INFINITY): boolean {
    const worst = this.#heap[0];
    return this.#heap.length < this.#k || this.#sign * score > this.#sign * worst!.score || (score === worst!.score && doc < worst!.doc);
  }

  push(doc: number, score: number): void {
    if (!this.accepts(score, doc)) return;
    const heap = this.#heap;
    const worse = (a: Scored, b: Scored) => this.#sign * a.score < this.#sign * b.score || (a.score === b.score && a.doc > b.doc);
    if (heap.length < this.#k) {
      heap.push({ doc, score });
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(heap[i]!, heap[parent]!)) break;
        [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
        i = parent;
      }
      return;
    }
    heap[0] = { doc, score };
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && worse(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && worse(heap[r]!, heap[m]!)) m = r;
      if (m === i) break;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  }

  /** Best first; equal scores in item order. */
  result(): Scored[] {
    return [...this.#heap].sort((a, b) => this.#sign * (b.score - a.score) || a.doc - b.doc);
  }
}
