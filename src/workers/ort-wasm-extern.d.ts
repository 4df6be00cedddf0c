// onnxruntime-web's WASM-only module that loads its .wasm glue from `env.wasm.wasmPaths` (ort.wasm.min.mjs), aliased
// in vite.config.ts: the package exports it only under a build condition.
declare module 'onnxruntime-web/wasm-extern' {
  export * from 'onnxruntime-web';
}
