// « Préparer l'usage hors ligne »: what the chosen language model needs (the ONNX runtime build the worker will load,
// the model's files at the chosen precision), how much of it is not cached yet, and its download with progress.
import { ONNX_FILE } from '../core/ml/transformer/model-config';
import { download, missingFromCache, remoteSize } from '../storage/model-cache';
import { modelFileUrl } from '../storage/runtime-files';
import { modelWorker } from '../workers/model/client';
import { connectivity } from './Connectivity.svelte';
import { transformerSettings } from './TransformerSettings.svelte';

export interface OfflinePlan {
  /** The model, precision and device this plan is for (a new choice needs a new plan). */
  key: string;
  missing: { url: string; bytes: number | undefined }[];
  runtimeBytes: number;
  modelBytes: number;
}

const BASE = import.meta.env.BASE_URL;
const isRuntime = (url: string) => url.includes(`${BASE}ort/`);

class OfflinePreparation {
  #plan = $state.raw<OfflinePlan | undefined>();
  #status = $state<'idle' | 'measuring' | 'ready' | 'running' | 'done' | 'error'>('idle');
  #done = $state(0);
  #error = $state.raw<unknown>();
  #controller: AbortController | undefined;

  get plan() { return this.#plan; }
  get status() { return this.#status; }
  get done() { return this.#done; }
  get error() { return this.#error; }
  get total() { return (this.#plan?.runtimeBytes ?? 0) + (this.#plan?.modelBytes ?? 0); }
  /** Nothing left to download for the chosen model: the transformer path works offline. */
  get ready() { return this.#plan !== undefined && this.#plan.missing.length === 0; }

  #key(): string {
    const s = transformerSettings;
    return `${s.model?.name}|${s.dtype}|${s.backend}`;
  }

  /** Lists what is not cached yet and asks the server its size (nothing is downloaded). */
  async measure(): Promise<void> {
    const model = transformerSettings.model;
    if (!model || this.#status === 'running') return;
    const key = this.#key();
    this.#status = 'measuring';
    this.#error = undefined;
    try {
      const runtime = await modelWorker().call('usermodels/runtimeFiles', { backend: transformerSettings.backend });
      // A user's own model is kept whole in the cache when added; the build's are fetched from the app.
      const files = model.source ? [] : ['config.json', 'tokenizer.json', 'tokenizer_config.json', ONNX_FILE[transformerSettings.dtype]];
      const urls = [...runtime, ...files.map((f) => modelFileUrl(location.origin, BASE, model.name, f))];
      const missing = await missingFromCache(urls);
      const sized = connectivity.online ? await Promise.all(missing.map(async (url) => ({ url, bytes: await remoteSize(url).catch(() => undefined) }))) : missing.map((url) => ({ url, bytes: undefined }));
      const sum = (runtimeSide: boolean) => sized.filter((m) => isRuntime(m.url) === runtimeSide).reduce((s, m) => s + (m.bytes ?? 0), 0);
      if (key !== this.#key()) return;
      this.#plan = { key, missing: sized, runtimeBytes: sum(true), modelBytes: sum(false) };
      this.#status = 'ready';
    } catch (error) {
      this.#error = error;
      this.#status = 'error';
    }
  }

  /** Downloads what is missing into the cache, file after file; cancel keeps what is complete. */
  async prepare(): Promise<void> {
    const plan = this.#plan;
    if (!plan || this.#status === 'running') return;
    this.#status = 'running';
    this.#done = 0;
    this.#error = undefined;
    this.#controller = new AbortController();
    try {
      for (const { url } of plan.missing) await download(url, (bytes) => (this.#done += bytes), { signal: this.#controller.signal });
      this.#status = 'done';
      await this.measure();
      // measure() says 'ready' once the cache holds everything; after a download that is « done ».
      if (this.ready) this.#status = 'done';
    } catch (error) {
      this.#error = error;
      this.#status = 'error';
    }
  }

  cancel(): void {
    this.#controller?.abort();
  }
}

export const offlinePreparation = new OfflinePreparation();
