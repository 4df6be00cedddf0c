// Annoter offline: after one visit, with the network cut, the screen reloads, labels with the keyboard, and exports.
import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AnnotatePage } from './pages/AnnotatePage';
import { AppShell } from './pages/AppShell';

test('labels and exports annotations offline after one visit', async ({ page, context }, testInfo) => {
  const shell = new AppShell(page);
  const annotate = new AnnotatePage(page);
  await annotate.open();
  await shell.waitForServiceWorker();
  await annotate.createAnnotator('Hors-ligne');

  await shell.reloadOffline(context);
  await expect(page.getByTestId('offline-badge')).toBeVisible();
  await expect(annotate.currentAnnotator).toContainText('Hors-ligne');
  await annotate.expectPosition(1);
  await annotate.press('1', '2', '3');
  await annotate.expectProgress('Hors-ligne', 3);
  const path = await annotate.exportCsv(testInfo.outputPath('offline.csv'));
  expect(existsSync(path)).toBe(true);
  const header = readFileSync(path, 'utf8').split('\n')[0];
  // A byte-order mark first (spreadsheets then read accents as UTF-8); gold apart from the reference label.
  expect(header).toBe('\uFEFFid,answer_id,sentence_index,text,annotator_Hors-ligne,gold,label,label_source');
  await context.setOffline(false);
});
