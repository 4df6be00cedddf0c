// An ordered write queue: operations pushed at any pace are committed in order, in batches (all that waited while the
// previous batch was being written go in the next one), never dropped; the newest one can be withdrawn while it waits.

export interface WriteQueueOptions<Op> {
  /** Writes a batch in one transaction; throws when nothing of it was stored. */
  commit(batch: readonly Op[]): Promise<void>;
  /** Called after a failed commit: the batch stays at the head of the queue and is tried again. */
  onError?(error: unknown): void;
  /** Called whenever the number of operations not yet committed changes, or a commit succeeds after a failure. */
  onChange?(): void;
  /** Delay before trying a failed batch again (ms), growing with each failure. */
  retryDelay?(failures: number): number;
}

interface Entry<Op> {
  op: Op;
  resolve(): void;
}

export class WriteQueue<Op> {
  readonly #options: WriteQueueOptions<Op>;
  /** Pushed, not yet handed to a commit. */
  #waiting: Entry<Op>[] = [];
  /** Handed to the commit in progress (or the failed one, kept to be tried again first). */
  #writing: Entry<Op>[] = [];
  #running = false;
  #failures = 0;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #idle: (() => void)[] = [];

  constructor(options: WriteQueueOptions<Op>) {
    this.#options = options;
  }

  /** Operations not yet committed (waiting, or being written). */
  get pending(): number {
    return this.#waiting.length + this.#writing.length;
  }

  get failing(): boolean {
    return this.#failures > 0;
  }

  /** Queues an operation; the promise resolves once it is committed. */
  push(op: Op): Promise<void> {
    return new Promise<void>((resolve) => {
      this.#waiting.push({ op, resolve });
      this.#options.onChange?.();
      this.#schedule();
    });
  }

  /**
   * Withdraws `op` if it is still waiting (not yet handed to a commit): returns true, and its promise never resolves
   * (it will never be written). Returns false when it is being written or already committed.
   */
  withdraw(op: Op): boolean {
    const at = this.#waiting.findIndex((e) => e.op === op);
    if (at < 0) return false;
    this.#waiting.splice(at, 1);
    this.#options.onChange?.();
    return true;
  }

  /** Resolves once nothing is pending (at once when nothing is). */
  idle(): Promise<void> {
    if (this.pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** Tries a failed batch again now instead of waiting for its retry delay. */
  retryNow(): void {
    if (this.#retry === undefined) return;
    clearTimeout(this.#retry);
    this.#retry = undefined;
    this.#schedule();
  }

  #schedule(): void {
    if (this.#running || this.#retry !== undefined) return;
    this.#running = true;
    // A microtask: keys handled in one task (a bulk action's loop) still share one batch.
    queueMicrotask(() => void this.#drain());
  }

  async #drain(): Promise<void> {
    while (this.#writing.length || this.#waiting.length) {
      if (!this.#writing.length) this.#writing = this.#waiting.splice(0);
      const batch = this.#writing;
      try {
        await this.#options.commit(batch.map((e) => e.op));
      } catch (error) {
        this.#failures++;
        this.#running = false;
        this.#options.onError?.(error);
        const delay = this.#options.retryDelay?.(this.#failures) ?? Math.min(30_000, 500 * 2 ** (this.#failures - 1));
        this.#retry = setTimeout(() => {
          this.#retry = undefined;
          this.#schedule();
        }, delay);
        this.#options.onChange?.();
        return;
      }
      this.#writing = [];
      this.#failures = 0;
      for (const entry of batch) entry.resolve();
      this.#options.onChange?.();
    }
    this.#running = false;
    for (const resolve of this.#idle.splice(0)) resolve();
  }
}
