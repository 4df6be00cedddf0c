// State of the browse tab: search text (debounced) and filters, live results, and the selection for bulk labelling.
import { SvelteSet } from 'svelte/reactivity';
import type { AgreementState } from '../core/annotation/majority';
import { getDb } from '../db/db';
import { searchSentences, type SearchResult } from '../db/repos/sentence-search';
import { LiveQuery } from './LiveQuery.svelte';

const EMPTY: SearchResult = { total: 0, rows: [] };

export class AnnotationBrowse {
  text = $state('');
  label = $state('');
  annotatorId = $state<number | undefined>();
  agreement = $state<AgreementState | ''>('');
  readonly selected = new SvelteSet<number>();

  #appliedText = $state('');
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #datasetId: () => number | undefined;
  #results = $derived.by(() => {
    const datasetId = this.#datasetId();
    if (datasetId === undefined) return undefined;
    const query = { datasetId, text: this.#appliedText, label: this.label, annotatorId: this.annotatorId, agreement: this.agreement };
    return new LiveQuery<SearchResult | undefined>(() => searchSentences(getDb(), query), undefined);
  });
  #last: SearchResult = EMPTY;

  constructor(datasetId: () => number | undefined) {
    this.#datasetId = datasetId;
  }

  get results(): SearchResult {
    const fresh = this.#results?.current;
    if (fresh) this.#last = fresh;
    return fresh ?? this.#last;
  }

  /** True while the current query's first answer is awaited (the results shown are the previous query's). */
  get searching(): boolean {
    return this.text !== this.#appliedText || (this.#results !== undefined && this.#results.current === undefined);
  }

  /** Called on each keystroke; the search runs once typing pauses. */
  setText(text: string): void {
    this.text = text;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => (this.#appliedText = text), 200);
  }

  toggle(id: number): void {
    if (this.selected.has(id)) this.selected.delete(id);
    else this.selected.add(id);
  }

  /** Selects every shown row, or clears the selection when all are selected already. */
  toggleAll(): void {
    const ids = this.results.rows.map((r) => r.sentence.id);
    if (ids.every((id) => this.selected.has(id))) this.selected.clear();
    else ids.forEach((id) => this.selected.add(id));
  }
}
