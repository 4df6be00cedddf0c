// Page model of the Vérifications section of Modèles: run the checks, read results, edit the suite.
import { expect, type Locator, type Page } from '@playwright/test';

export class ModelChecksPage {
  readonly section: Locator;
  readonly runButton: Locator;
  readonly labelledSet: Locator;
  readonly summary: Locator;
  readonly targetGap: Locator;
  readonly weakest: Locator;
  readonly results: Locator;
  readonly editor: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('model-checks');
    this.runButton = this.section.getByRole('button', { name: 'Lancer les vérifications' });
    this.labelledSet = this.section.getByLabel('Jeu étiqueté pour les tranches');
    this.summary = page.getByTestId('checks-summary');
    this.targetGap = page.getByTestId('checks-target-gap');
    this.weakest = page.getByTestId('checks-weakest');
    this.results = page.getByTestId('check-result');
    this.editor = page.getByTestId('check-suite-editor');
  }

  /** Runs the suite, with slices on the labelled set whose label starts with `labelled`, and waits for the summary. */
  async run(labelled?: RegExp): Promise<void> {
    if (labelled) await this.labelledSet.selectOption({ label: (await this.optionLabel(labelled)) ?? '' });
    await this.runButton.click();
    await expect(this.runButton).toBeVisible({ timeout: 60_000 });
  }

  private async optionLabel(pattern: RegExp): Promise<string | undefined> {
    const labels = await this.labelledSet.locator('option').allTextContents();
    return labels.find((l) => pattern.test(l));
  }

  result(id: string): Locator {
    return this.section.locator(`[data-check-id="${id}"]`);
  }

  async openEditor(): Promise<void> {
    await this.editor.locator('summary').first().click();
  }

  get form(): Locator {
    return this.page.getByTestId('check-case-form');
  }

  caseRow(name: string): Locator {
    return this.editor.getByTestId('check-case').filter({ hasText: name });
  }
}
