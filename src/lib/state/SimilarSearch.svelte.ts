// State of the similar tab: a typed text or a chosen sentence, the N most (or least) similar sentences by TF-IDF
// through the dataset's index (built on demand in the worker) or by meaning over the sentence vectors stored so far
// under an encoder, labels kept live, and a selection to label at once.
import { SvelteSet } from 'svelte/reactivity';
import { getDb, type Sentence } from '../db/db';
import { denseChoices, denseSimilarSentences, type DenseChoice } from '../db/repos/dense-similar';
import { getSentence } from '../db/repos/sentences';
import { similarSentences, type SimilarQuery, type SimilarRow } from '../db/repos/similar-sentences';
import { errorText } from '../i18n/locale.svelte';
import { modelWorker } from '../workers/model/client';
import { LiveQuery } from './LiveQuery.svelte';
import { searchIndexing } from './SearchIndexing.svelte';
import { transformerSettings } from './TransformerSettings.svelte';

export type SimilarOrder = 'most' | 'least';

/** A query of either method: TF-IDF (method '' ), or by meaning under an encoder's storage key. */
type Query = SimilarQuery & { model?: string; vector?: Float32Array };

interface Answer {
  source?: Sentence;
  rows: SimilarRow[];
  ms: number;
  /** By meaning: the sentences compared, and whether the starting sentence had a vector. */
  searched?: number;
  sourceEmbedded?: boolean;
}

async function answerOf(query: Query): Promise<Answer | undefined> {
  const started = performance.now();
  if (!query.model) {
    const found = await similarSentences(getDb(), query);
    if (!found) void searchIndexing().ensure(query.datasetId);
    return found && { ...found, ms: performance.now() - started };
  }
  const source = query.sentenceId === undefined ? undefined : await getSentence(getDb(), query.sentenceId);
  const found = await denseSimilarSentences(getDb(), { ...query, model: query.model });
  return { ...found, source, ms: performance.now() - started };
}

export class SimilarSearch {
  text = $state('');
  order = $state<SimilarOrder>('most');
  count = $state(20);
  readonly selected = new SvelteSet<number>();
  /** Goes up each time a sentence elsewhere asks for its neighbours: the screen shows this tab then. */
  requests = $state(0);
  /** '' for TF-IDF, else the storage key of the encoder whose stored vectors are compared. */
  method = $state('');
  #embedding = $state(false);
  #embedError = $state.raw<unknown>();

  #query = $state.raw<Query | undefined>();
  readonly #datasetId: () => number | undefined;
  // null: the query is running; undefined: the dataset has no fresh index yet (the worker is asked to build it).
  #answer = $derived.by(() => {
    const query = this.#query;
    if (!query) return undefined;
    return new LiveQuery<Answer | null | undefined>(() => answerOf(query), null);
  });
  #choices = $derived.by(() => {
    const datasetId = this.#datasetId();
    return datasetId === undefined ? undefined : new LiveQuery<DenseChoice[]>(() => denseChoices(getDb(), datasetId), []);
  });

  constructor(datasetId: () => number | undefined) {
    this.#datasetId = datasetId;
  }

  /** Encoders with stored vectors for this dataset (offered next to TF-IDF). */
  get choices(): DenseChoice[] {
    return this.#choices?.current ?? [];
  }
  /** The chosen encoder's coverage, when the method is by meaning. */
  get choice(): DenseChoice | undefined {
    return this.choices.find((c) => c.model === this.method);
  }
  get answer(): Answer | undefined {
    return this.#answer?.current ?? undefined;
  }
  get embedError(): string | undefined {
    return this.#embedError === undefined ? undefined : errorText(this.#embedError);
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
  get phase(): 'idle' | 'embedding' | 'indexing' | 'searching' | 'done' {
    if (this.#embedding) return 'embedding';
    if (!this.#query) return 'idle';
    const answer = this.#answer?.current;
    return answer === null ? 'searching' : answer === undefined ? 'indexing' : 'done';
  }
  get indexProgress(): { done: number; total: number } | undefined {
    return this.#query && searchIndexing().progressOf(this.#query.datasetId);
  }

  /** Neighbours of the typed text (by meaning, its vector is computed by the encoder in the model worker first). */
  async searchText(): Promise<void> {
    const datasetId = this.#datasetId();
    const text = this.text;
    if (datasetId === undefined || !text.trim()) return;
    const choice = this.choice;
    if (!choice) return this.#run({ datasetId, text, k: this.count, order: this.order });
    this.#embedding = true;
    this.#embedError = undefined;
    try {
      const { vectors } = await modelWorker().call('transformer/embed', { model: choice.name, dtype: choice.dtype, backend: transformerSettings.backend, texts: [text] });
      this.#run({ datasetId, text, k: this.count, order: this.order, model: choice.model, vector: vectors });
    } catch (error) {
      this.#embedError = error;
    } finally {
      this.#embedding = false;
    }
  }

  /** Neighbours of a sentence (itself left out). */
  searchSentence(sentenceId: number): void {
    const datasetId = this.#datasetId();
    if (datasetId === undefined) return;
    this.requests++;
    this.#run({ datasetId, sentenceId, k: this.count, order: this.order, model: this.choice?.model });
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

  /** The method changed: the same text or sentence again with it. */
  rerunWithMethod(): void {
    const query = this.#query;
    if (!query) return;
    if (query.sentenceId !== undefined) this.#run({ datasetId: query.datasetId, sentenceId: query.sentenceId, k: this.count, order: this.order, model: this.choice?.model });
    else void this.searchText();
  }

  #run(query: Query): void {
    this.selected.clear();
    this.#query = query;
  }
}
