// Compact sentence vectors: int8 values with one scale per vector (a unit vector's largest entry maps to ±127).
export interface QuantisedVectors {
  dims: number;
  /** One scale per vector: value ≈ int8 × scale. */
  scales: Float32Array;
  /** Vector i is values[i·dims, (i+1)·dims). */
  values: Int8Array;
}

/** Quantises n vectors (row after row in `flat`) to int8, each with its own scale. */
export function quantiseInt8(flat: Float32Array, dims: number): QuantisedVectors {
  if (dims <= 0 || flat.length % dims !== 0) throw new Error(`Vecteurs de ${dims} dimensions attendus (reçu ${flat.length} valeurs).`);
  const n = flat.length / dims;
  const scales = new Float32Array(n);
  const values = new Int8Array(flat.length);
  for (let i = 0; i < n; i++) {
    const start = i * dims;
    let max = 0;
    for (let d = 0; d < dims; d++) max = Math.max(max, Math.abs(flat[start + d]!));
    // A zero vector (an empty text) keeps scale 0 and decodes to zeros.
    const scale = max / 127;
    scales[i] = scale;
    if (scale === 0) continue;
    for (let d = 0; d < dims; d++) values[start + d] = Math.round(flat[start + d]! / scale);
  }
  return { dims, scales, values };
}

/** Vector i decoded to floats. */
export function vectorAt(set: QuantisedVectors, i: number): Float32Array {
  const out = new Float32Array(set.dims);
  const scale = set.scales[i]!;
  const start = i * set.dims;
  for (let d = 0; d < set.dims; d++) out[d] = set.values[start + d]! * scale;
  return out;
}

/** Every vector decoded, row after row. */
export function dequantise(set: QuantisedVectors): Float32Array {
  const out = new Float32Array(set.values.length);
  const n = set.scales.length;
  for (let i = 0; i < n; i++) {
    const scale = set.scales[i]!;
    const start = i * set.dims;
    for (let d = 0; d < set.dims; d++) out[start + d] = set.values[start + d]! * scale;
  }
  return out;
}

/** Dot product of vectors i and j of two sets (the cosine, for unit vectors), without decoding them. */
export function dotQuantised(a: QuantisedVectors, i: number, b: QuantisedVectors, j: number): number {
  let sum = 0;
  const ai = i * a.dims;
  const bj = j * b.dims;
  for (let d = 0; d < a.dims; d++) sum += a.values[ai + d]! * b.values[bj + d]!;
  return sum * a.scales[i]! * b.scales[j]!;
}
