// The page's side of the model cache (Cache Storage): user models kept under /models/user/<name>/ where the model
// worker's transformers.js finds them, listed by a small description file, deleted whole; and downloads with progress.
import type { ModelDtype, ModelKind } from '../core/ml/transformer/model-config';
import type { FolderFile } from '../core/ml/transformer/model-folder-check';
import { MODEL_CACHE, modelFileUrl } from './runtime-files';

/** What Réglages shows of a kept model; written last, so a half-stored model is never listed. */
export interface UserModelMeta {
  /** The model id the worker loads: `user/<folder>`. */
  name: string;
  label: string;
  source: 'folder' | 'hub';
  hubId?: string;
  kind: ModelKind;
  modelType: string;
  hiddenSize: number;
  labels?: string[];
  dtypes: Partial<Record<ModelDtype, number>>;
  bytes: number;
  files: string[];
  addedAt: string;
}

const META = 'dissidentia-model.json';
const BASE = import.meta.env.BASE_URL;
const url = (model: string, file: string) => modelFileUrl(location.origin, BASE, model, file);
const prefix = (model: string) => url(model, '');

/** A name usable as a model id and a URL segment (letters, digits, `.`, `_`, `-`; no `--`, which ids forbid). */
export function folderSlug(label: string): string {
  const slug = label
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\w.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return slug || 'modele';
}

export async function listUserModels(): Promise<UserModelMeta[]> {
  const cache = await caches.open(MODEL_CACHE);
  const root = `${location.origin}${BASE}models/user/`;
  const metas = (await cache.keys()).filter((r) => r.url.startsWith(root) && r.url.endsWith(`/${META}`));
  const read = await Promise.all(metas.map(async (r) => (await (await cache.match(r))?.json()) as UserModelMeta | undefined));
  return read.filter((m): m is UserModelMeta => m !== undefined).sort((a, b) => a.label.localeCompare(b.label));
}

export async function deleteUserModel(name: string): Promise<void> {
  const cache = await caches.open(MODEL_CACHE);
  const entries = (await cache.keys()).filter((r) => r.url.startsWith(prefix(name)));
  // The description first: a deletion cut short leaves files nobody lists rather than a listed, broken model.
  entries.sort((a, b) => Number(b.url.endsWith(META)) - Number(a.url.endsWith(META)));
  for (const r of entries) await cache.delete(r);
}

const contentType = (path: string) => (path.endsWith('.json') ? 'application/json' : 'application/octet-stream');

/** Stores checked files (File or Blob) and then their description; on failure nothing of this model stays. */
export async function storeUserModel(meta: UserModelMeta, files: { path: string; blob: Blob }[], onProgress?: (done: number, total: number) => void): Promise<void> {
  const cache = await caches.open(MODEL_CACHE);
  try {
    let done = 0;
    for (const { path, blob } of files) {
      const headers = { 'Content-Type': contentType(path), 'Content-Length': String(blob.size) };
      await cache.put(url(meta.name, path), new Response(blob, { headers }));
      onProgress?.((done += blob.size), meta.bytes);
    }
    await cache.put(url(meta.name, META), new Response(JSON.stringify(meta), { headers: { 'Content-Type': 'application/json' } }));
  } catch (error) {
    await deleteUserModel(meta.name).catch(() => undefined);
    throw error;
  }
}

/** A Blob as the folder check reads it. */
export const blobFile = (path: string, blob: Blob): FolderFile => ({
  path,
  size: blob.size,
  readAt: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
});

/** The cached copies of a model's files, read back as Blobs (for checking what was downloaded). */
export async function cachedFiles(model: string, paths: string[]): Promise<{ path: string; blob: Blob }[]> {
  const cache = await caches.open(MODEL_CACHE);
  return Promise.all(
    paths.map(async (path) => {
      const response = await cache.match(url(model, path));
      if (!response) throw new Error(`Fichier absent du cache : ${path}`);
      return { path, blob: await response.blob() };
    }),
  );
}

/** The URLs among these that are not in the cache yet. */
export async function missingFromCache(urls: string[]): Promise<string[]> {
  const cache = await caches.open(MODEL_CACHE);
  const present = await Promise.all(urls.map(async (u) => (await cache.match(u)) !== undefined));
  return urls.filter((_, i) => !present[i]);
}

/**
 * Fetches a URL into the cache under `key` (default: the URL), counting bytes as they arrive; the response is
 * stored only once complete, and only when the request succeeded.
 */
export async function download(source: string, onBytes: (bytes: number) => void, options: { key?: string; signal?: AbortSignal } = {}): Promise<number> {
  const response = await fetch(source, { signal: options.signal });
  if (!response.ok || !response.body) throw new Error(`HTTP ${response.status} pour ${source}`);
  const chunks: Uint8Array[] = [];
  const reader = response.body.getReader();
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    bytes += value.length;
    onBytes(value.length);
  }
  const type = response.headers.get('Content-Type') ?? 'application/octet-stream';
  const cache = await caches.open(MODEL_CACHE);
  await cache.put(options.key ?? source, new Response(new Blob(chunks as BlobPart[], { type }), { headers: { 'Content-Type': type, 'Content-Length': String(bytes) } }));
  return bytes;
}

/** Bytes a URL will download (HEAD's Content-Length), or undefined when the server does not say. */
export async function remoteSize(source: string): Promise<number | undefined> {
  const response = await fetch(source, { method: 'HEAD' });
  if (!response.ok) throw new Error(`HTTP ${response.status} pour ${source}`);
  const length = Number(response.headers.get('Content-Length'));
  return Number.isFinite(length) && length > 0 ? length : undefined;
}

export const userModelFileUrl = url;
