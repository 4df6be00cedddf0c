// Browser runtime of the transformer models, inside the model worker: local files only, the ONNX runtime from our
// own /ort/ files, and the device chosen honestly (WebGPU only on a real adapter that passes a smoke inference).
import { env } from '@huggingface/transformers';
import { LoadedModels, type ModelTask } from '../lib/core/ml/transformer/loaded-models';
import type { ModelDtype } from '../lib/core/ml/transformer/model-config';
import { TransformerModel, type LoadProgress } from '../lib/core/ml/transformer/transformer-model';
import type { BackendChoice, RuntimeInfo, WebGpuStatus } from '../lib/workers/model/transformer-protocol';

const BASE = import.meta.env.BASE_URL;
const ORT = `${BASE}ort/ort-wasm-simd-threaded.asyncify`;

// navigator.gpu is typed locally: the worker's lib has no WebGPU types.
interface GpuAdapterLike {
  info?: { isFallbackAdapter?: boolean; vendor?: string; architecture?: string };
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(): Promise<GpuAdapterLike | null>;
}

let configured = false;
function configure(): void {
  if (configured) return;
  configured = true;
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = `${BASE}models/`;
  const wasm = env.backends.onnx.wasm as { wasmPaths?: unknown; numThreads?: number; proxy?: boolean } | undefined;
  if (wasm) {
    // Absolute URLs: the runtime resolves them against the worker script otherwise.
    const origin = self.location.origin;
    wasm.wasmPaths = { mjs: `${origin}${ORT}.mjs`, wasm: `${origin}${ORT}.wasm` };
    wasm.numThreads = threadCount();
    wasm.proxy = false;
  }
}

/** Several threads need SharedArrayBuffer, which only a cross-origin isolated page has. */
export function threadCount(): number {
  if (!self.crossOriginIsolated) return 1;
  return Math.max(1, Math.min(4, self.navigator.hardwareConcurrency || 1));
}

/** Whether WebGPU may be tried: an adapter exists and it is not a software fallback (SwiftShader). */
export async function webGpuStatus(): Promise<WebGpuStatus> {
  const gpu = (self.navigator as unknown as { gpu?: GpuLike }).gpu;
  if (!gpu) return { available: false, reason: 'no-api' };
  let adapter: GpuAdapterLike | null = null;
  try {
    adapter = await gpu.requestAdapter();
  } catch {
    adapter = null;
  }
  if (!adapter) return { available: false, reason: 'no-adapter' };
  const fallback = adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
  if (fallback) return { available: false, reason: 'fallback-adapter', adapter: adapter.info?.vendor ?? '' };
  return { available: true, reason: 'ok', adapter: adapter.info?.vendor ?? '' };
}

const models = new LoadedModels();
let runtime: RuntimeInfo | null = null;

export interface Request {
  model: string;
  dtype?: ModelDtype;
  backend?: BackendChoice;
  onProgress?(p: LoadProgress): void;
}

/** A model loaded for a task on the best device allowed; WebGPU must pass a smoke inference or WASM is used. */
export async function modelFor(task: ModelTask, request: Request): Promise<{ model: TransformerModel; info: RuntimeInfo }> {
  configure();
  const dtype = request.dtype ?? 'q8';
  const choice = request.backend ?? 'auto';
  const gpu = choice === 'wasm' ? ({ available: false, reason: 'not-requested' } as WebGpuStatus) : await webGpuStatus();
  const started = performance.now();
  if (gpu.available) {
    try {
      const model = await models.get(task, request.model, { dtype, device: 'webgpu', onProgress: request.onProgress });
      await smoke(model, task);
      runtime = { model: request.model, backend: 'webgpu', threads: 1, dtype, webgpu: gpu, loadSeconds: (performance.now() - started) / 1000, kind: model.info.kind, hiddenSize: model.info.hiddenSize };
      return { model, info: runtime };
    } catch (error) {
      gpu.available = false;
      gpu.reason = 'smoke-failed';
      gpu.detail = error instanceof Error ? error.message : String(error);
    }
  }
  const model = await models.get(task, request.model, { dtype, device: 'wasm', onProgress: request.onProgress });
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
