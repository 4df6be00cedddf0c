// State of the near-duplicates panel: groups of identical and nearly identical sentences, computed in the import
// worker on demand (seconds on a million sentences), and which groups were labelled in this visit.
import { SvelteMap } from 'svelte/reactivity';
import { importWorker } from '../workers/import/client';
import type { NearDuplicates as Groups } from '../workers/import/search-protocol';

export class NearDuplicates {
  #result = $state.raw<Groups | undefined>();
  #running = $state(false);
  #error = $state.raw<unknown>();
  #datasetId = $state<number | undefined>();
  #generation = 0;
  /** Label given to a group in this visit, by its first sentence id. */
  readonly labelled = new SvelteMap<number, string>();

  get result(): Groups | undefined {
    return this.#result;
  }
  get running(): boolean {
    return this.#running;
  }
  get error(): unknown {
    return this.#error;
  }
  /** Whether the groups shown are this dataset's. */
  isFor(datasetId: number | undefined): boolean {
    return this.#result !== undefined && datasetId !== undefined && datasetId === this.#datasetId;
  }

  /** Groups the dataset's sentences; the newest request wins. */
  async find(datasetId: number): Promise<void> {
    const generation = ++this.#generation;
    this.#running = true;
    this.#error = undefined;
    try {
      const result = await importWorker().call('search/nearDuplicates', { datasetId });
      if (generation !== this.#generation) return;
      this.#datasetId = datasetId;
      this.#result = result;
      this.labelled.clear();
    } catch (error) {
      if (generation === this.#generation) this.#error = error;
    } finally {
      if (generation === this.#generation) this.#running = false;
    }
  }
}
