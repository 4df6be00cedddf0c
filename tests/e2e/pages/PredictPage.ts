// Page model of the Prédire & expliquer screen: type or pick an answer, pick a model, read verdicts and explanations.
import { expect, type Locator, type Page } from '@playwright/test';

export class PredictPage {
  readonly answer: Locator;
  readonly model: Locator;
  readonly sentences: Locator;

  constructor(readonly page: Page) {
    this.answer = page.getByLabel('Réponse à analyser');
    this.model = page.getByLabel('Modèle', { exact: true });
    this.sentences = page.getByTestId('predict-sentence');
  }

  async open(): Promise<void> {
    await this.page.goto('/#/predire');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Prédire & expliquer' })).toBeVisible();
  }

  async type(text: string): Promise<void> {
    await this.answer.fill(text);
  }

  async pickExample(name: string): Promise<void> {
    await this.page.getByRole('group', { name: 'Exemples de réponses' }).getByRole('button', { name, exact: true }).click();
  }

  sentence(index: number): Locator {
    return this.sentences.nth(index);
  }

  verdictOf(index: number): Locator {
    return this.sentence(index).getByTestId('verdict');
  }

  explanationOf(index: number): Locator {
    return this.sentence(index).getByRole('region', { name: `Explication de la phrase ${index + 1}` });
  }

  /** The highlighted words of one method's view ('exact' or 'lime') of a sentence. */
  wordsOf(index: number, method: 'exact' | 'lime'): Locator {
    return this.explanationOf(index).getByTestId(`method-${method}`).getByTestId('word');
  }

  /** Waits for both methods of a sentence's explanation to be drawn. */
  async waitForExplanation(index: number): Promise<void> {
    for (const method of ['exact', 'lime'] as const) {
      await expect(this.explanationOf(index).getByTestId(`chart-${method}`).locator('canvas')).toBeVisible({ timeout: 30_000 });
    }
  }
}
