// Annoter: keyboard-only labelling with undo that survives a reload, the help dialog, browse/search/bulk, two annotators
// on two browsers pooling their work through files, and backup → fresh profile → restore.
import { expect, test } from '@playwright/test';
import { AnnotatePage } from './pages/AnnotatePage';

test('labels 20 sentences with the keyboard only, undoes one, and keeps everything across a reload', async ({ page }) => {
  const annotate = new AnnotatePage(page);
  const total = await annotate.startAs('Alice');
  const seen: string[] = [];
  for (let i = 0; i < 20; i++) {
    await annotate.expectPosition(i + 1, total);
    seen.push((await annotate.sentenceCard.getAttribute('data-sentence-id'))!);
    await annotate.press(String((i % 3) + 1));
  }
  await annotate.expectPosition(21, total);
  await annotate.expectProgress('Alice', 20);
  // Z goes back to the 20th sentence and removes its label; Ctrl+Z the 19th.
  await annotate.press('z');
  await annotate.expectPosition(20, total);
  await expect(annotate.sentenceCard).toHaveAttribute('data-sentence-id', seen[19]!);
  await annotate.expectProgress('Alice', 19);
  await annotate.press('Control+z');
  await annotate.expectPosition(19, total);
  await annotate.expectProgress('Alice', 18);
  // Arrows move without labelling; S skips.
  await annotate.press('ArrowLeft');
  await annotate.expectPosition(18, total);
  // The 18th sentence got key 3: its button shows as pressed.
  await expect(annotate.labelButton(/inclassable$/)).toHaveAttribute('aria-pressed', 'true');
  await expect(annotate.labelButton(/^1\s*dissident$/)).toHaveAttribute('aria-pressed', 'false');
  await annotate.press('ArrowRight', 's');
  await annotate.expectPosition(20, total);
  await annotate.expectProgress('Alice', 18);

  await page.reload();
  await expect(annotate.currentAnnotator).toContainText('Alice');
  await annotate.expectProgress('Alice', 18);
  // The "not yet labelled by me" queue comes back without the 18 labelled sentences.
  await annotate.expectPosition(1, total - 18);
});

test('switching tabs keeps the place in the queue and the search', async ({ page }) => {
  const annotate = new AnnotatePage(page);
  const total = await annotate.startAs('Alice');
  await annotate.press('1', '2', '3');
  await annotate.expectPosition(4, total);
  await annotate.tab('Parcourir');
  await annotate.search.fill('ministres');
  await expect(annotate.browseCount).toHaveText(/^[1-9]\d* phrases? trouvées?/);
  await annotate.tab('Étiqueter');
  // Not rebuilt: a rebuilt "not yet labelled by me" queue would start again at 1 of total − 3.
  await annotate.expectPosition(4, total);
  await annotate.tab('Parcourir');
  await expect(annotate.search).toHaveValue('ministres');
});

test('deletes a profile and its labels after confirming, leaving the other annotator’s work', async ({ page }) => {
  const annotate = new AnnotatePage(page);
  await annotate.startAs('Alice');
  await annotate.press('1', '1');
  await annotate.expectProgress('Alice', 2);
  await annotate.createAnnotator('Bobb');
  await annotate.press('2', '2', '2');
  await annotate.expectProgress('Bobb', 3);
  await annotate.deleteCurrentProfile('Supprimer le profil « Bobb » (3 étiquettes)');
  await expect(annotate.status('Profil « Bobb » supprimé (3 étiquettes supprimées).')).toBeAttached();
  await expect(annotate.currentAnnotator).toContainText('Alice');
  await annotate.expectProgress('Alice', 2);
  await expect(annotate.progress.getByText(/^Bobb/)).toHaveCount(0);
  // Alice's own queue, not Bobb's: her two labelled sentences are out of it.
  await annotate.expectPosition(1);
});

test('restoring a backup in place rebuilds the queue from the restored labels', async ({ page }, testInfo) => {
  const annotate = new AnnotatePage(page);
  const total = await annotate.startAs('Alice');
  await annotate.press('1', '2');
  await annotate.expectProgress('Alice', 2);
  const path = testInfo.outputPath('two-labels.json');
  await annotate.backup(path);
  await annotate.tab('Étiqueter');
  await annotate.press('3', '3', '3');
  await annotate.expectProgress('Alice', 5);
  await annotate.restore(path);
  await annotate.tab('Étiqueter');
  await annotate.expectProgress('Alice', 2);
  // The "not yet labelled by me" queue of the restored data: the two labelled sentences left out, from its head.
  await annotate.expectPosition(1, total - 2);
});

test('the help dialog lists the shortcuts, blocks them while open, and closes with Escape', async ({ page }) => {
  const annotate = new AnnotatePage(page);
  await annotate.open();
  await annotate.createAnnotator('Alice');
  await annotate.press('?');
  await expect(annotate.helpDialog).toBeVisible();
  await expect(annotate.helpDialog).toContainText('Annuler la dernière étiquette');
  await annotate.press('1');
  await annotate.press('Escape');
  await expect(annotate.helpDialog).toBeHidden();
  await annotate.expectPosition(1);
  await annotate.expectProgress('Alice', 0);
  // Shortcuts are quiet while typing in a field.
  await annotate.tab('Parcourir');
  await annotate.search.pressSequentially('etat 1 z');
  await expect(annotate.browseCount).toBeVisible();
  await annotate.tab('Étiqueter');
  await annotate.expectProgress('Alice', 0);
});

