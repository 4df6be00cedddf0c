// Tests: Logistic regression and L-BFGS against an independent Newton solve.
import { describe, expect, it } from 'vitest';
import { minimiseLbfgs } from './lbfgs';
import { balancedWeights, fitLogistic } from './logistic';
import { fitLogisticGram, gramMatrix } from './logistic-gram';
import { mulberry32 } from '../random';
import { csrFromDense } from './sparse';

/** A small dense problem: n rows, d features, labels from a noisy linear rule. */
function problem(n: number, d: number, seed: number) {
  const rng = mulberry32(seed);
  const X = Array.from({ length: n }, () => Array.from({ length: d }, () => (rng() < 0.6 ? 0 : rng() * 2 - 1)));
  const y = X.map((row) => (row.reduce((s, v, j) => s + v * (j % 2 ? 1 : -2), 0) + (rng() - 0.5) > 0 ? 1 : 0));
  return { X, y };
}

const sig = (z: number) => 1 / (1 + Math.exp(-z));

/** Gradient of C·Σ sᵢℓᵢ + ½‖w‖² over [w…, b], written independently of the library. */
function gradient(X: number[][], y: number[], s: number[], C: number, theta: number[]): number[] {
  const d = X[0].length;
  const g = [...theta.slice(0, d), 0];
  X.forEach((row, i) => {
    const r = C * s[i] * (sig(row.reduce((a, v, j) => a + v * theta[j], theta[d])) - y[i]);
    row.forEach((v, j) => (g[j] += r * v));
    g[d] += r;
  });
  return g;
}

/** Plain Newton's method with a dense Gaussian-elimination solve: the reference solution. */
function newton(X: number[][], y: number[], s: number[], C: number): number[] {
  const d = X[0].length;
  let theta = new Array<number>(d + 1).fill(0);
  for (let iter = 0; iter < 50; iter++) {
    const g = gradient(X, y, s, C, theta);
    const H = Array.from({ length: d + 1 }, (_, a) => Array.from({ length: d + 1 }, (_, b) => (a === b && a < d ? 1 : 0)));
    X.forEach((row, i) => {
      const p = sig(row.reduce((a, v, j) => a + v * theta[j], theta[d]));
      const x = [...row, 1];
      for (let a = 0; a <= d; a++) for (let b = 0; b <= d; b++) H[a][b] += C * s[i] * p * (1 - p) * x[a] * x[b];
    });
    const A = H.map((row, a) => [...row, -g[a]]);
    for (let col = 0; col <= d; col++) {
      const pivot = A.reduce((best, _, r) => (r >= col && Math.abs(A[r][col]) > Math.abs(A[best][col]) ? r : best), col);
      [A[col], A[pivot]] = [A[pivot], A[col]];
      for (let r = 0; r <= d; r++) {
        if (r === col) continue;
        const f = A[r][col] / A[col][col];
        for (let c = col; c <= d + 1; c++) A[r][c] -= f * A[col][c];
      }
    }
    theta = theta.map((t, a) => t + A[a][d + 1] / A[a][a]);
  }
  return theta;
}

describe('logistic regression (L-BFGS)', () => {
  const { X, y } = problem(60, 5, 3);
  const weights = Array.from(balancedWeights(y));
  const C = 2;

  it('matches a Newton solve of the same objective, with class weights', () => {
    const reference = newton(X, y, weights, C);
    const fit = fitLogistic(csrFromDense(X), y, { C, maxIterations: 500, tolerance: 1e-8, sampleWeight: weights });
    expect(fit.converged).toBe(true);
    expect(fit.stop).toBe('gradient');
    expect(fit.iterations).toBeGreaterThan(0);
    fit.weights.forEach((w, j) => expect(w).toBeCloseTo(reference[j], 6));
    expect(fit.intercept).toBeCloseTo(reference[5], 6);
  });

  it('has a zero gradient at its solution (intercept not penalised)', () => {
    const fit = fitLogistic(csrFromDense(X), y, { C, maxIterations: 500, tolerance: 1e-8, sampleWeight: weights });
    const g = gradient(X, y, weights, C, [...fit.weights, fit.intercept]);
    for (const v of g) expect(Math.abs(v)).toBeLessThan(1e-6);
    expect(Math.abs(fit.intercept)).toBeGreaterThan(1e-3);
  });

  it('reports non-convergence when stopped by the iteration cap', () => {
    const fit = fitLogistic(csrFromDense(X), y, { C: 100, maxIterations: 2, tolerance: 1e-12 });
    expect(fit).toMatchObject({ converged: false, stop: 'max-iterations', iterations: 2 });
  });

  it('solving in the row span (Gram matrix) gives the same solution when rows < features', () => {
    const wide = problem(12, 40, 9);
    const matrix = csrFromDense(wide.X);
    const options = { C: 3, maxIterations: 1000, tolerance: 1e-8 };
    const primal = fitLogistic(matrix, wide.y, options);
    const gram = fitLogisticGram(matrix, gramMatrix(matrix), wide.y, options);
    expect(gram.converged).toBe(true);
    gram.weights.forEach((w, j) => expect(w).toBeCloseTo(primal.weights[j], 6));
    expect(gram.intercept).toBeCloseTo(primal.intercept, 6);
    const warm = fitLogisticGram(matrix, gramMatrix(matrix), wide.y, { ...options, init: gram });
    expect(warm.iterations).toBeLessThanOrEqual(1);
  });

  it('balanced weights are n / (2 · n_class)', () => {
    expect(Array.from(balancedWeights([1, 0, 0, 0]))).toEqual([2, 2 / 3, 2 / 3, 2 / 3]);
  });
});

describe('L-BFGS', () => {
  it('minimises the Rosenbrock function', () => {
    const result = minimiseLbfgs(
      (x, g) => {
        g[0] = -2 * (1 - x[0]) - 400 * x[0] * (x[1] - x[0] ** 2);
        g[1] = 200 * (x[1] - x[0] ** 2);
        return (1 - x[0]) ** 2 + 100 * (x[1] - x[0] ** 2) ** 2;
      },
      Float64Array.from([-1.2, 1]),
      { maxIterations: 200, tolerance: 1e-8 },
    );
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 5);
    expect(result.x[1]).toBeCloseTo(1, 5);
  });

  it('stops with an AbortError when the signal is aborted', () => {
    const controller = new AbortController();
    controller.abort();
    expect(() => minimiseLbfgs((x, g) => (g.set(x), 0.5 * x[0] ** 2), Float64Array.from([1]), { maxIterations: 10, tolerance: 0, signal: controller.signal })).toThrow(
      expect.objectContaining({ name: 'AbortError' }),
    );
  });
});
