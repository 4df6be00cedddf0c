// The demo's baseline: trained in the model worker on the embedded corpus at first visit, then kept in IndexedDB.
import { errorCodeOf } from '../core/errors';
import type { BaselineModel, TrainProgress } from '../core/ml/model';
import { getDb } from '../db/db';
import { listModels, saveModel } from '../db/repos/models';
import { demoCorpus, demoTrainingSet } from '../demo/corpus';
import { modelWorker } from '../workers/model/client';
import { errorText } from '../i18n/locale.svelte';

export type DemoModelStatus = 'idle' | 'loading' | 'training' | 'ready' | 'error';

const demoModelName = (version: number) => `demo-baseline-v${version}`;

class DemoModel {
  #status = $state<DemoModelStatus>('idle');
  #progress = $state.raw<TrainProgress | undefined>();
  #model = $state.raw<BaselineModel | undefined>();
  // The thrown value itself: `error` translates its code in the language shown now.
  #error = $state.raw<unknown>();
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
    return this.#error === undefined ? undefined : errorText(this.#error);
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
      this.#error = error;
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
      const { texts, labels } = demoTrainingSet();
      // The first visit must answer quickly, phones included: fixed hyperparameters (the defaults the
      // full search usually picks on this corpus) and no learning curve; Modèles runs the full search.
      const options = { search: 'none', learningCurve: null } as const;
      const on = { 'train/progress': (p: TrainProgress) => (this.#progress = p) };
      model = (await modelWorker().call('baseline/train', { texts, labels, options }, { on })).model;
      // The demo model is not made active: the active model is the user's own choice in Modèles.
      await saveModel(db, { name, kind: 'baseline', createdAt: Date.now(), data: model, metrics: { ...model.cv } }, false);
    }
    await modelWorker().call('baseline/load', { key: name, model });
    this.#model = model;
    this.#status = 'ready';
  }

  async predict(texts: string[], signal?: AbortSignal): Promise<Float64Array> {
    await this.ensure();
    const key = demoModelName(demoCorpus.version);
    try {
      return await modelWorker().call('baseline/predict', { key, texts }, { signal });
    } catch (error) {
      // A worker restarted after a crash has forgotten the model: load it again once and retry.
      if (errorCodeOf(error)?.code !== 'model/notLoaded' || !this.#model) throw error;
      await modelWorker().call('baseline/load', { key, model: this.#model });
      return modelWorker().call('baseline/predict', { key, texts }, { signal });
    }
  }
}

export const demoModel = new DemoModel();
