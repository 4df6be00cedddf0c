// Browser runtime of the transformer models, inside the model worker: local files only (kept in Cache Storage after
// first use), the ONNX runtime from our own /ort/<version>/ files (plain build on WASM), and the device chosen
// honestly (WebGPU only on a real adapter that passes a smoke inference). transformers.js is imported here, lazily and
// only after the runtime's JS module is chosen (ort-module.ts): the handlers that import this file never load it.
import type { LoadedModels, ModelTask } from '../lib/core/ml/transformer/loaded-models';
import type { ModelDtype } from '../lib/core/ml/transformer/model-config';
import type { LoadProgress, TransformerModel } from '../lib/core/ml/transformer/transformer-model';
import { MODEL_CACHE, dropStaleRuntimes, ortUrls } from '../lib/storage/runtime-files';
import type { BackendChoice, RuntimeInfo } from '../lib/workers/model/transformer-protocol';
import { sharingFetch } from './model-fetch';
import { chooseOrtModule, wasmDeviceOptions } from './ort-module';
import { gpuFor, loadedBuild, threadCount } from './webgpu-status';

const BASE = import.meta.env.BASE_URL;

export { threadCount, webGpuStatus } from './webgpu-status';

let models: Promise<LoadedModels> | null = null;

/** transformers.js configured for this app, on the runtime module chosen for the first request's device. */
function loadedModels(choice: BackendChoice): Promise<LoadedModels> {
  models ??= (async () => {
    const build = await chooseOrtModule(choice);
    const [{ env }, { LoadedModels }] = await Promise.all([import('@huggingface/transformers'), import('../lib/core/ml/transformer/loaded-models')]);
    // Files come from the app only (user and Hub models are copied into the cache by the page, never fetched from the
    // Hub here) and stay in one Cache Storage cache after first use, the runtime too (transformers.js's useWasmCache).
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    env.localModelPath = `${BASE}models/`;
    env.useBrowserCache = true;
    env.cacheKey = MODEL_CACHE;
    // One network read per model file on first use, not two (see model-fetch.ts).
    env.fetch = sharingFetch(env.fetch);
    void caches.open(MODEL_CACHE).then(dropStaleRuntimes).catch(() => 0);
    const wasm = env.backends.onnx.wasm as { wasmPaths?: unknown; numThreads?: number; proxy?: boolean } | undefined;
    if (wasm) {
      wasm.wasmPaths = ortUrls(self.location.origin, BASE, build);
      wasm.numThreads = threadCount();
      wasm.proxy = false;
    }
    return new LoadedModels();
  })();
  // A failed start (a runtime module that did not load) is tried again on the next request.
  models.catch(() => (models = null));
  return models;
}

let runtime: RuntimeInfo | null = null;

export interface Request {
  model: string;
  dtype?: ModelDtype;
  backend?: BackendChoice;
  onProgress?(p: LoadProgress): void;
}

/** A model loaded for a task on the best device allowed; WebGPU must pass a smoke inference or WASM is used. */
export async function modelFor(task: ModelTask, request: Request): Promise<{ model: TransformerModel; info: RuntimeInfo }> {
  const dtype = request.dtype ?? 'q8';
  const choice = request.backend ?? 'auto';
  const loaded = await loadedModels(choice);
  const gpu = await gpuFor(choice);
  if (gpu.available && loadedBuild() === 'plain') {
    // The CPU-only build is already running in this worker: WebGPU needs the page reloaded.
    Object.assign(gpu, { available: false, reason: 'smoke-failed', detail: 'runtime WASM seul déjà chargé : rechargez la page pour essayer WebGPU' });
  }
  const started = performance.now();
  if (gpu.available) {
    try {
      const model = await loaded.get(task, request.model, { dtype, device: 'webgpu', onProgress: request.onProgress });
      await smoke(model, task);
      runtime = { model: request.model, backend: 'webgpu', threads: 1, dtype, webgpu: gpu, loadSeconds: (performance.now() - started) / 1000, kind: model.info.kind, hiddenSize: model.info.hiddenSize };
      return { model, info: runtime };
    } catch (error) {
      gpu.available = false;
      gpu.reason = 'smoke-failed';
      gpu.detail = error instanceof Error ? error.message : String(error);
    }
  }
  const model = await loaded.get(task, request.model, { dtype, ...wasmDeviceOptions(), onProgress: request.onProgress });
  runtime = { model: request.model, backend: 'wasm', threads: threadCount(), dtype, webgpu: gpu, loadSeconds: (performance.now() - started) / 1000, kind: model.info.kind, hiddenSize: model.info.hiddenSize };
  return { model, info: runtime };
}

async function smoke(model: TransformerModel, task: ModelTask): Promise<void> {
  const out = task === 'embed' ? (await model.embed(['Bonjour.']))[0]! : await model.classify(['Bonjour.']);
  if (!Array.from(out).every(Number.isFinite)) throw new Error('résultat non fini');
}

export function currentRuntime(): RuntimeInfo | null {
  return runtime;
}
