// Which device and ONNX runtime build the model worker uses, decided without loading transformers.js: WebGPU only on
// a real adapter (not a software fallback), several threads only on a cross-origin isolated page.
import { ortUrls, type OrtBuild } from '../lib/storage/runtime-files';
import type { BackendChoice, WebGpuStatus } from '../lib/workers/model/transformer-protocol';

// navigator.gpu is typed locally: the worker's lib has no WebGPU types.
interface GpuAdapterLike {
  info?: { isFallbackAdapter?: boolean; vendor?: string; architecture?: string };
  isFallbackAdapter?: boolean;
}
interface GpuLike {
  requestAdapter(): Promise<GpuAdapterLike | null>;
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

/** The device status for a preference: forcing WASM skips the adapter probe. */
export async function gpuFor(choice: BackendChoice): Promise<WebGpuStatus> {
  return choice === 'wasm' ? { available: false, reason: 'not-requested' } : webGpuStatus();
}

/** The build for a device: the plain WASM build is the faster on the CPU; only WebGPU needs the asyncify one. */
export const buildFor = (gpu: WebGpuStatus): OrtBuild => (gpu.available ? 'asyncify' : 'plain');

/** The build this worker's runtime was started with: ONNX Runtime reads its paths once, so the first device decides. */
let build: OrtBuild | null = null;
export const loadedBuild = () => build;
export function rememberBuild(chosen: OrtBuild): void {
  build ??= chosen;
}

/** The runtime files this worker loads (or would load) for a device preference, for the offline preparation. */
export async function runtimeFiles(choice: BackendChoice): Promise<string[]> {
  const { mjs, wasm } = ortUrls(self.location.origin, import.meta.env.BASE_URL, build ?? buildFor(await gpuFor(choice)));
  return [mjs, wasm];
}
