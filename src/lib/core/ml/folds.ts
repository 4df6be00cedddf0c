// Stratified k-fold splits, stratified subsets and class rebalancing by resampling; all seeded.
import { CodedError } from '../errors';
import { mulberry32, randomInt, shuffleInPlace, type Rng } from '../random';

export interface Fold {
  train: Int32Array;
  test: Int32Array;
}

function indicesByClass(labels: ArrayLike<number>): [number[], number[]] {
  const negatives: number[] = [];
  const positives: number[] = [];
  for (let i = 0; i < labels.length; i++) (labels[i] === 1 ? positives : negatives).push(i);
  return [negatives, positives];
}

/**
 * k folds that partition the indices, each class shuffled then dealt in turn so every fold keeps the class ratio
 * (fold class counts differ by at most one). Indices inside each fold are sorted.
 */
export function stratifiedKFold(labels: ArrayLike<number>, k: number, seed: number): Fold[] {
  const classes = indicesByClass(labels);
  const smallest = Math.min(...classes.map((c) => c.length));
  if (k < 2 || smallest < k) {
    const message = `Validation croisée impossible : ${k} plis demandés, mais la plus petite classe n’a que ${smallest} exemple(s).`;
    throw new CodedError('train/folds', message, { folds: k, smallest });
  }
  const rng = mulberry32(seed);
  const foldOf = new Int32Array(labels.length);
  let next = 0;
  for (const members of classes) {
    shuffleInPlace(members, rng);
    for (const i of members) {
      foldOf[i] = next;
      next = (next + 1) % k;
    }
  }
  return Array.from({ length: k }, (_, f) => {
    const train: number[] = [];
    const test: number[] = [];
    for (let i = 0; i < labels.length; i++) (foldOf[i] === f ? test : train).push(i);
    return { train: Int32Array.from(train), test: Int32Array.from(test) };
  });
}

/** A stratified fraction of some indices (at least one of each class present); sorted. */
export function stratifiedSubset(indices: ArrayLike<number>, labels: ArrayLike<number>, fraction: number, seed: number): Int32Array {
  const rng = mulberry32(seed);
  const picked: number[] = [];
  const classes: number[][] = [[], []];
  for (let r = 0; r < indices.length; r++) classes[labels[indices[r]] === 1 ? 1 : 0].push(indices[r]);
  for (const members of classes) {
    shuffleInPlace(members, rng);
    const take = Math.min(members.length, Math.max(1, Math.round(members.length * fraction)));
    picked.push(...members.slice(0, take));
  }
  return Int32Array.from(picked.sort((a, b) => a - b));
}

export type Imbalance = 'class-weight' | 'undersample' | 'oversample';

/**
 * Training rows after rebalancing: 'undersample' drops random majority rows, 'oversample' repeats random minority rows,
 * until both classes have the same count; 'class-weight' keeps the rows (weights do the work). Sorted, repeats allowed.
 */
export function rebalance(indices: ArrayLike<number>, labels: ArrayLike<number>, imbalance: Imbalance, seed: number): Int32Array {
  if (imbalance === 'class-weight') return Int32Array.from(indices);
  const rng: Rng = mulberry32(seed);
  const classes: number[][] = [[], []];
  for (let r = 0; r < indices.length; r++) classes[labels[indices[r]] === 1 ? 1 : 0].push(indices[r]);
  const [small, large] = classes[0].length <= classes[1].length ? [classes[0], classes[1]] : [classes[1], classes[0]];
  let out: number[];
  if (imbalance === 'undersample') {
    out = [...small, ...shuffleInPlace(large.slice(), rng).slice(0, small.length)];
  } else {
    out = [...large, ...small];
    for (let extra = small.length; extra < large.length && small.length > 0; extra++) out.push(small[randomInt(rng, small.length)]);
  }
  return Int32Array.from(out.sort((a, b) => a - b));
}
