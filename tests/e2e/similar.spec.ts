// Annoter's similar tab: find the sentences nearest to one from Parcourir and label a selection of them at once;
// group near-duplicate answers of an imported file and label a group at once; phone and laptop screenshots.
import { expect, test, type Page } from '@playwright/test';
import { AnnotatePage } from './pages/AnnotatePage';
import { DataPage } from './pages/DataPage';

const similarRows = (page: Page) => page.getByTestId('similar-row');

test('finds sentences similar to one from Parcourir, in order of similarity, and labels a selection in bulk', async ({ page }, testInfo) => {
  const annotate = new AnnotatePage(page);
  await annotate.open();
  await annotate.createAnnotator('Alice');
  await annotate.tab('Parcourir');
  await annotate.search.fill('impôts');
  await expect(annotate.browseCount).toHaveText(/^[1-9]\d* phrases? trouvées?/);
  const source = (await annotate.browseRows.first().locator('p.text').textContent())!;
  await annotate.browseRows.first().getByTestId('find-similar').click();

  await expect(page.getByRole('tab', { name: 'Similaires' })).toHaveAttribute('aria-selected', 'true');
  // The demo dataset is indexed in the worker on first use, then the answer comes.
  await expect(page.getByTestId('similar-status')).toHaveText(/^\s*20 phrases en \d+ ms/, { timeout: 30_000 });
  await expect(page.getByTestId('similar-source')).toContainText(source);
  const rows = similarRows(page);
  await expect(rows).toHaveCount(20);
  await expect(rows.locator('p.text').filter({ hasText: source })).toHaveCount(0);
  const scores = (await page.getByTestId('similarity').allTextContents()).map((s) => Number(s.replace(',', '.')));
  expect(scores[0]).toBeGreaterThan(0);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));

  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(1).getByRole('checkbox').check();
  await page.getByTestId('similar-bulk-bar').getByRole('button', { name: 'dissident', exact: true }).click();
  await expect(page.getByTestId('similar-announcement')).toHaveText('2 phrases étiquetées « dissident » (en lot).');
  await expect(rows.nth(0)).toContainText(/Alice\s*dissident\s*· en lot/);
  await expect(rows.nth(1)).toContainText(/Alice\s*dissident\s*· en lot/);
  await expect(annotate.saveStatus).toHaveText('Enregistré');
  await annotate.tab('Étiqueter');
  await annotate.expectProgress('Alice', 2);

  // A typed text; then the least similar to it (sharing no word: similarity 0).
  await page.getByRole('tab', { name: 'Similaires' }).click();
  await page.getByTestId('similar-text').fill('services publics de proximité');
  await page.getByRole('button', { name: 'Chercher', exact: true }).click();
  await expect(page.getByTestId('similar-source')).toContainText('services publics de proximité');
  await expect(rows.first()).toContainText(/service|public|proximit/i);
  await page.getByLabel('Ordre').selectOption({ label: 'Les moins similaires' });
  await expect(page.getByTestId('similarity').first()).toHaveText('0,00');
  await expect(rows.first()).not.toContainText(/service|public|proximit/i);
  await page.getByLabel('Ordre').selectOption({ label: 'Les plus similaires' });
  await expect(rows.first()).toContainText(/service|public|proximit/i);

  for (const [name, width, height] of [['phone', 390, 844], ['laptop', 1280, 800]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: testInfo.outputPath(`similar-${name}.png`), fullPage: false });
  }
});

test('groups near-duplicate sentences of an imported file and labels a group at once', async ({ page }, testInfo) => {
  const copy = 'Il faut absolument supprimer le Sénat et réduire le nombre de députés de moitié.';
  const answers = [
    copy,
    copy.toUpperCase(),
    copy.replace('de moitié', 'de beaucoup'),
    `${copy} Et vite !`,
    'Les impôts sont beaucoup trop lourds pour les classes moyennes.',
    copy.replace('Sénat', 'senat'),
    'Les services publics ferment les uns après les autres dans nos campagnes.',
    'Oui.',
    'oui.',
    copy.replace('absolument ', ''),
  ];
  const csv = ['id,reponse', ...answers.map((a, i) => `r${i},"${a}"`)].join('\n');
  const data = new DataPage(page);
  await data.open();
  await data.fileInput.setInputFiles({ name: 'copies-collees.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(data.config).toBeVisible();
  await data.importAndWait();

  const annotate = new AnnotatePage(page);
  await annotate.open();
  await annotate.createAnnotator('Bob');
  await annotate.selectDataset('copies-collees');
  await page.getByRole('tab', { name: 'Similaires' }).click();
  await page.getByRole('button', { name: 'Chercher les quasi-doublons' }).click();
  await expect(page.getByTestId('dup-status')).toHaveText(/2 groupes rassemblant 8 phrases sur 11/);
  const groups = page.getByTestId('dup-group');
  await expect(groups).toHaveCount(2);
  await expect(groups.first().getByTestId('dup-size')).toHaveText('6 phrases');
  await expect(groups.first()).toContainText('3 variantes');
  await expect(groups.nth(1).getByTestId('dup-size')).toHaveText('2 phrases');
  await expect(groups.nth(1)).toContainText('identiques');

  await groups.first().getByRole('button', { name: 'non dissident', exact: true }).click();
  await expect(page.getByTestId('dup-announcement')).toHaveText('6 phrases du groupe étiquetées « non dissident ».');
  await expect(groups.first().getByRole('button', { name: 'non dissident', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await annotate.tab('Parcourir');
  await annotate.search.fill('supprimer le senat');
  await expect(annotate.browseCount).toHaveText(/^6 phrases trouvées/);
  await expect(annotate.browseRows.filter({ hasText: /Bob\s*non dissident\s*· en lot/ })).toHaveCount(6);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole('tab', { name: 'Similaires' }).click();
  await page.screenshot({ path: testInfo.outputPath('duplicates-phone.png'), fullPage: true });
});
