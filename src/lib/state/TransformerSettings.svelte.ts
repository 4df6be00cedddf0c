// Réglages' language-model section: the models the build lists, the chosen precision and device, and a test run
// through the model worker that reports the backend, threads and dtype really in use.
import { afterPaint } from '../after-paint';
import type { ModelDtype, ModelKind } from '../core/ml/transformer/model-config';
import { listUserModels } from '../storage/model-cache';
import { modelWorker } from '../workers/model/client';
import { TEST_SENTENCE, type BackendChoice, type RuntimeInfo } from '../workers/model/transformer-protocol';

export interface ModelEntry {
  name: string;
  kind: ModelKind;
  modelType: string;
  hiddenSize: number;
  labels?: string[];
  dtypes: Partial<Record<ModelDtype, number>>;
  /** Where it comes from: the build's public/models/ (absent), or the user's own (a folder, the Hub), shown by label. */
  source?: 'folder' | 'hub';
  label?: string;
}

export interface TestResult {
  dims: number;
  /** The first values of the test sentence's vector (shown, and compared by the browser tests). */
  preview: number[];
  seconds: number;
}

const STORAGE_KEY = 'dissidentia.transformer';

interface Preferences {
  model?: string;
  dtype?: ModelDtype;
  backend?: BackendChoice;
}

function readPreferences(): Preferences {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '{}') as Preferences;
  } catch {
    return {};
  }
}

class TransformerSettings {
  #models = $state.raw<ModelEntry[] | undefined>();
  #userModels = $state.raw<ModelEntry[]>([]);
  /** How many times the kept folders were listed (by Réglages or here): a slower, older listing must not win. */
  #userListings = 0;
  #listing: Promise<void> | undefined;
  #runtimeRead = false;
  #prefs = $state<Preferences>(readPreferences());
  #runtime = $state.raw<RuntimeInfo | null>(null);
  #status = $state<'idle' | 'running' | 'done' | 'error'>('idle');
  #error = $state<string | undefined>();
  #result = $state.raw<TestResult | undefined>();
  #progress = $state.raw<{ phase: string; file?: string; done: number; total: number } | undefined>();

  /** The build's models, then the user's own (kept in this browser). */
  get models() { return this.#models && [...this.#models, ...this.#userModels]; }
  get runtime() { return this.#runtime; }
  get status() { return this.#status; }
  get error() { return this.#error; }
  get result() { return this.#result; }
  get progress() { return this.#progress; }
  get encoders(): ModelEntry[] { return (this.models ?? []).filter((m) => m.kind === 'encoder'); }
  get model(): ModelEntry | undefined {
    const all = this.models ?? [];
    return all.find((m) => m.name === this.#prefs.model) ?? all[0];
  }
  get dtype(): ModelDtype {
    const available = this.model?.dtypes ?? {};
    const wanted = this.#prefs.dtype ?? 'q8';
    return available[wanted] !== undefined ? wanted : available.q8 !== undefined ? 'q8' : 'fp32';
  }
  get backend(): BackendChoice { return this.#prefs.backend ?? 'auto'; }

  #save(change: Preferences): void {
    this.#prefs = { ...this.#prefs, ...change };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(this.#prefs));
  }
  choose(change: Preferences): void {
    this.#save(change);
    this.#result = undefined;
  }

  /** The user's kept models (UserModels calls this after every change). */
  setUserModels(list: readonly ModelEntry[]): void {
    this.#userListings++;
    this.#userModels = list.map(({ name, label, source, kind, modelType, hiddenSize, labels, dtypes }) => ({ name, label, source, kind, modelType, hiddenSize, labels, dtypes }));
  }

  /** Reads the build's model list once; an absent or unreadable list means no model. */
  async load(): Promise<void> {
    await this.loadList();
    if (this.#runtimeRead) return;
    this.#runtimeRead = true;
    this.#runtime = await modelWorker().call('transformer/runtime', {});
  }

  /**
   * The model list only, without asking the worker (which would load transformers.js): Prédire, Démo, Modèles. The
   * build's models and the user's kept folders, so a folder added once is offered on every screen after a reload,
   * not only once Réglages has listed it.
   */
  loadList(): Promise<void> {
    this.#listing ??= (async () => {
      const listings = this.#userListings;
      const [build, kept] = await Promise.all([this.#buildModels(), listUserModels().catch(() => [])]);
      this.#models = build;
      // Réglages may have listed the kept folders meanwhile (after an addition): its list is the newer one.
      if (this.#userListings === listings) this.setUserModels(kept);
    })();
    return this.#listing;
  }

  async #buildModels(): Promise<ModelEntry[]> {
    // Screens ask for the list as they open; the page's first request can wait for their first paint.
    await afterPaint();
    try {
      const response = await fetch(`${import.meta.env.BASE_URL}models/manifest.json`);
      return response.ok ? ((await response.json()) as { models: ModelEntry[] }).models : [];
    } catch {
      return [];
    }
  }

  /** Loads the chosen model in the worker and runs it once on a test sentence. */
  async test(): Promise<void> {
    const model = this.model;
    if (!model || this.#status === 'running') return;
    this.#status = 'running';
    this.#error = undefined;
    const worker = modelWorker();
    // Load progress reaches this call only (the worker's events go to the call that asked).
    const options = { on: { 'transformer/progress': (p: { phase: string; file?: string; done: number; total: number }) => (this.#progress = p) } };
    const started = performance.now();
    try {
      const request = { model: model.name, dtype: this.dtype, backend: this.backend, texts: [TEST_SENTENCE] };
      if (model.kind === 'encoder') {
        const { dims, vectors, runtime } = await worker.call('transformer/embed', request, options);
        this.#runtime = runtime;
        this.#result = { dims, preview: Array.from(vectors.subarray(0, 4)), seconds: (performance.now() - started) / 1000 };
      } else {
        const { probabilities, runtime } = await worker.call('transformer/classify', request, options);
        this.#runtime = runtime;
        this.#result = { dims: 1, preview: Array.from(probabilities), seconds: (performance.now() - started) / 1000 };
      }
      this.#status = 'done';
    } catch (error) {
      this.#status = 'error';
      this.#error = error instanceof Error ? error.message : String(error);
    } finally {
      this.#progress = undefined;
    }
  }
}

export const transformerSettings = new TransformerSettings();
