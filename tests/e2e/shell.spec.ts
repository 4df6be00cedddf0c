// The app shell: every screen reachable (laptop and phone), language switch, accessibility, settings.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { AppShell, SCREEN_NAMES_FR } from './pages/AppShell';

test('every screen is reachable from the navigation on a laptop', async ({ page }) => {
  const shell = new AppShell(page);
  await shell.open();
  for (const name of SCREEN_NAMES_FR) {
    await shell.goTo(name);
    await expect(shell.nav.getByRole('link', { name, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page.getByRole('alert')).toHaveCount(0);
  }
});

test('the phone menu folds and opens every screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const shell = new AppShell(page);
  await shell.open();
  const toggle = shell.nav.getByRole('button', { name: /Menu/ });
  await expect(toggle).toBeVisible();
  await expect(shell.nav.getByRole('link', { name: 'Réglages', exact: true })).toBeHidden();
  for (const name of SCREEN_NAMES_FR) {
    await shell.goTo(name);
    // Choosing a screen folds the menu again, leaving the content in view.
    await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  }
});

test('the interface switches to English and back, and remembers it', async ({ page }) => {
  const shell = new AppShell(page);
  await shell.open('/#/reglages');
  await expect(page.getByRole('heading', { level: 1, name: 'Réglages' })).toBeVisible();
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await page.getByRole('button', { name: 'Passer en français' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Réglages' })).toBeVisible();
});

test('Réglages shows the persistent-storage answer and the quota', async ({ page }) => {
  const shell = new AppShell(page);
  await shell.open('/#/reglages');
  await expect(page.getByTestId('persist-status')).toHaveText(/Stockage (persistant accordé|non persistant)|ne permet pas/);
  await expect(page.getByTestId('quota')).toHaveText(/utilisés sur .* disponibles/);
});

test('Accord on a dataset without two annotators says how agreement will be measured', async ({ page }) => {
  const shell = new AppShell(page);
  await shell.open('/#/accord');
  await expect(page.getByTestId('agreement-none')).toContainText('Pas encore de phrase étiquetée par deux annotateurs');
  await expect(page.getByTestId('adjudication-empty')).toHaveText('Aucun désaccord à trancher ici.');
});

for (const name of SCREEN_NAMES_FR) {
  for (const [width, height] of [
    [390, 844],
    [1280, 800],
  ] as const) {
    test(`axe finds no violation, whatever its impact, on « ${name} » at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      const shell = new AppShell(page);
      await shell.open();
      await shell.goTo(name);
      await page.waitForLoadState('networkidle');
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
    });
  }
}

test('an unknown address falls back to the demo', async ({ page }) => {
  const shell = new AppShell(page);
  await shell.open('/#/nulle-part');
  await expect(shell.nav.getByRole('link', { name: 'Démo', exact: true })).toHaveAttribute('aria-current', 'page');
});

test('a stored-data read that fails is said, in French, instead of passing for an empty list', async ({ page }) => {
  const shell = new AppShell(page);
  await shell.breakStoreReads('models');
  await shell.open('/#/modeles');
  await expect(shell.queryError).toBeVisible();
  await expect(shell.queryError).toContainText('Des données enregistrées n’ont pas pu être lues');
  await expect(shell.queryError).toContainText('Lecture impossible dans models');
});

test("a screen's address asks for that screen's code before the shell runs, and nothing twice", async ({ page }) => {
  await page.goto('/#/accord');
  await expect(page.getByRole('heading', { level: 1, name: 'Accord' })).toBeVisible();
  const loaded = await page.evaluate(() => ({
    // Vite's import helper preloads a screen's dependencies, never its own chunk: a link to it comes from index.html's
    // preload script.
    linked: [...document.querySelectorAll<HTMLLinkElement>('link[rel=modulepreload]')].some((l) => /\/assets\/Agreement-[\w-]+\.js$/.test(l.href)),
    fetched: performance.getEntriesByType('resource').map((e) => e.name.replace(/^.*\//, '')),
  }));
  expect(loaded.linked).toBe(true);
  const twice = loaded.fetched.filter((name, i) => /\.(js|css)$/.test(name) && loaded.fetched.indexOf(name) !== i);
  expect(twice).toEqual([]);
});
