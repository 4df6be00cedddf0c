// Build of the PWA: Svelte, the service worker (app shell precached; the ONNX runtime and models are cached on first
// use or by « Préparer l'usage hors ligne »), the ONNX runtime copy under /ort/<version>/ and the models manifest.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { modelsPlugin } from './scripts/models-plugin';
import { demoModelPlugin } from './scripts/demo-model-plugin';
import { screenPreloadPlugin } from './scripts/screen-preload-plugin';
import { ORT_BUILD_FILES } from './src/lib/storage/runtime-files';
import { CSP_HEADER, CSP_META } from './scripts/csp';

const ORT_DIR = fileURLToPath(new URL('./node_modules/onnxruntime-web/dist/', import.meta.url));
const ORT_VERSION = (JSON.parse(readFileSync(fileURLToPath(new URL('./node_modules/onnxruntime-web/package.json', import.meta.url)), 'utf8')) as { version: string }).version;
/** The runtime builds the model worker loads: plain on WASM (the faster there), asyncify with WebGPU. */
export const ORT_FILES = Object.values(ORT_BUILD_FILES).flatMap((b) => [b.mjs, b.wasm]);

const CROSS_ORIGIN_ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
/** What dev and preview send with every response (pages and worker scripts alike); a deployment sends the same. */
const HEADERS = { ...CROSS_ORIGIN_ISOLATION, 'Content-Security-Policy': CSP_HEADER };

/** Writes the policy into index.html as a meta tag, so that a host without custom headers still applies it. */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'dissidentia:csp-meta',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP_META }, injectTo: 'head-prepend' }],
  };
}

/** Serves (dev) and emits (build) the ONNX runtime under /ort/<version>/, so nothing is fetched from a CDN. */
function onnxRuntimeFiles(): Plugin {
  return {
    name: 'dissidentia:onnx-runtime-files',
    configureServer(server) {
      server.middlewares.use(`/ort/${ORT_VERSION}/`, (req, res, next) => {
        const name = (req.url ?? '').replace(/^\//, '').split('?')[0] ?? '';
        if (!ORT_FILES.includes(name)) return next();
        res.setHeader('Content-Type', name.endsWith('.wasm') ? 'application/wasm' : 'text/javascript');
        // The size lets « Préparer l'usage hors ligne » say how much it will download.
        res.setHeader('Content-Length', statSync(ORT_DIR + name).size);
        if (req.method === 'HEAD') return void res.end();
        createReadStream(ORT_DIR + name).pipe(res);
      });
    },
    generateBundle() {
      for (const name of ORT_FILES) {
        this.emitFile({ type: 'asset', fileName: `ort/${ORT_VERSION}/${name}`, source: readFileSync(ORT_DIR + name) });
      }
    },
  };
}

export default defineConfig({
  plugins: [
    svelte(),
    contentSecurityPolicyMeta(),
    onnxRuntimeFiles(),
    modelsPlugin(fileURLToPath(new URL('./public/models/', import.meta.url))),
    demoModelPlugin(),
    screenPreloadPlugin(),
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
        // The ONNX runtime (15–27 MB) and model weights are not precached: a citizen who only opens the Démo on a
        // phone never downloads them. The model worker keeps them in Cache Storage on first use, and Réglages'
        // « Préparer l'usage hors ligne » fetches them ahead. The models list itself (models/manifest.json) is precached.
        // models/*/**/* spares models/manifest.json (the list Réglages shows offline) and leaves out every model file.
        globIgnores: ['models/*/**/*', 'ort/**'],
        maximumFileSizeToCacheInBytes: 5 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  worker: { format: 'es' },
  // ONNX Runtime's JS modules in the variant that loads its .wasm glue from `wasmPaths` (our /ort/<version>/ files)
  // rather than embedding it: the WebGPU-capable one transformers.js imports (the embedding variant also made the build
  // emit a 27 MB .wasm that nothing fetched), and the WASM-only one the model worker hands it (src/workers/ort-module.ts).
  resolve: {
    alias: [
      { find: /^onnxruntime-web\/webgpu$/, replacement: `${ORT_DIR}ort.webgpu.min.mjs` },
      { find: /^onnxruntime-web\/wasm-extern$/, replacement: `${ORT_DIR}ort.wasm.min.mjs` },
    ],
  },
  define: { __ORT_VERSION__: JSON.stringify(ORT_VERSION) },
  // Cross-origin isolation lets the ONNX runtime use several threads (SharedArrayBuffer); everything is same-origin.
  // The Content-Security-Policy (scripts/csp.ts) travels with it.
  server: { headers: HEADERS },
  preview: { headers: HEADERS },
  build: {
    target: 'es2022',
    sourcemap: false,
    // The two largest chunks are data and a worker's runtime, not shell code: the built-in demo model's weights (about
    // 630 kB, fetched by the Démo alone) and the transformer runtime (about 550 kB, loaded by the model worker only when
    // a transformer model is used). The shell's own budget is checked by bench:bundle, so the generic warning is noise.
    chunkSizeWarningLimit: 700,
    // Rolldown's plugin-timing report fires on every build for the ONNX runtime asset; it says nothing actionable.
    rolldownOptions: { checks: { pluginTimings: false } },
  },
});
