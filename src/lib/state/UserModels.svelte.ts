// Réglages' own models: folders the user drops or picks, checked before anything is kept, stored in Cache Storage for
// offline use, listed with their size, deletable; the language-model list shows them beside the build's models.
import { CodedError } from '../core/errors';
import { checkModelFolder } from '../core/ml/transformer/model-folder-check';
import { blobFile, deleteUserModel, folderSlug, listUserModels, storeUserModel, type UserModelMeta } from '../storage/model-cache';
import { transformerSettings } from './TransformerSettings.svelte';

/** A file of a picked or dropped folder, its path inside that folder included. */
export interface PickedFile {
  path: string;
  file: Blob;
}

class UserModels {
  #list = $state.raw<UserModelMeta[] | undefined>();
  #busy = $state<'checking' | 'storing' | undefined>();
  #stored = $state(0);
  #total = $state(0);
  #error = $state.raw<unknown>();
  #added = $state<string | undefined>();

  get list() { return this.#list; }
  get busy() { return this.#busy; }
  get progress() { return { done: this.#stored, total: this.#total }; }
  /** The latest refusal or failure (a CodedError the screen translates). */
  get error() { return this.#error; }
  /** The label of the model just kept, for the confirmation. */
  get added() { return this.#added; }

  async load(): Promise<void> {
    try {
      this.#list = await listUserModels();
    } catch {
      // Cache Storage refused (private mode on some browsers): nothing kept, nothing listed.
      this.#list = [];
    }
    transformerSettings.setUserModels(this.#list);
  }

  /** A unique folder name for a label: « camembert-base », then « camembert-base-2 »… */
  uniqueName(label: string): string {
    const taken = new Set((this.#list ?? []).map((m) => m.name));
    const slug = folderSlug(label);
    let name = `user/${slug}`;
    for (let i = 2; taken.has(name); i++) name = `user/${slug}-${i}`;
    return name;
  }

  /** Checks a folder's files and keeps the useful ones; a refusal keeps nothing and says why. */
  async add(label: string, files: PickedFile[]): Promise<boolean> {
    if (this.#busy) return false;
    this.#error = undefined;
    this.#added = undefined;
    this.#busy = 'checking';
    try {
      if (files.length === 0) throw new CodedError('usermodels/emptyFolder', 'Dossier vide : aucun fichier reçu (déposez le dossier du modèle lui-même).', {});
      const checked = await checkModelFolder(files.map((f) => ({ ...blobFile(f.path, f.file), blob: f.file })));
      const keep = checked.keep.map((f) => ({ path: f.path, blob: f.blob }));
      this.#busy = 'storing';
      this.#total = checked.bytes;
      this.#stored = 0;
      const meta: UserModelMeta = {
        name: this.uniqueName(label),
        label,
        source: 'folder',
        kind: checked.info.kind,
        modelType: checked.info.modelType,
        hiddenSize: checked.info.hiddenSize,
        ...(checked.info.labels ? { labels: checked.info.labels } : {}),
        dtypes: checked.dtypes,
        bytes: checked.bytes,
        files: keep.map((f) => f.path),
        addedAt: new Date().toISOString(),
      };
      await storeUserModel(meta, keep, (done) => (this.#stored = done));
      this.#added = label;
      await this.load();
      return true;
    } catch (error) {
      this.#error = error;
      return false;
    } finally {
      this.#busy = undefined;
    }
  }

  async remove(name: string): Promise<void> {
    this.#error = undefined;
    this.#added = undefined;
    await deleteUserModel(name);
    await this.load();
  }

  /** Lets the Hub download report through the same list. */
  async refresh(): Promise<void> {
    await this.load();
  }
}

export const userModels = new UserModels();
