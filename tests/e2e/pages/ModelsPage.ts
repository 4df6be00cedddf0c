// Page model of the Modèles screen: train, list, activate, export and import models.
import { expect, type Locator, type Page } from '@playwright/test';

export class ModelsPage {
  readonly table: Locator;
  readonly detail: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('models-table');
    this.detail = page.getByTestId('model-detail');
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

  row(name: string): Locator {
    return this.table.getByRole('row').filter({ hasText: name });
  }
}
