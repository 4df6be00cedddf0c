// Page model of the Démo screen: pick or type an answer, read each sentence's verdict.
import { expect, type Locator, type Page } from '@playwright/test';

export class DemoPage {
  readonly answer: Locator;
  readonly status: Locator;
  readonly sentences: Locator;
  readonly placeholder: Locator;

  constructor(readonly page: Page) {
    this.answer = page.getByLabel('Votre réponse');
    this.status = page.getByTestId('model-status');
    this.sentences = page.getByTestId('demo-sentence');
    this.placeholder = page.getByText('Les phrases et leurs verdicts s’afficheront ici.');
  }

  async clear(): Promise<void> {
    await this.page.getByRole('button', { name: 'Effacer' }).click();
  }

  /**
   * From every later page load on, records each state the model status shows, from the moment the element appears:
   * a retrain, however quick, shows 'training' on the way (status changes are awaited across worker round trips).
   */
  async recordStatuses(): Promise<void> {
    await this.page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { modelStatuses: string[] }).modelStatuses = seen;
      const record = () => {
        const status = document.querySelector('[data-testid="model-status"]')?.getAttribute('data-status');
        if (status && seen.at(-1) !== status) seen.push(status);
      };
      new MutationObserver(record).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
    });
  }

  /** The states recorded since this page load (see recordStatuses). */
  async recordedStatuses(): Promise<string[]> {
    return this.page.evaluate(() => [...(window as unknown as { modelStatuses: string[] }).modelStatuses]);
  }

  /** Names of the models stored in IndexedDB, read with the raw API. */
  async storedModelNames(): Promise<string[]> {
    return this.page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('dissidentia');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const rows = await new Promise<{ name: string }[]>((resolve, reject) => {
        const request = db.transaction('models').objectStore('models').getAll();
        request.onsuccess = () => resolve(request.result as { name: string }[]);
        request.onerror = () => reject(request.error);
      });
      db.close();
      return rows.map((r) => r.name);
    });
  }

  async waitForModel(): Promise<void> {
    await expect(this.status).toHaveAttribute('data-status', 'ready', { timeout: 60_000 });
  }

  /** Picks an example answer by the name its button shows (its content in a few words). */
  async pickExample(name: string): Promise<void> {
    await this.page.getByRole('group', { name: 'Exemples de réponses' }).getByRole('button', { name, exact: true }).click();
  }

  async type(text: string): Promise<void> {
    await this.answer.fill(text);
  }

  verdictOf(index: number): Locator {
    return this.sentences.nth(index).getByTestId('verdict');
  }

  /** Probability shown for a sentence, as a number in [0, 1]. */
  async probabilityOf(index: number): Promise<number> {
    // « Probabilité d’être dissidente : 75 % (seuil 51 %) »: the first percentage, not the threshold after it.
    const text = (await this.sentences.nth(index).getByTestId('probability').textContent()) ?? '';
    return Number((/(\d+(?:,\d+)?)\s*%/.exec(text)?.[1] ?? 'NaN').replace(',', '.')) / 100;
  }
}
