// Tout un corpus: a dataset scored with a user-trained baseline, explored by score, a sentence sent to Annoter, a
// prediction corrected (an annotation), HTML in an answer shown as text, the CSV export, phone and laptop screenshots.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { AnnotatePage } from './pages/AnnotatePage';
import { CorpusPage } from './pages/CorpusPage';
import { ModelsPage } from './pages/ModelsPage';

const HTML = 'Voici <img src=x onerror=alert(1)> dans ma réponse.';
const ANSWERS = [
  'Tous des pourris, démission ! Je remercie les agents de la mairie pour leur accueil.',
  'Organisation nulle. Je suggère de simplifier ce fonctionnement.',
  `${HTML} Les impôts sont délirants, on se moque de nous !`,
  'Il faudrait regrouper les petites communes pour mutualiser les services.',
  'Bande de voleurs, vous nous méprisez. Le site de la préfecture ne marche jamais.',
  'Merci pour ce débat. Je propose plus de maisons de services au public dans les campagnes.',
];
const CSV = `id,reponse\n${ANSWERS.map((a, i) => `r${i + 1},"${a.replace(/"/g, '""')}"`).join('\n')}\n`;

test('a dataset scored with a user-trained model is explored, corrected, sent to Annoter and exported', async ({ page }) => {
  // Training, an import and a scoring run in one story: longer than the default minute on a loaded machine.
  test.setTimeout(480_000);
  let dialogs = 0;
  page.on('dialog', (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  const models = new ModelsPage(page);
  await models.open();
  await models.train({ name: 'mon-modele', holdout: false });
  await expect(models.row('mon-modele').getByRole('radio')).toBeChecked({ timeout: 180_000 });

  await page.goto('/#/donnees');
  await page.locator('main').getByTestId('csv-input').last().setInputFiles({ name: 'corpus-e2e.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.getByTestId('import-config').getByRole('button', { name: 'Importer' }).click();
  await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 60_000 });

  const corpus = new CorpusPage(page);
  await corpus.open();
  await corpus.chooseDataset('corpus-e2e');
  await expect(corpus.model.locator('option:checked')).toHaveText('mon-modele (actif)');
  await expect(page.getByTestId('corpus-counts')).toHaveText('6 réponses, 11 phrases.');
  await expect(corpus.estimate).toContainText(/Durée estimée : \d+ s/);
  await corpus.score();
  await expect(corpus.status).toContainText('« mon-modele » : 11 phrases');

  // Sentences by score, most dissident first; the histogram counts every scored sentence.
  await expect(corpus.found).toHaveText('11 phrases trouvées');
  await expect(corpus.rows).toHaveCount(11);
  const percents = (await corpus.rows.getByTestId('scored-probability').allTextContents()).map((p) => Number(p.replace(/[^\d]/g, '')));
  expect(percents).toEqual([...percents].sort((a, b) => b - a));
  await expect(corpus.rows.first().getByTestId('scored-verdict')).toHaveText('Dissidente');
  const bins = page.getByTestId('corpus-histogram').locator('table tbody td');
  await expect(bins).toHaveCount(20);
  expect((await bins.allTextContents()).reduce((n, c) => n + Number(c), 0)).toBe(11);

  // The filter keeps exactly the sentences the list called dissident (however many the trained model finds).
  const verdicts = await corpus.rows.getByTestId('scored-verdict').allTextContents();
  const expected = verdicts.filter((v) => v === 'Dissidente').length;
  expect(expected).toBeGreaterThan(0);
  await corpus.filter('Verdict du modèle', 'Dissidente');
  await expect(corpus.found).toHaveText(`${expected} ${expected > 1 ? 'phrases trouvées' : 'phrase trouvée'}`);
  await expect(corpus.rows).toHaveCount(expected);
  await expect(corpus.rows.getByTestId('scored-verdict').filter({ hasText: 'Non dissidente' })).toHaveCount(0);
  await corpus.filter('Verdict du modèle', 'Tous');

  // HTML in an answer is text: found by search, shown as written, in the list and in its answer.
  await corpus.search('onerror');
  await expect(corpus.found).toHaveText('1 phrase trouvée');
  await expect(corpus.rows.getByTestId('scored-text')).toHaveText(HTML);
  // A row and its answer are named by the file's line (what a spreadsheet shows), the answer's own id second.
  await expect(corpus.rows.first()).toContainText('Ligne 4 du fichier, phrase 1');
  await corpus.rows.first().getByRole('button', { name: 'Voir la réponse' }).click();
  await expect(corpus.answer.getByRole('heading', { level: 3 })).toHaveText('Réponse de la ligne 4 du fichier');
  await expect(corpus.answer).toContainText('Identifiant dans le fichier : r3');
  await expect(corpus.answer.getByTestId('answer-text')).toHaveText(ANSWERS[2]!);
  await expect(corpus.answer.getByTestId('answer-share')).toContainText(/de ses phrases sont dissidentes \(\d sur 2\)/);
  await expect(page.locator('main img')).toHaveCount(0);
  expect(dialogs).toBe(0);
  await corpus.search('');
  await expect(corpus.found).toHaveText('11 phrases trouvées');

  // Without an annotator profile, a correction says where to make one; the sentence goes to Annoter in one click.
  const top = corpus.rows.first();
  const topText = (await top.getByTestId('scored-text').textContent())!;
  await top.getByRole('button', { name: 'non dissident', exact: true }).click();
  await expect(corpus.notice).toHaveText('Créez d’abord votre profil d’annotateur dans Annoter pour enregistrer une étiquette.');
  await top.getByRole('link', { name: 'Étiqueter dans Annoter' }).click();
  const annotate = new AnnotatePage(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Annoter' })).toBeVisible();
  await annotate.createAnnotator('Camille');
  await expect(annotate.sentence).toHaveText(topText);
  await expect(page.getByLabel('Jeu de données')).toHaveValue(await page.getByLabel('Jeu de données').locator('option', { hasText: 'corpus-e2e' }).getAttribute('value') as string);

  // Back in the explorer, the correction is Camille's annotation, and the model is now wrong on that sentence.
  await page.goBack();
  await expect(corpus.rows.first()).toBeVisible();
  await corpus.row(topText).getByRole('button', { name: 'non dissident', exact: true }).click();
  await expect(corpus.notice).toHaveText('Étiquette « non dissident » enregistrée au nom de Camille.');
  await expect(corpus.row(topText).getByTestId('scored-human')).toHaveText('Étiquette humaine : non dissident');
  await corpus.filter('Accord avec l’étiquette humaine', 'Le modèle se trompe');
  await expect(corpus.rows).toHaveCount(1);
  await expect(corpus.rows.getByTestId('scored-text')).toHaveText(topText);
  await corpus.filter('Accord avec l’étiquette humaine', 'Toutes les phrases');

  // The CSV: UTF-8 with a BOM, the CLI's columns and more, one row per sentence.
  const [download] = await Promise.all([page.waitForEvent('download'), corpus.explorer.getByRole('button', { name: 'Exporter en CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('corpus-e2e-mon-modele.scores.csv');
  const bytes = readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.toString('utf8').replace(/^\uFEFF/, '').trim().split('\n');
  expect(lines[0]).toBe('answer_id,sentence_index,start,end,probability,label,sentence,human_label,model,threshold');
  expect(lines).toHaveLength(12);
  expect(lines.find((l) => l.startsWith('r3,0,'))).toContain(HTML);
  expect(lines.some((l) => l.includes(',non dissident,mon-modele,'))).toBe(true);
  await expect(page.getByText('11 phrases exportées.')).toBeVisible();

  for (const [name, size] of [['laptop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/corpus-${name}.png`, fullPage: true });
    // Nothing scrolls sideways: neither the histogram's table for screen readers nor long answer ids.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(size.width);
  }
});

/** The page's score run record(s), read straight from IndexedDB. */
const runs = (page: import('@playwright/test').Page) =>
  page.evaluate(
    () =>
      new Promise<{ status: string; startedAt: number; sentencesDone: number; lastAnswerId: number }[]>((resolve, reject) => {
        const open = indexedDB.open('dissidentia');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('scoreRuns').objectStore('scoreRuns').getAll();
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result);
          };
        };
      }),
  );

test('a run a closed tab left half-way resumes after its last stored answer when the page opens again', async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto('/#/donnees');
  await page.locator('main').getByTestId('csv-input').last().setInputFiles({ name: 'corpus-reprise.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.getByTestId('import-config').getByRole('button', { name: 'Importer' }).click();
  await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 60_000 });
  const corpus = new CorpusPage(page);
  await corpus.open();
  await corpus.chooseDataset('corpus-reprise');
  await corpus.score();
  const [finished] = await runs(page);

  // As a tab closed after the first batch would leave it: the first answer's scores stored, the cursor after it.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('dissidentia');
        open.onsuccess = () => {
          const tx = open.result.transaction(['scores', 'scoreRuns'], 'readwrite');
          const runStore = tx.objectStore('scoreRuns');
          const scoreStore = tx.objectStore('scores');
          runStore.getAll().onsuccess = (e) => {
            const run = (e.target as IDBRequest).result[0];
            scoreStore.getAll().onsuccess = (ev) => {
              const rows = ((ev.target as IDBRequest).result as { modelId: string; answerId: number; probabilities: Float32Array }[]).sort((a, b) => a.answerId - b.answerId);
              const first = rows[0]!;
              for (const row of rows.slice(1)) scoreStore.delete([row.modelId, row.answerId]);
              const n = first.probabilities.length;
              runStore.put({ ...run, status: 'running', lastAnswerId: first.answerId, answersDone: 1, sentencesDone: n, distinctScored: n, seconds: 0 });
            };
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.reload();
  await expect(corpus.status).toContainText('Corpus évalué par', { timeout: 60_000 });
  await expect(corpus.status).toContainText(': 11 phrases');
  const [resumed] = await runs(page);
  // The same run went on (a fresh one would have a new start), and every answer is scored again.
  expect(resumed!.startedAt).toBe(finished!.startedAt);
  expect(resumed!.status).toBe('done');
  expect(resumed!.lastAnswerId).toBe(finished!.lastAnswerId);
  await expect(corpus.found).toHaveText('11 phrases trouvées');
});
