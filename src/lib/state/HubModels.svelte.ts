// Models from the Hugging Face Hub, only when the user allows downloads and the browser is online: the size is read
// from the Hub's file list before anything is fetched, files arrive with progress into the model cache, and the
// folder is checked like a dropped one before it is listed. Where the Hub cannot be reached, it says so.
import { CodedError } from '../core/errors';
import { HUB_ENDPOINT, checkHubId, hubFileUrl, hubFolderName, hubTreeUrl, hubUnreachable, pickHubFiles, readHubTree, type HubFile } from '../core/ml/transformer/hub-files';
import type { ModelDtype } from '../core/ml/transformer/model-config';
import { checkModelFolder } from '../core/ml/transformer/model-folder-check';
import { blobFile, cachedFiles, deleteUserModel, download, storeUserModel, userModelFileUrl, type UserModelMeta } from '../storage/model-cache';
import { connectivity } from './Connectivity.svelte';
import { userModels } from './UserModels.svelte';

const ALLOW_KEY = 'dissidentia.hubDownloads';

class HubModels {
  #allowed = $state(localStorage.getItem(ALLOW_KEY) === 'yes');
  #status = $state<'idle' | 'looking' | 'found' | 'downloading' | 'done' | 'error'>('idle');
  #found = $state.raw<{ id: string; dtype: ModelDtype; files: HubFile[]; bytes: number } | undefined>();
  #done = $state(0);
  #error = $state.raw<unknown>();

  get allowed() { return this.#allowed; }
  get status() { return this.#status; }
  get found() { return this.#found; }
  get done() { return this.#done; }
  get error() { return this.#error; }

  allow(allowed: boolean): void {
    this.#allowed = allowed;
    localStorage.setItem(ALLOW_KEY, allowed ? 'yes' : 'no');
  }

  #guard(): void {
    if (!this.#allowed) throw new CodedError('usermodels/hubNotAllowed', 'Les téléchargements depuis le Hub ne sont pas autorisés : cochez l’autorisation d’abord.', {});
    if (!connectivity.online) throw new CodedError('usermodels/offline', 'Hors ligne : le Hub Hugging Face ne peut pas être joint.', {});
  }

  async #get(url: string): Promise<Response> {
    let response: Response;
    try {
      response = await fetch(url);
    } catch (error) {
      throw hubUnreachable(HUB_ENDPOINT, error);
    }
    if (response.status === 401 || response.status === 404) throw new CodedError('usermodels/hubNotFound', `Modèle introuvable sur le Hub (ou privé) : ${url}.`, { url });
    if (!response.ok) throw new CodedError('usermodels/hubHttp', `Le Hub a répondu HTTP ${response.status}.`, { status: response.status });
    return response;
  }

  /** Reads the repository's file list: which files, how many bytes (nothing is downloaded yet). */
  async lookup(id: string, dtype: ModelDtype): Promise<void> {
    this.#error = undefined;
    this.#found = undefined;
    this.#status = 'looking';
    try {
      this.#guard();
      checkHubId(id.trim());
      const tree = readHubTree(await (await this.#get(hubTreeUrl(HUB_ENDPOINT, id.trim()))).json());
      const files = pickHubFiles(id.trim(), tree, dtype);
      this.#found = { id: id.trim(), dtype, files, bytes: files.reduce((s, f) => s + f.size, 0) };
      this.#status = 'found';
    } catch (error) {
      this.#error = error;
      this.#status = 'error';
    }
  }

  /** Downloads the files found into the cache, checks them, then lists the model; a failure keeps nothing. */
  async download(): Promise<void> {
    const found = this.#found;
    if (!found || this.#status === 'downloading') return;
    this.#status = 'downloading';
    this.#done = 0;
    this.#error = undefined;
    const name = userModels.uniqueName(hubFolderName(found.id));
    try {
      this.#guard();
      for (const file of found.files) {
        await download(hubFileUrl(HUB_ENDPOINT, found.id, file.path), (bytes) => (this.#done += bytes), { key: userModelFileUrl(name, file.path) }).catch((error: unknown) => {
          throw error instanceof TypeError ? hubUnreachable(HUB_ENDPOINT, error) : error;
        });
      }
      const stored = await cachedFiles(name, found.files.map((f) => f.path));
      const checked = await checkModelFolder(stored.map((f) => blobFile(f.path, f.blob)));
      const meta: UserModelMeta = {
        name,
        label: found.id,
        source: 'hub',
        hubId: found.id,
        kind: checked.info.kind,
        modelType: checked.info.modelType,
        hiddenSize: checked.info.hiddenSize,
        ...(checked.info.labels ? { labels: checked.info.labels } : {}),
        dtypes: checked.dtypes,
        bytes: checked.bytes,
        files: checked.keep.map((f) => f.path),
        addedAt: new Date().toISOString(),
      };
      await storeUserModel(meta, []);
      await userModels.refresh();
      this.#status = 'done';
    } catch (error) {
      await deleteUserModel(name).catch(() => undefined);
      this.#error = error;
      this.#status = 'error';
    }
  }
}

export const hubModels = new HubModels();
