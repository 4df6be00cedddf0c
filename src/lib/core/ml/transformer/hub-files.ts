// The Hugging Face Hub as a source of model folders, shared by the browser and `npm run models:fetch`: which files a
// repository must offer (from its file tree, with sizes, before anything is downloaded) and where each one is.
import { CodedError } from '../../errors';
import { ONNX_FILE, type ModelDtype } from './model-config';

export const HUB_ENDPOINT = 'https://huggingface.co';

/** owner/name as the Hub spells repositories (transformers.js's own rule: no `..`, no `--`). */
export function isHubId(id: string): boolean {
  return /^[\w.-]{1,96}\/[\w.-]{1,96}$/.test(id) && !id.includes('..') && !id.includes('--');
}

export function checkHubId(id: string): void {
  if (!isHubId(id)) throw new CodedError('usermodels/badHubId', `Identifiant de modèle invalide : « ${id} » (attendu : propriétaire/nom, par exemple almanach/camembert-base).`, { id });
}

/** The file tree of the main revision, every folder included, with sizes. */
export const hubTreeUrl = (endpoint: string, id: string) => `${endpoint.replace(/\/$/, '')}/api/models/${id}/tree/main?recursive=true`;
export const hubFileUrl = (endpoint: string, id: string, path: string) => `${endpoint.replace(/\/$/, '')}/${id}/resolve/main/${path}`;

/** A folder name for a Hub model: `owner__name` (one path segment, a valid transformers.js model id). */
export const hubFolderName = (id: string) => id.replace('/', '__');

export interface HubFile {
  path: string;
  size: number;
}

/** The tree endpoint's entries: `{type: 'file', path, size, lfs?: {size}}`. */
export function readHubTree(tree: unknown): HubFile[] {
  if (!Array.isArray(tree)) throw new CodedError('usermodels/hubAnswer', 'Réponse inattendue du Hub (liste de fichiers illisible).', {});
  return tree.flatMap((entry: unknown) => {
    const e = entry as { type?: unknown; path?: unknown; size?: unknown; lfs?: { size?: unknown } };
    if (e.type !== 'file' || typeof e.path !== 'string') return [];
    const size = typeof e.lfs?.size === 'number' ? e.lfs.size : typeof e.size === 'number' ? e.size : 0;
    return [{ path: e.path, size }];
  });
}

const TEXT_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];

/**
 * The files to download for the precisions asked (`all`: every ONNX graph offered), refused in French when the
 * repository lacks one: most Hub models have no ONNX export, and that is the usual reason.
 */
export function pickHubFiles(id: string, tree: readonly HubFile[], dtype: ModelDtype | 'all'): HubFile[] {
  const byPath = new Map(tree.map((f) => [f.path, f]));
  const missing = TEXT_FILES.filter((p) => !byPath.has(p));
  if (missing.length > 0) {
    throw new CodedError('usermodels/hubMissing', `Le dépôt ${id} n’a pas ${missing.join(', ')} : ce n’est pas un modèle au format transformers.js.`, { id, files: missing.join(', ') });
  }
  const wanted = dtype === 'all' ? (Object.keys(ONNX_FILE) as ModelDtype[]) : [dtype];
  const graphs = wanted.map((d) => ONNX_FILE[d]).filter((p) => byPath.has(p));
  if (graphs.length === 0) {
    const files = wanted.map((d) => ONNX_FILE[d]).join(' ou ');
    throw new CodedError('usermodels/hubNoOnnx', `Le dépôt ${id} n’a pas de graphe ONNX (${files}) : il faut une version exportée en ONNX (par exemple un dépôt « onnx-community/… » ou « Xenova/… »).`, { id, files });
  }
  return [...TEXT_FILES, ...graphs].map((p) => byPath.get(p)!);
}

/** A network failure, said plainly: the Hub could not be reached at all (offline, closed network, blocked). */
export function hubUnreachable(endpoint: string, cause: unknown): CodedError {
  const raw = cause instanceof Error ? (cause.cause instanceof Error ? cause.cause.message : cause.message) : String(cause);
  // Browsers hide the reason of a failed request behind one English sentence ("Failed to fetch", "Load failed"…).
  const detail = /^(Failed to fetch|Load failed|NetworkError)/i.test(raw) ? 'la connexion a échoué' : raw;
  return new CodedError('usermodels/hubUnreachable', `Impossible de joindre le Hub Hugging Face (${endpoint}) : ${detail}. Cet appareil n’a pas accès à Internet ou le réseau bloque le Hub.`, { endpoint, detail });
}
