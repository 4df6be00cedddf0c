// Sentence-vector runs of the Modèles screen: which datasets have vectors under which encoder (live), one run at a time
// in the model worker with progress and cancel; a run left unfinished by a closed tab is shown as interrupted, resumable.
import { getDb, type Dataset, type EmbeddingRun } from '../db/db';
import { listDatasets } from '../db/repos/datasets';
import { deleteEmbeddings, embeddingModelKey, listEmbeddingRuns } from '../db/repos/embeddings';
import { errorText } from '../i18n/locale.svelte';
import { modelWorker } from '../workers/model/client';
import { LiveQuery } from './LiveQuery.svelte';
import { transformerSettings } from './TransformerSettings.svelte';

export type RunState = 'running' | 'interrupted' | 'cancelled' | 'done';

export interface RunView {
  key: string;
  model: string;
  name: string;
  dtype: 'fp32' | 'q8';
  datasetId: number;
  dataset: string;
  done: number;
  total: number;
  state: RunState;
}

const runKey = (model: string, datasetId: number) => `${model}\u0000${datasetId}`;

export class DatasetEmbeddings {
  readonly #runs = new LiveQuery<EmbeddingRun[]>(() => listEmbeddingRuns(getDb()), []);
  readonly #datasets = new LiveQuery<Dataset[]>(() => listDatasets(getDb()), []);
  #running = $state<{ key: string; done: number; total: number } | undefined>();
  #controller: AbortController | undefined;
  #message = $state.raw<unknown>();
  #finished = $state.raw<{ computed: number; reused: number } | undefined>();

  constructor() {
    void transformerSettings.loadList();
  }

  get datasets(): Dataset[] {
    return this.#datasets.current;
  }
  get encoders() {
    return transformerSettings.encoders;
  }
  get busy(): boolean {
    return this.#running !== undefined;
  }
  get error(): string | undefined {
    return this.#message === undefined ? undefined : errorText(this.#message);
  }
  get finished(): { computed: number; reused: number } | undefined {
    return this.#finished;
  }

  /** Every run stored, with this page's live progress over the stored count while it runs. */
  get runs(): RunView[] {
    const names = new Map(this.datasets.map((d) => [d.id, d.name]));
    return this.#runs.current
      .filter((r) => names.has(r.datasetId))
      .map((r) => {
        const key = runKey(r.model, r.datasetId);
        const live = this.#running?.key === key ? this.#running : undefined;
        // Stored as running but not running in this page: the tab that ran it was closed.
        const state: RunState = live ? 'running' : r.status === 'running' ? 'interrupted' : r.status;
        return { key, model: r.model, name: r.name, dtype: r.dtype, datasetId: r.datasetId, dataset: names.get(r.datasetId)!, done: live?.done ?? r.done, total: live?.total ?? r.total, state };
      });
  }

  /** The precision a run uses for an encoder: the one chosen in Réglages where the folder has it, else q8, else fp32. */
  dtypeFor(name: string): 'q8' | 'fp32' {
    const entry = this.encoders.find((e) => e.name === name);
    if (transformerSettings.model?.name === name) return transformerSettings.dtype;
    return entry?.dtypes.q8 !== undefined ? 'q8' : 'fp32';
  }

  /** Computes (or resumes) a dataset's vectors under an encoder; one run at a time. */
  async start(datasetId: number, name: string, dtype = this.dtypeFor(name)): Promise<void> {
    if (this.#running) return;
    const key = runKey(embeddingModelKey(name, dtype), datasetId);
    const controller = new AbortController();
    this.#controller = controller;
    this.#running = { key, done: 0, total: 0 };
    this.#message = undefined;
    this.#finished = undefined;
    // A cancel answers at once, but the worker's batch in flight still finishes, is stored and reported: such a late
    // event must not bring the stopped run back as running (it then stayed « en cours » for good, busy for ever).
    const live = () => this.#controller === controller && !controller.signal.aborted;
    const on = { 'embeddings/progress': (p: { done: number; total: number }) => live() && (this.#running = { key, ...p }) };
    try {
      const args = { model: name, dtype, backend: transformerSettings.backend, datasetId };
      const result = await modelWorker().call('embeddings/compute', args, { signal: controller.signal, on });
      this.#finished = { computed: result.computed, reused: result.reused };
    } catch (error) {
      if ((error as Error).name !== 'AbortError') this.#message = error;
    } finally {
      if (this.#controller === controller) {
        this.#running = undefined;
        this.#controller = undefined;
      }
    }
  }

  resume(run: RunView): Promise<void> {
    return this.start(run.datasetId, run.name, run.dtype);
  }

  cancel(): void {
    this.#controller?.abort();
  }

  remove(run: RunView): Promise<void> {
    return deleteEmbeddings(getDb(), run.model, run.datasetId);
  }
}
