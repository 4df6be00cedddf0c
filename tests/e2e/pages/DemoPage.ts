// Page model of the Démo screen: pick or type an answer, read each sentence's verdict.
import { expect, type Locator, type Page } from '@playwright/test';

export class DemoPage {
  readonly answer: Locator;
  readonly status: Locator;
  readonly sentences: Locator;

  constructor(readonly page: Page) {
    this.answer = page.getByLabel('Votre réponse');
    this.status = page.getByTestId('model-status');
    this.sentences = page.getByTestId('demo-sentence');
  }

  async waitForModel(): Promise<void> {
    await expect(this.status).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  }

  async pickExample(n: number): Promise<void> {
    await this.page.getByRole('button', { name: `Exemple ${n}`, exact: true }).click();
  }

  async type(text: string): Promise<void> {
    await this.answer.fill(text);
  }

  verdictOf(index: number): Locator {
    return this.sentences.nth(index).getByTestId('verdict');
  }

  /** Probability shown for a sentence, as a number in [0, 1]. */
  async probabilityOf(index: number): Promise<number> {
    const text = (await this.sentences.nth(index).getByTestId('probability').textContent()) ?? '';
    return Number(text.replace(/[^\d,]/g, '').replace(',', '.')) / 100;
  }
}
