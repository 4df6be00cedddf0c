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
  await expect(page.getByTestId('train-progress')).toBeVisible();
  await expect(models.row('essai-grille')).toBeVisible({ timeout: 60_000 });
  await expect(models.detail.getByRole('heading', { name: 'Modèle « essai-grille »' })).toBeVisible();
  // Cross-validated and held-out AUC are both real numbers between 0.5 and 1 on the demo corpus.
  const aucRow = models.detail.getByRole('row', { name: /AUC ROC/ });
  await expect(aucRow).toHaveText(/AUC ROC\s*0,[5-9]\d\d\s*0,[5-9]\d\d/);
  for (const id of ['chart-roc', 'chart-pr', 'chart-calibration', 'chart-learning']) await expect(page.getByTestId(id).locator('canvas')).toBeVisible();
  await expect(page.getByTestId('search-results').locator('tbody tr')).toHaveCount(GRID_SIZE);
  // The freshly trained model is the active one.
  await expect(models.row('essai-grille').getByRole('radio')).toBeChecked();
});

test('moving the threshold changes the confusion matrix, and saving keeps it', async ({ page }) => {
  const models = new ModelsPage(page);
  await models.open();
  await models.train({ name: 'seuil', holdout: false });
  await expect(models.detail).toBeVisible({ timeout: 60_000 });
  const before = await page.getByTestId('confusion').textContent();
  await page.getByLabel(/Seuil de décision/).fill('0.9');
  await expect(page.getByTestId('confusion')).not.toHaveText(before ?? '');
  const save = page.getByRole('button', { name: 'Enregistrer ce seuil' });
  await save.click();
  // Once stored, the model's threshold equals the slider's and there is nothing left to save.
  await expect(save).toBeDisabled();
  await page.reload();
  await expect(page.getByLabel(/Seuil de décision/)).toHaveValue('0.9');
});

test('cancelling a training stores nothing', async ({ page }) => {
  const models = new ModelsPage(page);
  await models.open();
  await models.train();
  await page.getByRole('button', { name: 'Annuler l’entraînement' }).click();
  await expect(page.getByTestId('train-status')).toHaveText('Entraînement annulé. Aucun modèle n’a été enregistré.');
  await expect(page.getByText('Aucun modèle enregistré pour l’instant.')).toBeVisible();
});

test('exports a model file and imports it back; a bad file is refused in French', async ({ page }, testInfo) => {
  const models = new ModelsPage(page);
  await models.open();
  await models.train({ name: 'export', holdout: false });
  await expect(models.row('export')).toBeVisible({ timeout: 60_000 });
  const download = page.waitForEvent('download');
  await models.row('export').getByRole('button', { name: 'Exporter' }).click();
  const file = testInfo.outputPath('export.model.json');
  await (await download).saveAs(file);
  expect(JSON.parse(readFileSync(file, 'utf8')).format).toBe('dissidentia-baseline');

  const picker = page.getByLabel('Importer un modèle (fichier .json)');
  await picker.setInputFiles({ name: 'pas-un-modele.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"autre"}') });
  await expect(page.getByRole('alert')).toContainText('Ce fichier n’est pas un modèle Dissidentia valide');
  await expect(models.table.locator('tbody tr')).toHaveCount(1);

  await picker.setInputFiles(file);
  await expect(page.getByText('Modèle « export » importé.')).toBeVisible();
  await expect(models.table.locator('tbody tr')).toHaveCount(2);
});
