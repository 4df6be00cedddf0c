// The Content-Security-Policy, one definition for the meta tag of index.html (any static host) and the header sent by
// `vite dev` / `vite preview` (which also covers the workers: a worker's policy comes with its own script response).
//
// - script-src: our own files only. No inline script (the service worker is registered from the bundle, not from an
//   injected snippet: VitePWA injectRegister false) and no eval; 'wasm-unsafe-eval' only lets the ONNX runtime
//   compile its WebAssembly. blob: because transformers.js keeps the runtime's .mjs in Cache Storage (offline use)
//   and imports it from a blob: URL in the model worker; only our own scripts can mint a blob: URL, so this opens
//   nothing to text coming from outside (without it « Charger et tester » fails: "Failed to fetch dynamically
//   imported module: blob:…").
// - style-src 'unsafe-inline': Svelte writes `style="…"` attributes (style: directives, progress bars, chart sizes)
//   and, under `vite dev`, injects <style> elements; a hash or nonce cannot cover values computed at run time. Styles
//   cannot run code, so this leaves scripts as strict as above.
// - connect-src: the app's origin, plus the Hugging Face Hub (huggingface.co and the *.hf.co / *.huggingface.co hosts
//   its downloads are redirected to). A static policy cannot depend on a setting, so the Hub is listed and the app
//   itself never asks it anything until the user ticks « Autoriser les téléchargements » (tests/reliability/csp.spec.ts
//   records every request of a full flow and finds none leaving the origin).
// - worker-src 'self' blob:: the app's workers are same-origin files; blob: for the ONNX runtime's thread workers
//   (started from its own module URL, a blob: one when it came from the cache).
// - img-src data: blob:: icons inlined by the bundler and chart images exported by the user.
const HUB = ['https://huggingface.co', 'https://*.huggingface.co', 'https://*.hf.co'];

const DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'", 'blob:'],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'", ...HUB],
  'worker-src': ["'self'", 'blob:'],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

const policy = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, values]) => `${name} ${values.join(' ')}`)
    .join('; ');

/** For the <meta http-equiv> tag (frame-ancestors is ignored there, so it is left to the header). */
export const CSP_META = policy(DIRECTIVES);
/** For the HTTP header: the same, and no framing by other sites. */
export const CSP_HEADER = policy({ ...DIRECTIVES, 'frame-ancestors': ["'none'"] });