test('searches without accents, filters and labels a selection in bulk', async ({ page }) => {
  const annotate = new AnnotatePage(page);
  await annotate.open();
  await annotate.createAnnotator('Alice');
  await annotate.tab('Parcourir');
  await annotate.search.fill('ETAT');
  // The count shows once the search has run (while it runs, « Recherche en cours… »).
  await expect(annotate.browseCount).toHaveText(/^\d+ phrases? trouvées?/);
  const rows = annotate.browseRows;
  await expect(rows.first()).toContainText(/[ÉE]tat/i);
  const count = await annotate.browseTotal();
  expect(count).toBeGreaterThan(3);
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(1).getByRole('checkbox').check();
  await annotate.labelSelection('inclassable');
  // Feedback at once: the count is announced and the rows show their new label.
  await expect(annotate.status('2 phrases étiquetées « inclassable » (en lot).')).toBeVisible();
  await expect(rows.nth(0)).toContainText(/Alice\s*inclassable\s*· en lot/);
  await expect(rows.nth(1)).toContainText(/Alice\s*inclassable\s*· en lot/);
  await expect(annotate.saveStatus).toHaveText('Enregistré');
  await annotate.annotatorFilter.selectOption({ label: 'Alice' });
  await expect(annotate.browseCount).toHaveText(/^2 phrases trouvées/);
  await expect(rows.first()).toContainText(/Alice\s*inclassable\s*· en lot/);
  await annotate.tab('Étiqueter');
  await annotate.expectProgress('Alice', 2);
  // A bulk step is undone at once.
  await annotate.press('z');
  await annotate.expectProgress('Alice', 0);
});

test('two annotators on two browsers pool their work: export, import, merge with the conflict listed', async ({ browser }, testInfo) => {
  test.setTimeout(150_000);
  const laptopA = await browser.newContext({ acceptDownloads: true });
  const laptopB = await browser.newContext({ acceptDownloads: true });
  const a = new AnnotatePage(await laptopA.newPage());
  const b = new AnnotatePage(await laptopB.newPage());
  await a.open();
  await a.createAnnotator('Alice');
  await a.press('1', '1', '2');
  await a.expectProgress('Alice', 3);
  const fileA = await a.exportCsv(testInfo.outputPath('alice.csv'));

  await b.open();
  await b.createAnnotator('Bob');
  await b.press('2', '2');
  await b.createAnnotator('Alice');
  // Same seed, same queue: Alice labels her first sentence differently here, after the export above.
  await b.press('3');
  const report = await b.importAnnotations(fileA);
  // The demo dataset's gold labels travel too: every sentence of it is in the file, and all are found here.
  await expect(report).toContainText(/(\d+) phrases lues : \1 retrouvées, 0 créées\. Étiquettes : 2 ajoutées, 0 remplacées/);
  await expect(report).toContainText('1 plus anciennes ignorées');
  await expect(b.importConflicts.getByRole('listitem')).toHaveCount(1);
  await expect(b.importConflicts).toContainText('Alice');
  await b.tab('Étiqueter');
  await b.expectProgress('Alice', 3);
  await b.expectProgress('Bob', 2);

  // Back the other way: A receives Bob's labels, and importing the same file twice changes nothing.
  const fileB = await b.exportCsv(testInfo.outputPath('merged.csv'));
  const back = await a.importAnnotations(fileB);
  await expect(back).toContainText('2 ajoutées');
  await expect(back).toContainText(/Annotateurs : .*Alice/);
  await expect(back).toContainText(/Annotateurs : .*Bob/);
  const again = await a.importAnnotations(fileB);
  await expect(again).toContainText('0 ajoutées, 0 remplacées');
  await a.tab('Parcourir');
  await a.agreementFilter.selectOption({ label: 'Désaccord' });
  await expect(a.browseCount).toHaveText(/^[12] phrases? trouvées?/);
  await laptopA.close();
  await laptopB.close();
});

test('backup, then a fresh browser profile restores identical data; a bad file is refused', async ({ browser }, testInfo) => {
  const first = await browser.newContext({ acceptDownloads: true });
  const a = new AnnotatePage(await first.newPage());
  await a.open();
  await a.createAnnotator('Alice');
  await a.press('1', '2', '3', '1');
  await a.expectProgress('Alice', 4);
  const path = testInfo.outputPath('backup.json');
  await a.backup(path);
  const before = await a.dumpDatabase();

  const second = await browser.newContext();
  const b = new AnnotatePage(await second.newPage());
  await b.open();
  const bad = testInfo.outputPath('bad.json');
  (await import('node:fs')).writeFileSync(bad, '{"format":"autre chose"}');
  await b.chooseBackupFile(bad);
  await expect(b.alert).toContainText('ce n’est pas une sauvegarde Dissidentia');
  await b.restore(path);
  await expect(b.currentAnnotator).toContainText('Alice');
  await b.tab('Étiqueter');
  await b.expectProgress('Alice', 4);
  const after = await b.dumpDatabase();
  for (const table of ['datasets', 'answers', 'annotators', 'annotations', 'guidelines', 'models']) {
    expect(after[table], table).toEqual(before[table]);
  }
  await first.close();
  await second.close();
});
