// Page model of the Modèles screen: train, list, activate, export and import models, inspect one.
import { expect, type Locator, type Page } from '@playwright/test';

/** Body rows of a table (rows holding data cells, not the header's column headers); hidden ones too (a closed <details>). */
function dataRows(page: Page, table: Locator): Locator {
  return table.getByRole('row', { includeHidden: true }).filter({ has: page.getByRole('cell', { includeHidden: true }) });
}

export class ModelsPage {
  readonly table: Locator;
  readonly detail: Locator;
  readonly trainProgress: Locator;
  readonly trainStatus: Locator;
  readonly cancelTraining: Locator;
  readonly confusion: Locator;
  readonly threshold: Locator;
  readonly saveThreshold: Locator;
  readonly importPicker: Locator;
  readonly importError: Locator;
  readonly empty: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('models-table');
    this.detail = page.getByTestId('model-detail');
    this.trainProgress = page.getByTestId('train-progress');
    this.trainStatus = page.getByTestId('train-status');
    this.cancelTraining = page.getByRole('button', { name: 'Annuler l’entraînement' });
    this.confusion = page.getByTestId('confusion');
    this.threshold = page.getByLabel(/Seuil de décision/);
    this.saveThreshold = page.getByRole('button', { name: 'Enregistrer ce seuil' });
    this.importPicker = page.getByLabel('Importer un modèle (fichier .json)');
    this.importError = page.getByRole('alert');
    this.empty = page.getByText('Aucun modèle enregistré pour l’instant.');
  }

  async open(): Promise<void> {
    await this.page.goto('/#/modeles');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Modèles' })).toBeVisible();
  }

  async train(options: { search?: 'Grille complète' | RegExp; holdout?: boolean; name?: string } = {}): Promise<void> {
    if (options.search) await this.page.getByLabel('Recherche d’hyperparamètres').selectOption({ label: options.search as string });
    const holdout = this.page.getByLabel(/Garder 20 %/);
    if (options.holdout === false) await holdout.uncheck();
    if (options.name) await this.page.getByLabel('Nom du modèle').fill(options.name);
    await this.page.getByRole('button', { name: 'Entraîner', exact: true }).click();
  }

  /** Trains a transfer head on an encoder of public/models/ (the form's other settings left as they are). */
  async trainTransfer(encoder: string, options: { name?: string; maxEpochs?: number } = {}): Promise<void> {
    await this.page.getByLabel('Type de modèle').selectOption({ label: `Transfert : ${encoder} (vecteurs de phrases + couche entraînée)` });
    if (options.maxEpochs) await this.page.getByLabel('Époques au plus').fill(String(options.maxEpochs));
    if (options.name) await this.page.getByLabel('Nom du modèle').fill(options.name);
    await this.page.getByRole('button', { name: 'Entraîner', exact: true }).click();
  }

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ hasText: name });
  }

  /** The stored models' rows. */
  modelRows(): Locator {
    return dataRows(this.page, this.table);
  }

  /** One row per hyperparameter candidate tried by the search. */
  searchRows(): Locator {
    return dataRows(this.page, this.page.getByTestId('search-results'));
  }

  /** A curve of the detail: its chart, drawn in a canvas behind role="img". */
  chart(testId: 'chart-roc' | 'chart-pr' | 'chart-calibration' | 'chart-learning' | 'chart-loss'): Locator {
    return this.page.getByTestId(testId).getByRole('img');
  }

  detailHeading(name: string): Locator {
    return this.detail.getByRole('heading', { name: `Modèle « ${name} »` });
  }

  detailRow(name: RegExp): Locator {
    return this.detail.getByRole('row', { name });
  }

  async exportModel(name: string): Promise<void> {
    await this.row(name).getByRole('button', { name: 'Exporter' }).click();
  }

  importedNotice(name: string): Locator {
    return this.page.getByText(`Modèle « ${name} » importé.`);
  }
}
