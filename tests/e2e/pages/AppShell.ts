// Page model of the app shell: navigation, language switch, offline badge.
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

export const SCREEN_NAMES_FR = ['Démo', 'Données', 'Annoter', 'Accord', 'Modèles', 'Prédire & expliquer', 'Réglages', 'À propos'] as const;

export class AppShell {
  readonly nav: Locator;
  readonly main: Locator;
  /** The notice saying stored data could not be read. */
  readonly queryError: Locator;

  constructor(readonly page: Page) {
    this.nav = page.getByRole('navigation', { name: /Navigation principale|Main navigation/ });
    this.main = page.getByRole('main');
    this.queryError = page.getByTestId('query-error');
  }

  /** Before the page loads: every read of one IndexedDB object store fails, as a damaged store would. */
  async breakStoreReads(store: string): Promise<void> {
    await this.page.addInitScript((name) => {
      for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype] as const) {
        for (const method of ['get', 'getAll', 'getAllKeys', 'openCursor', 'openKeyCursor', 'count'] as const) {
          const original = (proto as unknown as Record<string, (...args: unknown[]) => unknown>)[method]!;
          Object.defineProperty(proto, method, {
            value(this: IDBObjectStore | IDBIndex, ...args: unknown[]) {
              const owner = 'objectStore' in this ? this.objectStore : this;
              if (owner.name === name) throw new DOMException(`Lecture impossible dans ${name}`, 'UnknownError');
              return original.apply(this, args);
            },
          });
        }
      }
    }, store);
  }

  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.nav).toBeVisible();
  }

  /** Opens a screen from the navigation, unfolding the phone menu first when it is folded. */
  async goTo(name: string): Promise<void> {
    const toggle = this.nav.getByRole('button', { name: /Menu/ });
    if (await toggle.isVisible()) {
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    }
    await this.nav.getByRole('link', { name, exact: true }).click();
    await expect(this.main.getByRole('heading', { level: 1 }).first()).toBeVisible();
  }

  /**
   * Cuts the network and reloads. The preview is cross-origin isolated (COOP/COEP, for the ONNX runtime's threads), and
   * Chromium then reloads the page into a fresh renderer that forgets the emulated navigator.onLine while requests
   * still fail; emulating again after the reload gives the page its real offline state.
   */
  async reloadOffline(context: BrowserContext): Promise<void> {
    await context.setOffline(true);
    await this.page.reload();
    await context.setOffline(false);
    await context.setOffline(true);
  }

  /** Waits until the service worker controls the page, i.e. the app shell is precached. */
  async waitForServiceWorker(): Promise<void> {
    await this.page.waitForFunction(async () => {
      const reg = await navigator.serviceWorker.ready;
      return reg.active?.state === 'activated';
    });
    // A first visit is not yet controlled; a reload puts the page under the service worker.
    if (!(await this.page.evaluate(() => Boolean(navigator.serviceWorker.controller)))) {
      await this.page.reload();
      await this.page.waitForFunction(() => Boolean(navigator.serviceWorker.controller));
    }
  }
}
