// Dense similarity: top-k cosine of a query with stored sentence vectors kept compact (int8 with one scale per
// vector, or float16), computed over typed arrays block by block, without decoding a block into floats first.
import { TopK, type Scored } from './top-k';

/** Vectors of one block, row-major: `ids[i]` owns row i. */
export type VectorBlock =
  | { kind: 'int8'; dims: number; ids: ArrayLike<number>; values: Int8Array; /** value × scale[i] = component */ scales: Float32Array }
  | { kind: 'float16'; dims: number; ids: ArrayLike<number>; values: Uint16Array };

/** Where vectors come from: blocks, all of one dimension (an embeddings table read in pages, for example). */
export type VectorSource = () => AsyncIterable<VectorBlock> | Iterable<VectorBlock>;

let halfTable: Float32Array | undefined;

/** Every float16 bit pattern as a float32 (256 KB, built once): decoding becomes one table read. */
export function float16Table(): Float32Array {
  if (halfTable) return halfTable;
  const table = new Float32Array(65536);
  for (let h = 0; h < 65536; h++) {
    const sign = h & 0x8000 ? -1 : 1;
    const exp = (h >> 10) & 0x1f;
    const frac = h & 0x3ff;
    table[h] = exp === 0 ? sign * 2 ** -14 * (frac / 1024) : exp === 31 ? (frac ? NaN : sign * Infinity) : sign * 2 ** (exp - 15) * (1 + frac / 1024);
  }
  halfTable = table;
  return table;
}

/** The float16 bit pattern nearest to a number (round to nearest even on the mantissa). */
const scratch = new Float32Array(1);
const scratchBits = new Uint32Array(scratch.buffer);

export function toFloat16(value: number): number {
  scratch[0] = value;
  const bits = scratchBits[0]!;
  const sign = (bits >>> 16) & 0x8000;
  const exp = ((bits >>> 23) & 0xff) - 127 + 15;
  let mant = bits & 0x7fffff;
  if (((bits >>> 23) & 0xff) === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  if (exp >= 31) return sign | 0x7c00;
  if (exp <= 0) {
    if (exp < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - exp;
    const half = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    return sign | (rest > mid || (rest === mid && half & 1) ? half + 1 : half);
  }
  const half = (exp << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  return sign | (rest > 0x1000 || (rest === 0x1000 && half & 1) ? half + 1 : half);
}

/** Int8 quantisation of one vector: the largest magnitude maps to 127. */
export function quantiseInt8(vector: ArrayLike<number>): { values: Int8Array; scale: number } {
  let max = 0;
  for (let i = 0; i < vector.length; i++) max = Math.max(max, Math.abs(vector[i]!));
  const scale = max / 127 || 1;
  return { values: Int8Array.from(vector as ArrayLike<number>, (v) => Math.round(v / scale)), scale };
}

export interface DenseOptions {
  k: number;
  order?: 'most' | 'least';
  /** An id to leave out (the sentence the query came from). */
  exclude?: number;
}

/** Cosine of `query` with every vector of `source`; the k most (or least) similar, best first, with their ids. */
export async function denseSimilar(query: Float32Array, source: VectorSource, options: DenseOptions): Promise<Scored[]> {
  const queryNorm = Math.hypot(...query);
  const top = new TopK(options.k, options.order !== 'least');
  const half = float16Table();
  for await (const block of source()) {
    const { dims, ids } = block;
    if (dims !== query.length) throw new Error(`Vecteurs de dimension ${dims}, requête de dimension ${query.length}.`);
    for (let row = 0, base = 0; row < ids.length; row++, base += dims) {
      let dot = 0;
      let sq = 0;
      // The scale cancels in the cosine (it multiplies the dot and the norm alike), so int8 rows need no decoding.
      if (block.kind === 'int8') {
        const v = block.values;
        for (let j = 0; j < dims; j++) {
          const x = v[base + j]!;
          dot += query[j]! * x;
          sq += x * x;
        }
      } else {
        const v = block.values;
        for (let j = 0; j < dims; j++) {
          const x = half[v[base + j]!]!;
          dot += query[j]! * x;
          sq += x * x;
        }
      }
      const id = ids[row]!;
      if (id === options.exclude || sq === 0 || queryNorm === 0) continue;
      const score = dot / (Math.sqrt(sq) * queryNorm);
      if (top.accepts(score)) top.push(id, score);
    }
  }
  return top.result();
}
