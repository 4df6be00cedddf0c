// Seeded bootstrap confidence intervals for an agreement statistic: units are drawn again with replacement, the
// statistic recomputed, and the 2.5th and 97.5th percentiles kept (percentile method). The async form gives the
// same numbers for the same seed, yielding to the page between slices so that no task runs long.
import { mulberry32, randomInt } from '../random';
import type { Ratings } from './statistics';

export interface Interval {
  low: number;
  high: number;
  /** Resamples where the statistic was defined (not NaN). */
  samples: number;
}

export interface BootstrapOptions {
  samples?: number;
  seed?: number;
  level?: number;
}

/** The resampled values, one per step of the generator (so callers choose when to pause). */
function* resample(ratings: Ratings, statistic: (sample: Ratings) => number, options: BootstrapOptions): Generator<number> {
  const random = mulberry32(options.seed ?? 1);
  const n = ratings.length;
  const sample: (readonly (string | null)[])[] = new Array(n);
  for (let s = 0; s < (options.samples ?? 1000) && n > 0; s++) {
    for (let i = 0; i < n; i++) sample[i] = ratings[randomInt(random, n)]!;
    yield statistic(sample);
  }
}

function percentiles(values: number[], level: number): Interval {
  const defined = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  if (!defined.length) return { low: NaN, high: NaN, samples: 0 };
  const at = (q: number) => defined[Math.min(defined.length - 1, Math.max(0, Math.floor(q * defined.length)))]!;
  return { low: at((1 - level) / 2), high: at(1 - (1 - level) / 2), samples: defined.length };
}

export function bootstrapInterval(ratings: Ratings, statistic: (sample: Ratings) => number, options: BootstrapOptions = {}): Interval {
  return percentiles([...resample(ratings, statistic, options)], options.level ?? 0.95);
}

/** As bootstrapInterval, pausing every `sliceMs` of work; rejects with the signal's reason when aborted. */
export async function bootstrapIntervalAsync(
  ratings: Ratings,
  statistic: (sample: Ratings) => number,
  options: BootstrapOptions & { signal?: AbortSignal; sliceMs?: number } = {},
): Promise<Interval> {
  const values: number[] = [];
  let sliceStart = performance.now();
  for (const value of resample(ratings, statistic, options)) {
    values.push(value);
    if (performance.now() - sliceStart > (options.sliceMs ?? 25)) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      options.signal?.throwIfAborted();
      sliceStart = performance.now();
    }
  }
  return percentiles(values, options.level ?? 0.95);
}
