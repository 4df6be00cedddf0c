// Logistic regression solved in the span of the training rows (w = Xᵀβ): same L-BFGS iterates, far fewer dimensions.
//
// With L2 penalty the optimum w lies in the span of the rows, and so does every L-BFGS vector started there. Each
// vector is stored as [β | b | Kβ | b] with K = XXᵀ, so that primal dot products are O(n) (⟨Xᵀa, Xᵀc⟩ = a·Kc) and
// only the gradient needs one n×n product per evaluation. Worth it when rows ≪ features (≈ 700 × 40 000 here).
import { minimiseLbfgs } from './lbfgs';
import { fitLogistic, sigmoid, type LogisticFit, type LogisticOptions } from './logistic';
import { addTransposeProduct, type CsrMatrix } from './sparse';

/**
 * K = X Xᵀ, dense row-major n × n, as a sum of column outer products: cost Σ nnz(column)² / 2, about 6× fewer
 * operations than row-by-row dot products here.
 */
export function gramMatrix(X: CsrMatrix): Float64Array {
  const n = X.rows;
  const start = new Int32Array(X.cols + 1);
  for (const j of X.indices) start[j + 1]++;
  for (let j = 0; j < X.cols; j++) start[j + 1] += start[j];
  const rowOf = new Int32Array(X.indices.length);
  const valueOf = new Float64Array(X.indices.length);
  const next = start.slice(0, X.cols);
  for (let i = 0; i < n; i++) {
    for (let p = X.indptr[i]; p < X.indptr[i + 1]; p++) {
      const q = next[X.indices[p]]++;
      rowOf[q] = i;
      valueOf[q] = X.values[p];
    }
  }
  // Rows within a column are increasing, so a ≥ b fills the lower triangle. Done in bands of rows of K that fit in
  // the cache; `cursor` remembers where each column's rows stand (bands go up, like the rows).
  const K = new Float64Array(n * n);
  const cursor = start.slice(0, X.cols);
  const band = Math.max(1, Math.floor(32768 / Math.max(1, n)));
  for (let top = 0; top < n; top += band) {
    const bottom = top + band;
    for (let c = 0; c < X.cols; c++) {
      const first = start[c];
      const end = start[c + 1];
      let a = cursor[c];
      for (; a < end && rowOf[a] < bottom; a++) {
        const row = rowOf[a] * n;
        const va = valueOf[a];
        for (let b = first; b <= a; b++) K[row + rowOf[b]] += va * valueOf[b];
      }
      cursor[c] = a;
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) K[j * n + i] = K[i * n + j];
  return K;
}

/** out = K v for a dense symmetric n × n K. */
function gramProduct(K: Float64Array, v: Float64Array, n: number, out: Float64Array, outOffset: number): void {
  for (let i = 0; i < n; i++) {
    let s = 0;
    const row = i * n;
    for (let j = 0; j < n; j++) s += K[row + j] * v[j];
    out[outOffset + i] = s;
  }
}

function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

export interface GramFit extends LogisticFit {
  /** Row coefficients: weights = Xᵀ beta (a warm start for the next C on the same rows). */
  beta: Float64Array;
}

/** Same problem and options as fitLogistic, for a given Gram matrix of X; `init` here is a previous fit's beta. */
export function fitLogisticGram(
  X: CsrMatrix,
  K: Float64Array,
  labels: ArrayLike<number>,
  options: Omit<LogisticOptions, 'init'> & { init?: { beta: Float64Array; intercept: number } },
): GramFit {
  const n = X.rows;
  const weight = options.sampleWeight ?? new Float64Array(n).fill(1);
  let weightSum = 0;
  for (let i = 0; i < n; i++) weightSum += weight[i];
  const penalty = 1 / (options.C * weightSum);
  const residual = new Float64Array(n);

  const objective = (x: Float64Array, grad: Float64Array): number => {
    const b = x[n];
    let loss = 0;
    let norm = 0;
    let biasGrad = 0;
    for (let i = 0; i < n; i++) {
      const kb = x[n + 1 + i];
      const z = kb + b;
      loss += weight[i] * (softplus(z) - labels[i] * z);
      norm += x[i] * kb;
      residual[i] = (weight[i] * (sigmoid(z) - labels[i])) / weightSum;
      biasGrad += residual[i];
    }
    gramProduct(K, residual, n, grad, n + 1);
    for (let i = 0; i < n; i++) {
      grad[i] = residual[i] + penalty * x[i];
      grad[n + 1 + i] += penalty * x[n + 1 + i];
    }
    grad[n] = biasGrad;
    grad[2 * n + 1] = biasGrad;
    return loss / weightSum + 0.5 * penalty * norm;
  };

  const inner = (a: Float64Array, c: Float64Array): number => {
    let s = a[n] * c[2 * n + 1];
    for (let i = 0; i < n; i++) s += a[i] * c[n + 1 + i];
    return s;
  };
  const x0 = new Float64Array(2 * n + 2);
  if (options.init) {
    x0.set(options.init.beta.subarray(0, n));
    gramProduct(K, x0, n, x0, n + 1);
    x0[n] = options.init.intercept;
    x0[2 * n + 1] = options.init.intercept;
  }
  const result = minimiseLbfgs(objective, x0, {
    maxIterations: options.maxIterations,
    tolerance: options.tolerance,
    signal: options.signal,
    innerProduct: inner,
  });
  const beta = result.x.slice(0, n);
  const weights = new Float64Array(X.cols);
  addTransposeProduct(X, beta, weights);
  return {
    weights,
    intercept: result.x[n],
    beta,
    iterations: result.iterations,
    converged: result.converged,
    stop: result.stop,
    gradientNorm: result.gradientNorm,
  };
}

/** fitLogistic, through the row span when there are fewer rows than features (same optimum, less work). */
export function fitLogisticAuto(X: CsrMatrix, labels: ArrayLike<number>, options: Omit<LogisticOptions, 'init'>): LogisticFit {
  return X.rows < X.cols ? fitLogisticGram(X, gramMatrix(X), labels, options) : fitLogistic(X, labels, options);
}
