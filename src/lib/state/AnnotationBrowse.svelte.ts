// State of the browse tab: search text (debounced) and filters, live results, and the selection for bulk labelling.
// Rows show a label as soon as it is stored, before the search (seconds on a million sentences) has run again.
import { SvelteSet } from 'svelte/reactivity';
import type { AgreementState } from '../core/annotation/majority';
import type { LabelChange } from '../core/annotation/progress';
import type { Annotation } from '../db/db';
import { getDb } from '../db/db';
import { searchSentences, type SearchResult } from '../db/repos/sentence-search';
import { LiveQuery } from './LiveQuery.svelte';
import { searchIndexing } from './SearchIndexing.svelte';

type TimedResult = SearchResult & { startedAt: number };

const EMPTY: TimedResult = { total: 0, rows: [], startedAt: 0 };

/** The rows with these committed changes applied to their labels (idempotent: a row already holding one is unchanged). */
function patchRows(result: TimedResult, changes: readonly (LabelChange & { at: number })[]): SearchResult {
  const newer = changes.filter((c) => c.at > result.startedAt);
  if (!newer.length) return result;
  const bySentence = new Map<number, LabelChange[]>();
  for (const c of newer) bySentence.set(c.sentenceId, [...(bySentence.get(c.sentenceId) ?? []), c]);
  const rows = result.rows.map((row) => {
    const mine = bySentence.get(row.sentence.id);
    if (!mine) return row;
    let labels: Annotation[] = row.labels;
    for (const c of mine) {
      const kept = labels.filter((a) => a.annotatorId !== c.annotatorId);
      const old = labels.find((a) => a.annotatorId === c.annotatorId);
      labels = c.label === undefined ? kept : [...kept, { ...(old ?? { id: -1 - c.annotatorId, guidelineVersion: 0, createdAt: 0 }), sentenceId: c.sentenceId, annotatorId: c.annotatorId, label: c.label, bulk: c.bulk }];
    }
    return { ...row, labels };
  });
  return { ...result, rows };
}

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
    return new LiveQuery<TimedResult | undefined>(async () => {
      const startedAt = performance.now();
      return { ...(await searchSentences(getDb(), query)), startedAt };
    }, undefined);
  });
  #last: TimedResult = EMPTY;
  /** Label changes committed lately, kept until a search started after them has answered. */
  #changes = $state.raw<(LabelChange & { at: number })[]>([]);

  constructor(datasetId: () => number | undefined, onChanges: (listener: (changes: readonly LabelChange[]) => void) => void) {
    this.#datasetId = datasetId;
    onChanges((changes) => {
      const at = performance.now();
      this.#changes = [...this.#changes.filter((c) => c.at > this.#last.startedAt), ...changes.map((c) => ({ ...c, at }))];
    });
  }

  get results(): SearchResult {
    const fresh = this.#results?.current;
    if (fresh) this.#last = fresh;
    return patchRows(fresh ?? this.#last, this.#changes);
  }

  /** True while the current query's first answer is awaited (the results shown are the previous query's). */
  get searching(): boolean {
    return this.text !== this.#appliedText || (this.#results !== undefined && this.#results.current === undefined);
  }

  /** Called on each keystroke; the search runs once typing pauses. */
  setText(text: string): void {
    this.text = text;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#appliedText = text;
      // The search answers from the dataset's index once it is built (the live query sees it appear).
      const datasetId = this.#datasetId();
      if (text.trim() && datasetId !== undefined) void searchIndexing().ensure(datasetId);
    }, 200);
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
