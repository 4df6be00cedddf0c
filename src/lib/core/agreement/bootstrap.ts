// Seeded bootstrap confidence intervals for an agreement statistic: units are drawn again with replacement, the
// statistic recomputed, and the 2.5th and 97.5th percentiles kept (percentile method).
import { mulberry32, randomInt } from '../random';
import type { Ratings } from './statistics';

export interface Interval {
  low: number;
  high: number;
  /** Resamples where the statistic was defined (not NaN). */
  samples: number;
}

export function bootstrapInterval(ratings: Ratings, statistic: (sample: Ratings) => number, options: { samples?: number; seed?: number; level?: number } = {}): Interval {
  const samples = options.samples ?? 1000;
  const level = options.level ?? 0.95;
  const random = mulberry32(options.seed ?? 1);
  const n = ratings.length;
  const values: number[] = [];
  const sample: (readonly (string | null)[])[] = new Array(n);
  for (let s = 0; s < samples && n > 0; s++) {
    for (let i = 0; i < n; i++) sample[i] = ratings[randomInt(random, n)]!;
    const value = statistic(sample);
    if (!Number.isNaN(value)) values.push(value);
  }
  if (!values.length) return { low: NaN, high: NaN, samples: 0 };
  values.sort((a, b) => a - b);
  const at = (q: number) => values[Math.min(values.length - 1, Math.max(0, Math.floor(q * values.length)))]!;
  return { low: at((1 - level) / 2), high: at(1 - (1 - level) / 2), samples: values.length };
}
