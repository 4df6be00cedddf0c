// Batching plan for a list of texts: each distinct text once, batches of similar token lengths (less padding).

export interface BatchPlan {
  /** Distinct texts, in first-seen order. */
  unique: string[];
  /** For each input text, its index in unique. */
  indexOf: Int32Array;
  /** Batches of indices into unique, shortest texts first. */
  batches: number[][];
}

export function planBatches(texts: readonly string[], lengthOf: (text: string) => number, batchSize: number): BatchPlan {
  const size = Math.max(1, Math.floor(batchSize));
  const position = new Map<string, number>();
  const indexOf = new Int32Array(texts.length);
  texts.forEach((text, i) => {
    let k = position.get(text);
    if (k === undefined) {
      k = position.size;
      position.set(text, k);
    }
    indexOf[i] = k;
  });
  const unique = [...position.keys()];
  const lengths = unique.map(lengthOf);
  // A stable sort by length keeps equal-length texts in input order, so results do not depend on the engine.
  const order = unique.map((_, i) => i).sort((a, b) => lengths[a]! - lengths[b]! || a - b);
  const batches: number[][] = [];
  for (let i = 0; i < order.length; i += size) batches.push(order.slice(i, i + size));
  return { unique, indexOf, batches };
}
