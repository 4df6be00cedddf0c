// The Content-Security-Policy holds through a full flow — Démo, import, labels, training, prediction with its
// explanation, a language model loaded by the ONNX runtime in its worker — with no violation anywhere, and no
// request leaving the app's origin while Hub downloads are not allowed (the policy lists the Hub; the app stays home).
import { expect, test } from '@playwright/test';
import { TINY_ENCODER } from '../../scripts/fixtures/tiny-models';
import { AnnotatePage } from '../e2e/pages/AnnotatePage';
import { AppShell } from '../e2e/pages/AppShell';
import { DataPage } from '../e2e/pages/DataPage';
import { DemoPage } from '../e2e/pages/DemoPage';
import { ModelsPage } from '../e2e/pages/ModelsPage';
import { PredictPage } from '../e2e/pages/PredictPage';
import { LanguageModelPanel } from '../e2e/pages/SettingsPage';
import { watch } from './helpers/watch';

test('the policy is sent and set; a full flow meets no violation and no other origin', async ({ page, context, baseURL }) => {
  test.setTimeout(300_000);
  const seen = await watch(context, page);
  const response = await page.goto('/');
  const header = (await response!.allHeaders())['content-security-policy'] ?? '';
  expect(header).toContain("script-src 'self' 'wasm-unsafe-eval' blob:");
  expect(header).not.toContain("'unsafe-eval'");
  expect(header).toContain("frame-ancestors 'none'");
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval' blob:");
  // No inline script in the page: every script has a src on the app's origin.
  expect(await page.evaluate(() => [...document.scripts].filter((s) => !s.src).length)).toBe(0);

  const shell = new AppShell(page);
  await expect(shell.nav).toBeVisible();
  await shell.waitForServiceWorker();
  const demo = new DemoPage(page);
  await demo.waitForModel();
  await demo.type('Ces incapables nous méprisent ! Merci au guichet.');
  await expect(demo.sentences).toHaveCount(2);

  const data = new DataPage(page);
  await data.open();
  await data.chooseAndPreview('tests/fixtures/import/grand-debat-mini.csv');
  await data.importAndWait();

  const annotate = new AnnotatePage(page);
  await annotate.startAs('Politique');
  await annotate.press('1', '2', '3');
  await annotate.expectProgress('Politique', 3);

  const models = new ModelsPage(page);
  await models.open();
  await models.train({ name: 'csp', holdout: false });
  await expect(models.row('csp')).toHaveCount(1, { timeout: 90_000 });

  const predict = new PredictPage(page);
  await predict.open();
  await predict.type('Tous des pourris, démission !');
  await expect(predict.verdictOf(0)).toHaveText(/^(Dissidente|Non dissidente)$/);
  await predict.waitForExplanation(0);

  // The ONNX runtime compiles WebAssembly in the model worker: allowed by 'wasm-unsafe-eval', nothing else.
  const panel = new LanguageModelPanel(page);
  await panel.open();
  await panel.choose(TINY_ENCODER, 'q8', 'wasm');
  expect((await panel.test()).length).toBeGreaterThan(0);

  for (const name of ['Accord', 'À propos', 'Réglages']) await shell.goTo(name);
  expect(await seen.violations()).toEqual([]);
  expect([...seen.origins]).toEqual([new URL(baseURL!).origin]);
});
