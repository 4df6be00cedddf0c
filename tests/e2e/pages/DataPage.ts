// Page model of the Données screen: choose a CSV, pick columns, import, cancel, read the report and the overview.
import { expect, type Locator, type Page } from '@playwright/test';

export class DataPage {
  readonly fileInput: Locator;
  readonly config: Locator;
  readonly importButton: Locator;
  readonly progress: Locator;
  readonly report: Locator;
  readonly error: Locator;
  readonly overview: Locator;
  readonly datasets: Locator;
  readonly interrupted: Locator;

  constructor(readonly page: Page) {
    const main = page.locator('main');
    this.fileInput = main.getByTestId('csv-input').last();
    this.config = main.getByTestId('import-config');
    this.importButton = this.config.getByRole('button', { name: /^(Importer|Reprendre l’import)$/ });
    this.progress = main.getByTestId('import-progress');
    this.report = main.getByTestId('import-report');
    this.error = main.getByTestId('import-error');
    this.overview = main.getByTestId('dataset-overview');
    this.datasets = main.getByTestId('dataset-list');
    this.interrupted = main.getByTestId('interrupted-import');
  }

  async open(): Promise<void> {
    await this.page.goto('/#/donnees');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Données' })).toBeVisible();
  }

  /** Chooses a file and waits for its preview (or its error). */
  async choose(path: string): Promise<void> {
    await this.fileInput.setInputFiles(path);
  }

  async chooseAndPreview(path: string): Promise<void> {
    await this.choose(path);
    await expect(this.config).toBeVisible();
  }

  async importAndWait(): Promise<void> {
    await this.importButton.click();
    await expect(this.report).toBeVisible({ timeout: 120_000 });
  }

  /** Opens Données and imports a small CSV (`id,reponse`) of these answers as dataset `name`. */
  async importAnswers(name: string, answers: readonly string[]): Promise<void> {
    await this.open();
    const csv = `id,reponse\n${answers.map((a, i) => `r${i + 1},"${a}"`).join('\n')}\n`;
    await this.fileInput.setInputFiles({ name: `${name}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await this.importAndWait();
  }

  reportValue(name: 'answers' | 'empty' | 'sentences' | 'malformed' | 'encoding' | 'delimiter' | 'column'): Locator {
    return this.report.getByTestId(`report-${name}`);
  }
}
