// Limited-memory BFGS minimiser with a weak-Wolfe bisection line search; deterministic, on Float64Arrays.
import { throwIfAborted } from './abort';

/** Writes the gradient at x into grad and returns the objective's value. */
export type Objective = (x: Float64Array, grad: Float64Array) => number;

export interface LbfgsOptions {
  maxIterations: number;
  /** Converged when the gradient's Euclidean norm is at most this. */
  tolerance: number;
  /** Number of correction pairs kept (10 like SciPy's default). */
  memory?: number;
  signal?: AbortSignal;
  /** Inner product of the space (default: the dot product); lets vectors carry other coordinates (see logistic-gram). */
  innerProduct?: (a: Float64Array, b: Float64Array) => number;
}

export type LbfgsStop = 'gradient' | 'max-iterations' | 'line-search' | 'no-progress';

export interface LbfgsResult {
  x: Float64Array;
  value: number;
  gradientNorm: number;
  iterations: number;
  converged: boolean;
  stop: LbfgsStop;
}

// Vector helpers kept as small functions: V8 optimises their loops well (hot loops inside the big function, over
// variables captured by closures, ran several times slower).
function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** out += a · x */
function axpy(out: Float64Array, a: number, x: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] += a * x[i];
}

/** out = x + a · d */
function step(out: Float64Array, x: Float64Array, a: number, d: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] = x[i] + a * d[i];
}

/** out = a − b */
function difference(out: Float64Array, a: Float64Array, b: Float64Array): void {
  for (let i = 0; i < out.length; i++) out[i] = a[i] - b[i];
}

function scale(out: Float64Array, a: number): void {
  for (let i = 0; i < out.length; i++) out[i] *= a;
}

function finish(x: Float64Array, value: number, gradientNorm: number, iterations: number, stop: LbfgsStop): LbfgsResult {
  return { x, value, gradientNorm, iterations, converged: stop === 'gradient', stop };
}

/** Minimises a smooth function from x0 (not modified). */
export function minimiseLbfgs(objective: Objective, x0: Float64Array, options: LbfgsOptions): LbfgsResult {
  const n = x0.length;
  const memory = options.memory ?? 10;
  const inner = options.innerProduct ?? dot;
  const norm = (v: Float64Array) => Math.sqrt(Math.max(0, inner(v, v)));
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let f = objective(x, g);
  let xNext = new Float64Array(n);
  let gNext = new Float64Array(n);
  const s = Array.from({ length: memory }, () => new Float64Array(n));
  const y = Array.from({ length: memory }, () => new Float64Array(n));
  const rho = new Float64Array(memory);
  const alpha = new Float64Array(memory);
  const d = new Float64Array(n);
  let sTry = new Float64Array(n);
  let yTry = new Float64Array(n);
  let stored = 0;
  let newest = -1;
  let gNorm = norm(g);
  if (gNorm <= options.tolerance) return finish(x, f, gNorm, 0, 'gradient');

  for (let iter = 1; iter <= options.maxIterations; iter++) {
    throwIfAborted(options.signal);
    // Two-loop recursion: d = -H g.
    d.set(g);
    for (let k = 0; k < stored; k++) {
      const j = (newest - k + memory) % memory;
      alpha[j] = rho[j] * inner(s[j], d);
      axpy(d, -alpha[j], y[j]);
    }
    scale(d, stored > 0 ? inner(s[newest], y[newest]) / inner(y[newest], y[newest]) : 1 / Math.max(1, Math.sqrt(inner(g, g))));
    for (let k = stored - 1; k >= 0; k--) {
      const j = (newest - k + memory) % memory;
      axpy(d, alpha[j] - rho[j] * inner(y[j], d), s[j]);
    }
    scale(d, -1);
    let slope = inner(g, d);
    if (!(slope < 0)) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      stored = 0;
      d.set(g);
      scale(d, -1 / Math.max(1, Math.sqrt(inner(g, g))));
      slope = inner(g, d);
    }

    // Weak Wolfe line search by bracketing and bisection (Lewis & Overton).
    let low = 0;
    let high = Infinity;
    let t = 1;
    let fNext = f;
    let accepted = false;
    for (let trial = 0; trial < 50 && !accepted; trial++) {
      step(xNext, x, t, d);
      fNext = objective(xNext, gNext);
      if (!(fNext <= f + 1e-4 * t * slope)) high = t;
      else if (inner(gNext, d) < 0.9 * slope) low = t;
      else accepted = true;
      if (!accepted) t = high < Infinity ? (low + high) / 2 : 2 * low;
    }
    if (!accepted) return finish(x, f, gNorm, iter - 1, 'line-search');

    difference(sTry, xNext, x);
    difference(yTry, gNext, g);
    const sy = inner(sTry, yTry);
    if (sy > 1e-12) {
      // Keep the pair only under positive curvature, so the implicit Hessian stays positive definite.
      newest = (newest + 1) % memory;
      const [sOld, yOld] = [s[newest], y[newest]];
      s[newest] = sTry;
      y[newest] = yTry;
      sTry = sOld;
      yTry = yOld;
      rho[newest] = 1 / sy;
      stored = Math.min(stored + 1, memory);
    }
    const previous = f;
    [x, xNext] = [xNext, x];
    [g, gNext] = [gNext, g];
    f = fNext;
    gNorm = norm(g);
    if (gNorm <= options.tolerance) return finish(x, f, gNorm, iter, 'gradient');
    if (previous - f <= 1e-15 * Math.max(1, Math.abs(f))) return finish(x, f, gNorm, iter, 'no-progress');
  }
  return finish(x, f, gNorm, options.maxIterations, 'max-iterations');
}
