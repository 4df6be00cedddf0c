// Checks a model folder the user gives (dropped, picked or downloaded) before anything is kept: family, tokenizer,
// ONNX graphs and their inputs/outputs; says in French what is missing, and lists only the files worth keeping.
import { CodedError } from '../../errors';
import { ONNX_FILE, checkOnnxSignature, readModelConfig, type ModelDtype, type ModelInfo } from './model-config';
import { readOnnxSignature, type ReadAt } from './onnx-signature';

/** One file of the folder, read lazily (a File in the browser, a file on disk in Node). */
export interface FolderFile {
  /** Path inside the folder, with `/` (a top folder common to every file is removed). */
  path: string;
  size: number;
  readAt: ReadAt;
}

export interface CheckedFolder<F extends FolderFile = FolderFile> {
  info: ModelInfo;
  /** Precisions usable, with the bytes each needs (graph + config + tokenizer). */
  dtypes: Partial<Record<ModelDtype, number>>;
  /** The files to keep: config, tokenizer and the ONNX graphs (weights in other formats are left out). */
  keep: F[];
  bytes: number;
}

/** Architectures whose tokenizer and encoder transformers.js loads like CamemBERT's. */
export const SUPPORTED_MODEL_TYPES = ['camembert', 'roberta', 'xlm-roberta', 'bert', 'distilbert'];
const TEXT_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];

const normalise = (path: string) => path.replace(/\\/g, '/').replace(/^\.?\//, '');

/** Paths relative to the model folder: a picked folder's files all start with its name, which is dropped. */
export function folderRelative<T extends { path: string }>(files: readonly T[]): T[] {
  const paths = files.map((f) => normalise(f.path));
  const tops = new Set(paths.map((p) => (p.includes('/') ? p.slice(0, p.indexOf('/')) : '')));
  const [top] = tops;
  const strip = tops.size === 1 && top !== '' && !paths.includes('config.json');
  return files.map((f, i) => ({ ...f, path: strip ? paths[i]!.slice(top!.length + 1) : paths[i]! }));
}

const text = async (file: FolderFile) => new TextDecoder().decode(await file.readAt(0, file.size));

/** Checks a folder; the files kept are the given objects (whatever else they carry), with paths made relative. */
export async function checkModelFolder<F extends FolderFile>(given: readonly F[]): Promise<CheckedFolder<F>> {
  const files = new Map(folderRelative(given).map((f) => [f.path, f]));
  const graphs = (Object.keys(ONNX_FILE) as ModelDtype[]).filter((d) => files.has(ONNX_FILE[d]));
  const missing = TEXT_FILES.filter((f) => !files.has(f));
  if (graphs.length === 0) missing.push(`${ONNX_FILE.q8} ou ${ONNX_FILE.fp32}`);
  if (missing.length > 0) {
    throw new CodedError('usermodels/missingFiles', `Dossier de modèle refusé : il manque ${missing.join(', ')}.`, { files: missing.join(', ') });
  }
  let config: unknown;
  try {
    config = JSON.parse(await text(files.get('config.json')!));
  } catch {
    throw new CodedError('usermodels/badConfig', 'Dossier de modèle refusé : config.json n’est pas un JSON lisible.', { detail: 'JSON' });
  }
  const modelType = (config as { model_type?: unknown } | null)?.model_type;
  if (typeof modelType === 'string' && !SUPPORTED_MODEL_TYPES.includes(modelType)) {
    throw new CodedError(
      'usermodels/unsupportedType',
      `Dossier de modèle refusé : le type de modèle « ${modelType} » n’est pas pris en charge (attendu : ${SUPPORTED_MODEL_TYPES.join(', ')}).`,
      { type: modelType, supported: SUPPORTED_MODEL_TYPES.join(', ') },
    );
  }
  let info: ModelInfo;
  try {
    info = readModelConfig(config);
    JSON.parse(await text(files.get('tokenizer.json')!));
  } catch (error) {
    const detail = error instanceof Error ? error.message.replace(/^Dossier de modèle refusé : /, '') : String(error);
    throw new CodedError('usermodels/badConfig', `Dossier de modèle refusé : ${error instanceof SyntaxError ? 'tokenizer.json n’est pas un JSON lisible.' : detail}`, { detail });
  }
  const common = TEXT_FILES.reduce((sum, f) => sum + files.get(f)!.size, 0);
  const dtypes: CheckedFolder['dtypes'] = {};
  for (const dtype of graphs) {
    const graph = files.get(ONNX_FILE[dtype])!;
    try {
      const { inputs, outputs } = await readOnnxSignature(graph.readAt, graph.size);
      checkOnnxSignature(inputs, outputs, info.kind);
    } catch (error) {
      const detail = error instanceof Error ? error.message.replace(/^Dossier de modèle refusé : /, '') : String(error);
      throw new CodedError('usermodels/badOnnx', `Dossier de modèle refusé : ${graph.path} : ${detail}`, { file: graph.path, detail });
    }
    dtypes[dtype] = common + graph.size;
  }
  const keep = [...TEXT_FILES, ...graphs.map((d) => ONNX_FILE[d])].map((p) => files.get(p)!);
  return { info, dtypes, keep, bytes: keep.reduce((sum, f) => sum + f.size, 0) };
}
