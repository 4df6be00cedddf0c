// Page model of the Corpus view of Prédire: pick a dataset and a model, score it, explore and export the scores.
import { expect, type Locator, type Page } from '@playwright/test';

export class CorpusPage {
  readonly dataset: Locator;
  readonly model: Locator;
  readonly run: Locator;
  readonly status: Locator;
  readonly estimate: Locator;
  readonly explorer: Locator;
  readonly rows: Locator;
  readonly found: Locator;
  readonly answer: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.dataset = page.getByLabel('Jeu de données');
    this.model = page.getByLabel('Modèle', { exact: true });
    this.run = page.getByTestId('corpus-run');
    this.status = page.getByTestId('corpus-status');
    this.estimate = page.getByTestId('corpus-estimate');
    this.explorer = page.getByTestId('corpus-explorer');
    this.rows = page.getByTestId('scored-sentence');
    this.found = page.getByTestId('corpus-found');
    this.answer = page.getByTestId('answer-view');
    this.notice = page.getByTestId('corpus-notice');
  }

  /** Opens Prédire and follows its « Tout un corpus » tab. */
  async open(): Promise<void> {
    await this.page.goto('/#/predire');
    await this.page.getByRole('navigation', { name: 'Prédire sur' }).getByRole('link', { name: 'Tout un corpus' }).click();
    await expect(this.page.getByRole('heading', { level: 2, name: 'Évaluer tout un corpus' })).toBeVisible();
  }

  async chooseDataset(name: string): Promise<void> {
    await this.dataset.selectOption({ label: name });
  }

  async score(): Promise<void> {
    await this.run.getByRole('button', { name: 'Évaluer le corpus' }).click();
    await expect(this.status).toContainText('Corpus évalué par', { timeout: 60_000 });
  }

  row(text: string | RegExp): Locator {
    return this.rows.filter({ has: this.page.getByTestId('scored-text').filter({ hasText: text }) });
  }

  async filter(name: 'Verdict du modèle' | 'Accord avec l’étiquette humaine' | 'Ordre', option: string): Promise<void> {
    await this.explorer.getByLabel(name).selectOption({ label: option });
  }

  async search(text: string): Promise<void> {
    await this.explorer.getByLabel('Rechercher dans les phrases').fill(text);
  }
}
