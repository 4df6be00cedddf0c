// Shapes used by the model worker's transformer requests: device preference, WebGPU status, runtime report.
import type { ModelDtype, ModelKind } from '../../core/ml/transformer/model-config';

export type BackendChoice = 'auto' | 'wasm' | 'webgpu';

/** Why WebGPU is or is not used: no API, no adapter, a software fallback adapter, or a failed smoke inference. */
export interface WebGpuStatus {
  available: boolean;
  reason: 'ok' | 'no-api' | 'no-adapter' | 'fallback-adapter' | 'smoke-failed' | 'not-requested';
  adapter?: string;
  detail?: string;
}

/** The runtime in use after the latest load, for Réglages. */
export interface RuntimeInfo {
  model: string;
  kind: ModelKind;
  hiddenSize: number;
  backend: 'webgpu' | 'wasm';
  threads: number;
  dtype: ModelDtype;
  webgpu: WebGpuStatus;
  loadSeconds: number;
}

/** Which model folder (a name under public/models/), with what precision and device preference. */
export interface ModelRequest {
  model: string;
  dtype?: ModelDtype;
  backend?: BackendChoice;
}

/** The sentence Réglages embeds to test a model (the browser tests compare its vector with Node's). */
export const TEST_SENTENCE = 'Les services publics disparaissent de nos campagnes.';
