// Model folders on disk for the Node side (CLI, tests): transformers.js reads local files only, and a folder is
// checked for its files before loading so a missing piece is named in French.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { env } from '@huggingface/transformers';
import { checkModelFiles, type ModelDtype } from '../lib/core/ml/transformer/model-config';
import { TransformerModel, type LoadOptions } from '../lib/core/ml/transformer/transformer-model';

/** Local files only, no cache folder inside node_modules. */
export function configureNodeRuntime(): void {
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.useFSCache = false;
}

function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path, root) : [relative(root, path).replace(/\\/g, '/')];
  });
}

/** Checks a folder's files, then loads it; the absolute path is the model id transformers.js reads from. */
export async function loadModelFolder(dir: string, options: LoadOptions): Promise<TransformerModel> {
  const path = resolve(dir);
  if (!existsSync(path) || !statSync(path).isDirectory()) throw new Error(`Dossier de modèle introuvable : ${dir}`);
  checkModelFiles(listFiles(path), options.dtype);
  configureNodeRuntime();
  return TransformerModel.load(path, options);
}

/** q8 where the folder has it (about 4× smaller and faster on CPU), else fp32. */
export function preferredDtype(dir: string): ModelDtype {
  return existsSync(join(resolve(dir), 'onnx/model_quantized.onnx')) ? 'q8' : 'fp32';
}
