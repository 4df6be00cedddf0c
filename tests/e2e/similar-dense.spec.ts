// Annoter's similar tab by meaning: once some of a dataset's sentences have vectors under the tiny encoder (computed
// on Modèles), « sens (vecteurs) » is offered next to TF-IDF, says how many sentences it covers, finds the
// neighbours of a sentence and of a typed text, and its results are labelled in bulk like the TF-IDF ones.
import { expect, test } from '@playwright/test';
import { TINY_ENCODER } from '../../scripts/fixtures/tiny-models';
import { AnnotatePage } from './pages/AnnotatePage';
import { DataPage } from './pages/DataPage';
import { ModelsPage } from './pages/ModelsPage';

// The first transformer request compiles the ONNX runtime: minutes on a busy 2-core machine.
test.describe.configure({ timeout: 300_000 });
const LOAD = { timeout: 200_000 };

test('finds similar sentences by meaning over the embedded sentences and labels a selection', async ({ page }, testInfo) => {
  const answers = [
    'Les impôts sont beaucoup trop lourds pour les classes moyennes.',
    'Les services publics ferment dans nos campagnes.',
    'Il faut supprimer le Sénat au plus vite.',
    'La mairie est fermée le samedi, c’est inadmissible.',
    'Je suis satisfait de la poste de mon village.',
    'Le prix de l’essence est scandaleux.',
    'Les hôpitaux manquent de personnel.',
    'Merci pour ce grand débat.',
  ];
  const csv = ['id,reponse', ...answers.map((a, i) => `r${i},"${a}"`)].join('\n');
  const data = new DataPage(page);
  await data.open();
  await data.fileInput.setInputFiles({ name: 'sens.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(data.config).toBeVisible();
  await data.importAndWait();

  const models = new ModelsPage(page);
  await models.open();
  const panel = page.getByTestId('embeddings');
  await panel.getByLabel('Jeu de données').selectOption({ label: 'sens' });
  await panel.getByLabel('Modèle de langue').selectOption(TINY_ENCODER);
  await panel.getByRole('button', { name: 'Calculer les vecteurs' }).click();
  await expect(panel.getByTestId('embedding-run')).toHaveAttribute('data-state', 'done', LOAD);

  const annotate = new AnnotatePage(page);
  await annotate.open();
  await annotate.createAnnotator('Alice');
  await annotate.selectDataset('sens');
  await page.getByRole('tab', { name: 'Similaires' }).click();
  const method = page.getByTestId('similar-method');
  await method.selectOption({ label: `sens (vecteurs) — ${TINY_ENCODER}` });
  await expect(page.getByTestId('similar-coverage')).toHaveText(`Par le sens : 8 phrases vectorisées sur 8 avec ${TINY_ENCODER} ; les autres n’y sont pas encore.`);

  // A typed text: its vector comes from the encoder in the model worker.
  await page.getByTestId('similar-text').fill('Les impôts sont trop lourds.');
  await page.getByRole('button', { name: 'Chercher', exact: true }).click();
  await expect(page.getByTestId('similar-status')).toHaveText(/^\s*8 phrases en \d+ ms/, LOAD);
  const rows = page.getByTestId('similar-row');
  await expect(rows).toHaveCount(8);
  const scores = (await page.getByTestId('similarity').allTextContents()).map((s) => Number(s.replace(',', '.').replace('−', '-')));
  expect(scores).toEqual([...scores].sort((a, b) => b - a));

  // From a sentence of the results: itself left out.
  const source = (await rows.first().locator('p.text').textContent())!;
  await rows.first().getByTestId('find-similar').click();
  await expect(page.getByTestId('similar-source')).toContainText(source);
  await expect(page.getByTestId('similar-status')).toHaveText(/^\s*7 phrases en \d+ ms/, LOAD);
  await expect(rows.locator('p.text').filter({ hasText: source })).toHaveCount(0);
  await rows.nth(0).getByRole('checkbox').check();
  await rows.nth(1).getByRole('checkbox').check();
  await page.getByTestId('similar-bulk-bar').getByRole('button', { name: 'dissident', exact: true }).click();
  await expect(page.getByTestId('similar-announcement')).toHaveText('2 phrases étiquetées « dissident » (en lot).');
  await expect(rows.nth(0)).toContainText(/Alice\s*dissident\s*· en lot/);

  // Back to words: the TF-IDF answer for the same sentence.
  await method.selectOption({ label: 'mots (TF-IDF)' });
  await expect(page.getByTestId('similar-coverage')).toHaveCount(0);
  await expect(page.getByTestId('similar-status')).toHaveText(/phrases? en \d+ ms|Aucune phrase/, LOAD);

  for (const [name, width, height] of [['phone', 390, 844], ['laptop', 1280, 800]] as const) {
    await page.setViewportSize({ width, height });
    await method.selectOption({ label: `sens (vecteurs) — ${TINY_ENCODER}` });
    await page.screenshot({ path: testInfo.outputPath(`similar-dense-${name}.png`), fullPage: false });
  }
});
