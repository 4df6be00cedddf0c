// State of the Modèles screen: stored models (live), the active one, and a training run with progress and cancel.
import type { TrainingSource } from './training-sources';
import { labelsSnapshotHash } from '../core/ml/labels-hash';
import { loadBaselineModel, serialiseModel, type BaselineModel, type TrainOptionsInput, type TrainProgress } from '../core/ml/model';
import type { HoldoutMetrics } from '../core/ml/experiment';
import { getDb, type StoredModel } from '../db/db';
import { deleteModel, listModels, saveModel, setActiveModel, updateModel } from '../db/repos/models';
import { getSetting } from '../db/repos/settings';
import { modelWorker } from '../workers/model/client';
import { LiveQuery } from './LiveQuery.svelte';
import { errorText } from '../i18n/locale.svelte';

export type TrainingStatus = 'idle' | 'training' | 'done' | 'cancelled' | 'error';

export interface StoredMetrics {
  cvAuc: number;
  cvF1: number;
  holdout: HoldoutMetrics | null;
  source: string;
}

export class ModelsState {
  readonly models = new LiveQuery<StoredModel[]>(() => listModels(getDb()), []);
  readonly activeId = new LiveQuery<number | undefined>(() => getSetting<number>(getDb(), 'activeModelId'), undefined);

  #status = $state<TrainingStatus>('idle');
  #progress = $state.raw<TrainProgress | undefined>();
  // The thrown value itself: `message` translates its code in the language shown now.
  #message = $state.raw<unknown>();
  #selectedId = $state<number | undefined>();
  #controller: AbortController | undefined;

  get status(): TrainingStatus {
    return this.#status;
  }
  get progress(): TrainProgress | undefined {
    return this.#progress;
  }
  get message(): string | undefined {
    return this.#message === undefined ? undefined : errorText(this.#message);
  }
  get selected(): StoredModel | undefined {
    const list = this.models.current;
    return list.find((m) => m.id === this.#selectedId) ?? list.find((m) => m.id === this.activeId.current) ?? list[0];
  }

  select(id: number): void {
    this.#selectedId = id;
  }

  async train(source: TrainingSource, options: TrainOptionsInput, holdout: number, name: string): Promise<number | undefined> {
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.#status = 'training';
    this.#message = undefined;
    this.#progress = undefined;
    try {
      const { texts, labels, guidelineVersion } = await source.load();
      const on = { 'train/progress': (p: TrainProgress) => (this.#progress = p) };
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
      this.#selectedId = id;
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

  setActive(id: number): Promise<void> {
    return setActiveModel(getDb(), id);
  }

  remove(id: number): Promise<void> {
    if (this.#selectedId === id) this.#selectedId = undefined;
    return deleteModel(getDb(), id);
  }

  async saveThreshold(model: StoredModel, threshold: number): Promise<void> {
    const data = { ...(model.data as BaselineModel), threshold };
    await updateModel(getDb(), model.id, { data });
  }

  /** The model as a JSON file's name and text (the same format the CLI reads and writes). */
  exportFile(model: StoredModel): { name: string; text: string } {
    const safe = model.name.replace(/[^\p{L}\p{N}_-]+/gu, '-');
    return { name: `${safe}.model.json`, text: serialiseModel(model.data as BaselineModel) };
  }

  /** Imports a model file; a bad file is refused with the loader's French reason and nothing is stored. */
  async importFile(file: File): Promise<StoredModel> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch {
      throw new Error('le fichier n’est pas du JSON valide.');
    }
    const model = loadBaselineModel(parsed);
    const name = file.name.replace(/(\.model)?\.json$/i, '');
    const metrics: StoredMetrics = { cvAuc: model.cv.auc, cvF1: model.cv.f1, holdout: null, source: file.name };
    const row = { name, kind: 'baseline' as const, createdAt: Date.now(), data: model, metrics: { ...metrics } };
    const id = await saveModel(getDb(), row, false);
    this.#selectedId = id;
    return { id, ...row };
  }
}
