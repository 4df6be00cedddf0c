// State of the similar tab: a typed text or a chosen sentence, the N most (or least) similar sentences by TF-IDF
// through the dataset's index (built on demand in the worker), labels kept live, and a selection to label at once.
import { SvelteSet } from 'svelte/reactivity';
import { getDb, type Sentence } from '../db/db';
import { similarSentences, type SimilarQuery, type SimilarRow } from '../db/repos/similar-sentences';
import { LiveQuery } from './LiveQuery.svelte';
import { searchIndexing } from './SearchIndexing.svelte';

export type SimilarOrder = 'most' | 'least';

interface Answer {
  source?: Sentence;
  rows: SimilarRow[];
  ms: number;
}

export class SimilarSearch {
  text = $state('');
  order = $state<SimilarOrder>('most');
  count = $state(20);
  readonly selected = new SvelteSet<number>();
  /** Goes up each time a sentence elsewhere asks for its neighbours: the screen shows this tab then. */
  requests = $state(0);

  #query = $state.raw<SimilarQuery | undefined>();
  readonly #datasetId: () => number | undefined;
  // null: the query is running; undefined: the dataset has no fresh index yet (the worker is asked to build it).
  #answer = $derived.by(() => {
    const query = this.#query;
    if (!query) return undefined;
    return new LiveQuery<Answer | null | undefined>(async () => {
      const started = performance.now();
      const found = await similarSentences(getDb(), query);
      if (!found) void searchIndexing().ensure(query.datasetId);
      return found && { ...found, ms: performance.now() - started };
    }, null);
  });

  constructor(datasetId: () => number | undefined) {
    this.#datasetId = datasetId;
  }

  get query(): SimilarQuery | undefined {
    return this.#query;
  }
  get rows(): SimilarRow[] {
    return this.#answer?.current?.rows ?? [];
  }
  /** The sentence the results are similar to, when they started from one. */
  get source(): Sentence | undefined {
    return this.#answer?.current?.source;
  }
  get ms(): number | undefined {
    return this.#answer?.current?.ms;
  }
  /** 'idle' before any query, 'indexing' while the dataset's index is built, 'searching', then 'done'. */
  get phase(): 'idle' | 'indexing' | 'searching' | 'done' {
    if (!this.#query) return 'idle';
    const answer = this.#answer?.current;
    return answer === null ? 'searching' : answer === undefined ? 'indexing' : 'done';
  }
  get indexProgress(): { done: number; total: number } | undefined {
    return this.#query && searchIndexing().progressOf(this.#query.datasetId);
  }

  /** Neighbours of the typed text. */
  searchText(): void {
    const datasetId = this.#datasetId();
    if (datasetId === undefined || !this.text.trim()) return;
    this.#run({ datasetId, text: this.text, k: this.count, order: this.order });
  }

  /** Neighbours of a sentence (itself left out). */
  searchSentence(sentenceId: number): void {
    const datasetId = this.#datasetId();
    if (datasetId === undefined) return;
    this.requests++;
    this.#run({ datasetId, sentenceId, k: this.count, order: this.order });
  }

  /** The same query again with the current order and count. */
  rerun(): void {
    if (this.#query) this.#run({ ...this.#query, k: this.count, order: this.order });
  }

  toggle(id: number): void {
    if (this.selected.has(id)) this.selected.delete(id);
    else this.selected.add(id);
  }

  toggleAll(): void {
    const ids = this.rows.map((r) => r.sentence.id);
    if (ids.every((id) => this.selected.has(id))) this.selected.clear();
    else ids.forEach((id) => this.selected.add(id));
  }

  #run(query: SimilarQuery): void {
    this.selected.clear();
    this.#query = query;
  }
}
