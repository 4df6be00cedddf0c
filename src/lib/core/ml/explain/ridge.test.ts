// Tests: weighted ridge against closed forms: exact recovery, the one-feature formula, weights as repeated rows.
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../random';
import { weightedRidge } from './ridge';

describe('weightedRidge', () => {
  const rng = mulberry32(3);
  const n = 60;
  const d = 4;
  const X = Float64Array.from({ length: n * d }, () => rng() * 2 - 1);
  const truth = [3, -1, 0.5, 0];
  const y = Array.from({ length: n }, (_, i) => 2 + truth.reduce((a, b, j) => a + b * X[i * d + j], 0));
  const weights = Array.from({ length: n }, () => 0.2 + rng());

  it('recovers an exactly linear target when the penalty vanishes', () => {
    const fit = weightedRidge(X, n, d, y, weights, 1e-10);
    truth.forEach((b, j) => expect(fit.coefficients[j]).toBeCloseTo(b, 6));
    expect(fit.intercept).toBeCloseTo(2, 6);
    expect(fit.score).toBeCloseTo(1, 9);
  });

  it('matches the one-feature formula β = Σs(x−x̄)(y−ȳ) / (Σs(x−x̄)² + α), intercept unpenalised', () => {
    const x = [0, 1, 2, 3, 5];
    const t = [1, 0.5, 2, 2.5, 4];
    const s = [1, 2, 1, 0.5, 3];
    const total = s.reduce((a, b) => a + b, 0);
    const mx = s.reduce((a, si, i) => a + si * x[i], 0) / total;
    const my = s.reduce((a, si, i) => a + si * t[i], 0) / total;
    const sxy = s.reduce((a, si, i) => a + si * (x[i] - mx) * (t[i] - my), 0);
    const sxx = s.reduce((a, si, i) => a + si * (x[i] - mx) ** 2, 0);
    const fit = weightedRidge(Float64Array.from(x), 5, 1, t, s, 2);
    expect(fit.coefficients[0]).toBeCloseTo(sxy / (sxx + 2), 12);
    expect(fit.intercept).toBeCloseTo(my - mx * (sxy / (sxx + 2)), 12);
  });

  it('treats a weight of 2 as the row written twice', () => {
    const rows = [1, 0, 0, 1, 1, 1, 0, 0];
    const t = [0.9, 0.2, 0.7, 0.1];
    const weighted = weightedRidge(Float64Array.from(rows), 4, 2, t, [2, 1, 1, 1]);
    const repeated = weightedRidge(Float64Array.from([...rows, 1, 0]), 5, 2, [...t, 0.9], [1, 1, 1, 1, 1]);
    expect(Array.from(weighted.coefficients)).toEqual(Array.from(repeated.coefficients).map((v) => expect.closeTo(v, 12)));
    expect(weighted.intercept).toBeCloseTo(repeated.intercept, 12);
  });
});
