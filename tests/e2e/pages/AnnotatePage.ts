// Page model of the Annoter screen: annotator profiles, keyboard labelling, tabs, export/import, backup and restore.
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export class AnnotatePage {
  readonly currentAnnotator: Locator;
  readonly sentence: Locator;
  readonly sentenceCard: Locator;
  readonly position: Locator;
  readonly progress: Locator;
  readonly helpDialog: Locator;
  // Parcourir: search, filters, results and the bulk bar.
  readonly search: Locator;
  readonly browseCount: Locator;
  readonly browseRows: Locator;
  readonly annotatorFilter: Locator;
  readonly agreementFilter: Locator;
  // Échanges et sauvegarde.
  readonly importConflicts: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.currentAnnotator = page.getByTestId('current-annotator');
    this.sentence = page.getByTestId('sentence');
    this.sentenceCard = page.getByTestId('sentence-card');
    this.position = page.getByTestId('queue-position');
    this.progress = page.getByTestId('progress');
    this.helpDialog = page.getByRole('dialog', { name: 'Raccourcis clavier' });
    this.search = page.getByLabel('Rechercher dans les phrases');
    this.browseCount = page.getByTestId('browse-count');
    this.browseRows = page.getByTestId('browse-row');
    this.annotatorFilter = page.getByRole('combobox', { name: 'Annotateur', exact: true });
    this.agreementFilter = page.getByLabel('Accord', { exact: true });
    this.importConflicts = page.getByTestId('import-conflicts');
    this.alert = page.getByRole('alert');
  }

  /** A label button of the labelling view, by its accessible name ("1 dissident"…). */
  labelButton(name: RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  /** The number of sentences the browse count announces. */
  async browseTotal(): Promise<number> {
    return Number((await this.browseCount.textContent())!.match(/(\d+) phrases/)![1]);
  }

  async labelSelection(label: string): Promise<void> {
    await this.page.getByTestId('bulk-bar').getByRole('button', { name: label }).click();
  }

  /** Deletes the current profile through its edit form; the confirmation names it and its label count. */
  async deleteCurrentProfile(confirmation: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Modifier le profil' }).click();
    await this.page.getByRole('button', { name: 'Supprimer ce profil…' }).click();
    await expect(this.page.getByText(confirmation)).toBeFocused();
    await this.page.getByRole('button', { name: 'Supprimer définitivement' }).click();
  }

  status(text: string): Locator {
    return this.page.getByRole('status').filter({ hasText: text });
  }

  /** Chooses a backup file without confirming (a bad file is refused at once). */
  async chooseBackupFile(path: string): Promise<void> {
    await this.tab('Échanges et sauvegarde');
    await this.page.getByTestId('backup-file').setInputFiles(path);
  }

  /** Opens Annoter directly (not through the Démo screen, whose model training would write to the database). */
  async open(): Promise<void> {
    await this.page.goto('/#/annoter');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Annoter' })).toBeVisible();
    await expect(this.page.getByTestId('annotator-bar')).toBeVisible();
  }

  /** Creates a profile with the keyboard only: the welcome form on first use, else the "new annotator" form. */
  async createAnnotator(name: string): Promise<void> {
    const bar = this.page.getByTestId('annotator-bar');
    if (await this.page.getByText('Qui annote sur cet appareil').isHidden()) {
      await bar.getByRole('button', { name: /Nouvel annotateur/ }).click();
    }
    const field = this.page.getByLabel('Nom', { exact: true }).first();
    await field.focus();
    await this.page.keyboard.type(name);
    await this.page.keyboard.press('Enter');
    await expect(this.currentAnnotator).toContainText(name);
    // Leave the form: shortcuts stay quiet while a field has focus.
    await this.page.getByRole('heading', { level: 1 }).click();
  }

  /** Opens Annoter as a new annotator on the default queue; returns the queue's length. */
  async startAs(name: string): Promise<number> {
    await this.open();
    await this.createAnnotator(name);
    await this.expectPosition(1);
    return Number((await this.position.textContent())!.match(/sur (\d+)/)![1]);
  }

  async switchTo(name: string): Promise<void> {
    await this.page.getByLabel('Changer d’annotateur').selectOption({ label: name });
    await expect(this.currentAnnotator).toContainText(name);
  }

  async expectPosition(n: number, total?: number): Promise<void> {
    await expect(this.position).toHaveText(total === undefined ? new RegExp(`^Phrase ${n} sur \\d+$`) : `Phrase ${n} sur ${total}`);
  }

  /** "Alice : 19 sur 441" in the progress panel. */
  async expectProgress(name: string, done: number): Promise<void> {
    await expect(this.progress.getByText(new RegExp(`^${name} : ${done} sur \\d+$`))).toBeVisible();
  }

  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  async tab(name: 'Étiqueter' | 'Parcourir' | 'Guide' | 'Échanges et sauvegarde'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
    await expect(this.page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
  }

  async download(button: string | RegExp): Promise<Download> {
    const waiting = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: button }).click();
    return waiting;
  }

  async exportCsv(path: string): Promise<string> {
    await this.tab('Échanges et sauvegarde');
    const download = await this.download('Télécharger en CSV');
    await download.saveAs(path);
    return path;
  }

  async importAnnotations(path: string): Promise<Locator> {
    await this.tab('Échanges et sauvegarde');
    await this.page.getByTestId('annotations-file').setInputFiles(path);
    await this.page.getByRole('button', { name: 'Importer et fusionner' }).click();
    const report = this.page.getByTestId('import-report');
    await expect(report).toBeVisible();
    return report;
  }

  async backup(path: string): Promise<void> {
    await this.tab('Échanges et sauvegarde');
    const download = await this.download('Télécharger une sauvegarde');
    await download.saveAs(path);
  }

  async restore(path: string): Promise<void> {
    await this.chooseBackupFile(path);
    await this.page.getByRole('button', { name: 'Remplacer mes données' }).click();
    await expect(this.page.getByTestId('restore-done')).toHaveText('Sauvegarde restaurée.');
  }

  /** Every IndexedDB table of the app, read with the raw API (what "identical data" compares). */
  async dumpDatabase(): Promise<Record<string, unknown[]>> {
    return this.page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('dissidentia');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const out: Record<string, unknown[]> = {};
      for (const name of Array.from(db.objectStoreNames)) {
        out[name] = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => resolve(request.result as unknown[]);
          request.onerror = () => reject(request.error);
        });
      }
      db.close();
      return out;
    });
  }
}
