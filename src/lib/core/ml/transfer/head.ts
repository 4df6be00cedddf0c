// The transfer head: logistic regression (hidden 0) or a one-hidden-layer MLP (ReLU) on frozen sentence vectors,
// trained by mini-batch Adam on class-weighted cross-entropy, with early stopping on a stratified validation split.
import { stratifiedSubset } from '../folds';
import { mulberry32, shuffleInPlace } from '../../random';

export interface HeadParams {
  /** Hidden units; 0 gives logistic regression. */
  hidden: number;
  learningRate: number;
  batchSize: number;
  maxEpochs: number;
  /** Epochs without a better validation loss before stopping. */
  patience: number;
  /** Fraction of the training rows held out for early stopping (0: none, train maxEpochs). */
  validationFraction: number;
  /** L2 penalty on the weights (not the biases). */
  weightDecay: number;
  /** Weight each class inversely to its frequency (as scikit-learn's 'balanced'). */
  classWeights: boolean;
  seed: number;
}

export const DEFAULT_HEAD_PARAMS: HeadParams = {
  hidden: 0,
  learningRate: 0.01,
  batchSize: 32,
  maxEpochs: 200,
  patience: 10,
  validationFraction: 0.15,
  weightDecay: 1e-4,
  classWeights: true,
  seed: 42,
};

/** Weights as plain arrays (they go into the model JSON): w1 is [dims × hidden] row-major; w2 has hidden (or dims) entries. */
export interface HeadWeights {
  dims: number;
  hidden: number;
  w1: number[];
  b1: number[];
  w2: number[];
  b2: number;
}

export interface LossPoint {
  epoch: number;
  train: number;
  /** null when nothing was held out. */
  validation: number | null;
}

export interface HeadFit {
  weights: HeadWeights;
  lossCurve: LossPoint[];
  /** Epoch whose weights were kept (the best validation loss). */
  bestEpoch: number;
  epochs: number;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** Parameters in one flat vector (w1, b1, w2, b2), so Adam and the snapshots handle a single array. */
class Net {
  readonly p: Float64Array;
  readonly o: { w1: number; b1: number; w2: number; b2: number };
  constructor(readonly dims: number, readonly hidden: number, seed: number) {
    const h = hidden;
    const w2Size = h > 0 ? h : dims;
    this.o = { w1: 0, b1: dims * h, w2: dims * h + h, b2: dims * h + h + w2Size };
    this.p = new Float64Array(this.o.b2 + 1);
    const rng = mulberry32(seed);
    // Glorot-uniform start for the MLP's first layer; the output starts at zero (a neutral 0.5).
    const limit = Math.sqrt(6 / (dims + Math.max(h, 1)));
    for (let i = 0; i < dims * h; i++) this.p[i] = (2 * rng() - 1) * limit;
    if (h > 0) for (let i = 0; i < h; i++) this.p[this.o.w2 + i] = (2 * rng() - 1) * Math.sqrt(6 / (h + 1));
  }

  /** P(dissident) for one row; fills the hidden activations when given. */
  forward(x: Float32Array, act?: Float64Array): number {
    const { p, o, dims, hidden: h } = this;
    let z = p[o.b2]!;
    if (h === 0) {
      for (let d = 0; d < dims; d++) z += p[o.w2 + d]! * x[d]!;
      return sigmoid(z);
    }
    for (let j = 0; j < h; j++) {
      let a = p[o.b1 + j]!;
      for (let d = 0; d < dims; d++) a += x[d]! * p[o.w1 + d * h + j]!;
      a = a > 0 ? a : 0;
      if (act) act[j] = a;
      z += p[o.w2 + j]! * a;
    }
    return sigmoid(z);
  }

  /** Adds weight × d(loss)/d(params) for one row to grad; returns the row's cross-entropy. */
  backward(x: Float32Array, y: number, weight: number, grad: Float64Array, act: Float64Array): number {
    const { p, o, dims, hidden: h } = this;
    const prob = this.forward(x, act);
    const dz = weight * (prob - y);
    grad[o.b2]! += dz;
    if (h === 0) {
      for (let d = 0; d < dims; d++) grad[o.w2 + d]! += dz * x[d]!;
    } else {
      for (let j = 0; j < h; j++) {
        grad[o.w2 + j]! += dz * act[j]!;
        if (act[j]! <= 0) continue;
        const da = dz * p[o.w2 + j]!;
        grad[o.b1 + j]! += da;
        for (let d = 0; d < dims; d++) grad[o.w1 + d * h + j]! += da * x[d]!;
      }
    }
    const clipped = Math.min(Math.max(prob, 1e-12), 1 - 1e-12);
    return -weight * (y * Math.log(clipped) + (1 - y) * Math.log(1 - clipped));
  }

  isBias(i: number): boolean {
    const { o } = this;
    return (i >= o.b1 && i < o.w2) || i === o.b2;
  }

