// Compressed sparse row (CSR) matrices on typed arrays: building, stacking, row normalisation, products.

export interface CsrMatrix {
  rows: number;
  cols: number;
  /** rows + 1 offsets into indices/values. */
  indptr: Int32Array;
  indices: Int32Array;
  values: Float64Array;
}

/** Appends rows one at a time; `finish()` returns the matrix with arrays trimmed to size. */
export class CsrBuilder {
  #indptr: number[] = [0];
  #indices: Int32Array;
  #values: Float64Array;
  #nnz = 0;

  /** `capacity`: expected number of stored values (the arrays still grow past it). */
  constructor(
    readonly cols: number,
    capacity = 1024,
  ) {
    this.#indices = new Int32Array(capacity);
    this.#values = new Float64Array(capacity);
  }

  push(col: number, value: number): void {
    if (this.#nnz === this.#indices.length) {
      const indices = new Int32Array(this.#nnz * 2);
      indices.set(this.#indices);
      this.#indices = indices;
      const values = new Float64Array(this.#nnz * 2);
      values.set(this.#values);
      this.#values = values;
    }
    this.#indices[this.#nnz] = col;
    this.#values[this.#nnz++] = value;
  }

  endRow(): void {
    this.#indptr.push(this.#nnz);
  }

  finish(): CsrMatrix {
    return {
      rows: this.#indptr.length - 1,
      cols: this.cols,
      indptr: Int32Array.from(this.#indptr),
      // Views when the arrays are nearly full (no copy), copies when much was left unused.
      indices: this.#nnz * 4 >= this.#indices.length * 3 ? this.#indices.subarray(0, this.#nnz) : this.#indices.slice(0, this.#nnz),
      values: this.#nnz * 4 >= this.#values.length * 3 ? this.#values.subarray(0, this.#nnz) : this.#values.slice(0, this.#nnz),
    };
  }
}

/** A dense row-major array of arrays as CSR (zeros left out); for tests and small problems. */
export function csrFromDense(dense: readonly (readonly number[])[]): CsrMatrix {
  const builder = new CsrBuilder(dense[0]?.length ?? 0);
  for (const row of dense) {
    row.forEach((v, j) => v !== 0 && builder.push(j, v));
    builder.endRow();
  }
  return builder.finish();
}

export function csrToDense(m: CsrMatrix): number[][] {
  const dense = Array.from({ length: m.rows }, () => new Array<number>(m.cols).fill(0));
  for (let i = 0; i < m.rows; i++) {
    for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) dense[i][m.indices[p]] += m.values[p];
  }
  return dense;
}

/** Horizontal stack [A | B | …] of matrices with the same number of rows. */
export function hstack(blocks: readonly CsrMatrix[]): CsrMatrix {
  const rows = blocks[0]?.rows ?? 0;
  if (blocks.some((b) => b.rows !== rows)) throw new Error('hstack : nombres de lignes différents.');
  const cols = blocks.reduce((s, b) => s + b.cols, 0);
  const nnz = blocks.reduce((s, b) => s + b.indices.length, 0);
  const indptr = new Int32Array(rows + 1);
  const indices = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let k = 0;
  for (let i = 0; i < rows; i++) {
    let offset = 0;
    for (const b of blocks) {
      for (let p = b.indptr[i]; p < b.indptr[i + 1]; p++) {
        indices[k] = b.indices[p] + offset;
        values[k++] = b.values[p];
      }
      offset += b.cols;
    }
    indptr[i + 1] = k;
  }
  return { rows, cols, indptr, indices, values };
}

/** Scales each row to unit Euclidean norm, in place (empty rows stay zero). */
export function normaliseRowsL2(m: CsrMatrix): CsrMatrix {
  for (let i = 0; i < m.rows; i++) {
    let sum = 0;
    for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) sum += m.values[p] * m.values[p];
    if (sum === 0) continue;
    const scale = 1 / Math.sqrt(sum);
    for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) m.values[p] *= scale;
  }
  return m;
}

/** The given rows, in the given order (repeats allowed). */
export function selectRows(m: CsrMatrix, rows: ArrayLike<number>): CsrMatrix {
  const builder = new CsrBuilder(m.cols);
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) builder.push(m.indices[p], m.values[p]);
    builder.endRow();
  }
  return builder.finish();
}

/** out = X w + bias. */
export function multiplyVector(m: CsrMatrix, w: ArrayLike<number>, bias = 0, out = new Float64Array(m.rows)): Float64Array {
  for (let i = 0; i < m.rows; i++) {
    let s = bias;
    for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) s += m.values[p] * w[m.indices[p]];
    out[i] = s;
  }
  return out;
}

/** out += Xᵀ r (out has m.cols entries at least). */
export function addTransposeProduct(m: CsrMatrix, r: ArrayLike<number>, out: Float64Array): Float64Array {
  for (let i = 0; i < m.rows; i++) {
    const ri = r[i];
    if (ri === 0) continue;
    for (let p = m.indptr[i]; p < m.indptr[i + 1]; p++) out[m.indices[p]] += m.values[p] * ri;
  }
  return out;
}
