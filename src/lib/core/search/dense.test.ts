import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../random';
import { denseSimilar, float16Table, quantiseInt8, toFloat16, type VectorBlock } from './dense';

function randomVectors(n: number, dims: number, seed: number): Float32Array[] {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => Float32Array.from({ length: dims }, () => random() * 2 - 1));
}

const cosine = (a: Float32Array, b: Float32Array) => {
  let dot = 0;
  for (let i = 0; i < a.length; i++) dot += a[i]! * b[i]!;
  return dot / (Math.hypot(...a) * Math.hypot(...b));
};

describe('float16', () => {
  it('round-trips representable values and rounds others to the nearest', () => {
    const table = float16Table();
    for (const v of [0, 1, -2, 0.5, 65504, 2 ** -14, 2 ** -24, -0.333251953125]) expect(table[toFloat16(v)]).toBe(v);
    expect(table[toFloat16(0.1)]).toBeCloseTo(0.1, 3);
    expect(table[toFloat16(1e6)]).toBe(Infinity);
  });
});

describe('dense top-k cosine', () => {
  const dims = 24;
  const vectors = randomVectors(300, dims, 7);
  const ids = vectors.map((_, i) => 1000 + i);
  const query = randomVectors(1, dims, 99)[0]!;
  const exact = ids.map((id, i) => ({ id, score: cosine(query, vectors[i]!) })).sort((a, b) => b.score - a.score);

  const int8Blocks = (): VectorBlock[] => {
    // Two blocks, to check that results span them.
    return [ids.slice(0, 150), ids.slice(150)].map((part, b) => {
      const values = new Int8Array(part.length * dims);
      const scales = new Float32Array(part.length);
      part.forEach((_, i) => {
        const q = quantiseInt8(vectors[b * 150 + i]!);
        values.set(q.values, i * dims);
        scales[i] = q.scale;
      });
      return { kind: 'int8', dims, ids: part, values, scales };
    });
  };

  it('finds the same neighbours as float64 arithmetic from int8 rows, scores within quantisation error', async () => {
    const got = await denseSimilar(query, int8Blocks, { k: 10 });
    expect(got.map((r) => r.doc)).toEqual(exact.slice(0, 10).map((r) => r.id));
    got.forEach((r, i) => expect(Math.abs(r.score - exact[i]!.score)).toBeLessThan(0.02));
  });

  it('reads float16 rows from an async source and gives the least similar first when asked', async () => {
    const values = new Uint16Array(vectors.length * dims);
    vectors.forEach((v, i) => v.forEach((x, j) => (values[i * dims + j] = toFloat16(x))));
    async function* source(): AsyncIterable<VectorBlock> {
      yield { kind: 'float16', dims, ids, values };
    }
    const least = await denseSimilar(query, source, { k: 5, order: 'least', exclude: exact.at(-1)!.id });
    expect(least.map((r) => r.doc)).toEqual(exact.slice(-6, -1).reverse().map((r) => r.id));
    least.forEach((r, i) => expect(r.score).toBeCloseTo(exact.at(-2 - i)!.score, 2));
  });

  it('refuses vectors of another dimension', async () => {
    await expect(denseSimilar(new Float32Array(3), int8Blocks, { k: 1 })).rejects.toThrow(/dimension/);
  });
});
