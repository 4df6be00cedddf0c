// Asks the import worker to build a dataset's search index when it is missing or stale (after an import, before a
// search or a similarity query); shows its progress; one request at a time per dataset.
import { importWorker } from '../workers/import/client';
import type { IndexFacts } from '../workers/import/search-protocol';

export class SearchIndexing {
  #progress = $state.raw<Record<number, { done: number; total: number }>>({});
  #facts = $state.raw<Record<number, IndexFacts>>({});
  #error = $state.raw<unknown>();
  readonly #running = new Map<number, Promise<IndexFacts | undefined>>();

  /** Answers read so far by a build under way for this dataset, undefined when none runs. */
  progressOf(datasetId: number): { done: number; total: number } | undefined {
    return this.#progress[datasetId];
  }
  factsOf(datasetId: number): IndexFacts | undefined {
    return this.#facts[datasetId];
  }
  get error(): unknown {
    return this.#error;
  }

  /** Makes sure the dataset's index is fresh (the worker checks in milliseconds when it is); resolves with its facts. */
  ensure(datasetId: number): Promise<IndexFacts | undefined> {
    const running = this.#running.get(datasetId);
    if (running) return running;
    const call = importWorker()
      .call('search/ensureIndex', { datasetId }, { on: { 'search/indexProgress': (p) => (this.#progress = { ...this.#progress, [datasetId]: p }) } })
      .then(
        (facts) => {
          this.#facts = { ...this.#facts, [datasetId]: facts };
          this.#error = undefined;
          return facts;
        },
        (error: unknown) => {
          // The screens go on with the slower scan; the failure is shown where the index is needed.
          this.#error = error;
          return undefined;
        },
      )
      .finally(() => {
        this.#running.delete(datasetId);
        const { [datasetId]: _done, ...rest } = this.#progress;
        this.#progress = rest;
      });
    this.#running.set(datasetId, call);
    return call;
  }
}

let shared: SearchIndexing | undefined;

/** The page's one index requester, so that the import, the browse tab and the similar tab share builds. */
export function searchIndexing(): SearchIndexing {
  shared ??= new SearchIndexing();
  return shared;
}
