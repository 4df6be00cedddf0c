// Compact vectors and the embedding plan: int8 round trip within a scale step, dot products without decoding, each
// distinct text planned once, shortest first, stored sentences skipped, vectors spread back to every sentence.
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random';
import { planEmbeddings, spreadToSentences } from './plan';
import { dequantise, dotQuantised, quantiseInt8, vectorAt } from './quantise';

function unitVectors(n: number, dims: number, seed: number): Float32Array {
  const rng = mulberry32(seed);
  const out = new Float32Array(n * dims);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let d = 0; d < dims; d++) norm += (out[i * dims + d] = rng() * 2 - 1) ** 2;
    for (let d = 0; d < dims; d++) out[i * dims + d]! /= Math.sqrt(norm);
  }
  return out;
}

describe('int8 vectors', () => {
  it('decode within half a scale step, and their dot products are the cosines', () => {
    const dims = 48;
    const flat = unitVectors(20, dims, 7);
    const q = quantiseInt8(flat, dims);
    expect(q.values).toBeInstanceOf(Int8Array);
    expect(q.values.byteLength).toBe(flat.byteLength / 4);
    const back = dequantise(q);
    for (let i = 0; i < 20; i++) {
      const step = q.scales[i]!;
      for (let d = 0; d < dims; d++) expect(Math.abs(back[i * dims + d]! - flat[i * dims + d]!)).toBeLessThanOrEqual(step / 2 + 1e-7);
      expect(Array.from(vectorAt(q, i))).toEqual(Array.from(back.subarray(i * dims, (i + 1) * dims)));
    }
    let exact = 0;
    for (let d = 0; d < dims; d++) exact += flat[d]! * flat[dims + d]!;
    expect(dotQuantised(q, 0, q, 1)).toBeCloseTo(exact, 2);
    expect(dotQuantised(q, 3, q, 3)).toBeCloseTo(1, 2);
  });

  it('keeps a zero vector as zeros and refuses a length that is not a multiple of dims', () => {
    const q = quantiseInt8(new Float32Array(4), 4);
    expect(q.scales[0]).toBe(0);
    expect(Array.from(dequantise(q))).toEqual([0, 0, 0, 0]);
    expect(() => quantiseInt8(new Float32Array(5), 4)).toThrow(/4 dimensions/);
  });
});

describe('embedding plan', () => {
  const sentences = [
    { id: 10, text: 'Une phrase assez longue.' },
    { id: 11, text: 'Court.' },
    { id: 12, text: 'Moyenne phrase.' },
    { id: 13, text: 'Court.' },
    { id: 14, text: 'Déjà faite.' },
  ];

  it('plans each distinct text once, shortest first, in chunks, skipping stored sentences', () => {
    const plan = planEmbeddings(sentences, new Set([14]), 2);
    expect(plan.total).toBe(5);
    expect(plan.done).toBe(1);
    expect(plan.chunks.map((c) => c.texts)).toEqual([['Court.', 'Moyenne phrase.'], ['Une phrase assez longue.']]);
    expect(plan.chunks[0]!.ids).toEqual([[11, 13], [12]]);
  });

  it('spreads a chunk’s vectors to one row per sentence id', () => {
    const plan = planEmbeddings(sentences, new Set(), 10);
    const chunk = plan.chunks[0]!;
    const vectors = Float32Array.from(chunk.texts.flatMap((_, k) => [k, -k]));
    const spread = spreadToSentences(chunk, vectors, 2);
    expect(Array.from(spread.ids)).toEqual([11, 13, 14, 12, 10]);
    expect(Array.from(spread.vectors)).toEqual([0, -0, 0, -0, 1, -1, 2, -2, 3, -3]);
  });
});