  weights(p: Float64Array = this.p): HeadWeights {
    const { o } = this;
    return {
      dims: this.dims,
      hidden: this.hidden,
      w1: Array.from(p.subarray(o.w1, o.b1)),
      b1: Array.from(p.subarray(o.b1, o.w2)),
      w2: Array.from(p.subarray(o.w2, o.b2)),
      b2: p[o.b2]!,
    };
  }
}

function classWeightsFor(labels: ArrayLike<number>, rows: ArrayLike<number>, balanced: boolean): [number, number] {
  if (!balanced) return [1, 1];
  let positives = 0;
  for (let r = 0; r < rows.length; r++) positives += labels[rows[r]!]!;
  const n = rows.length;
  return [n / (2 * Math.max(1, n - positives)), n / (2 * Math.max(1, positives))];
}

function meanLoss(net: Net, X: readonly Float32Array[], y: ArrayLike<number>, rows: ArrayLike<number>, cw: [number, number]): number {
  let total = 0;
  let weights = 0;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r]!;
    const prob = Math.min(Math.max(net.forward(X[i]!), 1e-12), 1 - 1e-12);
    const w = cw[y[i]!]!;
    total += -w * (y[i]! * Math.log(prob) + (1 - y[i]!) * Math.log(1 - prob));
    weights += w;
  }
  return total / Math.max(weights, 1e-12);
}

export interface HeadHooks {
  signal?: AbortSignal;
  onEpoch?(point: LossPoint): void;
}

/** Trains the head on rows of X (all of them unless rows is given). Deterministic for a given seed. */
export function trainHead(X: readonly Float32Array[], y: ArrayLike<number>, params: HeadParams, hooks: HeadHooks = {}, rows?: ArrayLike<number>): HeadFit {
  const dims = X[0]?.length ?? 0;
  const all = Int32Array.from(rows ?? Array.from({ length: X.length }, (_, i) => i));
  const validation = params.validationFraction > 0 ? stratifiedSubset(all, y, params.validationFraction, params.seed + 17) : new Int32Array(0);
  const held = new Set(validation);
  const train = all.filter((i) => !held.has(i));
  const cw = classWeightsFor(y, train, params.classWeights);
  const net = new Net(dims, params.hidden, params.seed);
  const grad = new Float64Array(net.p.length);
  const m = new Float64Array(net.p.length);
  const v = new Float64Array(net.p.length);
  const act = new Float64Array(Math.max(params.hidden, 1));
  const rng = mulberry32(params.seed + 1);
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];
  let step = 0;
  let best = { loss: Infinity, epoch: 0, p: net.p.slice() };
  const lossCurve: LossPoint[] = [];
  let epoch = 0;
  while (epoch < params.maxEpochs) {
    epoch++;
    if (hooks.signal?.aborted) {
      const error = new Error('Entraînement annulé.');
      error.name = 'AbortError';
      throw error;
    }
    const order = shuffleInPlace(Int32Array.from(train), rng);
    let trainLoss = 0;
    let trainWeight = 0;
    for (let start = 0; start < order.length; start += params.batchSize) {
      const batch = order.subarray(start, start + params.batchSize);
      grad.fill(0);
      let batchWeight = 0;
      for (const i of batch) {
        const w = cw[y[i]!]!;
        trainLoss += net.backward(X[i]!, y[i]!, w, grad, act);
        batchWeight += w;
        trainWeight += w;
      }
      step++;
      const lr = (params.learningRate * Math.sqrt(1 - beta2 ** step)) / (1 - beta1 ** step);
      for (let k = 0; k < net.p.length; k++) {
        const g = grad[k]! / batchWeight + (net.isBias(k) ? 0 : params.weightDecay * net.p[k]!);
        m[k] = beta1 * m[k]! + (1 - beta1) * g;
        v[k] = beta2 * v[k]! + (1 - beta2) * g * g;
        net.p[k]! -= (lr * m[k]!) / (Math.sqrt(v[k]!) + eps);
      }
    }
    const validationLoss = validation.length > 0 ? meanLoss(net, X, y, validation, cw) : null;
    const point = { epoch, train: trainLoss / Math.max(trainWeight, 1e-12), validation: validationLoss };
    lossCurve.push(point);
    hooks.onEpoch?.(point);
    const watched = validationLoss ?? point.train;
    if (watched < best.loss - 1e-6) best = { loss: watched, epoch, p: net.p.slice() };
    else if (validationLoss !== null && epoch - best.epoch >= params.patience) break;
  }
  return { weights: net.weights(best.p), lossCurve, bestEpoch: best.epoch, epochs: epoch };
}

/** P(dissident) of each vector under a trained head. */
export function predictHead(w: HeadWeights, X: readonly Float32Array[]): Float64Array {
  const net = new Net(w.dims, w.hidden, 0);
  net.p.set([...w.w1, ...w.b1, ...w.w2, w.b2]);
  return Float64Array.from(X, (x) => net.forward(x));
}
