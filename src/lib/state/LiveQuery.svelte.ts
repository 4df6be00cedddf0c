// A Dexie liveQuery as a rune: reading `.current` in a template subscribes while the component is mounted. A failed
// query keeps its last value, and is reported to the shell's notice (QueryFailures) so the user is told.
import { liveQuery } from 'dexie';
import { createSubscriber } from 'svelte/reactivity';
import { queryFailures } from './QueryFailures.svelte';

export class LiveQuery<T> {
  // Plain fields: createSubscriber's update() is what makes readers of `current` run again.
  #value: T;
  #error: unknown;
  #loaded = false;
  #subscribe: () => void;

  constructor(query: () => Promise<T> | T, initial: T) {
    this.#value = initial;
    this.#subscribe = createSubscriber((update) => {
      // An async querier: Dexie keeps its tracking zone across native awaits only for async functions, and a plain
      // arrow returning a promise loses the reads made after the first few awaits (the query never re-runs).
      const subscription = liveQuery(async () => await query()).subscribe({
        next: (value) => {
          this.#value = value;
          this.#loaded = true;
          this.#error = undefined;
          queryFailures.recovered(this);
          update();
        },
        error: (error: unknown) => {
          this.#error = error;
          queryFailures.report(this, error);
          update();
        },
      });
      return () => {
        subscription.unsubscribe();
        // Unmounted: its screen is gone, and so is the reason to warn (a remount queries afresh).
        queryFailures.recovered(this);
      };
    });
  }

  get current(): T {
    this.#subscribe();
    return this.#value;
  }

  /** Whether the query has answered once: before that, `current` is the initial value, not "nothing stored". */
  get loaded(): boolean {
    this.#subscribe();
    return this.#loaded;
  }

  get error(): unknown {
    this.#subscribe();
    return this.#error;
  }
}
