// State of the Modèles screen: stored models (live), the active one, the one shown, training sources and runs, files.
import type { BaselineModel } from '../core/ml/model';
import { getDb, type StoredModel } from '../db/db';
import { deleteModel, getActiveModelId, listModels, setActiveModel, updateModel } from '../db/repos/models';
import { LiveQuery } from './LiveQuery.svelte';
import { exportModelFile, importModelFile } from './model-files';
import { ModelTraining } from './ModelTraining.svelte';
import { combinedSource, datasetSources, demoSource, type TrainingSource } from './training-sources';

export type { StoredMetrics } from './records';

export class ModelsState {
  readonly models = new LiveQuery<StoredModel[]>(() => listModels(getDb()), []);
  readonly activeId = new LiveQuery<number | undefined>(() => getActiveModelId(getDb()), undefined);
  readonly training = new ModelTraining((id) => this.select(id));
  readonly #demo = demoSource();
  readonly #datasets = new LiveQuery<TrainingSource[]>(() => datasetSources(getDb()), []);

  #selectedId = $state<number | undefined>();

  /** What a model can be trained on: the demo corpus, then each dataset holding gold labels. */
  get sources(): TrainingSource[] {
    return [this.#demo, ...this.#datasets.current];
  }
  get selected(): StoredModel | undefined {
    const list = this.models.current;
    return list.find((m) => m.id === this.#selectedId) ?? list.find((m) => m.id === this.activeId.current) ?? list[0];
  }

  select(id: number): void {
    this.#selectedId = id;
  }

  /** Several datasets' sources as one, their gold labels read together at training time. */
  combine(parts: readonly TrainingSource[]): TrainingSource {
    return combinedSource(getDb(), parts);
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

  exportFile(model: StoredModel): { name: string; text: string } {
    return exportModelFile(model);
  }

  /** Imports a model file and shows it; a bad file is refused with the loader's French reason. */
  async importFile(file: File): Promise<StoredModel> {
    const stored = await importModelFile(file);
    this.#selectedId = stored.id;
    return stored;
  }
}
