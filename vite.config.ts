// Build of the PWA: Svelte, the service worker (app shell + ONNX runtime precached), the ONNX .wasm copy and the models manifest.
import { createReadStream, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { modelsPlugin } from './scripts/models-plugin';
import { demoModelPlugin } from './scripts/demo-model-plugin';

const ORT_DIR = fileURLToPath(new URL('./node_modules/onnxruntime-web/dist/', import.meta.url));
/** The runtime files transformers.js loads (asyncify build, used with WebGPU and its WASM fallback). */
export const ORT_FILES = ['ort-wasm-simd-threaded.asyncify.mjs', 'ort-wasm-simd-threaded.asyncify.wasm'];

const CROSS_ORIGIN_ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

/** Serves (dev) and emits (build) the ONNX runtime under /ort/, so nothing is fetched from a CDN. */
function onnxRuntimeFiles(): Plugin {
  return {
    name: 'dissidentia:onnx-runtime-files',
    configureServer(server) {
      server.middlewares.use('/ort/', (req, res, next) => {
        const name = (req.url ?? '').replace(/^\//, '').split('?')[0] ?? '';
        if (!ORT_FILES.includes(name)) return next();
        res.setHeader('Content-Type', name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript');
        createReadStream(ORT_DIR + name).pipe(res);
      });
    },
    generateBundle() {
      for (const name of ORT_FILES) {
        this.emitFile({ type: 'asset', fileName: `ort/${name}`, source: readFileSync(ORT_DIR + name) });
      }
    },
  };
}

export default defineConfig({
  plugins: [
    svelte(),
    onnxRuntimeFiles(),
    modelsPlugin(fileURLToPath(new URL('./public/models/', import.meta.url))),
    demoModelPlugin(),
    VitePWA({
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icons/*.svg', 'icons/*.png'],
      manifest: {
        name: 'Dissidentia — phrases dissidentes du Grand Débat',
        short_name: 'Dissidentia',
        description:
          'Repérer, annoter et prédire les phrases dissidentes dans les réponses du Grand Débat National, entièrement dans le navigateur.',
        lang: 'fr',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#f7f7f5',
        theme_color: '#1d4e89',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,mjs,css,html,svg,png,wasm,json,md}'],
        // Model weights are cached on demand by the model code, never precached.
        // onnxruntime-web's own copy of the .wasm is emitted into assets/ but never fetched (wasmPaths points at /ort/).
        globIgnores: ['models/**', 'assets/ort-wasm-*.wasm'],
        // The ONNX runtime's .wasm is about 27 MB.
        maximumFileSizeToCacheInBytes: 40 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  worker: { format: 'es' },
  // Cross-origin isolation lets the ONNX runtime use several threads (SharedArrayBuffer); everything is same-origin.
  server: { headers: CROSS_ORIGIN_ISOLATION },
  preview: { headers: CROSS_ORIGIN_ISOLATION },
  build: { target: 'es2022', sourcemap: false },
});
