// The demo's baseline: trained in the model worker on the embedded corpus at first visit, then kept in IndexedDB.
import type { BaselineModel, TrainProgress } from '../core/ml/model';
import { getDb } from '../db/db';
import { listModels, saveModel } from '../db/repos/models';
import { demoCorpus, demoTrainingSet } from '../demo/corpus';
import { modelWorker } from '../workers/model/client';

export type DemoModelStatus = 'idle' | 'loading' | 'training' | 'ready' | 'error';

const demoModelName = (version: number) => `demo-baseline-v${version}`;

class DemoModel {
  #status = $state<DemoModelStatus>('idle');
  #progress = $state.raw<TrainProgress | undefined>();
  #model = $state.raw<BaselineModel | undefined>();
  #error = $state<string | undefined>();
  #starting: Promise<void> | undefined;

  get status(): DemoModelStatus {
    return this.#status;
  }
  get progress(): TrainProgress | undefined {
    return this.#progress;
  }
  get model(): BaselineModel | undefined {
    return this.#model;
  }
  get error(): string | undefined {
    return this.#error;
  }
  get threshold(): number {
    return this.#model?.threshold ?? 0.5;
  }
  /** The key the demo model is stored under (its row's name) and loaded under in the model worker. */
  get key(): string {
    return demoModelName(demoCorpus.version);
  }

  /** Loads the stored demo model, or trains and stores it; safe to call many times. */
  ensure(): Promise<void> {
    this.#starting ??= this.#start().catch((error: unknown) => {
      this.#status = 'error';
      this.#error = error instanceof Error ? error.message : String(error);
      this.#starting = undefined;
    });
    return this.#starting;
  }

  async #start(): Promise<void> {
    this.#status = 'loading';
    const name = demoModelName(demoCorpus.version);
    const db = getDb();
    const stored = (await listModels(db)).find((m) => m.name === name);
    let model = stored?.data as BaselineModel | undefined;
    if (!model) {
      this.#status = 'training';
      const worker = modelWorker();
      const off = worker.on('train/progress', (p) => (this.#progress = p));
      try {
        const { texts, labels } = demoTrainingSet();
        // The first visit must answer quickly, phones included: fixed hyperparameters (the defaults the
        // full search usually picks on this corpus) and no learning curve; Modèles runs the full search.
        const options = { search: 'none', learningCurve: null } as const;
        model = (await worker.call('baseline/train', { texts, labels, options })).model;
      } finally {
        off();
      }
      // The demo model is not made active: the active model is the user's own choice in Modèles.
      await saveModel(db, { name, kind: 'baseline', createdAt: Date.now(), data: model, metrics: { ...model.cv } }, false);
    }
    await modelWorker().call('baseline/load', { key: name, model });
    this.#model = model;
    this.#status = 'ready';
  }

  async predict(texts: string[], signal?: AbortSignal): Promise<Float64Array> {
    await this.ensure();
    return modelWorker().call('baseline/predict', { key: demoModelName(demoCorpus.version), texts }, { signal });
  }
}

export const demoModel = new DemoModel();
