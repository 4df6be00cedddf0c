// Transfer learning and sentence vectors in the browser, on the tiny CamemBERT: a head trained in the model worker from
// the stored labels (loss curve, cross-validated metrics, listed with the baselines), used in Prédire with a LIME
// explanation computed in the worker, exported and imported back with the same predictions; a dataset's vectors computed with progress, stopped, and resumed after a reload.
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { TINY_ENCODER } from '../../scripts/fixtures/tiny-models';
import { DataPage } from './pages/DataPage';
import { ModelsPage } from './pages/ModelsPage';
import { PredictPage } from './pages/PredictPage';

// A first transformer request compiles the ONNX runtime (27 MB of WASM): minutes on a busy 2-core machine.
test.describe.configure({ timeout: 300_000 });
const LOAD = { timeout: 200_000 };

test('trains a transfer head on the tiny model, shows its loss curve and metrics, explains with it in Prédire, and exports and imports it', async ({ page }, testInfo) => {
  const models = new ModelsPage(page);
  await models.open();
  await models.trainTransfer(TINY_ENCODER, { name: 'transfert-tiny', maxEpochs: 40 });
  await expect(models.row('transfert-tiny')).toBeVisible(LOAD);
  await expect(models.row('transfert-tiny').getByTestId('model-kind')).toHaveText(`transfert · ${TINY_ENCODER}`);
  await expect(models.row('transfert-tiny').getByRole('radio')).toBeChecked();
  await expect(models.detailHeading('transfert-tiny')).toBeVisible();
  // The baseline's cross-validation and metrics: an AUC between 0 and 1, the confusion matrix, ROC and the loss curve.
  await expect(models.detailRow(/AUC ROC/)).toHaveText(/AUC ROC\s*[01],\d\d\d\s*—/);
  await expect(models.detail).toContainText(`Modèle de langue ${TINY_ENCODER} (q8)`);
  for (const id of ['chart-loss', 'chart-roc', 'chart-pr'] as const) await expect(models.chart(id)).toBeVisible();
  // Both curves: training, and validation (early stopping held some sentences out).
  await expect(models.chart('chart-loss')).toHaveAttribute('aria-label', /Entraînement : [1-9]\d* points ; Validation : [1-9]\d* points/);

  const predict = new PredictPage(page);
  await predict.open();
  await expect(predict.model.locator('option:checked')).toHaveText('transfert-tiny (actif) — transfert');
  await predict.type('Les impôts sont trop élevés. Merci pour votre écoute.');
  await expect(predict.sentences).toHaveCount(2);
  await expect(predict.verdictOf(0)).toHaveText(/^(Dissidente|Non dissidente)$/, LOAD);
  // Only LIME applies to a transformer model; it runs in the worker through the encoder.
  await expect(predict.explanationOf(0).getByTestId('chart-lime').locator('canvas')).toBeVisible(LOAD);
  await expect(predict.wordsOf(0, 'lime').first()).toBeVisible();
  await expect(predict.explanationOf(0).getByTestId('method-exact')).toHaveCount(0);
  const probabilities = async () => Promise.all([0, 1].map((i) => predict.sentence(i).getByTestId('probability').textContent()));
  await expect(predict.verdictOf(1)).toHaveText(/^(Dissidente|Non dissidente)$/, LOAD);
  const before = await probabilities();

  // Exported as a file and imported back (under another name): the same predictions through the same encoder.
  await models.open();
  const download = page.waitForEvent('download');
  await models.exportModel('transfert-tiny');
  const file = testInfo.outputPath('copie-transfert.model.json');
  await (await download).saveAs(file);
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { format: string; encoder: { name: string } };
  expect(saved.format).toBe('dissidentia-transfer');
  expect(saved.encoder.name).toBe(TINY_ENCODER);
  await models.importPicker.setInputFiles(file);
  await expect(models.importedNotice('copie-transfert')).toBeVisible();
  await expect(models.row('copie-transfert').getByTestId('model-kind')).toHaveText(`transfert · ${TINY_ENCODER}`);

  await predict.open();
  await predict.model.selectOption({ label: 'copie-transfert — transfert' });
  await predict.type('Les impôts sont trop élevés. Merci pour votre écoute.');
  await expect(predict.verdictOf(1)).toHaveText(/^(Dissidente|Non dissidente)$/, LOAD);
  expect(await probabilities()).toEqual(before);
});

// In two fresh-clone CI runs this hung at 512 / 768 of 4500, « en cours » for good: the worker's batch in flight when
// « Arrêter » was pressed was stored and reported after the cancel, and that late progress event brought the run back
// as running in the page (tests/unit/dataset-embeddings.test.ts replays it). Late events are now ignored.
test('computes a dataset’s sentence vectors with progress, and resumes them after a reload', async ({ page }, testInfo) => {
  // Enough distinct sentences (three per answer) that a run is still going when it is stopped.
  const ANSWERS = 1500;
  const TOTAL = 3 * ANSWERS;
  const rows = Array.from({ length: ANSWERS }, (_, i) => `${i},"Réponse numéro ${i} sur les services publics. La mairie ${i % 97} ferme le mardi ${i}. Tout coûte ${i * 3} euros de trop !"`);
  const csv = testInfo.outputPath('vecteurs.csv');
  writeFileSync(csv, `id,texte\n${rows.join('\n')}\n`);
  const data = new DataPage(page);
  await data.open();
  await data.chooseAndPreview(csv);
  await data.importAndWait();

  const models = new ModelsPage(page);
  await models.open();
  const panel = page.getByTestId('embeddings');
  await panel.getByLabel('Jeu de données').selectOption({ label: 'vecteurs' });
  await panel.getByLabel('Modèle de langue').selectOption(TINY_ENCODER);
  await panel.getByRole('button', { name: 'Calculer les vecteurs' }).click();
  const run = panel.getByTestId('embedding-run');
  await expect(run).toHaveAttribute('data-state', 'running', LOAD);
  // Stopped as soon as some sentences are stored.
  await expect(run).toContainText(new RegExp(`: [1-9]\\d* / ${TOTAL} phrases, en cours`), LOAD);
  await panel.getByRole('button', { name: 'Arrêter le calcul' }).click();
  // The worker stops before its next batch; on a loaded machine that batch may take a while to come.
  await expect(run).toHaveAttribute('data-state', 'cancelled', LOAD);
  const stopped = Number((await run.textContent())!.match(/: (\d+) \//)![1]);
  expect(stopped).toBeGreaterThan(0);
  expect(stopped).toBeLessThan(TOTAL);

  await page.reload();
  await expect(run).toContainText(`${stopped} / ${TOTAL} phrases, arrêté`);
  await panel.getByRole('button', { name: 'Reprendre le calcul' }).click();
  await expect(run).toHaveAttribute('data-state', 'done', LOAD);
  await expect(run).toContainText(`${TOTAL} / ${TOTAL} phrases, terminé`);
  await expect(panel.getByTestId('embeddings-status')).toHaveText(`${TOTAL - stopped} phrases calculées, ${stopped} déjà enregistrées.`);
});
