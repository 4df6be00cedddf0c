// Page model of the Annoter screen: annotator profiles, keyboard labelling, tabs, export/import, backup and restore.
import { expect, type Download, type Locator, type Page } from '@playwright/test';

export class AnnotatePage {
  readonly currentAnnotator: Locator;
  readonly sentence: Locator;
  readonly sentenceCard: Locator;
  readonly position: Locator;
  readonly progress: Locator;
  readonly helpDialog: Locator;
  readonly saveStatus: Locator;
  readonly announcement: Locator;
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
    this.saveStatus = page.getByTestId('save-status');
    this.announcement = page.getByTestId('announcement');
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
    const welcome = this.page.getByText('Qui annote sur cet appareil');
    const newProfile = this.page.getByTestId('annotator-bar').getByRole('button', { name: /Nouvel annotateur/ });
    // Both come once the stored profiles are read; the welcome form only when there is none.
    await expect(welcome.or(newProfile).first()).toBeVisible();
    if (await welcome.isHidden()) await newProfile.click();
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
    return Number((await this.position.textContent())!.replace(/^.*sur /, '').replace(/\D/g, ''));
  }

  async switchTo(name: string): Promise<void> {
    await this.page.getByLabel('Changer d’annotateur').selectOption({ label: name });
    await expect(this.currentAnnotator).toContainText(name);
  }

  async expectPosition(n: number, total?: number): Promise<void> {
    await expect(this.position).toHaveText(total === undefined ? new RegExp(`^Phrase ${n} sur \\d[\\d\\s]*$`) : `Phrase ${n} sur ${total}`);
  }

  /** "Alice : 19 sur 441" in the progress panel. */
  async expectProgress(name: string, done: number): Promise<void> {
    await expect(this.progress.getByText(new RegExp(`^${name} : ${done} sur \\d[\\d\\s]*$`))).toBeVisible();
  }

  async press(...keys: string[]): Promise<void> {
    for (const key of keys) await this.page.keyboard.press(key);
  }

  /** Keys on a fixed schedule, `intervalMs` apart from the first (a fast typist does not wait for the screen). */
  async typeAtPace(keys: readonly string[], intervalMs: number): Promise<void> {
    const start = Date.now();
    for (const [i, key] of keys.entries()) {
      const wait = start + i * intervalMs - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      await this.page.keyboard.press(key);
    }
  }

  /** Picks a dataset by (part of) its name without waiting for its queue. */
  async chooseDataset(name: string): Promise<void> {
    const select = this.page.getByLabel('Jeu de données');
    const options = await select.locator('option').allTextContents();
    await select.selectOption({ index: options.findIndex((o) => o.includes(name)) });
  }

  /** Picks the dataset to label by (part of) its name and waits for its queue. */
  async selectDataset(name: string): Promise<number> {
    const select = this.page.getByLabel('Jeu de données');
    const options = await select.locator('option').allTextContents();
    const index = options.findIndex((o) => o.includes(name));
    if (index < 0) throw new Error(`Pas de jeu de données « ${name} » parmi : ${options.join(', ')}`);
    // Already the one shown (Annoter opens on the latest import): its queue does not change, so wait for no change.
    const already = (await select.locator('option').nth(index).getAttribute('value')) === (await select.inputValue());
    const before = !already && (await this.position.isVisible()) ? await this.position.textContent() : null;
    await select.selectOption({ index });
    if (before) await expect(this.position).not.toHaveText(before, { timeout: 60_000 });
    await expect(this.position).toHaveText(/^Phrase 1 sur \d[\d\s]*$/, { timeout: 60_000 });
    return Number((await this.position.textContent())!.replace(/^.*sur /, '').replace(/\D/g, ''));
  }

  /** This annotator's labels as stored, read from IndexedDB with the raw API (what survives the tab). */
  async storedLabels(name: string): Promise<string[]> {
    return this.page.evaluate(async (who) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('dissidentia');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const get = <T>(request: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((request.onsuccess = () => resolve(request.result)), (request.onerror = () => reject(request.error))));
      const annotator = await get<{ id: number } | undefined>(db.transaction('annotators').objectStore('annotators').index('name').get(who));
      const rows = annotator ? await get<{ id: number; label: string }[]>(db.transaction('annotations').objectStore('annotations').index('annotatorId').getAll(annotator.id)) : [];
      db.close();
      return rows.sort((a, b) => a.id - b.id).map((r) => r.label);
    }, name);
  }

  /**
   * Holds the annotations table with a write transaction of a second connection until the returned function is
   * called: the app's label writes wait behind it, as they would behind a slow disk.
   */
  async holdLabelWrites(): Promise<() => Promise<void>> {
    await this.page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const open = indexedDB.open('dissidentia');
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction('annotations', 'readwrite');
            const store = tx.objectStore('annotations');
            const w = window as unknown as { releaseLabelWrites?: boolean };
            w.releaseLabelWrites = false;
            // A transaction stays open while it has requests: keep one going until released.
            const spin = () => {
              if (w.releaseLabelWrites) return;
              store.count().onsuccess = spin;
            };
            spin();
            tx.oncomplete = () => db.close();
            resolve();
          };
        }),
    );
    return () => this.page.evaluate(() => void ((window as unknown as { releaseLabelWrites: boolean }).releaseLabelWrites = true));
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

  /** Guide tab: edits the guideline, appends the examples proposed from adjudication, saves a new version. */
  async saveGuidelineWithProposedExamples(): Promise<string> {
    await this.tab('Guide');
    await this.page.getByRole('button', { name: 'Modifier le guide' }).click();
    await this.page.getByTestId('proposed-examples').getByRole('button', { name: 'Les ajouter à la fin du texte' }).click();
    const text = await this.page.getByLabel('Texte du guide (Markdown)').inputValue();
    await this.page.getByRole('button', { name: 'Enregistrer comme nouvelle version' }).click();
    await expect(this.page.getByText(/^Version \d+ enregistrée\./)).toBeVisible();
    return text;
  }

  /** Imports an annotations file; `roles` changes the role of some columns first (for example { label: 'ignore' }). */
  async importAnnotations(path: string, roles: Record<string, string> = {}): Promise<Locator> {
    await this.tab('Échanges et sauvegarde');
    await this.page.getByTestId('annotations-file').setInputFiles(path);
    const mapping = this.page.getByTestId('import-mapping');
    for (const [column, role] of Object.entries(roles)) await mapping.getByRole('combobox', { name: `Rôle : ${column}` }).selectOption(role);
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
