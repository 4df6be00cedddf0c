// Training on the gold labels of several datasets at once: the Modèles form offers them together, every one ticked,
// and the model is trained on all their labelled sentences.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import type { DemoCorpus } from '../../src/lib/demo/corpus';
import { AnnotatePage } from './pages/AnnotatePage';
import { ModelsPage } from './pages/ModelsPage';

// A second labelled dataset, as another team's annotation file would bring it (one sentence left inclassable).
const CSV = [
  'answer_id,sentence_index,text,label',
  'r1,0,Ces bureaucrates se moquent de nous depuis des années.,dissident',
  'r2,0,Je propose un guichet unique dans chaque canton.,non dissident',
  'r3,0,"Quelle honte, ce gouvernement de menteurs !",dissident',
  'r4,0,Voilà.,inclassable',
].join('\n');

const demoCorpus = JSON.parse(readFileSync(new URL('../../src/lib/demo/corpus.json', import.meta.url), 'utf8')) as DemoCorpus;
const demoTrainable = demoCorpus.answers.flatMap((a) => a.sentences).filter((s) => s.label !== 'inclassable').length;

test('a model is trained on the gold labels of two datasets picked together', async ({ page }) => {
  test.setTimeout(120_000);
  const annotate = new AnnotatePage(page);
  await annotate.open();
  await annotate.tab('Échanges et sauvegarde');
  await page.getByTestId('annotations-file').setInputFiles({ name: 'equipe-b.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await page.getByRole('button', { name: 'Importer et fusionner' }).click();
  await expect(page.getByTestId('import-report')).toContainText('Nouveau jeu de données créé');

  const models = new ModelsPage(page);
  await models.open();
  const source = page.getByLabel('Données d’entraînement');
  await source.selectOption({ label: 'Plusieurs jeux annotés (parmi 2)' });
  const datasets = page.getByRole('group', { name: 'Jeux de données à réunir' });
  const total = page.getByTestId('train-datasets-total');
  await expect(datasets.getByRole('checkbox')).toHaveCount(2);
  await expect(total).toContainText(`${demoTrainable + 3} phrases étiquetées en tout dans 2 jeux de données`);
  // Unticking one leaves the other; none ticked, nothing to train.
  await datasets.getByRole('checkbox', { name: /equipe-b/ }).uncheck();
  await expect(total).toContainText(`${demoTrainable} phrases étiquetées en tout dans 1 jeu de données`);
  await datasets.getByRole('checkbox', { checked: true }).uncheck();
  await expect(total).toHaveText('Cochez au moins un jeu de données.');
  await expect(page.getByRole('button', { name: 'Entraîner', exact: true })).toBeDisabled();
  for (const box of await datasets.getByRole('checkbox').all()) await box.check();
  await page.getByRole('form', { name: 'Entraîner un modèle' }).screenshot({ path: test.info().outputPath('train-datasets-laptop.png') });

  await models.train({ name: 'deux-jeux', holdout: false });
  const row = models.row('deux-jeux');
  await expect(row).toHaveCount(1, { timeout: 60_000 });
  await expect(row.getByRole('cell', { name: String(demoTrainable + 3), exact: true })).toHaveCount(1);
});
