// L2-penalised logistic regression (scikit-learn's objective and C), sample weights, solved by L-BFGS.
import { minimiseLbfgs, type LbfgsStop } from './lbfgs';
import { addTransposeProduct, multiplyVector, type CsrMatrix } from './sparse';

export interface LogisticOptions {
  /** Inverse regularisation strength: loss = C · Σ sᵢ·logloss + ½‖w‖², intercept not penalised. */
  C: number;
  maxIterations: number;
  /** Tolerance on the Euclidean norm of the gradient of the objective divided by C·Σ sᵢ (scikit-learn's scaling). */
  tolerance: number;
  sampleWeight?: ArrayLike<number>;
  /** Starting point (warm start), e.g. the solution for a nearby C. */
  init?: { weights: ArrayLike<number>; intercept: number };
  signal?: AbortSignal;
}

export interface LogisticFit {
  weights: Float64Array;
  intercept: number;
  iterations: number;
  converged: boolean;
  stop: LbfgsStop;
  /** Euclidean norm of the scaled objective's gradient at the solution. */
  gradientNorm: number;
}

export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** log(1 + e^z), without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** scikit-learn's class_weight="balanced": n / (2 · n_class) for each sample's class. */
export function balancedWeights(labels: ArrayLike<number>): Float64Array {
  let positives = 0;
  for (let i = 0; i < labels.length; i++) positives += labels[i] === 1 ? 1 : 0;
  const negatives = labels.length - positives;
  const wPos = positives > 0 ? labels.length / (2 * positives) : 0;
  const wNeg = negatives > 0 ? labels.length / (2 * negatives) : 0;
  return Float64Array.from({ length: labels.length }, (_, i) => (labels[i] === 1 ? wPos : wNeg));
}

/** The scaled objective (C·Σ sᵢℓᵢ + ½‖w‖²) / (C·Σ sᵢ) and its gradient over θ = [w…, b]. */
export function logisticObjective(X: CsrMatrix, labels: ArrayLike<number>, C: number, weight: ArrayLike<number>) {
  const d = X.cols;
  let weightSum = 0;
  for (let i = 0; i < X.rows; i++) weightSum += weight[i];
  const z = new Float64Array(X.rows);
  const residual = new Float64Array(X.rows);
  return (theta: Float64Array, grad: Float64Array): number => {
    const w = theta.subarray(0, d);
    multiplyVector(X, w, theta[d], z);
    let loss = 0;
    let biasGrad = 0;
    for (let i = 0; i < X.rows; i++) {
      const zi = z[i];
      loss += weight[i] * (softplus(zi) - labels[i] * zi);
      residual[i] = (weight[i] * (sigmoid(zi) - labels[i])) / weightSum;
      biasGrad += residual[i];
    }
    grad.fill(0);
    addTransposeProduct(X, residual, grad);
    const penalty = 1 / (C * weightSum);
    let norm = 0;
    for (let j = 0; j < d; j++) {
      norm += w[j] * w[j];
      grad[j] += penalty * w[j];
    }
    grad[d] = biasGrad;
    return loss / weightSum + 0.5 * penalty * norm;
  };
}

/** Fits the model; deterministic for given inputs. Labels are 0/1. */
export function fitLogistic(X: CsrMatrix, labels: ArrayLike<number>, options: LogisticOptions): LogisticFit {
  if (labels.length !== X.rows) throw new Error('fitLogistic : autant d’étiquettes que de lignes attendues.');
  const weight = options.sampleWeight ?? new Float64Array(X.rows).fill(1);
  const theta0 = new Float64Array(X.cols + 1);
  if (options.init) {
    theta0.set(Array.from(options.init.weights).slice(0, X.cols));
    theta0[X.cols] = options.init.intercept;
  }
  const result = minimiseLbfgs(logisticObjective(X, labels, options.C, weight), theta0, {
    maxIterations: options.maxIterations,
    tolerance: options.tolerance,
    signal: options.signal,
  });
  return {
    weights: result.x.slice(0, X.cols),
    intercept: result.x[X.cols],
    iterations: result.iterations,
    converged: result.converged,
    stop: result.stop,
    gradientNorm: result.gradientNorm,
  };
}

/** Probabilities σ(Xw + b). */
export function predictLogistic(X: CsrMatrix, weights: ArrayLike<number>, intercept: number): Float64Array {
  const z = multiplyVector(X, weights, intercept);
  for (let i = 0; i < z.length; i++) z[i] = sigmoid(z[i]);
  return z;
}
