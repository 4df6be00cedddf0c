// bench:bundle — gzip size of the app shell's JavaScript and CSS (ONNX runtime and models excluded). Prints JSON.
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const OUT = '.dist-bench';
execSync(`npx vite build --outDir ${OUT} --emptyOutDir --logLevel warn`, { stdio: ['ignore', 'ignore', 'inherit'] });

function gz(path: string): number {
  return gzipSync(readFileSync(path), { level: 9 }).length;
}

const assets = readdirSync(join(OUT, 'assets')).filter((f) => /\.(js|css)$/.test(f));
const files = assets.map((f) => ({ file: f, bytes: statSync(join(OUT, 'assets', f)).size, gzip: gz(join(OUT, 'assets', f)) }));
// What the first paint needs: the files index.html links, plus the demo screen's chunk it loads at once.
const html = readFileSync(join(OUT, 'index.html'), 'utf8');
const initialNames = new Set([...html.matchAll(/assets\/([^"']+\.(?:js|css))/g)].map((m) => m[1]));
for (const f of assets) if (/^Demo-/.test(f)) initialNames.add(f);

const sum = (list: typeof files) => list.reduce((s, f) => s + f.gzip, 0);
const result = {
  bench: 'bundle',
  goalGzipBytes: 200_000,
  appShellGzipBytes: sum(files),
  initialLoadGzipBytes: sum(files.filter((f) => initialNames.has(f.file))),
  largest: [...files].sort((a, b) => b.gzip - a.gzip).slice(0, 8),
  excluded: 'ort/*.wasm|mjs (ONNX runtime), public/models/**, service worker and workbox runtime',
};
console.log(JSON.stringify(result, null, 2));
