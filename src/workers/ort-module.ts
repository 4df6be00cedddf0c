// Which ONNX Runtime JS module transformers.js runs on, decided once per worker before transformers.js is imported
// (it takes the module found under Symbol.for('onnxruntime'), else its own import). On WASM we hand it the runtime's
// WASM-only module: transformers.js's own, the WebGPU-capable one, ran the same .wasm markedly slower per call at
// batch 1 (docs/benchmarks.md, « Transformer model »). With a real GPU adapter transformers.js keeps its own module.
/// <reference path="./ort-wasm-extern.d.ts" />
import type { OrtBuild } from '../lib/storage/runtime-files';
import type { BackendChoice } from '../lib/workers/model/transformer-protocol';
import { buildFor, gpuFor, loadedBuild, rememberBuild } from './webgpu-status';

const ORT_SYMBOL = Symbol.for('onnxruntime');

/**
 * How transformers.js must be asked for the WASM device. Given a runtime module, it lists no device of its own and
 * refuses `device: 'wasm'`; `auto` with the execution provider named in the session options loads the same WASM session.
 */
export function wasmDeviceOptions(): { device: 'wasm' | 'auto'; sessionOptions?: Record<string, unknown> } {
  return ORT_SYMBOL in globalThis ? { device: 'auto', sessionOptions: { executionProviders: ['wasm'] } } : { device: 'wasm' };
}

/** Chooses (once) the runtime for the first request's device preference and returns the .wasm build it loads. */
export async function chooseOrtModule(choice: BackendChoice): Promise<OrtBuild> {
  const already = loadedBuild();
  if (already) return already;
  const build = buildFor(await gpuFor(choice));
  if (build === 'plain' && !(ORT_SYMBOL in globalThis)) {
    (globalThis as Record<symbol, unknown>)[ORT_SYMBOL] = await import('onnxruntime-web/wasm-extern');
  }
  rememberBuild(build);
  return loadedBuild()!;
}
