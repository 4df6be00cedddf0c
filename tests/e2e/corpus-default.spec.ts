// Tout un corpus opens on the dataset a user expects: the one just imported (not the demonstration corpus that
// Annoter seeds afterwards), then the one last chosen on the screen, until another file is imported.
import { expect, test, type Page } from '@playwright/test';
import { AnnotatePage } from './pages/AnnotatePage';
import { CorpusPage } from './pages/CorpusPage';
import { DataPage } from './pages/DataPage';

const importCsv = (page: Page, name: string, answers: string[]) => new DataPage(page).importAnswers(name, answers);

/** The dataset the Corpus view shows, opened from its address without a dataset in it. */
async function openedOn(page: Page): Promise<string | null> {
  await page.goto('/#/a-propos');
  await page.goto('/#/predire/corpus');
  const corpus = new CorpusPage(page);
  await expect(corpus.dataset).toBeVisible();
  await expect(page.getByTestId('corpus-counts')).toBeVisible();
  return corpus.dataset.locator('option:checked').textContent();
}

test('the Corpus view opens on the latest import, then on the dataset last chosen there', async ({ page }) => {
  test.setTimeout(180_000);
  await importCsv(page, 'jeu-a', ['Les impôts sont trop lourds.', 'Merci pour ce débat.']);
  await importCsv(page, 'jeu-b', ['Tous des incapables, démission !']);
  // Annoter seeds the demonstration corpus: newer than the user's files, it must not become the default.
  await new AnnotatePage(page).open();
  const corpus = new CorpusPage(page);
  expect(await openedOn(page)).toBe('jeu-b');
  await expect(corpus.dataset.locator('option')).toHaveText(['Corpus de démonstration', 'jeu-b', 'jeu-a']);
  await expect(page.getByTestId('corpus-counts')).toHaveText('1 réponse, 1 phrase.');

  // A dataset chosen on the screen is the one it opens on next time (a reload without the address's choice).
  await corpus.chooseDataset('jeu-a');
  await expect(page.getByTestId('corpus-counts')).toHaveText('2 réponses, 2 phrases.');
  expect(await openedOn(page)).toBe('jeu-a');

  // A file imported after that choice is what the user expects to see next.
  await importCsv(page, 'jeu-c', ['Le service public recule partout.']);
  expect(await openedOn(page)).toBe('jeu-c');
});
