// What is left to embed in a dataset: each distinct sentence text once (with every sentence id holding it), the ones
// already stored left out, shortest first so that batches of similar lengths waste little padding; cut into chunks.

export interface SentenceText {
  id: number;
  text: string;
}

export interface EmbeddingChunkPlan {
  /** Distinct texts to embed, shortest first. */
  texts: string[];
  /** For each text, the ids of the sentences that hold it. */
  ids: number[][];
}

export interface EmbeddingPlan {
  /** Sentences in the dataset. */
  total: number;
  /** Sentences whose vector is already stored. */
  done: number;
  chunks: EmbeddingChunkPlan[];
}

export function planEmbeddings(sentences: readonly SentenceText[], stored: ReadonlySet<number>, chunkSize: number): EmbeddingPlan {
  const byText = new Map<string, number[]>();
  let done = 0;
  for (const s of sentences) {
    if (stored.has(s.id)) {
      done++;
      continue;
    }
    const ids = byText.get(s.text);
    if (ids) ids.push(s.id);
    else byText.set(s.text, [s.id]);
  }
  // Stable: equal lengths keep the dataset's order, so a resumed run plans the same way.
  const texts = [...byText.keys()].sort((a, b) => a.length - b.length);
  const size = Math.max(1, Math.floor(chunkSize));
  const chunks: EmbeddingChunkPlan[] = [];
  for (let i = 0; i < texts.length; i += size) {
    const part = texts.slice(i, i + size);
    chunks.push({ texts: part, ids: part.map((t) => byText.get(t)!) });
  }
  return { total: sentences.length, done, chunks };
}

/**
 * One chunk's vectors (one per distinct text, row after row) spread to one row per sentence id, so that a stored chunk
 * reads as ids[i] ↔ row i.
 */
export function spreadToSentences(plan: EmbeddingChunkPlan, vectors: Float32Array, dims: number): { ids: Float64Array; vectors: Float32Array } {
  const n = plan.ids.reduce((sum, ids) => sum + ids.length, 0);
  const ids = new Float64Array(n);
  const out = new Float32Array(n * dims);
  let row = 0;
  plan.ids.forEach((sentenceIds, k) => {
    const vector = vectors.subarray(k * dims, (k + 1) * dims);
    for (const id of sentenceIds) {
      ids[row] = id;
      out.set(vector, row * dims);
      row++;
    }
  });
  return { ids, vectors: out };
}
