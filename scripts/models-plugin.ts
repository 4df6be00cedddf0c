// Vite plugin: lists the model folders (public/models/<name>/, plus folders named in DISSIDENTIA_EXTRA_MODELS) in
// /models/manifest.json, and serves or emits the extra folders, so the worker only ever asks for files that exist.
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { ONNX_FILE, missingModelFiles, readModelConfig, type ModelDtype, type ModelKind } from '../src/lib/core/ml/transformer/model-config';

export interface ManifestEntry {
  name: string;
  kind: ModelKind;
  modelType: string;
  hiddenSize: number;
  labels?: string[];
  /** Precisions present, with the bytes a first load downloads for each (ONNX graph plus tokenizer and config). */
  dtypes: Partial<Record<ModelDtype, number>>;
}

const files = (dir: string, root = dir): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, root) : [relative(root, path).replace(/\\/g, '/')];
  });

/** Folders holding a model: each subfolder of the given roots with a config.json. */
function modelFolders(roots: string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const root of roots) {
    if (!existsSync(root)) continue;
    for (const name of readdirSync(root).sort()) {
      const dir = join(root, name);
      if (statSync(dir).isDirectory() && existsSync(join(dir, 'config.json'))) found.set(name, dir);
    }
  }
  return found;
}

function entry(name: string, dir: string): ManifestEntry | null {
  try {
    const info = readModelConfig(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')) as unknown);
    const present = files(dir);
    const size = (f: string) => statSync(join(dir, f)).size;
    const common = ['config.json', 'tokenizer.json', 'tokenizer_config.json'].reduce((s, f) => s + size(f), 0);
    const dtypes: ManifestEntry['dtypes'] = {};
    for (const dtype of ['q8', 'fp32'] as const) if (missingModelFiles(present, dtype).length === 0) dtypes[dtype] = common + size(ONNX_FILE[dtype]);
    if (Object.keys(dtypes).length === 0) return null;
    return { name, kind: info.kind, modelType: info.modelType, hiddenSize: info.hiddenSize, ...(info.labels ? { labels: info.labels } : {}), dtypes };
  } catch (error) {
    console.warn(`Modèle ${name} ignoré : ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
}

/** The manifest of every usable model folder under the roots (a later root's folder wins on a name clash). */
export function buildManifest(roots: string[]): { models: ManifestEntry[] } {
  const models = [...modelFolders(roots)].map(([name, dir]) => entry(name, dir)).filter((e): e is ManifestEntry => e !== null);
  return { models };
}

export function modelsPlugin(publicModels: string): Plugin {
  const extraRoots = (process.env.DISSIDENTIA_EXTRA_MODELS ?? '').split(',').filter(Boolean).map((p) => resolve(p));
  const manifest = () => `${JSON.stringify(buildManifest([publicModels, ...extraRoots]), null, 2)}\n`;
  return {
    name: 'dissidentia:models',
    configureServer(server) {
      server.middlewares.use('/models/', (req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '').replace(/^\//, '');
        if (path === 'manifest.json') {
          res.setHeader('Content-Type', 'application/json');
          res.end(manifest());
          return;
        }
        const [name, ...rest] = path.split('/');
        const dir = modelFolders(extraRoots).get(name ?? '');
        const file = dir ? resolve(dir, rest.join('/')) : '';
        if (!dir || !file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return next();
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'models/manifest.json', source: manifest() });
      // public/ is copied by Vite itself; the extra (test) folders are emitted here.
      for (const [name, dir] of modelFolders(extraRoots)) {
        for (const f of files(dir)) this.emitFile({ type: 'asset', fileName: `models/${name}/${f}`, source: readFileSync(join(dir, f)) });
      }
    },
  };
}
