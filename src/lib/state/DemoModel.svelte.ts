// The demo's baseline: trained at build time and loaded as a module (trained in the model worker only if that fails).
// A short answer is scored on the main thread (a linear model: well under a millisecond a sentence), so the Démo's
// first verdict waits for neither the worker's start nor the model's copy into it; long texts and explanations use the worker.
import { errorCodeOf } from '../core/errors';
import type { BaselineModel, TrainProgress } from '../core/ml/model';
import { predictProba } from '../core/ml/predict';
import { getDb } from '../db/db';
import { listModels, rememberDemoModel } from '../db/repos/models';
import { demoCorpus, demoTrainingSet } from '../demo/corpus';
import { DEMO_TRAIN_OPTIONS } from '../demo/model';
import { demoModelModule } from '../demo/model-module';
import { modelWorker } from '../workers/model/client';
import { errorText } from '../i18n/locale.svelte';
import type { StoredMetrics } from './records';

export type DemoModelStatus = 'idle' | 'loading' | 'training' | 'ready' | 'error';

const demoModelName = (version: number) => `demo-baseline-v${version}`;

/** Texts up to this many characters in all are scored on the main thread (a few milliseconds on a slow phone). */
export const MAIN_THREAD_CHARS = 4000;

class DemoModel {
  #status = $state<DemoModelStatus>('idle');
  #progress = $state.raw<TrainProgress | undefined>();
  #model = $state.raw<BaselineModel | undefined>();
  // The thrown value itself: `error` translates its code in the language shown now.
  #error = $state.raw<unknown>();
  #loading: Promise<void> | undefined;
  #inWorker: Promise<void> | undefined;

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

  /** Makes the built-in model ready on this page (the build's module, else the stored copy, else training); safe to call many times. */
  load(): Promise<void> {
    this.#loading ??= this.#load().catch((error: unknown) => {
      this.#status = 'error';
      this.#error = error;
      this.#loading = undefined;
    });
    return this.#loading;
  }

  /** Makes the built-in model ready in the model worker too (explanations, long texts, whole corpora); safe to call many times. */
  ensure(): Promise<void> {
    this.#inWorker ??= this.load().then(async () => {
      const model = this.#model;
      if (!model) return;
      try {
        await modelWorker().call('baseline/load', { key: this.key, model });
      } catch (error) {
        this.#status = 'error';
        this.#error = error;
        this.#inWorker = undefined;
      }
    });
    return this.#inWorker;
  }

  async #load(): Promise<void> {
    this.#status = 'loading';
    const name = demoModelName(demoCorpus.version);
    let model: BaselineModel;
    try {
      // Trained at build time by the same core code (scripts/demo-model-plugin.ts): a first visit only downloads it.
      model = await demoModelModule();
    } catch {
      // The module could not be had (a page from an older build whose chunks are gone, say): the stored copy, or train.
      model = await this.#storedOrTrained(name);
    }
    this.#model = model;
    this.#status = 'ready';
    // Stored once the first verdicts are drawn: writing 600 kB to IndexedDB would compete with them.
    setTimeout(() => void this.#remember(name, model).catch(() => undefined), 2000);
  }

  /** Keeps a copy in IndexedDB, listed in Modèles, once per corpus version; not made active (the user's choice). */
  async #remember(name: string, model: BaselineModel): Promise<void> {
    const metrics = { cvAuc: model.cv.auc, cvF1: model.cv.f1, holdout: null, source: 'demo' } satisfies StoredMetrics;
    await rememberDemoModel(getDb(), { name, kind: 'baseline', createdAt: Date.now(), data: model, metrics });
  }

  async #storedOrTrained(name: string): Promise<BaselineModel> {
    const stored = (await listModels(getDb())).find((m) => m.name === name);
    if (stored) return stored.data as BaselineModel;
    this.#status = 'training';
    const { texts, labels } = demoTrainingSet();
    const on = { 'train/progress': (p: TrainProgress) => (this.#progress = p) };
    return (await modelWorker().call('baseline/train', { texts, labels, options: DEMO_TRAIN_OPTIONS }, { on })).model;
  }

  async predict(texts: string[], signal?: AbortSignal): Promise<Float64Array> {
    await this.load();
    const model = this.#model;
    if (!model) throw this.#error instanceof Error ? this.#error : new Error(this.error ?? 'demo model unavailable');
    if (texts.reduce((n, text) => n + text.length, 0) <= MAIN_THREAD_CHARS) {
      signal?.throwIfAborted();
      return predictProba(model, texts);
    }
    await this.ensure();
    const key = this.key;
    try {
      return await modelWorker().call('baseline/predict', { key, texts }, { signal });
    } catch (error) {
      // A worker restarted after a crash has forgotten the model: load it again once and retry.
      if (errorCodeOf(error)?.code !== 'model/notLoaded') throw error;
      await modelWorker().call('baseline/load', { key, model });
      return modelWorker().call('baseline/predict', { key, texts }, { signal });
    }
  }
}

export const demoModel = new DemoModel();
