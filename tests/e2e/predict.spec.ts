// Prédire & expliquer: verdicts per sentence against the threshold, explanations drawn (exact and LIME side by side),
// words highlighted, a user-trained model picked by default, user text shown as text.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { DemoPage } from './pages/DemoPage';
import { ModelsPage } from './pages/ModelsPage';
import { PredictPage } from './pages/PredictPage';

test('a typed answer gets a verdict per sentence and an explanation with highlighted words', async ({ page }) => {
  const predict = new PredictPage(page);
  await predict.open();
  await predict.type('Tous des pourris, démission ! Je remercie les agents de la mairie pour leur accueil chaleureux.');
  await expect(predict.sentences).toHaveCount(2);
  await expect(predict.verdictOf(0)).toHaveText('Dissidente');
  await expect(predict.verdictOf(1)).toHaveText('Non dissidente');
  // The probability is that of being dissident, and the threshold is written next to it.
  await expect(predict.sentence(0).getByTestId('probability')).toHaveText(/^Probabilité d’être dissidente : \d+\s%$/);
  await expect(predict.sentence(0).getByTestId('rule')).toHaveText(/^\d+\s% ≥ seuil \d+\s% : classée dissidente$/);
  await expect(predict.sentence(1).getByTestId('rule')).toHaveText(/^\d+\s% < seuil \d+\s% : classée non dissidente$/);

  // Short text: explained without asking, both methods side by side.
  await predict.waitForExplanation(0);
  const explanation = predict.explanationOf(0);
  await expect(explanation.getByRole('meter', { name: 'Dissidente', exact: true })).toBeVisible();
  await expect(explanation.getByRole('meter', { name: 'Non dissidente' })).toBeVisible();
  const exactWords = predict.wordsOf(0, 'exact');
  await expect(exactWords).toHaveText(['Tous', 'des', 'pourris', 'démission', '!']);
  await expect(predict.wordsOf(0, 'lime')).toHaveCount(5);
  // "pourris" pushes towards dissident in both methods.
  await expect(exactWords.filter({ hasText: 'pourris' })).toHaveAttribute('data-sign', 'for');
  await expect(predict.wordsOf(0, 'lime').filter({ hasText: 'pourris' })).toHaveAttribute('data-sign', 'for');
  await expect(explanation.getByTestId('chart-exact').getByRole('img')).toHaveAttribute('aria-label', /Pour « dissidente » : .*pourris/);
  // The highlighted text reads exactly as the sentence.
  await expect(explanation.getByTestId('method-exact').getByTestId('highlighted')).toHaveText('Tous des pourris, démission !');
});

test('a long answer is explained on demand, and an explanation can be cancelled', async ({ page }) => {
  const predict = new PredictPage(page);
  await predict.open();
  await predict.pickExample('Bande de pourris, démission');
  await expect(predict.verdictOf(0)).toHaveText(/Dissidente|Non dissidente/);
  await expect(page.getByText('Texte long : demandez l’explication des phrases qui vous intéressent.')).toBeVisible();
  await expect(predict.explanationOf(0)).toHaveCount(0);
  await page.getByTestId('predict-sentence').nth(2).getByRole('button', { name: 'Expliquer' }).click();
  await predict.waitForExplanation(2);
  await expect(predict.explanationOf(0)).toHaveCount(0);

  // A large LIME run, cancelled while it runs, leaves the sentence ready to be explained again.
  await page.getByText('Réglages de l’explication').click();
  await page.getByLabel('Échantillons LIME').fill('20000');
  await page.getByLabel('Échantillons LIME').press('Enter');
  // Cancel is pressed as soon as it shows, within the page (a click from the test could come after a fast machine's
  // run had finished, and the test would then race the worker).
  await page.getByTestId('predict-sentence').nth(1).evaluate(async (sentence) => {
    const button = (name: string) => Array.from(sentence.querySelectorAll('button')).find((b) => b.textContent?.trim() === name);
    button('Expliquer')!.click();
    for (let i = 0; i < 200 && !button('Annuler'); i++) await new Promise((r) => setTimeout(r, 0));
    button('Annuler')!.click();
  });
  await expect(predict.sentence(1).getByText('Explication annulée.')).toBeVisible();
  await expect(predict.sentence(1).getByRole('button', { name: 'Relancer l’explication' })).toBeVisible();
});

test('an answer holding HTML is shown as text, never run', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  const predict = new PredictPage(page);
  await predict.open();
  const html = 'Voici <img src=x onerror=alert(1)> dans ma réponse.';
  await predict.type(html);
  await predict.waitForExplanation(0);
  await expect(predict.sentence(0)).toContainText(`Phrase 1 ${html}`);
  await expect(predict.explanationOf(0).getByTestId('method-exact').getByTestId('highlighted')).toHaveText(html);
  await expect(predict.explanationOf(0).getByTestId('method-lime').getByTestId('highlighted')).toHaveText(html);
  await expect(page.locator('main img')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('a model trained on Modèles and active is the one used, and the demo model can still be picked', async ({ page }) => {
  const models = new ModelsPage(page);
  await models.open();
  await models.train({ name: 'mon-modele', holdout: false });
  await expect(models.row('mon-modele').getByRole('radio')).toBeChecked({ timeout: 60_000 });

  const predict = new PredictPage(page);
  await predict.open();
  await expect(predict.model.locator('option:checked')).toHaveText('mon-modele (actif)');
  await predict.type('Organisation nulle. Je suggère de simplifier ce fonctionnement.');
  await predict.waitForExplanation(0);
  await expect(predict.wordsOf(0, 'exact')).toHaveText(['Organisation', 'nulle']);
  await predict.model.selectOption({ label: 'Modèle de démonstration (intégré)' });
  await expect(page.getByTestId('model-description')).toContainText('entraîné sur');
  await predict.waitForExplanation(0);

  // The Démo follows the active model too, and each verdict names it.
  const demo = new DemoPage(page);
  await page.goto('/#/');
  await expect(demo.status).toContainText('Modèle actif, choisi dans Modèles : « mon-modele »');
  await demo.type('Tous des pourris, démission !');
  await expect(demo.sentences.first().getByTestId('verdict-model')).toHaveText('Modèle : mon-modele');
  await expect(demo.sentences.first().getByTestId('probability')).toHaveText(/^Probabilité d’être dissidente : \d+\s% \(seuil \d+\s%\)$/);
});

test('axe finds no serious or critical violation once explanations are drawn', async ({ page }) => {
  const predict = new PredictPage(page);
  await predict.open();
  await predict.waitForExplanation(0);
  await predict.waitForExplanation(1);
  const results = await new AxeBuilder({ page }).analyze();
  const severe = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(severe.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});
