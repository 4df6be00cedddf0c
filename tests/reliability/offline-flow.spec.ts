// The annotator's whole day offline: after one visit where Réglages « Préparer l'usage hors ligne » fetched the runtime
// and the tiny encoder (never used online), the network is cut and the app reloads, imports a CSV, labels, trains a
// baseline, predicts and explains with it, then trains a transfer head on the prepared encoder and predicts and
// explains with that. tests/e2e/offline.spec.ts covers the shell and a model cached by a first use; this is the flow.
import { expect, test } from '@playwright/test';
import { TINY_ENCODER } from '../../scripts/fixtures/tiny-models';
import { AnnotatePage } from '../e2e/pages/AnnotatePage';
import { AppShell } from '../e2e/pages/AppShell';
import { DataPage } from '../e2e/pages/DataPage';
import { ModelsPage } from '../e2e/pages/ModelsPage';
import { PredictPage } from '../e2e/pages/PredictPage';
import { LanguageModelPanel } from '../e2e/pages/SettingsPage';

const LOAD = { timeout: 200_000 };

test('offline after one visit: import, label, train, predict and explain — baseline and prepared transformer', async ({ page, context }) => {
  // A first transformer request compiles the ONNX runtime: minutes on a busy 2-core machine.
  test.setTimeout(480_000);
  const shell = new AppShell(page);
  await shell.open('/#/reglages');
  await shell.waitForServiceWorker();
  const panel = new LanguageModelPanel(page);
  await panel.choose(TINY_ENCODER, 'q8', 'wasm');
  await page.getByRole('button', { name: 'Préparer l’usage hors ligne' }).click();
  await expect(page.getByTestId('offline-status')).toHaveAttribute('data-ready', 'yes', LOAD);

  await shell.reloadOffline(context);
  await expect(page.getByTestId('offline-badge')).toBeVisible();
  const offlineRequests: string[] = [];
  page.on('requestfailed', (r) => offlineRequests.push(r.url()));

  const data = new DataPage(page);
  await data.open();
  await data.chooseAndPreview('tests/fixtures/import/grand-debat-mini.csv');
  await data.importAndWait();
  await expect(data.reportValue('answers')).toHaveText('10');

  const annotate = new AnnotatePage(page);
  await annotate.startAs('Sans-réseau');
  await annotate.press('1', '2', '1');
  await annotate.expectProgress('Sans-réseau', 3);
  await expect(annotate.saveStatus).toHaveText('Enregistré');

  const models = new ModelsPage(page);
  await models.open();
  await models.train({ name: 'hors-ligne', holdout: false });
  await expect(models.row('hors-ligne')).toHaveCount(1, { timeout: 120_000 });

  const predict = new PredictPage(page);
  await predict.open();
  await predict.type('Tous des pourris, démission ! Merci aux agents de la mairie.');
  await expect(predict.sentences).toHaveCount(2);
  await expect(predict.verdictOf(0)).toHaveText(/^(Dissidente|Non dissidente)$/);
  await predict.waitForExplanation(0);

  // The transformer prepared ahead, never used online: a transfer head trained and explained offline.
  await models.open();
  await models.trainTransfer(TINY_ENCODER, { name: 'transfert-hors-ligne', maxEpochs: 20 });
  await expect(models.row('transfert-hors-ligne')).toBeVisible(LOAD);
  await predict.open();
  await expect(predict.model.locator('option:checked')).toHaveText('transfert-hors-ligne (actif) — transfert');
  await predict.type('Les impôts sont trop élevés. Merci pour votre écoute.');
  await expect(predict.verdictOf(0)).toHaveText(/^(Dissidente|Non dissidente)$/, LOAD);
  await expect(predict.explanationOf(0).getByTestId('chart-lime').locator('canvas')).toBeVisible(LOAD);

  await expect(page.getByRole('alert')).toHaveCount(0);
  // Nothing the flow needed was missing: no request failed for want of a network.
  expect(offlineRequests).toEqual([]);
  await context.setOffline(false);
});
