// Where the ONNX runtime and the model files live, and the one Cache Storage cache that keeps them after first use
// (the page's « Préparer l'usage hors ligne » and transformers.js in the model worker read and write the same one).

/** Replaced at build time by the onnxruntime-web version (vite.config.ts); absent under Vitest. */
declare const __ORT_VERSION__: string | undefined;

/** transformers.js's `env.cacheKey`: runtime, build models and the user's models are entries of this cache. */
export const MODEL_CACHE = 'dissidentia-models';

/**
 * The WASM build the runtime loads: `plain` (ort-wasm-simd-threaded, the fastest on the CPU, see docs/benchmarks.md)
 * for WASM, `asyncify` (the build that carries WebGPU) only when a real GPU adapter is used.
 */
export type OrtBuild = 'plain' | 'asyncify';

/** Read when called, not at module start: Vite's dev server defines the constant when its env module has run. */
const ortVersion = () => (typeof __ORT_VERSION__ === 'string' ? __ORT_VERSION__ : 'dev');

/** The runtime under a versioned folder, so an app update never pairs a cached .wasm with a newer runtime's code. */
const ortDir = () => `ort/${ortVersion()}/`;
export const ORT_BUILD_FILES: Record<OrtBuild, { mjs: string; wasm: string }> = {
  plain: { mjs: 'ort-wasm-simd-threaded.mjs', wasm: 'ort-wasm-simd-threaded.wasm' },
  asyncify: { mjs: 'ort-wasm-simd-threaded.asyncify.mjs', wasm: 'ort-wasm-simd-threaded.asyncify.wasm' },
};

/** Absolute URLs (the runtime resolves relative ones against the worker script). */
export function ortUrls(origin: string, base: string, build: OrtBuild): { mjs: string; wasm: string } {
  const files = ORT_BUILD_FILES[build];
  const dir = ortDir();
  return { mjs: `${origin}${base}${dir}${files.mjs}`, wasm: `${origin}${base}${dir}${files.wasm}` };
}

/** The URL of a model file, as transformers.js keys it (localModelPath + model name + file). */
export const modelFileUrl = (origin: string, base: string, model: string, file: string) => `${origin}${base}models/${model}/${file}`;

/** The part of Cache Storage's Cache used here (typed locally: the build's Node config has no DOM types). */
interface CacheLike {
  keys(): Promise<readonly { url: string }[]>;
  delete(request: string): Promise<boolean>;
}

/** Runtime files of other versions left in the cache by an earlier version of the app: deleted, they weigh 15–27 MB. */
export async function dropStaleRuntimes(cache: CacheLike): Promise<number> {
  const stale = (await cache.keys()).filter((r) => /\/ort\/[^/]+\/ort-wasm/.test(r.url) && !r.url.includes(`/${ortDir()}`));
  await Promise.all(stale.map((r) => cache.delete(r.url)));
  return stale.length;
}
