// Page model of Réglages' model sources: the user's folders, « Préparer l'usage hors ligne » and the Hub.
import { expect, type Locator, type Page } from '@playwright/test';

export class ModelSources {
  readonly folders: Locator;
  readonly folderInput: Locator;
  readonly userModels: Locator;
  readonly folderError: Locator;
  readonly offline: Locator;
  readonly hub: Locator;

  constructor(readonly page: Page) {
    this.folders = page.getByTestId('user-models');
    this.folderInput = page.getByTestId('model-folder-input');
    this.userModels = page.getByTestId('user-model');
    this.folderError = page.getByTestId('um-error');
    this.offline = page.getByTestId('offline-prep');
    this.hub = page.getByTestId('hub-models');
  }

  /** Picks a folder from disk with the folder input (what the drop zone's « Choisir un dossier… » opens). */
  async addFolder(path: string): Promise<void> {
    await this.folderInput.setInputFiles(path);
  }

  userModel(label: string): Locator {
    return this.userModels.filter({ has: this.page.locator('.name', { hasText: new RegExp(`^${label}$`) }) });
  }

  async deleteModel(label: string): Promise<void> {
    await this.folders.getByRole('button', { name: `Supprimer le modèle ${label}` }).click();
  }

  /** Clicks « Préparer l'usage hors ligne » and waits until everything is in the cache. */
  async prepareOffline(): Promise<void> {
    await this.offline.getByRole('button', { name: 'Préparer l’usage hors ligne' }).click();
    await expect(this.offline.getByTestId('offline-status')).toHaveAttribute('data-ready', 'yes', { timeout: 120_000 });
  }
}
