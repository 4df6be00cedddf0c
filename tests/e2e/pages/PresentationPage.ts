// Page model of the presentation mode of Prédire: a full-screen dialog stepped with the arrow keys or its buttons.
import { expect, type Locator, type Page } from '@playwright/test';

export class PresentationPage {
  readonly dialog: Locator;
  readonly sentences: Locator;
  readonly step: Locator;

  constructor(readonly page: Page) {
    this.dialog = page.getByTestId('presentation');
    this.sentences = this.dialog.getByTestId('presentation-sentence');
    this.step = this.dialog.getByTestId('presentation-step');
  }

  /** Opens it from the Prédire screen's button. */
  async openFromPredict(): Promise<void> {
    await this.page.goto('/#/predire');
    await this.page.getByRole('link', { name: 'Mode présentation' }).click();
    await expect(this.dialog).toBeVisible();
  }

  /** Opens it straight from its address, as a talk would. */
  async openDirectly(): Promise<void> {
    await this.page.goto('/#/predire/presentation');
    await expect(this.dialog).toBeVisible();
  }

  title(): Locator {
    return this.dialog.getByRole('heading', { level: 2 });
  }

  async next(): Promise<void> {
    await this.page.keyboard.press('ArrowRight');
  }

  async previous(): Promise<void> {
    await this.page.keyboard.press('ArrowLeft');
  }

  async leave(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await expect(this.dialog).toHaveCount(0);
  }

  verdictOf(index: number): Locator {
    return this.sentences.nth(index).getByTestId('presentation-verdict');
  }

  /** The highlighted words of a shown sentence (present once its explanation is drawn). */
  wordsOf(index: number): Locator {
    return this.sentences.nth(index).getByTestId('word');
  }

  /** Waits until a shown sentence's explanation is drawn: words highlighted, by the exact method on the baseline. */
  async waitForExplanation(index: number): Promise<void> {
    await expect(this.sentences.nth(index).locator('[data-explained]')).toHaveAttribute('data-explained', 'exact', { timeout: 30_000 });
  }
}
