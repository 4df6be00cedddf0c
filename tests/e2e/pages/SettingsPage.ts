// Page model of Réglages' language-model section: choose model, precision and device, run the test, read the runtime.
import { expect, type Locator, type Page } from '@playwright/test';

export class LanguageModelPanel {
  readonly section: Locator;
  readonly result: Locator;
  readonly runtime: Locator;

  constructor(readonly page: Page) {
    this.section = page.getByTestId('language-model');
    this.result = page.getByTestId('lm-result');
    this.runtime = page.getByTestId('lm-runtime');
  }

  async open(): Promise<void> {
    await this.page.goto('/#/reglages');
    await expect(this.section.getByRole('heading', { name: 'Modèle de langue (CamemBERT)' })).toBeVisible();
  }

  async choose(model: string, dtype: 'q8' | 'fp32', backend: 'auto' | 'wasm' | 'webgpu' = 'auto'): Promise<void> {
    await this.section.getByRole('combobox', { name: 'Modèle', exact: true }).selectOption(model);
    await this.section.getByRole('combobox', { name: 'Précision' }).selectOption(dtype);
    await this.section.getByRole('combobox', { name: 'Calcul' }).selectOption(backend);
  }

  /** Runs the test sentence through the worker; returns the first values of its vector. */
  async test(): Promise<number[]> {
    await this.section.getByRole('button', { name: 'Charger et tester' }).click();
    // A first load compiles the 27 MB ONNX runtime: tens of seconds on a busy 2-core machine.
    await expect(this.result).toBeVisible({ timeout: 150_000 });
    return JSON.parse((await this.result.getAttribute('data-preview')) ?? '[]') as number[];
  }
}
