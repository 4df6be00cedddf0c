// From a Démo verdict to its explanation: « Expliquer ce verdict » opens Prédire on that sentence, with the model that
// judged it, where its words are highlighted; reachable from the keyboard, in French and English, axe clean.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { AppShell } from './pages/AppShell';
import { DemoPage } from './pages/DemoPage';
import { PredictPage } from './pages/PredictPage';

/** Two frames after the verdict: a scroll to the result would have started by then (it runs in the next frame). */
/** At most this many pixels of scroll still counts as the page staying where the user left it. */
const STILL = 40;
const afterScroll = (page: Page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

const ANSWER = 'Tous des pourris, démission ! Je remercie les agents de la mairie pour leur accueil chaleureux.';

test('« Expliquer ce verdict », followed with the keyboard, opens Prédire with the sentence and its words highlighted', async ({ page }) => {
  // A phone, where Prédire's result lies far below its examples.
  await page.setViewportSize({ width: 390, height: 844 });
  await new AppShell(page).open();
  const demo = new DemoPage(page);
  await demo.waitForModel();
  await demo.type(ANSWER);
  await expect(demo.verdictOf(0)).toHaveText('Dissidente');
  const demoProbability = await demo.probabilityOf(0);

  const link = demo.sentences.nth(0).getByRole('link', { name: 'Expliquer ce verdict (phrase 1) : mots surlignés dans Prédire' });
  await expect(link).toHaveText('Expliquer ce verdict');
  await link.focus();
  await page.keyboard.press('Enter');

  const predict = new PredictPage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Prédire & expliquer' })).toBeVisible();
  await expect(predict.answer).toHaveValue('Tous des pourris, démission !');
  // The same model as on the Démo, hence the same verdict and probability.
  await expect(predict.model).toHaveValue('demo-baseline-v1');
  await expect(predict.sentences).toHaveCount(1);
  // Scrolled to the sentence's result, which a phone would otherwise show only far below the examples, and focused:
  // a screen reader reads it next, and Tab goes on from there.
  await expect(predict.verdictOf(0)).toHaveText('Dissidente');
  await expect(predict.verdictOf(0)).toBeInViewport({ ratio: 1 });
  await expect(predict.sentence(0).getByTestId('probability')).toBeInViewport();
  await expect(page.getByRole('list', { name: 'Phrases de la réponse' })).toBeFocused();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  await expect(predict.sentence(0).getByTestId('probability')).toHaveText(new RegExp(`: ${Math.round(demoProbability * 100)}\\s%`));
  // A one-sentence text is explained at once: the highlighted words, « pourris » pushing towards dissident.
  await predict.waitForExplanation(0);
  await expect(predict.explanationOf(0).getByTestId('method-exact').getByTestId('highlighted')).toHaveText('Tous des pourris, démission !');
  await expect(predict.wordsOf(0, 'exact').filter({ hasText: 'pourris' })).toHaveAttribute('data-sign', 'for');

  // The address carries the request: a reload explains the same sentence again.
  await page.reload();
  await expect(predict.answer).toHaveValue('Tous des pourris, démission !');
});

test('only the arrival from the Démo scrolls: later predictions, and Prédire opened on its own, stay where the user is', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await new AppShell(page).open();
  const demo = new DemoPage(page);
  await demo.waitForModel();
  await demo.type(ANSWER);
  await demo.sentences.nth(0).getByTestId('explain-link').click();
  const predict = new PredictPage(page);
  await expect(predict.verdictOf(0)).toBeInViewport({ ratio: 1 });

  // Back at the top, another example: its verdict comes without moving the page (the examples stay in view).
  await page.evaluate(() => scrollTo({ top: 0, behavior: 'instant' }));
  await predict.pickExample('Carte grise, site de l’ANTS');
  await expect(predict.answer).toHaveValue(/ANTS/);
  await expect(predict.verdictOf(0)).toBeVisible();
  await afterScroll(page);
  // The reveal moves the page by hundreds of pixels to the result; the click bringing its chip fully into view may
  // move it by one (seen once in CI).
  expect(await page.evaluate(() => scrollY)).toBeLessThan(STILL);

  // Prédire opened from the menu does not scroll either.
  await predict.open();
  await page.reload();
  await expect(predict.verdictOf(0)).toBeVisible();
  await afterScroll(page);
  expect(await page.evaluate(() => scrollY)).toBeLessThan(STILL);
  await expect(page.getByRole('list', { name: 'Phrases de la réponse' })).not.toBeFocused();
});

test('the link reads in English, and the Démo with its links is axe clean on a phone and a laptop', async ({ page }) => {
  for (const size of [
    { width: 390, height: 844 },
    { width: 1280, height: 800 },
  ]) {
    await page.setViewportSize(size);
    await new AppShell(page).open();
    const demo = new DemoPage(page);
    await demo.waitForModel();
    await expect(demo.sentences.first().getByTestId('explain-link')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  }
  await page.getByRole('button', { name: /English|anglais/i }).click();
  await expect(page.getByTestId('explain-link').first()).toHaveText('Explain this verdict');
  await expect(page.getByTestId('explain-link').first()).toHaveAccessibleName('Explain this verdict (sentence 1): highlighted words in Predict');
});
