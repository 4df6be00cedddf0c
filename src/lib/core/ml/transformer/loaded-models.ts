// Keeps one loaded transformer model per task across requests, and disposes the previous one when the model changes.
import { TransformerModel, type LoadOptions } from './transformer-model';

export type ModelTask = 'embed' | 'classify';

interface Entry {
  key: string;
  model: Promise<TransformerModel>;
}

export class LoadedModels {
  private readonly byTask = new Map<ModelTask, Entry>();

  constructor(private readonly loader: (id: string, options: LoadOptions) => Promise<TransformerModel> = TransformerModel.load) {}

  /** The model for a task, loading it (and disposing the task's previous model) when the id or options changed. */
  async get(task: ModelTask, modelId: string, options: LoadOptions): Promise<TransformerModel> {
    const key = JSON.stringify([modelId, options.dtype, options.device ?? null]);
    const current = this.byTask.get(task);
    if (current?.key === key) return current.model;
    if (current) {
      this.byTask.delete(task);
      await current.model.then((m) => m.dispose()).catch(() => undefined);
    }
    const model = this.loader(modelId, options);
    const entry = { key, model };
    this.byTask.set(task, entry);
    // A failed load is forgotten, so the next request tries again.
    model.catch(() => {
      if (this.byTask.get(task) === entry) this.byTask.delete(task);
    });
    return model;
  }

  /** The loaded model of a task, if any (without loading). */
  async current(task: ModelTask): Promise<TransformerModel | undefined> {
    return this.byTask.get(task)?.model.catch(() => undefined);
  }

  async disposeAll(): Promise<void> {
    const entries = [...this.byTask.values()];
    this.byTask.clear();
    await Promise.all(entries.map((e) => e.model.then((m) => m.dispose()).catch(() => undefined)));
  }
}
