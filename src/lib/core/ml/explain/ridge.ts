// Weighted ridge regression with an unpenalised intercept (scikit-learn's Ridge with sample_weight), dense and small.

export interface RidgeFit {
  coefficients: Float64Array;
  intercept: number;
  /** Weighted coefficient of determination on the fitted rows (1 = perfect, 0 = no better than the mean). */
  score: number;
}

/**
 * Minimises Σ_i s_i (y_i − b − x_i·β)² + α‖β‖². `X` holds n rows of d values, row-major.
 * Centring by the weighted means removes the intercept; the d×d normal equations are solved by Cholesky
 * (positive definite for α > 0).
 */
export function weightedRidge(X: Float64Array, n: number, d: number, y: ArrayLike<number>, sampleWeights: ArrayLike<number>, alpha = 1): RidgeFit {
  let total = 0;
  const meanX = new Float64Array(d);
  let meanY = 0;
  for (let i = 0; i < n; i++) {
    const s = sampleWeights[i];
    total += s;
    meanY += s * y[i];
    for (let j = 0; j < d; j++) meanX[j] += s * X[i * d + j];
  }
  if (total <= 0) throw new Error('Régression : poids des échantillons tous nuls.');
  meanY /= total;
  for (let j = 0; j < d; j++) meanX[j] /= total;

  const A = new Float64Array(d * d);
  const b = new Float64Array(d);
  const row = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const s = sampleWeights[i];
    if (s === 0) continue;
    for (let j = 0; j < d; j++) row[j] = X[i * d + j] - meanX[j];
    const yc = y[i] - meanY;
    for (let j = 0; j < d; j++) {
      const sj = s * row[j];
      b[j] += sj * yc;
      for (let k = 0; k <= j; k++) A[j * d + k] += sj * row[k];
    }
  }
  for (let j = 0; j < d; j++) A[j * d + j] += alpha;
  const coefficients = choleskySolve(A, b, d);
  let intercept = meanY;
  for (let j = 0; j < d; j++) intercept -= meanX[j] * coefficients[j];

  let residual = 0;
  let spread = 0;
  for (let i = 0; i < n; i++) {
    let fit = intercept;
    for (let j = 0; j < d; j++) fit += X[i * d + j] * coefficients[j];
    residual += sampleWeights[i] * (y[i] - fit) ** 2;
    spread += sampleWeights[i] * (y[i] - meanY) ** 2;
  }
  return { coefficients, intercept, score: spread > 0 ? 1 - residual / spread : 1 };
}

/** Solves A x = b for a symmetric positive definite A of which only the lower triangle is read; A is overwritten. */
export function choleskySolve(A: Float64Array, b: Float64Array, d: number): Float64Array {
  for (let j = 0; j < d; j++) {
    let diag = A[j * d + j];
    for (let k = 0; k < j; k++) diag -= A[j * d + k] ** 2;
    if (!(diag > 0)) throw new Error('Régression : système non défini positif.');
    const l = Math.sqrt(diag);
    A[j * d + j] = l;
    for (let i = j + 1; i < d; i++) {
      let v = A[i * d + j];
      for (let k = 0; k < j; k++) v -= A[i * d + k] * A[j * d + k];
      A[i * d + j] = v / l;
    }
  }
  const x = Float64Array.from(b);
  for (let i = 0; i < d; i++) {
    for (let k = 0; k < i; k++) x[i] -= A[i * d + k] * x[k];
    x[i] /= A[i * d + i];
  }
  for (let i = d - 1; i >= 0; i--) {
    for (let k = i + 1; k < d; k++) x[i] -= A[k * d + i] * x[k];
    x[i] /= A[i * d + i];
  }
  return x;
}
