// One training run of the Modèles screen, in the model worker: a baseline, or a transfer head on an encoder's vectors.
// The worker reads the labels from IndexedDB and stores the model itself; only ids, options and progress cross.
import type { TrainOptionsInput, TrainProgress } from '../core/ml/model';
import type { TransferOptions } from '../core/ml/transfer/train-transfer';
import { errorText } from '../i18n/locale.svelte';
import { modelWorker } from '../workers/model/client';
import type { ModelRequest } from '../workers/model/transformer-protocol';
import type { TrainingSource } from './training-sources';

export type TrainingStatus = 'idle' | 'training' | 'done' | 'cancelled' | 'error';

/** What a run is doing: the baseline's or head's phases (folds, refit), or the encoder loading or embedding sentences. */
export type TrainingProgress = TrainProgress | { phase: 'load' | 'embed'; done: number; total: number };

export class ModelTraining {
  #status = $state<TrainingStatus>('idle');
  #progress = $state.raw<TrainingProgress | undefined>();
  // The thrown value itself: `message` translates its code in the language shown now.
  #message = $state.raw<unknown>();
  #controller: AbortController | undefined;

  /** `onSaved` hears the id of each model stored (the screen selects it). */
  constructor(private readonly onSaved: (id: number) => void) {}

  get status(): TrainingStatus {
    return this.#status;
  }
  get progress(): TrainingProgress | undefined {
    return this.#progress;
  }
  get message(): string | undefined {
    return this.#message === undefined ? undefined : errorText(this.#message);
  }

  /** Trains and stores a baseline (made active); the newest run wins over one still going. */
  train(source: TrainingSource, options: TrainOptionsInput, holdout: number, name: string): Promise<number | undefined> {
    return this.#run(async (signal, report) => {
      const args = { source: source.ref, sourceLabel: source.label, name, options, holdout };
      const { id } = await modelWorker().call('baseline/trainStored', args, { signal, on: { 'train/progress': report } });
      return id;
    });
  }

  /** Trains a transfer head on an encoder's sentence vectors and stores it (made active). */
  trainTransfer(source: TrainingSource, encoder: ModelRequest, options: TransferOptions, name: string): Promise<number | undefined> {
    return this.#run(async (signal, report) => {
      const args = { ...encoder, source: source.ref, sourceLabel: source.label, name, options };
      const on = {
        'transfer/progress': report,
        'transformer/progress': (p: { phase: 'load' | 'embed' | 'train'; done: number; total: number }) => {
          if (p.phase !== 'train') report({ phase: p.phase, done: p.done, total: p.total });
        },
      };
      const { id } = await modelWorker().call('transfer/trainStored', args, { signal, on });
      return id;
    });
  }

  async #run(work: (signal: AbortSignal, report: (p: TrainingProgress) => void) => Promise<number>): Promise<number | undefined> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.#status = 'training';
    this.#message = undefined;
    this.#progress = undefined;
    // A cancelled run reports until its worker stops: only the newest run's progress is shown.
    const report = (p: TrainingProgress) => {
      if (this.#controller === controller) this.#progress = p;
    };
    try {
      const id = await work(controller.signal, report);
      this.onSaved(id);
      this.#status = 'done';
      return id;
    } catch (error) {
      const aborted = (error as Error).name === 'AbortError';
      this.#status = aborted ? 'cancelled' : 'error';
      this.#message = aborted ? undefined : error;
      return undefined;
    } finally {
      if (this.#controller === controller) this.#controller = undefined;
    }
  }

  cancel(): void {
    this.#controller?.abort();
  }
}
