// No label lost at any typing speed: a burst of keys at 80 ms with an undo on a large imported dataset survives a tab
// closed one second later; undo acts on the last key while writes wait; the close warning comes only while they do.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type BrowserContext } from '@playwright/test';
import { generate } from '../../scripts/gen-grand-debat-csv';
import { AnnotatePage } from './pages/AnnotatePage';
import { DataPage } from './pages/DataPage';

const TMP = mkdtempSync(join(tmpdir(), 'dissidentia-e2e-labels-'));

test('30 keys at 80 ms and an undo, tab closed 1 s later: exactly 29 labels in a fresh page of the profile', async ({ playwright, launchOptions, baseURL }) => {
  test.setTimeout(240_000);
  // 12,000 answers: about 160,000 sentences, so that every read the screen makes is a large one.
  const file = join(TMP, 'grand-debat-12000.csv');
  writeFileSync(file, [...generate({ answers: 12_000, seed: 11, malformed: 0 })].join(''));
  const profile = mkdtempSync(join(tmpdir(), 'dissidentia-profile-'));
  const open = (): Promise<BrowserContext> => playwright.chromium.launchPersistentContext(profile, { ...launchOptions, baseURL, locale: 'fr-FR' });

  const first = await open();
  const page = first.pages()[0] ?? (await first.newPage());
  const data = new DataPage(page);
  await data.open();
  await data.chooseAndPreview(file);
  await data.importAndWait();
  const annotate = new AnnotatePage(page);
  await annotate.open();
  await annotate.createAnnotator('Rapide');
  const total = await annotate.selectDataset('grand-debat-12000');
  expect(total).toBeGreaterThan(100_000);

  const keys = Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? '1' : '2'));
  await annotate.typeAtPace([...keys, 'z'], 80);
  await expect(annotate.announcement).toHaveText(/^Annulé\s: « .+ » pour la phrase 30\.$/);
  // The scenario itself, not a wait for the app: the annotator closes the tab one second after the last key.
  await page.waitForTimeout(1000);
  await first.close();

  const second = await open();
  const again = new AnnotatePage(second.pages()[0] ?? (await second.newPage()));
  await again.open();
  await expect(again.currentAnnotator).toContainText('Rapide');
  const stored = await again.storedLabels('Rapide');
  expect(stored).toHaveLength(29);
  expect(stored.slice(0, 3)).toEqual(['dissident', 'non dissident', 'non dissident']);
  await again.selectDataset('grand-debat-12000');
  await again.expectProgress('Rapide', 29);

  // Keys pressed while another dataset's queue is being built label nothing: not a sentence of the dataset just
  // left, not one that is not on screen yet.
  await again.selectDataset('Corpus de démonstration');
  // Holding the annotations table keeps the new queue loading (it reads which sentences are labelled already).
  const release = await again.holdLabelWrites();
  await again.chooseDataset('grand-debat-12000');
  await again.press('1', '2', '3');
  await expect(again.announcement).toHaveText('La file se prépare : cette touche n’a rien étiqueté.');
  await release();
  await again.expectPosition(1);
  expect(await again.storedLabels('Rapide')).toHaveLength(29);
  await second.close();
});

test('undo while labels wait to be stored withdraws the last key, says so, and the page warns on leaving only then', async ({ page }) => {
  const annotate = new AnnotatePage(page);
  await annotate.startAs('Prudente');
  const release = await annotate.holdLabelWrites();
  await annotate.press('1', '2');
  await expect(annotate.saveStatus).toHaveText('Enregistrement…');
  await expect(annotate.saveStatus).toHaveAttribute('role', 'status');
  await annotate.press('z');
  await expect(annotate.announcement).toHaveText('Annulé : « non dissident » pour la phrase 2.');
  await annotate.expectPosition(2);

  // Leaving now asks first (Chromium shows its own question; the page only asks for it).
  const asked = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true }).catch(() => undefined);
  const dialog = await asked;
  expect(dialog.type()).toBe('beforeunload');
  await dialog.dismiss();

  await release();
  await expect(annotate.saveStatus).toHaveText('Enregistré');
  expect(await annotate.storedLabels('Prudente')).toEqual(['dissident']);
  await annotate.expectProgress('Prudente', 1);

  // Nothing pending: no question, the page just closes.
  let questioned = false;
  page.on('dialog', (d) => {
    questioned = true;
    void d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(questioned).toBe(false);
});
