// Presentation mode: the curated answers stepped one sentence at a time with the keyboard (and the buttons), each
// sentence drawn with its verdict and highlighted words; Escape leaves; works offline and in English.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { DemoPage } from './pages/DemoPage';
import { PresentationPage } from './pages/PresentationPage';

test('stepped with the arrow keys, each sentence appears explained, and Escape leaves', async ({ page }) => {
  const show = new PresentationPage(page);
  await show.openFromPredict();
  await expect(page).toHaveURL(/#\/predire\/presentation$/);
  await expect(show.title()).toHaveText('Bande de pourris, démission');
  await expect(show.sentences).toHaveCount(1);
  await expect(show.step).toHaveText(/^Étape 1 sur \d+$/);
  await expect(show.verdictOf(0)).toHaveText(/^Dissidente · \d+\s% \(seuil \d+\s%\)$/);
  await show.waitForExplanation(0);
  await expect(show.sentences.nth(0).getByTestId('highlighted')).toHaveText(/^Une bande de pourris qui se gavent/);
  await expect(show.wordsOf(0).filter({ hasText: /^pourris$/ })).toHaveAttribute('data-sign', 'for');

  await show.next();
  await expect(show.sentences).toHaveCount(2);
  await expect(show.step).toHaveText(/^Étape 2 sur \d+$/);
  await expect(show.verdictOf(1)).toHaveText(/^(Dissidente|Non dissidente) · \d+\s% \(seuil \d+\s%\)$/);
  await show.waitForExplanation(1);

  // Past the answer's last sentence (the fifth), the next answer starts with its first; back shows the previous whole.
  for (let i = 0; i < 4; i++) await show.next();
  await expect(show.title()).toHaveText('Regrouper les communes');
  await expect(show.sentences).toHaveCount(1);
  await expect(show.step).toHaveText(/^Étape 6 sur \d+$/);
  await show.waitForExplanation(0);
  await show.previous();
  await expect(show.title()).toHaveText('Bande de pourris, démission');
  await expect(show.sentences).toHaveCount(5);

  const results = await new AxeBuilder({ page }).include('[data-testid="presentation"]').analyze();
  const severe = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(severe.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);

  await show.leave();
  await expect(page).toHaveURL(/#\/predire$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Prédire & expliquer' })).toBeVisible();
});

test('opened from its address offline, stepped with the buttons, in English', async ({ page, context }) => {
  const shell = new AppShell(page);
  await shell.open();
  await shell.waitForServiceWorker();
  await new DemoPage(page).waitForModel();
  await shell.reloadOffline(context);

  const show = new PresentationPage(page);
  await show.openDirectly();
  await show.dialog.getByRole('button', { name: 'Switch to English' }).click();
  await expect(show.step).toHaveText(/^Step 1 of \d+$/);
  await expect(show.title()).toHaveText('Bunch of crooks, resign');
  await show.dialog.getByRole('button', { name: 'Next →' }).click();
  await expect(show.sentences).toHaveCount(2);
  await expect(show.verdictOf(1)).toHaveText(/^(Dissident|Not dissident) · \d+\s?% \(threshold \d+\s?%\)$/);
  await show.waitForExplanation(1);
  await show.dialog.getByRole('button', { name: '← Previous' }).click();
  await expect(show.sentences).toHaveCount(1);
  await show.dialog.getByRole('button', { name: 'Leave' }).click();
  await expect(show.dialog).toHaveCount(0);
  await context.setOffline(false);
});
