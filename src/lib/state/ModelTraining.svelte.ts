// One training run of the Modèles screen: in the model worker, with progress and cancel; the model is stored at the end.
import { labelsSnapshotHash } from '../core/ml/labels-hash';
import type { TrainOptionsInput, TrainProgress } from '../core/ml/model';
import { getDb } from '../db/db';
import { saveModel } from '../db/repos/models';
import { errorText } from '../i18n/locale.svelte';
import { modelWorker } from '../workers/model/client';
import type { StoredMetrics } from './records';
import type { TrainingSource } from './training-sources';

export type TrainingStatus = 'idle' | 'training' | 'done' | 'cancelled' | 'error';

export class ModelTraining {
  #status = $state<TrainingStatus>('idle');
  #progress = $state.raw<TrainProgress | undefined>();
  // The thrown value itself: `message` translates its code in the language shown now.
  #message = $state.raw<unknown>();
  #controller: AbortController | undefined;

  /** `onSaved` hears the id of each model stored (the screen selects it). */
  constructor(private readonly onSaved: (id: number) => void) {}

  get status(): TrainingStatus {
    return this.#status;
  }
  get progress(): TrainProgress | undefined {
    return this.#progress;
  }
  get message(): string | undefined {
    return this.#message === undefined ? undefined : errorText(this.#message);
  }

  /** Trains and stores a model (made active); the newest run wins over one still going. */
  async train(source: TrainingSource, options: TrainOptionsInput, holdout: number, name: string): Promise<number | undefined> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.#status = 'training';
    this.#message = undefined;
    this.#progress = undefined;
    try {
      const { texts, labels, guidelineVersion } = await source.load();
      // A cancelled run reports until its worker stops: only the newest run's progress is shown.
      const on = {
        'train/progress': (p: TrainProgress) => {
          if (this.#controller === controller) this.#progress = p;
        },
      };
      const { model, holdout: test } = await modelWorker().call('baseline/train', { texts, labels, options, holdout }, { signal: controller.signal, on });
      const metrics: StoredMetrics = { cvAuc: model.cv.auc, cvF1: model.cv.f1, holdout: test, source: source.label };
      const id = await saveModel(getDb(), {
        name,
        kind: 'baseline',
        createdAt: Date.now(),
        data: model,
        labelsHash: labelsSnapshotHash(texts, labels),
        guidelineVersion,
        metrics: { ...metrics },
      });
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
