// Page model of the Accord screen: dataset choice, figures, pair matrix, adjudication queue.
import { expect, type Locator, type Page } from '@playwright/test';

export class AgreementPage {
  readonly summary: Locator;
  readonly pairMatrix: Locator;
  readonly adjudication: Locator;
  readonly goldCount: Locator;
  readonly position: Locator;
  readonly sentence: Locator;
  readonly gold: Locator;
  readonly announcement: Locator;

  constructor(readonly page: Page) {
    this.summary = page.getByTestId('agreement-summary');
    this.pairMatrix = page.getByTestId('pair-matrix');
    this.adjudication = page.getByTestId('adjudication');
    this.goldCount = page.getByTestId('gold-count');
    this.position = page.getByTestId('adjudication-position');
    this.sentence = page.getByTestId('adjudication-sentence');
    this.gold = page.getByTestId('adjudication-gold');
    this.announcement = page.getByTestId('adjudication-announcement');
  }

  async open(): Promise<void> {
    await this.page.goto('/#/accord');
    await expect(this.page.getByRole('heading', { level: 1, name: 'Accord entre annotateurs' })).toBeVisible();
  }

  async selectDataset(name: string): Promise<void> {
    await this.page.getByLabel('Jeu de données').selectOption({ label: name });
  }

  async proposeForGuideline(): Promise<void> {
    await this.adjudication.getByRole('button', { name: 'Proposer comme exemple pour le guide' }).click();
  }

  figure(id: 'percent' | 'fleiss' | 'alpha'): Locator {
    return this.page.getByTestId(`figure-${id}`);
  }

  /** The κ shown in the pair matrix's cell of row `a`, column `b`. */
  pairCell(a: string, b: string): Locator {
    return this.pairMatrix.getByTestId(`kappa-${a}-${b}`);
  }
}
