// A fine-tuned classifier folder used directly as a model: dropped on Réglages (a drop event carrying its files),
// checked and kept; added to the list on Modèles, made active, then giving the Démo's and Prédire's verdicts (both
// labels on these sentences) and a LIME explanation computed in the worker; Tout un corpus scores with it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { FIXTURE_MODELS_DIR, TINY_CLASSIFIER } from '../../scripts/fixtures/tiny-models';
import { CorpusPage } from './pages/CorpusPage';
import { ModelsPage } from './pages/ModelsPage';
import { ModelSources } from './pages/ModelSourcesPage';
import { PredictPage } from './pages/PredictPage';

// A first transformer request compiles the ONNX runtime: minutes on a busy 2-core machine.
test.describe.configure({ timeout: 300_000 });
const LOAD = { timeout: 200_000 };
// Sentences the tiny classifier's bias was centred on (scripts/fixtures/tiny-models.ts): some come out each way.
const ANSWER = 'Les services publics fonctionnent bien dans ma commune. Il faut simplifier les démarches administratives. Merci pour ce débat. Arrêtez de voler le peuple, voleurs !';
const VERDICT = /^(Dissidente|Non dissidente)$/;

/** Drops a folder's files on the drop zone, as a browser does (a DragEvent whose DataTransfer holds the files). */
async function dropFolder(page: Page, dir: string, label: string): Promise<void> {
  const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
  const files = walk(dir).map((f) => ({ path: `${label}/${relative(dir, f)}`, data: readFileSync(f).toString('base64') }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const transfer = new DataTransfer();
    for (const f of list) transfer.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.path));
    return transfer;
  }, files);
  const zone = page.getByTestId('model-drop');
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

test('a dropped classifier folder is kept, added to the models, made active and used by the Démo and Prédire', async ({ page }) => {
  await page.goto('/#/reglages');
  const sources = new ModelSources(page);
  await dropFolder(page, join(FIXTURE_MODELS_DIR, TINY_CLASSIFIER), 'mon-classifieur');
  await expect(page.getByTestId('um-added')).toHaveText('✓ Modèle « mon-classifieur » ajouté.', LOAD);
  await expect(sources.userModel('mon-classifieur')).toBeVisible();

  const models = new ModelsPage(page);
  await models.open();
  const folders = page.getByTestId('classifier-folders');
  // The build's classifier and the dropped one can both join the list.
  await expect(folders.getByRole('button')).toHaveText(['Ajouter « tiny-camembert-classifier » aux modèles', 'Ajouter « mon-classifieur » aux modèles']);
  await folders.getByRole('button', { name: 'Ajouter « mon-classifieur » aux modèles' }).click();
  await expect(models.row('mon-classifieur').getByTestId('model-kind')).toHaveText('classifieur affiné');
  await expect(models.row('mon-classifieur').getByRole('button', { name: 'Exporter' })).toHaveCount(0);
  await expect(page.getByTestId('classifier-detail')).toContainText('« dissident » compte comme dissident');
  await expect(folders.getByRole('button')).toHaveText(['Ajouter « tiny-camembert-classifier » aux modèles']);
  await models.row('mon-classifieur').getByRole('radio').check();

  // Prédire: the active model is the classifier; verdicts of both kinds, a LIME explanation, no exact one.
  const predict = new PredictPage(page);
  await predict.open();
  await expect(predict.model.locator('option:checked')).toHaveText('mon-classifieur (actif) — classifieur affiné');
  await predict.type(ANSWER);
  await expect(predict.sentences).toHaveCount(4);
  for (let i = 0; i < 4; i++) await expect(predict.verdictOf(i)).toHaveText(VERDICT, LOAD);
  const verdicts = await Promise.all([0, 1, 2, 3].map((i) => predict.verdictOf(i).textContent()));
  expect(new Set(verdicts)).toEqual(new Set(['Dissidente', 'Non dissidente']));
  await expect(predict.explanationOf(0).getByTestId('chart-lime').locator('canvas')).toBeVisible(LOAD);
  await expect(predict.wordsOf(0, 'lime').first()).toBeVisible();
  await expect(predict.explanationOf(0).getByTestId('method-exact')).toHaveCount(0);

  // Démo: the same model gives the same verdicts.
  await page.goto('/#/');
  await expect(page.getByTestId('model-status')).toContainText('« mon-classifieur », classifieur affiné');
  await page.getByLabel('Votre réponse').fill(ANSWER);
  const demo = page.getByTestId('demo-sentence');
  await expect(demo).toHaveCount(4);
  for (let i = 0; i < 4; i++) await expect(demo.nth(i).getByTestId('verdict')).toHaveText(verdicts[i]!, LOAD);
});

test('Tout un corpus scores a dataset with the classifier folder, after an estimate measured on it', async ({ page }) => {
  const answers = ['Les services publics fonctionnent bien dans ma commune. Merci pour ce débat.', 'Arrêtez de voler le peuple, voleurs ! Merci pour ce débat.', 'Il faut simplifier les démarches administratives.'];
  const csv = `id,reponse\n${answers.map((a, i) => `r${i + 1},"${a}"`).join('\n')}\n`;
  await page.goto('/#/donnees');
  await page.locator('main').getByTestId('csv-input').last().setInputFiles({ name: 'corpus-classifieur.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.getByTestId('import-config').getByRole('button', { name: 'Importer' }).click();
  await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 60_000 });

  const corpus = new CorpusPage(page);
  await corpus.open();
  await corpus.chooseDataset('corpus-classifieur');
  await corpus.model.selectOption({ label: `${TINY_CLASSIFIER} — classifieur affiné` });
  // Counted and measured through the worker on the dataset's own sentences (the first call loads the runtime).
  await expect(corpus.estimate).toContainText(/Durée estimée : \d+ s/, LOAD);
  await expect(page.getByTestId('corpus-counts')).toHaveText('3 réponses, 5 phrases.');
  await corpus.run.getByRole('button', { name: 'Évaluer le corpus' }).click();
  await expect(corpus.status).toContainText(`« ${TINY_CLASSIFIER} » : 5 phrases`, LOAD);
  await expect(corpus.rows).toHaveCount(5);
  // « Merci pour ce débat. » appears twice and was sent to the model once: 4 distinct sentences of 5.
  await expect(corpus.status).toContainText('(4 phrases distinctes soumises au modèle)');
  await expect(corpus.row('Merci pour ce débat.')).toHaveCount(2);
});
