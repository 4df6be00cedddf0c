// A list shown in frames: each new page of rows keeps the objects of rows that did not change, and rows new to the
// list are added a batch per animation frame. The explorer redraws while a run writes scores; creating its fifty
// rows in one Svelte flush was the page's longest task (issue #11: none over 100 ms).
import { admitRows, keepUnchanged } from '../core/ml/corpus/row-batches';

export class RowBatches<T> {
  #rows = $state.raw<T[]>([]);
  #target: T[] = [];
  #frame: number | undefined;
  readonly #key: (row: T) => unknown;
  readonly #same: (a: T, b: T) => boolean;
  readonly #batch: number;

  /** `batch`: rows created per frame. */
  constructor(key: (row: T) => unknown, same: (a: T, b: T) => boolean, batch: number) {
    this.#key = key;
    this.#same = same;
    this.#batch = batch;
  }

  /** The rows to draw now. */
  get rows(): T[] {
    return this.#rows;
  }

  /** A new page: shown at once where it reuses rows, the rest following frame by frame. Reads no reactive state. */
  show(rows: readonly T[]): void {
    this.#target = keepUnchanged(this.#target, rows, this.#key, this.#same);
    this.#step();
  }

  /** Stops adding rows (the component is gone). */
  stop(): void {
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
  }

  #step = (): void => {
    this.stop();
    const { rows, pending } = admitRows(this.#rows, this.#target, this.#key, this.#batch);
    this.#rows = rows;
    if (pending > 0) this.#frame = requestAnimationFrame(this.#step);
  };
}
