// bench:bundle — gzip size of the app shell's JavaScript and CSS (ONNX runtime and models excluded). Prints JSON.
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUT = '.dist-bench';
execSync(`npx vite build --outDir ${OUT} --emptyOutDir --manifest --logLevel warn`, { stdio: ['ignore', 'ignore', 'inherit'] });

function gz(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

const assets = readdirSync(join(OUT, 'assets')).filter((f) => /\.(js|css)$/.test(f));
const files = assets.map((f) => ({ file: f, bytes: statSync(join(OUT, 'assets', f)).size, gzip: gz(join(OUT, 'assets', f)) }));
// What the first paint needs: the entry and the Démo screen (the home route), with everything they import statically.
interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
}
const manifest = JSON.parse(readFileSync(join(OUT, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
const initialNames = new Set<string>();
const visit = (key: string): void => {
  const chunk = manifest[key];
  if (!chunk || initialNames.has(chunk.file.replace('assets/', ''))) return;
  for (const file of [chunk.file, ...(chunk.css ?? [])]) initialNames.add(file.replace('assets/', ''));
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit('index.html');
visit('src/routes/Demo.svelte');

const sum = (list: typeof files) => list.reduce((s, f) => s + f.gzip, 0);
// transformer-handlers is the model worker's lazily imported chunk (transformers.js and the ONNX runtime's JS).
const isWorker = (f: (typeof files)[number]) => /\.worker-|^transformer-handlers-/.test(f.file);
const result = {
  bench: 'bundle',
  goalGzipBytes: 200_000,
  // The app shell in the PWA sense: what the first paint needs (entry, styles, the Démo screen).
  appShellGzipBytes: sum(files.filter((f) => initialNames.has(f.file))),
  // Every screen's chunk loaded on the main thread, lazily or not (Chart.js and the demo corpus included).
  allScreensGzipBytes: sum(files.filter((f) => !isWorker(f))),
  workersGzipBytes: sum(files.filter(isWorker)),
  totalGzipBytes: sum(files),
  largest: [...files].sort((a, b) => b.gzip - a.gzip).slice(0, 8),
  excluded: 'ort/*.wasm|mjs (ONNX runtime), public/models/**, service worker and workbox runtime',
};
console.log(JSON.stringify(result, null, 2));
