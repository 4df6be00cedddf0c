// The demo answers in French on first visit: sentences split, a verdict and probability for each, from the model built
// with the app (trained at build time, never in the visitor's browser).
import { expect, test } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { DemoPage } from './pages/DemoPage';
import { ModelsPage } from './pages/ModelsPage';

test('an example answer is split into sentences, each with a verdict', async ({ page }) => {
  await new AppShell(page).open();
  const demo = new DemoPage(page);
  await demo.waitForModel();
  await expect(demo.status).toContainText(/AUC en validation croisée : 0,\d\d/);
  await demo.pickExample('Bande de pourris, démission');
  const count = await demo.sentences.count();
  expect(count).toBeGreaterThan(1);
  for (let i = 0; i < count; i++) await expect(demo.verdictOf(i)).toHaveText(/^(Dissidente|Non dissidente)$/);
  // The figure is the probability of being dissident, with the threshold, and the verdict names its model.
  await expect(demo.sentences.first().getByTestId('probability')).toHaveText(/^Probabilité d’être dissidente : \d+\s% \(seuil \d+\s%\)$/);
  await expect(demo.sentences.first().getByTestId('verdict-model')).toHaveText('Modèle : Modèle de démonstration (intégré)');
});

test('a typed answer gets a verdict per sentence: insult of the State vs thanks to civil servants', async ({ page }) => {
  await new AppShell(page).open();
  const demo = new DemoPage(page);
  await demo.waitForModel();
  await demo.type('Tous des pourris, démission ! Je remercie les agents de la mairie pour leur accueil chaleureux.');
  await expect(demo.sentences).toHaveCount(2);
  await expect(demo.verdictOf(0)).toHaveText('Dissidente');
  await expect(demo.verdictOf(1)).toHaveText('Non dissidente');
  expect(await demo.probabilityOf(0)).toBeGreaterThan(await demo.probabilityOf(1));
});

test('the demo model comes built: a first visit never trains it, a reload adds nothing, and a copy is kept for Modèles', async ({ page }) => {
  const demo = new DemoPage(page);
  await demo.recordStatuses();
  await new AppShell(page).open();
  await demo.waitForModel();
  // The recorder sees every status from the first paint: a training, however brief, would be in it.
  const first = await demo.recordedStatuses();
  expect(first.at(-1)).toBe('ready');
  expect(first).not.toContain('training');
  await expect(demo.verdictOf(0)).toHaveText(/^(Dissidente|Non dissidente)$/);
  // The copy listed in Modèles is written once the first verdicts are drawn.
  await expect.poll(() => demo.storedModelNames(), { timeout: 15_000 }).toEqual(['demo-baseline-v1']);
  await page.reload();
  await demo.waitForModel();
  expect(await demo.recordedStatuses()).not.toContain('training');
  expect(await demo.storedModelNames()).toEqual(['demo-baseline-v1']);

  const models = new ModelsPage(page);
  await models.open();
  await expect(models.row('demo-baseline-v1')).toHaveCount(1);
});

test('clearing the answer empties the result', async ({ page }) => {
  await new AppShell(page).open();
  const demo = new DemoPage(page);
  await demo.clear();
  await expect(demo.sentences).toHaveCount(0);
  await expect(demo.placeholder).toBeVisible();
});

test('on a phone the first verdict shows without scrolling, and the summary counts the dissident sentences', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await new AppShell(page).open();
  const demo = new DemoPage(page);
  await demo.waitForModel();
  await expect(demo.verdictOf(0)).toBeInViewport();
  const count = await demo.sentences.count();
  const dissident = (await demo.sentences.getByTestId('verdict').allTextContents()).filter((v) => v === 'Dissidente').length;
  await expect(page.getByTestId('demo-summary')).toHaveText(`${dissident} ${dissident > 1 ? 'phrases dissidentes' : 'phrase dissidente'} sur ${count}`);
});

test('on a wide screen the verdicts stand beside the answer', async ({ page }) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await new AppShell(page).open();
  const demo = new DemoPage(page);
  await demo.waitForModel();
  const answer = await demo.answer.boundingBox();
  const first = await demo.sentences.first().boundingBox();
  expect(answer && first).toBeTruthy();
  expect(first!.x).toBeGreaterThan(answer!.x + answer!.width);
  expect(first!.y).toBeLessThan(answer!.y + answer!.height);
});
