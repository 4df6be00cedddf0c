// Modèles: train a baseline in the browser with cross-validated search, compare, activate, export and import.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { DEFAULT_TRAIN_OPTIONS } from '../../src/lib/core/ml/types';
import { ModelsPage } from './pages/ModelsPage';

const { space } = DEFAULT_TRAIN_OPTIONS;
const GRID_SIZE = space.C.length * space.wordNgrams.length * space.charNgrams.length * space.minDf.length;

test('trains a model with search and a held-out split, then shows its metrics and curves', async ({ page }) => {
  const models = new ModelsPage(page);
  await models.open();
  await models.train({ name: 'essai-grille' });
  await expect(models.trainProgress).toBeVisible();
  await expect(models.row('essai-grille')).toBeVisible({ timeout: 60_000 });
  await expect(models.detailHeading('essai-grille')).toBeVisible();
  // Cross-validated and held-out AUC are both real numbers between 0.5 and 1 on the demo corpus.
  const aucRow = models.detailRow(/AUC ROC/);
  await expect(aucRow).toHaveText(/AUC ROC\s*0,[5-9]\d\d\s*0,[5-9]\d\d/);
  for (const id of ['chart-roc', 'chart-pr', 'chart-calibration', 'chart-learning'] as const) await expect(models.chart(id)).toBeVisible();
  await expect(models.searchRows()).toHaveCount(GRID_SIZE);
  // The freshly trained model is the active one.
  await expect(models.row('essai-grille').getByRole('radio')).toBeChecked();
});

test('moving the threshold changes the confusion matrix, and saving keeps it', async ({ page }) => {
  const models = new ModelsPage(page);
  await models.open();
  await models.train({ name: 'seuil', holdout: false });
  await expect(models.detail).toBeVisible({ timeout: 60_000 });
  const before = await models.confusion.textContent();
  await models.threshold.fill('0.9');
  await expect(models.confusion).not.toHaveText(before ?? '');
  await models.saveThreshold.click();
  // Once stored, the model's threshold equals the slider's and there is nothing left to save.
  await expect(models.saveThreshold).toBeDisabled();
  await page.reload();
  await expect(models.threshold).toHaveValue('0.9');
});

test('cancelling a training stores nothing', async ({ page }) => {
  const models = new ModelsPage(page);
  await models.open();
  await models.train();
  await models.cancelTraining.click();
  await expect(models.trainStatus).toHaveText('Entraînement annulé. Aucun modèle n’a été enregistré.');
  await expect(models.empty).toBeVisible();
});

test('exports a model file and imports it back; a bad file is refused in French', async ({ page }, testInfo) => {
  const models = new ModelsPage(page);
  await models.open();
  await models.train({ name: 'export', holdout: false });
  await expect(models.row('export')).toBeVisible({ timeout: 60_000 });
  const download = page.waitForEvent('download');
  await models.exportModel('export');
  const file = testInfo.outputPath('export.model.json');
  await (await download).saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('dissidentia-baseline');

  await models.importPicker.setInputFiles({ name: 'pas-un-modele.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"autre"}') });
  await expect(models.importError).toContainText('Ce fichier n’est pas un modèle Dissidentia valide');
  await expect(models.modelRows()).toHaveCount(1);

  await models.importPicker.setInputFiles(file);
  await expect(models.importedNotice('export')).toBeVisible();
  await expect(models.modelRows()).toHaveCount(2);
});
