// Sentence vectors from token vectors: mean over the attended tokens, then L2 normalisation.

/**
 * hidden is [batch, seq, dims] row-major, mask is [batch, seq] (1 attended, 0 padding).
 * Returns one unit-length vector per sentence (a zero vector stays zero).
 */
export function meanPoolNormalised(hidden: Float32Array, mask: ArrayLike<number | bigint>, batch: number, seq: number, dims: number): Float32Array[] {
  const out: Float32Array[] = [];
  for (let b = 0; b < batch; b++) {
    const sum = new Float64Array(dims);
    let count = 0;
    for (let s = 0; s < seq; s++) {
      if (Number(mask[b * seq + s]) === 0) continue;
      count++;
      const base = (b * seq + s) * dims;
      for (let d = 0; d < dims; d++) sum[d]! += hidden[base + d]!;
    }
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += sum[d]! * sum[d]!;
    // Dividing by the count and by the norm: the count cancels, so only the norm matters.
    const scale = count > 0 && norm > 0 ? 1 / Math.sqrt(norm) : 0;
    out.push(Float32Array.from(sum, (v) => v * scale));
  }
  return out;
}
