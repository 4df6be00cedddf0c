// State of the Modèles screen: stored models (live), the active one, the one shown, training sources and runs, files,
// and the fine-tuned classifier folders that can join the list.
import type { BaselineModel } from '../core/ml/model';
import { classifierRef, isClassifierRef } from '../core/ml/transformer/classifier-ref';
import { getDb, type StoredModel } from '../db/db';
import { deleteModel, getActiveModelId, listModels, saveModel, setActiveModel, updateModel } from '../db/repos/models';
import { LiveQuery } from './LiveQuery.svelte';
import { exportModelFile, importModelFile } from './model-files';
import { ModelTraining } from './ModelTraining.svelte';
import { transformerSettings, type ModelEntry } from './TransformerSettings.svelte';
import { combinedSource, datasetSources, demoSource, type TrainingSource } from './training-sources';

export type { StoredMetrics } from './records';

export class ModelsState {
  readonly models = new LiveQuery<StoredModel[]>(() => listModels(getDb()), []);
  readonly activeId = new LiveQuery<number | undefined>(() => getActiveModelId(getDb()), undefined);
  readonly training = new ModelTraining((id) => this.select(id));
  readonly #demo = demoSource();
  readonly #datasets = new LiveQuery<TrainingSource[]>(() => datasetSources(getDb()), []);

  #selectedId = $state<number | undefined>();

  constructor() {
    void transformerSettings.loadList();
  }

  /** Classifier folders (the build's and the user's) not yet in the list: each can be added as a model. */
  get classifierFolders(): ModelEntry[] {
    const listed = new Set(this.models.current.flatMap((m) => (isClassifierRef(m.data) ? [m.data.model] : [])));
    return (transformerSettings.models ?? []).filter((m) => m.kind === 'classifier' && !listed.has(m.name));
  }

  /** Adds a classifier folder to the list (not made active) and shows it; labels that do not say which is dissident are refused. */
  async addClassifier(folder: ModelEntry): Promise<number> {
    const data = classifierRef(folder);
    const id = await saveModel(getDb(), { name: folder.label ?? folder.name, kind: 'classifier', createdAt: Date.now(), data }, false);
    this.#selectedId = id;
    return id;
  }

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
