// The explorer of a scored dataset: filters (threshold, predicted label, agreement with the human label, text), a
// page of sentences by score with the histogram (computed in the model worker, newest query wins), one answer's
// view, corrections recorded as annotations through the app's label writer, and the CSV export.
import type { ExploreFilters } from '../core/ml/corpus/explore';
import { getDb, type Annotator, type Guideline } from '../db/db';
import { getCurrentAnnotator } from '../db/repos/annotators';
import { latestGuideline } from '../db/repos/guidelines';
import { modelWorker } from '../workers/model/client';
import type { AnswerScores, ExplorePage } from '../workers/model/score-protocol';
import { labelWriter } from './LabelWriter.svelte';
import { LiveQuery } from './LiveQuery.svelte';

export const PAGE_SIZE = 50;

export class CorpusExplorer {
  threshold = $state(0.5);
  label = $state<ExploreFilters['label']>('');
  agreement = $state<ExploreFilters['agreement']>('');
  order = $state<ExploreFilters['order']>('desc');
  text = $state('');
  offset = $state(0);
  readonly annotator = new LiveQuery<Annotator | undefined>(() => getCurrentAnnotator(getDb()), undefined);
  readonly guideline = new LiveQuery<Guideline | undefined>(() => latestGuideline(getDb()), undefined);
  readonly writer = labelWriter();

  #page = $state.raw<ExplorePage | undefined>();
  #loading = $state(false);
  #error = $state<string | undefined>();
  #answer = $state.raw<AnswerScores | undefined>();
  #exporting = $state(false);
  #controller: AbortController | undefined;
  /** Bumped after a correction is stored, so the page is asked again. */
  #labelsVersion = $state(0);

  get page(): ExplorePage | undefined {
    return this.#page;
  }
  get loading(): boolean {
    return this.#loading;
  }
  get error(): string | undefined {
    return this.#error;
  }
  get answer(): AnswerScores | undefined {
    return this.#answer;
  }
  get exporting(): boolean {
    return this.#exporting;
  }
  get labelsVersion(): number {
    return this.#labelsVersion;
  }

  /** Asks the worker for the page the filters describe; a newer query cancels this one. */
  async query(datasetId: number, modelId: string): Promise<void> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.#loading = true;
    const args = { datasetId, modelId, threshold: this.threshold, label: this.label, agreement: this.agreement, order: this.order, text: this.text, offset: this.offset, limit: PAGE_SIZE };
    try {
      this.#page = await modelWorker().call('score/explore', args, { signal: controller.signal });
      this.#error = undefined;
    } catch (error) {
      if (!controller.signal.aborted) this.#error = (error as Error).message;
    } finally {
      if (this.#controller === controller) this.#loading = false;
    }
  }

  async openAnswer(modelId: string, answerId: number): Promise<void> {
    this.#answer = (await modelWorker().call('score/answer', { modelId, answerId })) ?? undefined;
  }

  closeAnswer(): void {
    this.#answer = undefined;
  }

  /**
   * Records the label a person gives a sentence (confirming or correcting the model) as the current annotator's
   * annotation, through the one label writer; false when no annotator profile or guideline exists yet.
   */
  correct(datasetId: number, sentenceId: number, label: string): boolean {
    const annotator = this.annotator.current;
    const version = this.guideline.current?.version;
    if (!annotator || version === undefined) return false;
    void this.writer.label({ datasetId, sentenceIds: [sentenceId], annotatorId: annotator.id, label, guidelineVersion: version }).then(() => this.#labelsVersion++);
    return true;
  }

  /** The filtered sentences as a CSV Blob (in the worker); resolves with its row count. */
  async exportCsv(datasetId: number, modelId: string, modelName: string): Promise<{ blob: Blob; rows: number }> {
    this.#exporting = true;
    try {
      return await modelWorker().call('score/export', { datasetId, modelId, modelName, threshold: this.threshold, label: this.label, agreement: this.agreement, order: this.order, text: this.text });
    } finally {
      this.#exporting = false;
    }
  }
}
